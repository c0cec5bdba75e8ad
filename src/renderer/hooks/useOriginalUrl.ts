// A signed URL of an image's original for the preview; if the image fails to load, it is
// re-signed once, and a second failure becomes an error sentence.
import { useEffect, useState } from 'react';
import { errorMessage } from '../lib/ipc';
import { useAppStore } from '../store/app-store';

const FAILED = 'The original could not be loaded.';

export function useOriginalUrl(id: string) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retried, setRetried] = useState(false);
  useEffect(() => {
    let live = true;
    useAppStore
      .getState()
      .originalUrl(id)
      .then((url) => live && setSrc(url))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);
  const onError = () => {
    if (retried) return setError(FAILED);
    setRetried(true);
    useAppStore
      .getState()
      .originalUrl(id, true)
      .then(setSrc)
      .catch(() => setError(FAILED));
  };
  return { src, error, onError };
}
