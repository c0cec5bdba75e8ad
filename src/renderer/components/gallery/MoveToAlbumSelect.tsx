// The keyboard way to move the selection into an album (dragging onto the sidebar is the other).
import { useAppStore } from '../../store/app-store';
import { selectedInOrder } from '../../lib/selection';

const NO_ALBUM = '__none__';

export function MoveToAlbumSelect() {
  const albums = useAppStore((s) => s.albums);
  const move = () => {
    const { selection, imageIds } = useAppStore.getState();
    return selectedInOrder(selection, imageIds);
  };
  return (
    <select
      className="select select--small"
      aria-label="Move selected to album"
      value=""
      onChange={(event) => {
        const target = event.target.value;
        if (!target) return;
        void useAppStore.getState().moveImagesToAlbum(move(), target === NO_ALBUM ? null : target);
      }}
    >
      <option value="">Move to album…</option>
      {albums.map((album) => (
        <option key={album.id} value={album.id}>
          {album.name}
        </option>
      ))}
      <option value={NO_ALBUM}>No album</option>
    </select>
  );
}
