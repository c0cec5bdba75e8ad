// The tag filters in force, each with a button that removes it.
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function TagFilters() {
  const tags = useAppStore((s) => s.galleryQuery.tags);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label="Tag filters">
      {tags.map((tag) => (
        <li key={tag}>
          <button
            type="button"
            className="tag-chip tag-chip--active"
            aria-label={`Remove the tag filter “${tag}”`}
            onClick={() => setGalleryQuery({ tags: tags.filter((t) => t !== tag) })}
          >
            {tag}
            <Icon name="close" size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
