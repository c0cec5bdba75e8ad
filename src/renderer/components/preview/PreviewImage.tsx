// The picture in the preview: the original through a signed URL (the cached thumbnail stands in,
// blurred, until it has loaded), or, for types a browser cannot draw (TIFF, HEIF), the thumbnail.
import { useEffect, useState, type MouseEvent } from 'react';
import type { Image } from '../../../shared/api';
import { useOriginalUrl } from '../../hooks/useOriginalUrl';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';

interface Props {
  image: Image;
  /** False: show the thumbnail, the original cannot be drawn here. */
  original: boolean;
  onDoubleClick(event: MouseEvent<HTMLImageElement>): void;
}

export function PreviewImage({ image, original, onDoubleClick }: Props) {
  const thumb = useAppStore((s) => s.thumbUrls[image.id]?.url);
  const alt = image.alt || image.title || image.filename;
  // Opened from a tile its thumbnail is usually signed already; this signs it otherwise.
  useEffect(() => {
    void useAppStore.getState().signThumbs([image.id]);
  }, [image.id]);
  if (!original) {
    return thumb ? (
      <img className="preview__img is-loaded" src={thumb} alt={alt} draggable={false} />
    ) : (
      <span className="spinner preview__spinner" aria-hidden="true" />
    );
  }
  return <OriginalImage image={image} thumb={thumb} alt={alt} onDoubleClick={onDoubleClick} />;
}

function OriginalImage({
  image,
  thumb,
  alt,
  onDoubleClick,
}: {
  image: Image;
  thumb: string | undefined;
  alt: string;
  onDoubleClick(event: MouseEvent<HTMLImageElement>): void;
}) {
  const { src, error, onError } = useOriginalUrl(image.id);
  const [loaded, setLoaded] = useState(false);
  if (error) {
    return (
      <div className="preview__error" role="alert">
        <Icon name="alert" size={28} />
        <p>{error}</p>
      </div>
    );
  }
  return (
    <>
      {thumb && !loaded ? (
        <img className="preview__img preview__img--thumb" src={thumb} alt="" draggable={false} />
      ) : null}
      {src ? (
        <img
          className={`preview__img${loaded ? ' is-loaded' : ''}`}
          src={src}
          alt={alt}
          draggable={false}
          onLoad={() => setLoaded(true)}
          onError={onError}
          onDoubleClick={onDoubleClick}
        />
      ) : null}
      {!loaded ? <span className="spinner preview__spinner" aria-hidden="true" /> : null}
    </>
  );
}
