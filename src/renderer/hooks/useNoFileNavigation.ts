// Outside the places that take files, a dropped file must not make the browser open it in
// place of the app (Electron blocks that navigation itself; a browser does not).
import { useEffect } from 'react';
import { isFileDrag } from '../lib/dropped-files';

export function useNoFileNavigation(): void {
  useEffect(() => {
    const stop = (event: DragEvent) => {
      if (isFileDrag(event.dataTransfer)) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
