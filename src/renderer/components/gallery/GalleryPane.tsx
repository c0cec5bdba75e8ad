// The middle of the window: the toolbar for the current view and selection, then the grid,
// or a word on why it is empty.
import { useAppStore } from '../../store/app-store';
import { GalleryEmpty } from './GalleryEmpty';
import { GalleryGrid } from './GalleryGrid';
import { GalleryToolbar } from './GalleryToolbar';

export function GalleryPane() {
  return (
    <main className="gallery-pane">
      <GalleryToolbar />
      <div className="gallery-pane__body">
        <GalleryGrid />
        <GalleryEmptyWhenNeeded />
      </div>
    </main>
  );
}

function GalleryEmptyWhenNeeded() {
  const empty = useAppStore((s) => s.imageIds.length === 0);
  return empty ? <GalleryEmpty /> : null;
}
