// The left side of the preview: the image fitted to the space (any aspect ratio, any window
// size), or at 100% and panned by dragging or with the keyboard; previous/next buttons.
import { useRef } from 'react';
import type { Image } from '../../../shared/api';
import { usePreviewZoom } from '../../hooks/usePreviewZoom';
import { browserCanDisplay } from '../../lib/displayable';
import { Icon } from '../common/Icon';
import { PreviewImage } from './PreviewImage';

export function PreviewStage({ image, step }: { image: Image; step(delta: number): void }) {
  const viewport = useRef<HTMLDivElement>(null);
  const { mode, toggle, panHandlers } = usePreviewZoom(viewport);
  const original = browserCanDisplay(image.contentType);
  const zoomed = mode === 'actual';

  return (
    <div className="preview__stage">
      <div
        ref={viewport}
        className={`preview__viewport preview__viewport--${mode}`}
        // At 100% the picture scrolls: the region takes focus so the keyboard can pan it too.
        tabIndex={zoomed ? 0 : undefined}
        role={zoomed ? 'region' : undefined}
        aria-label={zoomed ? 'Image at 100%: drag or use the arrow keys to move around' : undefined}
        {...panHandlers}
      >
        <div className="preview__canvas">
          <PreviewImage
            key={image.id}
            image={image}
            original={original}
            onDoubleClick={(event) =>
              toggle({ img: event.currentTarget, clientX: event.clientX, clientY: event.clientY })
            }
          />
        </div>
      </div>
      {original ? (
        <button
          type="button"
          className="preview__zoom button button--small"
          aria-pressed={zoomed}
          onClick={() => toggle()}
        >
          {zoomed ? 'Fit to window' : 'Zoom to 100%'}
        </button>
      ) : (
        <p className="preview__note">
          Shown from its thumbnail: browsers cannot display{' '}
          {image.contentType.replace('image/', '').toUpperCase()}. Download the original for full
          size.
        </p>
      )}
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
  );
}
