// The Electron IPC transport with a fake ipcMain (the Electron binary cannot run here): every
// channel is registered, messages from anything but the app's own window and page are refused
// before the router sees them, and push events go to the main window only.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { createEventSender, registerIpc } from '../../../src/main/ipc/electron-transport';
import type { IpcRouter } from '../../../src/main/ipc/router';
import { APP_ORIGIN, type IpcSenderInfo } from '../../../src/main/ipc/sender-check';
import { IPC_CHANNELS } from '../../../src/shared/ipc';

type Handler = (event: IpcMainInvokeEvent, args: unknown) => Promise<unknown>;

const WINDOW_ID = 7;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  };
  const dispatched: Array<[unknown, unknown]> = [];
  const router: IpcRouter = {
    dispatch: async (channel, args) => {
      dispatched.push([channel, args]);
      return { ok: true, result: { echoed: args } };
    },
  };
  const rejected: Array<[string, IpcSenderInfo]> = [];
  registerIpc(
    ipcMain,
    router,
    { windowId: () => WINDOW_ID, origin: APP_ORIGIN },
    (channel, sender) => rejected.push([channel, sender]),
  );
  const invoke = (channel: string, event: IpcMainInvokeEvent, args: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, args);
  };
  return { handlers, invoke, dispatched, rejected };
}

/** An invoke event as Electron builds it: the sender's webContents and the frame that sent it. */
function event(options: {
  senderId?: number;
  url?: string;
  frame?: 'main' | 'sub' | 'none';
}): IpcMainInvokeEvent {
  const mainFrame = { url: options.url ?? `${APP_ORIGIN}/index.html`, name: 'main' };
  const frame = options.frame ?? 'main';
  const senderFrame =
    frame === 'none' ? null : frame === 'main' ? mainFrame : { url: mainFrame.url, name: 'sub' };
  return {
    sender: { id: options.senderId ?? WINDOW_ID, mainFrame },
    senderFrame,
  } as unknown as IpcMainInvokeEvent;
}

const FORBIDDEN = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not use the app.' },
};

describe('registerIpc', () => {
  it('registers a handler for every channel of the contract, and nothing else', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it("dispatches a message from the app's own window and page", async () => {
    const { invoke, dispatched, rejected } = setup();
    const args = { serverUrl: 'https://images.example', email: 'a@b.c', password: 'x' };
    const res = await invoke('session:login', event({}), args);
    expect(res).toEqual({ ok: true, result: { echoed: args } });
    expect(dispatched).toEqual([['session:login', args]]);
    expect(rejected).toEqual([]);
  });

  it('dispatches from any page of the app origin', async () => {
    const { invoke, dispatched } = setup();
    await invoke('settings:get', event({ url: `${APP_ORIGIN}/gallery?album=1#top` }), undefined);
    expect(dispatched).toEqual([['settings:get', undefined]]);
  });

  it.each([
    ['another window', { senderId: WINDOW_ID + 1 }],
    ['a subframe of the app window', { frame: 'sub' as const }],
    ['the window after navigating to another site', { url: 'https://evil.example/' }],
    ['a look-alike host', { url: 'app://image-desk.evil.example/index.html' }],
    ['another custom-scheme host', { url: 'app://other-app/index.html' }],
    ['a file:// page', { url: 'file:///tmp/evil.html' }],
    ['a data: page', { url: 'data:text/html,<script>1</script>' }],
    ['about:blank', { url: 'about:blank' }],
    ['a plain-http page on loopback', { url: 'http://127.0.0.1:5173/' }],
    ['a frame that is gone (null senderFrame)', { frame: 'none' as const }],
    ['an empty frame URL', { url: '' }],
  ])('refuses %s with FORBIDDEN without calling the router', async (_label, options) => {
    const { invoke, dispatched, rejected } = setup();
    const res = await invoke('session:logout', event(options), undefined);
    expect(res).toEqual(FORBIDDEN);
    expect(dispatched).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]![0]).toBe('session:logout');
  });

  it('refuses before the window exists', async () => {
    const handlers = new Map<string, Handler>();
    const dispatched: unknown[] = [];
    registerIpc(
      { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) },
      { dispatch: async (channel) => (dispatched.push(channel), { ok: true, result: null }) },
      { windowId: () => undefined, origin: APP_ORIGIN },
    );
    const res = await handlers.get('session:get')!(event({}), undefined);
    expect(res).toEqual(FORBIDDEN);
    expect(dispatched).toEqual([]);
  });
});

describe('createEventSender', () => {
  function fakeContents(destroyed = false) {
    const sent: Array<[string, unknown]> = [];
    const contents = {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
    } as unknown as WebContents;
    return { contents, sent };
  }

  it('sends push events to the main window', () => {
    const { contents, sent } = fakeContents();
    createEventSender(() => contents)('settings:warning', { message: 'Defaults in use.' });
    expect(sent).toEqual([['settings:warning', { message: 'Defaults in use.' }]]);
  });

  it('drops events while there is no window or after it closed', () => {
    const closed = fakeContents(true);
    expect(() =>
      createEventSender(() => undefined)('session:expired', { message: 'x' }),
    ).not.toThrow();
    createEventSender(() => closed.contents)('session:expired', { message: 'x' });
    expect(closed.sent).toEqual([]);
  });
});
