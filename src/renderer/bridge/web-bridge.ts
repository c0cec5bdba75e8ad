// window.imageDesk for an ordinary browser (the `npm run web` preview): the same ImageDeskBridge
// as Electron's preload, over same-origin fetch to /bridge/* and one shared EventSource.
// Answers and events are kept in the order Electron's IPC gives them: an event emitted before an
// answer was made reaches the listeners before the answer, a later one after it, so an older
// event never overwrites a newer queue snapshot (and a snapshot never hides a newer event).
import type {
  ImageDeskBridge,
  IpcArgs,
  IpcChannel,
  IpcEnvelope,
  IpcEventName,
  IpcResult,
} from '../../shared/ipc';
import { stageFiles } from './stage-files';

export { StageError } from './stage-files';

export interface WebBridgeOptions {
  /** Where the bridge is; '' (the default) is this page's own origin. */
  base?: string;
  /** Sent as x-bridge-token, for clients without the cookie (tools, tests). */
  token?: string;
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  /** Connect the event stream now rather than at the first on() or queue/session call. */
  eager?: boolean;
  /** One staging request carries at most this many files and (unless one file is larger) bytes. */
  stageChunk?: { files: number; bytes: number };
}

interface StreamMessage {
  seq: number;
  event: IpcEventName;
  payload: unknown;
}

type Listener = (payload: unknown) => void;
type Envelope = IpcEnvelope<unknown>;

const OPEN_WAIT_MS = 3_000;
const CATCH_UP_MS = 2_000;
const RECONNECT_MAX_MS = 30_000;
const GONE = {
  ok: false,
  error: {
    code: 'NETWORK_ERROR',
    message: 'The web preview is not reachable. Start `npm run web` again and open its link.',
  },
} as const satisfies Envelope;

/** Channels whose answers describe state that events also change. */
const isOrdered = (channel: string) =>
  channel.startsWith('queue:') || channel.startsWith('session:');

async function readEnvelope(response: Response): Promise<Envelope> {
  const body = (await response.json().catch(() => undefined)) as
    { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (body && typeof body.ok === 'boolean') return body as Envelope;
  if (body?.error && typeof body.error.code === 'string')
    return { ok: false, error: body.error as Extract<Envelope, { ok: false }>['error'] };
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `The bridge answered ${response.status}.` },
  };
}

export function createWebBridge(options: WebBridgeOptions = {}): ImageDeskBridge {
  const base = options.base ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const headers: Record<string, string> = options.token ? { 'x-bridge-token': options.token } : {};

  const listeners = new Map<IpcEventName, Set<Listener>>();
  let source: EventSource | undefined;
  let opens = 0;
  let retryMs = 1_000;
  let lastSeq = 0;
  let holding = 0;
  const held: StreamMessage[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());

  /** Resolves when `done()` holds or after `ms`, re-checking on every stream change. */
  const until = (done: () => boolean, ms: number) =>
    new Promise<void>((resolve) => {
      if (done()) return resolve();
      const finish = () => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const check = () => done() && finish();
      const timer = setTimeout(finish, ms);
      waiters.add(check);
    });

  const deliver = (event: IpcEventName, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`[image-desk] a listener of ${event} failed:`, error);
      }
    }
  };
  const flush = (upTo: number) => {
    while (held.length > 0 && held[0]!.seq <= upTo) {
      const message = held.shift()!;
      deliver(message.event, message.payload);
    }
  };

  const receive = (message: StreamMessage) => {
    lastSeq = message.seq;
    if (holding > 0 || held.length > 0) held.push(message);
    else deliver(message.event, message.payload);
    notify();
  };

  const connect = () => {
    if (source || !EventSourceImpl) return;
    const stream = new EventSourceImpl(`${base}/bridge/events`);
    source = stream;
    stream.onmessage = (event: MessageEvent<string>) => {
      try {
        receive(JSON.parse(event.data) as StreamMessage);
      } catch {
        // not an event of ours
      }
    };
    // The first thing on every connection: the number of the last event emitted before it.
    stream.addEventListener('hello', (event) => {
      try {
        lastSeq = (JSON.parse((event as MessageEvent<string>).data) as { seq: number }).seq;
      } catch {
        // keep the old number
      }
      notify();
    });
    stream.onopen = () => {
      retryMs = 1_000;
      opens += 1;
      notify();
      // Events may have been missed while disconnected: bring the listeners up to date.
      if (opens > 1) void resync();
    };
    stream.onerror = () => {
      notify();
      // EventSource retries network errors itself, but gives up on an HTTP error answer.
      if (stream.readyState !== stream.CLOSED) return;
      source = undefined;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    };
  };
  const isOpen = () => source !== undefined && source.readyState === source.OPEN;

  const invoke = async (channel: string, args?: unknown): Promise<Envelope> => {
    const ordered = isOrdered(channel);
    if (ordered) {
      connect();
      if (source) await until(() => isOpen() || !source, OPEN_WAIT_MS);
      holding += 1;
    }
    let envelope: Envelope = GONE;
    let seq = 0;
    try {
      const response = await doFetch(`${base}/bridge/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ args }),
      });
      seq = Number(response.headers.get('x-bridge-seq')) || 0;
      envelope = await readEnvelope(response);
    } catch {
      // envelope stays GONE
    }
    if (ordered) {
      // Events emitted before the answer are delivered first, as over Electron's IPC…
      if (isOpen()) await until(() => lastSeq >= seq || !isOpen(), CATCH_UP_MS);
      holding -= 1;
      flush(seq);
      // …and later ones only after the caller has taken the answer in.
      if (holding === 0 && held.length > 0) setTimeout(() => holding === 0 && flush(Infinity), 0);
    }
    return envelope;
  };

  const resync = async () => {
    const [session, queue] = await Promise.all([
      invoke('session:get'),
      invoke('queue:view', { filter: 'all', offset: 0, limit: 1 }),
    ]);
    if (session.ok) deliver('session:changed', session.result);
    // Fresh totals make the renderer fetch the rows it shows again.
    if (queue.ok) deliver('queue:totals', (queue.result as IpcResult<'queue:view'>).totals);
  };

  if (options.eager) connect();

  return {
    // The contract's types are the bridge's promise; the bridge itself checks nothing.
    invoke: invoke as <C extends IpcChannel>(
      channel: C,
      args?: IpcArgs<C>,
    ) => Promise<IpcEnvelope<IpcResult<C>>>,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as Listener;
      set.add(wrapped);
      connect();
      return () => {
        set.delete(wrapped);
      };
    },
    pathForFile: () => '',
    previewUrl: (itemId) => `${base}/bridge/preview/${encodeURIComponent(String(itemId))}`,
    stageFiles: (files) =>
      stageFiles(files, {
        base,
        headers,
        fetch: doFetch,
        chunk: options.stageChunk,
        gone: GONE.error,
      }),
  };
}

/**
 * Gives the page window.imageDesk when nothing else has: in Electron the preload already set it
 * (and that one must win), in a browser this bridge does. Call it before the first render.
 */
export function installBridge(): void {
  if (typeof window === 'undefined') return;
  const target = window as unknown as { imageDesk?: ImageDeskBridge };
  if (target.imageDesk) return;
  target.imageDesk = createWebBridge({ eager: true });
}
