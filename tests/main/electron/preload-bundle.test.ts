// The preload as Electron loads it: bundled with scripts/build-config.mjs's options, then run
// in a fresh V8 context whose only module is a fake 'electron' (the binary cannot run here). It
// must need nothing but 'electron' (a sandboxed preload can require nothing else) and expose
// exactly one small object.
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOptions } from '../../../scripts/build-config.mjs';
import { IPC_CHANNELS, IPC_EVENTS } from '../../../src/shared/ipc-channels';

let bundle: string;

beforeAll(async () => {
  // The packaged preload's options, written to memory so the test does not race a build of out/.
  const result = await build({ ...buildOptions('preload'), write: false, logLevel: 'silent' });
  bundle = result.outputFiles.find((file) => file.path.endsWith('.cjs'))!.text;
});

type Listener = (...args: unknown[]) => void;

/** Runs the bundle with a recording fake of the parts of 'electron' a preload may use. */
function loadPreload() {
  const exposed: Array<[string, any]> = [];
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Listener[]>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => void exposed.push([key, api]),
    },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => {
        invoked.push([channel, args]);
        return { ok: true, result: { from: 'main' } };
      },
      on: (event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      },
      removeListener: (event: string, listener: Listener) => {
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
      },
    },
    webUtils: {
      getPathForFile: (file: { path?: string }) => {
        if (typeof file?.path !== 'string') throw new TypeError('not a File');
        return file.path;
      },
    },
  };
  const module = { exports: {} };
  const sandbox = {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require('${id}')`);
      return electron;
    },
  };
  vm.runInNewContext(bundle, sandbox, { filename: 'preload/index.cjs' });
  /** What the main process pushing `payload` on `event` looks like to the preload. */
  const push = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? [])
      listener({ sender: electron.ipcRenderer }, payload);
  };
  return { exposed, invoked, listeners, required, push };
}

let preload: ReturnType<typeof loadPreload>;
let bridge: any;
beforeEach(() => {
  preload = loadPreload();
  bridge = preload.exposed[0]?.[1];
});

describe('preload bundle', () => {
  it("requires only 'electron', and only with a literal name", () => {
    const requires = [...bundle.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    expect(new Set(requires)).toEqual(new Set(['"electron"']));
    expect(preload.required).toEqual(['electron']);
  });

  it('does not carry the zod schemas (only the channel names)', () => {
    expect(bundle).not.toMatch(/ZodError|zod/i);
  });

  it('exposes exactly one object, window.imageDesk, with invoke, on, pathForFile and previewUrl', () => {
    expect(preload.exposed.map(([key]) => key)).toEqual(['imageDesk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pathForFile', 'previewUrl']);
    for (const key of ['ipcRenderer', 'process', 'env', 'require', 'send', 'sendSync']) {
      expect(bridge).not.toHaveProperty(key);
    }
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|process|env/i);
  });
});

describe('imageDesk.invoke', () => {
  it.each([['fs:read'], ['__proto__'], ['session:login\u0000'], [undefined]])(
    'answers NOT_FOUND for %j without reaching the main process',
    async (channel) => {
      await expect(bridge.invoke(channel, { path: '/etc/passwd' })).resolves.toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'Unknown IPC channel.' },
      });
      expect(preload.invoked).toEqual([]);
    },
  );

  it('forwards every channel of the contract with its arguments', async () => {
    for (const channel of IPC_CHANNELS) {
      await expect(bridge.invoke(channel, { n: 1 })).resolves.toEqual({
        ok: true,
        result: { from: 'main' },
      });
    }
    expect(preload.invoked).toEqual(IPC_CHANNELS.map((channel) => [channel, { n: 1 }]));
  });
});

describe('imageDesk.on', () => {
  it('passes the payload only, never the Electron event (whose sender is ipcRenderer)', () => {
    const received: unknown[][] = [];
    bridge.on('queue:item', (...args: unknown[]) => received.push(args));
    preload.push('queue:item', { id: 'q1', state: 'done' });
    expect(received).toEqual([[{ id: 'q1', state: 'done' }]]);
  });

  it('stops delivering after the returned unsubscribe is called', () => {
    const received: unknown[] = [];
    const off = bridge.on('session:expired', (payload: unknown) => received.push(payload));
    const other = bridge.on('session:expired', () => undefined);
    preload.push('session:expired', { message: 'first' });
    off();
    preload.push('session:expired', { message: 'second' });
    expect(received).toEqual([{ message: 'first' }]);
    expect(preload.listeners.get('session:expired')).toHaveLength(1);
    other();
    expect(preload.listeners.get('session:expired')).toHaveLength(0);
  });

  it.each([['ipc-message'], ['queue:add'], ['__proto__'], [42]])(
    'ignores the unknown event %j',
    (event) => {
      const off = bridge.on(event, () => undefined);
      expect(typeof off).toBe('function');
      expect(() => off()).not.toThrow();
      expect(preload.listeners.size).toBe(0);
    },
  );

  it('ignores a listener that is not a function', () => {
    bridge.on('queue:totals', 'alert(1)');
    expect(preload.listeners.size).toBe(0);
  });

  it('can listen to every push event of the contract', () => {
    for (const event of IPC_EVENTS) bridge.on(event, () => undefined);
    expect([...preload.listeners.keys()].sort()).toEqual([...IPC_EVENTS].sort());
  });
});

describe('imageDesk.pathForFile', () => {
  it('returns the path of a dropped file, and an empty string for anything else', () => {
    expect(bridge.pathForFile({ path: '/home/ann/Pictures/a.jpg' })).toBe(
      '/home/ann/Pictures/a.jpg',
    );
    expect(bridge.pathForFile({ name: 'a.jpg' })).toBe('');
    expect(bridge.pathForFile(null)).toBe('');
  });
});

describe('imageDesk.previewUrl', () => {
  it('points at the app protocol preview route, with the id escaped', () => {
    expect(bridge.previewUrl('abc-123')).toBe('app://image-desk/preview/abc-123');
    expect(bridge.previewUrl('../../etc/passwd')).toBe(
      'app://image-desk/preview/..%2F..%2Fetc%2Fpasswd',
    );
  });
});
