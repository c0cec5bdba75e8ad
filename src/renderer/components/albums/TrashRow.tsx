// "Trash" in the sidebar: what was deleted, until it is restored, emptied or purged.
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

export function TrashRow() {
  const current = useAppStore((s) => s.galleryQuery.trash);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  return (
    <li className="sidebar__row">
      <button
        type="button"
        className={`sidebar__item${current ? ' is-current' : ''}`}
        aria-current={current ? 'page' : undefined}
        onClick={() => setGalleryQuery({ trash: true, albumId: null })}
      >
        <Icon name="trash" size={16} />
        <span className="sidebar__name">Trash</span>
      </button>
    </li>
  );
}
