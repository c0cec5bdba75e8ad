// The preview: the original image through a signed URL (the thumbnail shows while it loads),
// its details, the editable title, alt text and tags, and "Copy link". Arrows step through.
import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { Dialog } from '../common/Dialog';
import { Icon } from '../common/Icon';
import { ImageDetails } from './ImageDetails';
import { ImageDetailsForm } from './ImageDetailsForm';
import { OriginalImage } from './OriginalImage';

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
      if (target?.closest('input, textarea, select')) return;
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
          <div className="preview__stage">
            <OriginalImage key={image.id} image={image} />
            <button
              type="button"
              className="preview__nav preview__nav--prev icon-button"
              aria-label="Previous image"
              onClick={() => step(-1)}
            >
              <Icon name="left" size={22} />
            </button>
            <button
              type="button"
              className="preview__nav preview__nav--next icon-button"
              aria-label="Next image"
              onClick={() => step(1)}
            >
              <Icon name="right" size={22} />
            </button>
          </div>
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
          </aside>
        </div>
      ) : null}
    </Dialog>
  );
}
