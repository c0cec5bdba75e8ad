// The preview: the image fitted to the dialog (or at 100%, panned), its details, the editable
// title, alt text and tags, links, download and delete. Arrows step through the gallery.
import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';
import { PreviewDeleteButton } from '../preview/PreviewDeleteButton';
import { PreviewLinks } from '../preview/PreviewLinks';
import { PreviewStage } from '../preview/PreviewStage';
import { ImageDetails } from './ImageDetails';
import { ImageDetailsForm } from './ImageDetailsForm';

export function PreviewDialog() {
  const id = useAppStore((s) => s.previewId);
  const image = useAppStore((s) => (s.previewId ? s.images[s.previewId] : undefined));
  const setPreviewId = useAppStore((s) => s.setPreviewId);
  const close = () => setPreviewId(null);

  const step = (delta: number) => {
    const { imageIds, previewId } = useAppStore.getState();
    const next = imageIds[imageIds.indexOf(previewId ?? '') + delta];
    if (next) setPreviewId(next);
  };

  useEffect(() => {
    if (!id) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Fields keep their arrows, and so does the image at 100% (they pan it).
      if (target?.closest('input, textarea, select, .preview__viewport')) return;
      if (event.key === 'ArrowLeft') step(-1);
      if (event.key === 'ArrowRight') step(1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);

  return (
    <Dialog
      open={Boolean(image)}
      onClose={close}
      title={image ? `Preview of ${image.title || image.filename}` : 'Preview'}
      className="dialog--preview"
    >
      {image ? (
        <div className="preview">
          <PreviewStage key={image.id} image={image} step={step} />
          <aside className="preview__side">
            <div className="preview__head">
              <h2 className="preview__title">{image.title || image.filename}</h2>
              <button
                type="button"
                className="icon-button"
                aria-label="Close preview"
                onClick={close}
              >
                <Icon name="close" />
              </button>
            </div>
            <ImageDetails image={image} />
            <ImageDetailsForm key={image.id} image={image} />
            <PreviewLinks image={image} />
            <div className="preview__actions">
              <PreviewDeleteButton image={image} />
            </div>
          </aside>
        </div>
      ) : null}
    </Dialog>
  );
}
