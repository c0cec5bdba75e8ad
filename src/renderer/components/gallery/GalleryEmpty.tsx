// What an empty gallery says: loading, an error with a retry, no match, or how to start.
import { useAppStore } from '../../store/app-store';
import { Icon, type IconName } from '../common/Icon';

export function GalleryEmpty() {
  const status = useAppStore((s) => s.galleryStatus);
  const error = useAppStore((s) => s.galleryError);
  const q = useAppStore((s) => s.galleryQuery.q.trim());
  const albumId = useAppStore((s) => s.galleryQuery.albumId);
  const tagged = useAppStore((s) => s.galleryQuery.tags.length > 0);
  const trash = useAppStore((s) => s.galleryQuery.trash);
  const loadGallery = useAppStore((s) => s.loadGallery);

  if (status === 'loading' || status === 'idle') {
    return (
      <div className="empty" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <p className="empty__text">Loading images…</p>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="empty empty--error" role="alert">
        <Icon name="alert" size={32} />
        <p className="empty__title">The gallery could not be loaded</p>
        <p className="empty__text">{error}</p>
        <button type="button" className="button" onClick={() => void loadGallery()}>
          Try again
        </button>
      </div>
    );
  }
  let icon: IconName = 'upload';
  let title = 'No images yet — drop some on the window';
  let text = 'Or use “Choose images” in the upload panel. Folders work too.';
  if (trash) {
    icon = 'trash';
    title = 'The Trash is empty';
    text = 'Deleted images wait here until you restore them or empty the Trash.';
  } else if (q) {
    icon = 'search';
    title = `No images match “${q}”`;
    text = 'Try another word, or clear the search.';
  } else if (tagged) {
    icon = 'search';
    title = 'No images carry every tag chosen';
    text = 'Remove a tag filter at the top to see more.';
  } else if (albumId === 'none') {
    icon = 'inbox';
    title = 'Every image is in an album';
    text = 'Images you upload without an album show up here.';
  } else if (albumId) {
    icon = 'album';
    title = 'This album is empty';
    text = 'Select images in the gallery and drag them onto the album in the sidebar.';
  }
  return (
    <div className="empty">
      <span className="empty__icon" aria-hidden="true">
        <Icon name={icon} size={30} />
      </span>
      <p className="empty__title">{title}</p>
      <p className="empty__text">{text}</p>
    </div>
  );
}
