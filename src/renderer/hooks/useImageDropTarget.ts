// Makes an element accept dragged gallery tiles: highlights while they hover, then moves the
// dragged images into the given album (null: out of every album).
import { useState, type DragEvent } from 'react';
import { isImageDrag, readImageIds } from '../lib/drag-images';
import { useAppStore } from '../store/app-store';

export function useImageDropTarget(albumId: string | null) {
  const [over, setOver] = useState(false);
  const handlers = {
    onDragOver(event: DragEvent) {
      if (!isImageDrag(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave() {
      setOver(false);
    },
    onDrop(event: DragEvent) {
      if (!isImageDrag(event.dataTransfer)) return;
      event.preventDefault();
      setOver(false);
      const ids = readImageIds(event.dataTransfer);
      if (ids.length > 0) void useAppStore.getState().moveImagesToAlbum(ids, albumId);
    },
  };
  return { over, handlers };
}
