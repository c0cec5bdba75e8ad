// The window's size and position survive a restart: saved to window-state.json after the
// window has been still for half a second (once, however many moves), at once on close, and
// read back only when the file is really one of ours.
import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trackWindowState } from '../../../src/main/window-state/track-window-state';
import type { Rect } from '../../../src/main/window-state/window-placement';
import {
  WINDOW_STATE_FILE,
  WindowStateStore,
} from '../../../src/main/window-state/window-state-store';
import { FakeClock } from '../../support/fake-clock';
import { tempDirs } from '../services/helpers';
import { recordingLog } from '../support/recording-log';

const newDir = tempDirs('image-desk-window-');

async function openStore() {
  const dataDir = await newDir();
  const clock = new FakeClock();
  const log = recordingLog();
  const store = new WindowStateStore({ dataDir, log, timers: clock });
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const onDisk = async () => JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  return { dataDir, clock, log, store, file, onDisk };
}

/** What trackWindowState reads of a BrowserWindow (the real one needs the Electron binary). */
class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 100, y: 80, width: 1280, height: 840 };
  maximized = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isDestroyed = () => false;
}

describe('WindowStateStore', () => {
  it('reads back what it saved', async () => {
    const t = await openStore();
    const state = { bounds: { x: -1200, y: 40, width: 1000, height: 700 }, maximized: true };
    t.store.saveSoon(state);
    await t.store.flush();
    const again = new WindowStateStore({ dataDir: t.dataDir, log: t.log });
    expect(again.latest()).toBeUndefined();
    expect(await again.load()).toEqual(state);
    expect(again.latest()).toEqual(state);
  });

  it('knows the newest state before it is written (a window reopened on macOS goes there)', async () => {
    const t = await openStore();
    const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: false };
    t.store.saveSoon(state);
    expect(t.store.latest()).toEqual(state);
  });

  it('has nothing to offer the first time', async () => {
    const t = await openStore();
    expect(await t.store.load()).toBeUndefined();
    expect(t.log.lines).toEqual([]);
  });

  it.each([
    ['not JSON', '{"bounds":'],
    ['the wrong shape', JSON.stringify({ bounds: { x: 'left', y: 0 }, maximized: 'yes' })],
    [
      'absurd sizes',
      JSON.stringify({ bounds: { x: 0, y: 0, width: 0, height: 1e9 }, maximized: false }),
    ],
  ])('ignores a file with %s, and says so in the log', async (_what, text) => {
    const t = await openStore();
    await fs.writeFile(t.file, text);
    expect(await t.store.load()).toBeUndefined();
    expect(t.log.lines.map(([level]) => level)).toEqual(['warn']);
  });

  it('waits until the window has been still for half a second, then saves the latest bounds', async () => {
    const t = await openStore();
    const window = new FakeWindow();
    trackWindowState(window, t.store);

    for (let x = 100; x <= 500; x += 100) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
      await t.clock.advance(200);
    }
    await expect(fs.access(t.file)).rejects.toThrow();

    await t.clock.advance(300);
    await t.store.flush();
    expect(await t.onDisk()).toEqual({
      bounds: { x: 500, y: 80, width: 1280, height: 840 },
      maximized: false,
    });
  });

  it('keeps the normal bounds and the maximized flag when maximized', async () => {
    const t = await openStore();
    const window = new FakeWindow();
    trackWindowState(window, t.store);
    window.maximized = true;
    window.emit('maximize');
    await t.clock.advance(500);
    await t.store.flush();
    expect(await t.onDisk()).toEqual({
      bounds: { x: 100, y: 80, width: 1280, height: 840 },
      maximized: true,
    });
  });

  it('saves at once when the window closes', async () => {
    const t = await openStore();
    const window = new FakeWindow();
    trackWindowState(window, t.store);
    window.bounds = { x: 10, y: 20, width: 900, height: 600 };
    window.emit('resize');
    window.emit('close');
    // No time passes: the close wrote it.
    await t.store.flush();
    expect(await t.onDisk()).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 600 },
      maximized: false,
    });
    expect(t.clock.pending).toBe(0);
  });

  it('logs a save that fails rather than throwing', async () => {
    const t = await openStore();
    // A folder where the file should be: the rename onto it fails.
    await fs.mkdir(t.file);
    t.store.saveSoon({ bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: false });
    await t.store.flush();
    expect(t.log.lines.map(([level, message]) => [level, message])).toEqual([
      ['warn', `could not save the window state to ${t.file}:`],
    ]);
  });
});
