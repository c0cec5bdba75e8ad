// The signed-in window: top bar, album sidebar, gallery, and the upload panel. Files dropped
// anywhere on the window go to the queue; dialogs (settings, delete, preview) sit on top.
import { useAppStore } from '../../store/app-store';
import { useWindowDrop } from '../../hooks/useWindowDrop';
import { AlbumSidebar } from '../albums/AlbumSidebar';
import { DeleteConfirmDialog } from '../gallery/DeleteConfirmDialog';
import { GalleryPane } from '../gallery/GalleryPane';
import { PreviewDialog } from '../gallery/PreviewDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { UploadPanel } from '../upload/UploadPanel';
import { TopBar } from './TopBar';
import { WindowDropOverlay } from './WindowDropOverlay';

export function Workspace() {
  const uploadsOpen = useAppStore((s) => s.uploadsOpen);
  const dragging = useWindowDrop();
  return (
    <div className={`workspace${uploadsOpen ? ' workspace--uploads' : ''}`}>
      <TopBar />
      <AlbumSidebar />
      <GalleryPane />
      <UploadPanel />
      <WindowDropOverlay visible={dragging} />
      <DeleteConfirmDialog />
      <PreviewDialog />
      <SettingsDialog />
    </div>
  );
}
