// Queue events are coalesced: the latest per file, delivered once per frame.
import { describe, expect, it } from 'vitest';
import { createCoalescer, type Scheduler } from '../../../src/renderer/lib/coalesce';

interface Ev {
  id: string;
  n: number;
}

function manualFrames() {
  const pending: Array<() => void> = [];
  const schedule: Scheduler = (run) => {
    pending.push(run);
    return () => {
      const i = pending.indexOf(run);
      if (i >= 0) pending.splice(i, 1);
    };
  };
  return { schedule, frame: () => pending.splice(0).forEach((run) => run()), pending };
}

describe('createCoalescer', () => {
  it('delivers one batch per frame with the latest event per key, in first-seen order', () => {
    const frames = manualFrames();
    const batches: Ev[][] = [];
    const c = createCoalescer<Ev>(
      (e) => e.id,
      (b) => batches.push(b),
      frames.schedule,
    );
    for (let n = 0; n < 100; n++) c.push({ id: n % 2 ? 'b' : 'a', n });
    c.push({ id: 'c', n: 100 });
    expect(frames.pending).toHaveLength(1);
    expect(batches).toEqual([]);
    frames.frame();
    expect(batches).toEqual([
      [
        { id: 'a', n: 98 },
        { id: 'b', n: 99 },
        { id: 'c', n: 100 },
      ],
    ]);
  });

  it('schedules again only once new events arrive', () => {
    const frames = manualFrames();
    const batches: Ev[][] = [];
    const c = createCoalescer<Ev>(
      (e) => e.id,
      (b) => batches.push(b),
      frames.schedule,
    );
    c.push({ id: 'a', n: 1 });
    frames.frame();
    frames.frame();
    expect(batches).toHaveLength(1);
    c.push({ id: 'a', n: 2 });
    frames.frame();
    expect(batches).toEqual([[{ id: 'a', n: 1 }], [{ id: 'a', n: 2 }]]);
  });

  it('flush delivers now and cancels the frame; dispose drops what is pending', () => {
    const frames = manualFrames();
    const batches: Ev[][] = [];
    const c = createCoalescer<Ev>(
      (e) => e.id,
      (b) => batches.push(b),
      frames.schedule,
    );
    c.push({ id: 'a', n: 1 });
    c.flush();
    expect(batches).toEqual([[{ id: 'a', n: 1 }]]);
    expect(frames.pending).toHaveLength(0);
    c.push({ id: 'b', n: 2 });
    c.dispose();
    frames.frame();
    expect(batches).toHaveLength(1);
  });
});
