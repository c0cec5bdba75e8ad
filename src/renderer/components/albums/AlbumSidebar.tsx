// The left column: all images, images in no album, the Trash, and the albums (create, rename, delete,
// and drop targets for selected images).
import { useAppStore } from '../../store/app-store';
import { AlbumRow } from './AlbumRow';
import { LibraryRow } from './LibraryRow';
import { NewAlbumForm } from './NewAlbumForm';
import { TrashRow } from './TrashRow';

export function AlbumSidebar() {
  const albums = useAppStore((s) => s.albums);
  const albumsError = useAppStore((s) => s.albumsError);
  const loadAlbums = useAppStore((s) => s.loadAlbums);
  return (
    <nav className="sidebar" aria-label="Albums">
      <h2 className="sidebar__heading">Library</h2>
      <ul className="sidebar__list">
        <LibraryRow albumId={null} label="All images" icon="images" />
        <LibraryRow albumId="none" label="Not in an album" icon="inbox" />
        <TrashRow />
      </ul>
      <div className="sidebar__heading-row">
        <h2 className="sidebar__heading">Albums</h2>
      </div>
      {albumsError ? (
        <p className="sidebar__error">
          {albumsError}{' '}
          <button type="button" className="link-button" onClick={() => void loadAlbums()}>
            Retry
          </button>
        </p>
      ) : null}
      <ul className="sidebar__list sidebar__list--albums">
        {albums.map((album) => (
          <AlbumRow key={album.id} album={album} />
        ))}
      </ul>
      {albums.length === 0 && !albumsError ? (
        <p className="sidebar__empty">No albums yet. Create one, then drag images onto it.</p>
      ) : null}
      <NewAlbumForm />
    </nav>
  );
}
