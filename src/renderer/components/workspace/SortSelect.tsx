// The gallery's sort order.
import type { ImageSort } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';

const SORTS: Array<{ value: ImageSort; label: string }> = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'name', label: 'Name (A–Z)' },
  { value: 'name-desc', label: 'Name (Z–A)' },
  { value: 'size', label: 'Largest first' },
  { value: 'smallest', label: 'Smallest first' },
  { value: 'taken', label: 'Date taken (newest)' },
  { value: 'taken-oldest', label: 'Date taken (oldest)' },
];

export function SortSelect() {
  const sort = useAppStore((s) => s.galleryQuery.sort);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  return (
    <select
      className="select"
      aria-label="Sort"
      value={sort}
      onChange={(event) => setGalleryQuery({ sort: event.target.value as ImageSort })}
    >
      {SORTS.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
