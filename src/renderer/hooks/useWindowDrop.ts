// Files and folders dropped anywhere on the window go to the upload queue. Returns whether a
// file drag is over the window (for the overlay). Drags of gallery tiles are left alone.
import { useEffect, useState } from 'react';
import { captureDrop, isFileDrag } from '../lib/dropped-files';
import { useAppStore } from '../store/app-store';

/** dragleave fires for every child crossed; a short timer after the last dragover is steadier. */
const HIDE_AFTER_MS = 150;

export function useWindowDrop(): boolean {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onDragOver = (event: DragEvent) => {
      if (!isFileDrag(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
      clearTimeout(timer);
      timer = setTimeout(() => setDragging(false), HIDE_AFTER_MS);
    };
    const onDrop = (event: DragEvent) => {
      if (!isFileDrag(event.dataTransfer)) return;
      event.preventDefault();
      clearTimeout(timer);
      setDragging(false);
      const items = captureDrop(event.dataTransfer!);
      if (items.length > 0) {
        useAppStore.getState().setUploadsOpen(true);
        void useAppStore.getState().addDropped(items);
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return dragging;
}
