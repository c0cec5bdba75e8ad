// The virtualized grid: only the rows on screen (plus a few) exist in the DOM, so 10,000
// images scroll like 50. Loads the next page near the end and signs URLs for what is visible.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useElementWidth } from '../../hooks/useElementWidth';
import { useGridKeyboard } from '../../hooks/useGridKeyboard';
import { useVisibleThumbs } from '../../hooks/useVisibleThumbs';
import { GRID, gridLayout, idsOnRows } from '../../lib/grid-layout';
import { useAppStore } from '../../store/app-store';
import { GalleryTile } from './GalleryTile';

/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD_ROWS = 4;

export function GalleryGrid() {
  const ids = useAppStore((s) => s.imageIds);
  const focusId = useAppStore((s) => s.selection.focus);
  const hasMore = useAppStore((s) => s.nextCursor !== null);
  const loadingMore = useAppStore((s) => s.galleryLoadingMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const layout = gridLayout(width);
  const rowCount = Math.ceil(ids.length / layout.columns);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: 3,
    paddingStart: GRID.padding,
    paddingEnd: GRID.padding,
  });

  useEffect(() => virtualizer.measure(), [layout.rowHeight, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const rowIndexes = rows.map((row) => row.index);
  useVisibleThumbs(idsOnRows(ids, layout.columns, rowIndexes));

  const lastRow = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastRow >= rowCount - LOAD_AHEAD_ROWS) {
      void useAppStore.getState().loadMoreImages();
    }
  }, [hasMore, loadingMore, lastRow, rowCount]);

  const onKeyDown = useGridKeyboard({
    columns: layout.columns,
    listRef,
    scrollToIndex: (index) =>
      virtualizer.scrollToIndex(Math.floor(index / layout.columns), { align: 'auto' }),
  });

  const tabStop = focusId !== null && ids.includes(focusId) ? focusId : ids[0];

  return (
    <div ref={scrollRef} className="grid-scroll">
      <div
        ref={listRef}
        role="list"
        aria-label="Gallery"
        className="grid"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.flatMap((row) =>
          ids
            .slice(row.index * layout.columns, (row.index + 1) * layout.columns)
            .map((id, col) => (
              <GalleryTile
                key={id}
                id={id}
                tabStop={id === tabStop}
                x={GRID.padding + col * (layout.tile + layout.gap)}
                y={row.start}
                size={layout.tile}
              />
            )),
        )}
      </div>
      {loadingMore ? (
        <p className="grid-more" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Loading more…
        </p>
      ) : null}
    </div>
  );
}
