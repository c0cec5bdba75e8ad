// The full-size image in the preview; the cached thumbnail stands in until it has loaded.
import { useState } from 'react';
import type { Image } from '../../../shared/api';
import { useAppStore } from '../../store/app-store';
import { Icon } from '../common/Icon';
import { useOriginalUrl } from '../../hooks/useOriginalUrl';

export function OriginalImage({ image }: { image: Image }) {
  const thumb = useAppStore((s) => s.thumbUrls[image.id]?.url);
  const { src, error, onError } = useOriginalUrl(image.id);
  const [loaded, setLoaded] = useState(false);
  const alt = image.alt || image.title || image.filename;

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
        <img className="preview__img preview__img--thumb" src={thumb} alt="" />
      ) : null}
      {src ? (
        <img
          className={`preview__img${loaded ? ' is-loaded' : ''}`}
          src={src}
          alt={alt}
          onLoad={() => setLoaded(true)}
          onError={onError}
        />
      ) : null}
      {!loaded ? <span className="spinner preview__spinner" aria-hidden="true" /> : null}
    </>
  );
}
