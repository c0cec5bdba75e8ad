// Dragging gallery tiles onto albums: the ids travel in the drag data under our own type,
// so file drops and tile drags never get mistaken for each other.

export const IMAGE_IDS_TYPE = 'application/x-image-desk-ids';

export function isImageDrag(data: DataTransfer | null): boolean {
  return Boolean(data && [...data.types].includes(IMAGE_IDS_TYPE));
}

export function writeImageIds(data: DataTransfer, ids: readonly string[]): void {
  data.setData(IMAGE_IDS_TYPE, JSON.stringify(ids));
  data.effectAllowed = 'move';
}

export function readImageIds(data: DataTransfer): string[] {
  try {
    const parsed: unknown = JSON.parse(data.getData(IMAGE_IDS_TYPE));
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** A small "3 images" label under the pointer instead of a ghost of one tile. */
export function setCountDragImage(data: DataTransfer, count: number): void {
  if (typeof data.setDragImage !== 'function') return;
  const badge = document.createElement('div');
  badge.className = 'drag-badge';
  badge.textContent = count === 1 ? '1 image' : `${count} images`;
  document.body.append(badge);
  data.setDragImage(badge, 12, 12);
  setTimeout(() => badge.remove(), 0);
}
