// The queued files, virtualized: a thousand rows cost what a screenful costs.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { QueueRow, QUEUE_ROW_HEIGHT } from './QueueRow';

export function QueueList() {
  const order = useAppStore((s) => s.queueOrder);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => order[index]!,
  });
  if (order.length === 0) return <div className="queue-scroll" />;
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
        {virtualizer.getVirtualItems().map((row) => (
          <QueueRow key={row.key} id={order[row.index]!} y={row.start} />
        ))}
      </div>
    </div>
  );
}
