// One album in the sidebar: shows it when clicked, takes dropped images, and can be renamed
// in place or deleted (after a confirmation; its images stay, in no album).
import { useState } from 'react';
import type { Album } from '../../../shared/api';
import { useImageDropTarget } from '../../hooks/useImageDropTarget';
import { plural } from '../../lib/format';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { AlbumNameForm } from './AlbumNameForm';
import { DeleteAlbumDialog } from './DeleteAlbumDialog';

export function AlbumRow({ album }: { album: Album }) {
  const current = useAppStore((s) => s.galleryQuery.albumId === album.id);
  const setGalleryQuery = useAppStore((s) => s.setGalleryQuery);
  const renameAlbum = useAppStore((s) => s.renameAlbum);
  const { over, handlers } = useImageDropTarget(album.id);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (renaming) {
    return (
      <li className="sidebar__row">
        <AlbumNameForm
          label={`New name for ${album.name}`}
          initial={album.name}
          submitLabel="Rename"
          onSubmit={(name) => renameAlbum(album.id, name)}
          onDone={() => setRenaming(false)}
        />
      </li>
    );
  }

  return (
    <li className={`sidebar__row${over ? ' is-drop-target' : ''}`} {...handlers}>
      <button
        type="button"
        className={`sidebar__item${current ? ' is-current' : ''}`}
        aria-current={current ? 'page' : undefined}
        // The count is a description, so the button's name is exactly the album's name.
        title={plural(album.imageCount, 'image')}
        onClick={() => setGalleryQuery({ albumId: album.id })}
      >
        <Icon name="album" size={16} />
        <span className="sidebar__name">{album.name}</span>
        <span className="sidebar__count" aria-hidden="true">
          {album.imageCount.toLocaleString()}
        </span>
      </button>
      <span className="sidebar__actions">
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Rename album ${album.name}`}
          title="Rename"
          onClick={() => setRenaming(true)}
        >
          <Icon name="pencil" size={14} />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label={`Delete album ${album.name}`}
          title="Delete"
          onClick={() => setDeleting(true)}
        >
          <Icon name="trash" size={14} />
        </button>
      </span>
      <DeleteAlbumDialog album={album} open={deleting} onClose={() => setDeleting(false)} />
    </li>
  );
}
