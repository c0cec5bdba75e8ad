// The signed-in window: top bar, album sidebar, gallery (or, for admins, People), and the upload
// panel. Files dropped anywhere on the window go to the queue; dialogs sit on top.
import { useAppStore } from '../../store/app-store';
import { useWindowDrop } from '../../hooks/useWindowDrop';
import { AlbumSidebar } from '../albums/AlbumSidebar';
import { DeleteConfirmDialog } from '../gallery/DeleteConfirmDialog';
import { EmptyTrashDialog } from '../gallery/EmptyTrashDialog';
import { BulkEditDialog } from '../gallery/BulkEditDialog';
import { GalleryPane } from '../gallery/GalleryPane';
import { PreviewDialog } from '../gallery/PreviewDialog';
import { PeopleScreen } from '../people/PeopleScreen';
import { SettingsDialog } from '../settings/SettingsDialog';
import { UploadPanel } from '../upload/UploadPanel';
import { TopBar } from './TopBar';
import { WindowDropOverlay } from './WindowDropOverlay';

export function Workspace() {
  const uploadsOpen = useAppStore((s) => s.uploadsOpen);
  // People is for administrators; a demoted admin's window falls back to the gallery.
  const people = useAppStore((s) => s.view === 'people' && s.session?.user?.role === 'admin');
  const dragging = useWindowDrop();
  return (
    <div className={`workspace${uploadsOpen ? ' workspace--uploads' : ''}`}>
      <TopBar />
      {people ? (
        <PeopleScreen />
      ) : (
        <>
          <AlbumSidebar />
          <GalleryPane />
        </>
      )}
      <UploadPanel />
      <WindowDropOverlay visible={dragging} />
      <DeleteConfirmDialog />
      <EmptyTrashDialog />
      <BulkEditDialog />
      <PreviewDialog />
      <SettingsDialog />
    </div>
  );
}
