// The queued files of the chosen filter, virtualized: the list is as tall as the filter's
// count, and only the window around what is on screen is fetched from the main process.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { QueueRow, QUEUE_ROW_HEIGHT } from './QueueRow';

export function QueueList() {
  const window = useAppStore((s) => s.queueWindow);
  const setRange = useAppStore((s) => s.setQueueRange);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: window.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = (rows[rows.length - 1]?.index ?? -1) + 1;
  useEffect(() => setRange(first, Math.max(last, first + 20)), [first, last, setRange]);
  if (window.total === 0) return <div className="queue-scroll" />;
  return (
    // A scrolling region takes focus, so a keyboard can scroll it (its rows may hold no button).
    <div
      ref={scrollRef}
      className="queue-scroll"
      tabIndex={0}
      role="region"
      aria-label="Upload queue, scrollable"
    >
      <div
        role="list"
        aria-label="Upload queue"
        className="queue"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => {
          const id = window.ids[row.index - window.offset];
          return id ? (
            <QueueRow key={id} id={id} y={row.start} />
          ) : (
            // Not fetched yet (a fast scroll): an empty row of the right height meanwhile.
            <div
              key={`pending-${row.index}`}
              role="listitem"
              aria-busy="true"
              className="queue-row queue-row--pending"
              style={{ transform: `translateY(${row.start}px)`, height: QUEUE_ROW_HEIGHT }}
            />
          );
        })}
      </div>
    </div>
  );
}
