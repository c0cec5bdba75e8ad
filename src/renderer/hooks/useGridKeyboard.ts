// Keyboard control of the gallery: arrows move (Shift extends, Ctrl/Cmd moves focus only),
// Space toggles, Enter opens, Ctrl/Cmd+A selects all, Escape clears, Delete asks to delete.
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { useAppStore } from '../store/app-store';

function focusTile(list: RefObject<HTMLElement | null>, id: string, tries = 6): void {
  requestAnimationFrame(() => {
    const tile = list.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    // The row may not be rendered until the virtualizer has scrolled to it.
    if (tile) tile.focus({ preventScroll: true });
    else if (tries > 0) focusTile(list, id, tries - 1);
  });
}

export function useGridKeyboard({
  columns,
  listRef,
  scrollToIndex,
}: {
  columns: number;
  listRef: RefObject<HTMLElement | null>;
  scrollToIndex: (index: number) => void;
}) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const store = useAppStore.getState();
      const count = store.imageIds.length;
      const mods = { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey };
      const moves: Record<string, number> = {
        ArrowLeft: -1,
        ArrowRight: 1,
        ArrowUp: -columns,
        ArrowDown: columns,
        Home: -count,
        End: count,
      };
      const delta = moves[event.key];
      if (delta !== undefined) {
        event.preventDefault();
        store.moveSelection(delta, mods);
        const focus = useAppStore.getState().selection.focus;
        if (focus) {
          scrollToIndex(store.imageIds.indexOf(focus));
          focusTile(listRef, focus);
        }
        return;
      }
      const focus = store.selection.focus;
      if (event.key === ' ') {
        event.preventDefault();
        store.toggleFocusedImage();
      } else if (event.key === 'Enter' && focus) {
        event.preventDefault();
        store.setPreviewId(focus);
      } else if ((event.key === 'a' || event.key === 'A') && mods.toggle) {
        event.preventDefault();
        store.selectAllImages();
      } else if (event.key === 'Escape' && store.selection.selected.size > 0) {
        event.preventDefault();
        store.clearImageSelection();
      } else if (
        (event.key === 'Delete' || event.key === 'Backspace') &&
        store.selection.selected.size > 0
      ) {
        event.preventDefault();
        store.setDeleteConfirmOpen(true);
      }
    },
    [columns, listRef, scrollToIndex],
  );
}
