// "All images" and "Not in an album": filters, and the latter takes dropped images too.
import { useImageDropTarget } from '../../hooks/useImageDropTarget';
import { useAppStore } from '../../store/app-store';
import { Icon, type IconName } from '../common/Icon';

export function LibraryRow({
  albumId,
  label,
  icon,
}: {
  albumId: 'none' | null;
  label: string;
  icon: IconName;
}) {
  const current = useAppStore((s) => !s.galleryQuery.trash && s.galleryQuery.albumId === albumId);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  const { over, handlers } = useImageDropTarget(null);
  return (
    <li
      className={`sidebar__row${over && albumId === 'none' ? ' is-drop-target' : ''}`}
      {...(albumId === 'none' ? handlers : {})}
    >
      <button
        type="button"
        className={`sidebar__item${current ? ' is-current' : ''}`}
        aria-current={current ? 'page' : undefined}
        onClick={() => setGalleryQuery({ albumId })}
      >
        <Icon name={icon} size={16} />
        <span className="sidebar__name">{label}</span>
      </button>
    </li>
  );
}
