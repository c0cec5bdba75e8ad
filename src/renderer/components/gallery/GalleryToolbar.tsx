// Above the grid: what is shown, how many, and what to do with the selection (move, delete;
// in the Trash: restore, delete forever, empty the Trash).
import { useAppStore } from '../../store/app-store';
import { plural } from '../../lib/format';
import { Icon } from '../common/Icon';
import { MoveToAlbumSelect } from './MoveToAlbumSelect';
import { TrashActions } from './TrashActions';

function useViewTitle(): string {
  return useAppStore((s) => {
    const { albumId, owner, trash } = s.galleryQuery;
    if (trash) return 'Trash';
    if (albumId === 'none') return 'Not in an album';
    if (albumId) return s.albums.find((a) => a.id === albumId)?.name ?? 'Album';
    return owner === 'all' ? "Everyone's images" : 'All images';
  });
}

export function GalleryToolbar() {
  const title = useViewTitle();
  const count = useAppStore((s) => s.imageIds.length);
  const more = useAppStore((s) => s.nextCursor !== null);
  const selected = useAppStore((s) => s.selection.selected.size);
  const clear = useAppStore((s) => s.clearImageSelection);
  const setDeleteConfirmOpen = useAppStore((s) => s.setDeleteConfirmOpen);
  const trash = useAppStore((s) => s.galleryQuery.trash);
  const setBulkEditOpen = useAppStore((s) => s.setBulkEditOpen);

  return (
    <div className="toolbar">
      <div className="toolbar__title">
        <h1>{title}</h1>
        <span className="toolbar__count">
          {count > 0 ? `${plural(count, 'image')}${more ? '+' : ''}` : ''}
        </span>
      </div>
      <div className="toolbar__actions">
        {selected > 0 ? (
          <>
            <span className="toolbar__selected" aria-live="polite">
              {selected.toLocaleString()} selected
            </span>
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Clear selection"
              title="Clear selection (Esc)"
              onClick={clear}
            >
              <Icon name="close" size={14} />
            </button>
            {trash ? null : (
              <>
                <MoveToAlbumSelect />
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setBulkEditOpen(true)}
                >
                  Edit…
                </button>
              </>
            )}
          </>
        ) : (
          <span className="toolbar__hint">
            Click to select · Shift or Ctrl for more · double-click to open
          </span>
        )}
        {trash ? (
          <TrashActions />
        ) : (
          <button
            type="button"
            className="button button--danger-soft button--small"
            disabled={selected === 0}
            onClick={() => setDeleteConfirmOpen(true)}
          >
            <Icon name="trash" size={16} />
            Delete selected
          </button>
        )}
      </div>
    </div>
  );
}
