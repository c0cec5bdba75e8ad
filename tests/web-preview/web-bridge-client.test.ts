// The browser client with the network scripted (fetch and EventSource stand-ins), for what a real
// browser and server produce only by chance: an event emitted before an answer was made reaches
// the renderer first, a later one after the caller has the answer, as over Electron's IPC; and
// how files are split into staging requests. The same client runs against the real preview in
// Chromium in web-bridge-browser.test.ts.
import { describe, expect, it } from 'vitest';
import { createWebBridge } from '../../src/renderer/bridge/web-bridge';

class ScriptedEventSource {
  static last: ScriptedEventSource | undefined;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly named = new Map<string, (event: { data: string }) => void>();

  constructor(readonly url: string) {
    ScriptedEventSource.last = this;
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    this.named.set(name, listener);
  }
  open(seq: number) {
    this.readyState = 1;
    this.onopen?.();
    this.named.get('hello')?.({ data: JSON.stringify({ seq }) });
  }
  push(seq: number, event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ seq, event, payload }) });
  }
}

/** A fetch whose answers the test releases by hand, each with its x-bridge-seq. */
function scriptedFetch() {
  const pending: Array<{ url: string; answer(seq: number, body: unknown): void }> = [];
  const fetch = (async (url: string) =>
    new Promise<Response>((resolve) => {
      pending.push({
        url,
        answer: (seq, body) =>
          resolve(
            new Response(JSON.stringify(body), {
              headers: { 'content-type': 'application/json', 'x-bridge-seq': String(seq) },
            }),
          ),
      });
    })) as unknown as typeof globalThis.fetch;
  return { fetch, pending };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup() {
  const net = scriptedFetch();
  const bridge = createWebBridge({
    fetch: net.fetch,
    EventSource: ScriptedEventSource as unknown as typeof EventSource,
  });
  const log: string[] = [];
  bridge.on('queue:item', (item) => log.push(`event ${item.state}`));
  const source = ScriptedEventSource.last!;
  return { bridge, net, log, source };
}

describe('web bridge ordering', () => {
  it('delivers older events before the answer and newer ones after it', async () => {
    const { bridge, net, log, source } = setup();
    source.open(3);
    const answered = bridge
      .invoke('queue:view', { filter: 'all', offset: 0, limit: 50 })
      .then(() => log.push('answer'));
    await tick();
    source.push(4, 'queue:item', { state: 'uploading' }); // before the snapshot was taken
    source.push(6, 'queue:item', { state: 'done' }); // after it, but arriving first
    net.pending[0]!.answer(5, { ok: true, result: { items: [], totals: {} } });
    await answered;
    await tick();
    expect(log).toEqual(['event uploading', 'answer', 'event done']);
  });

  it('waits for an event the answer already reflects before answering', async () => {
    const { bridge, net, log, source } = setup();
    source.open(0);
    const answered = bridge.invoke('queue:add', { paths: ['/x'] }).then(() => log.push('answer'));
    await tick();
    net.pending[0]!.answer(1, { ok: true, result: { items: [] } });
    await tick();
    expect(log).toEqual([]);
    source.push(1, 'queue:item', { state: 'queued' });
    await answered;
    expect(log).toEqual(['event queued', 'answer']);
  });

  it('does not hold events back for channels that events do not describe', async () => {
    const { bridge, net, log, source } = setup();
    source.open(0);
    const answered = bridge.invoke('gallery:list').then(() => log.push('answer'));
    await tick();
    source.push(1, 'queue:item', { state: 'processing' });
    expect(log).toEqual(['event processing']);
    net.pending[0]!.answer(1, { ok: true, result: { items: [], nextCursor: null } });
    await answered;
    expect(log).toEqual(['event processing', 'answer']);
  });

  it('waits for the event stream to open before reading queue or session state', async () => {
    const { bridge, net, source } = setup();
    const answered = bridge.invoke('session:get');
    await tick();
    expect(net.pending).toHaveLength(0);
    source.open(0);
    await tick();
    expect(net.pending.map((p) => p.url)).toEqual(['/bridge/invoke/session%3Aget']);
    net.pending[0]!.answer(0, { ok: true, result: { signedIn: false } });
    await expect(answered).resolves.toEqual({ ok: true, result: { signedIn: false } });
  });

  it('turns a bridge refusal and an unreachable bridge into coded envelopes', async () => {
    const refused = createWebBridge({
      fetch: (async () =>
        new Response('{"error":{"code":"FORBIDDEN","message":"no"}}', {
          status: 403,
        })) as unknown as typeof fetch,
    });
    await expect(refused.invoke('settings:get')).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'no' },
    });
    const gone = createWebBridge({
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as unknown as typeof fetch,
    });
    await expect(gone.invoke('settings:get')).resolves.toMatchObject({
      ok: false,
      error: { code: 'NETWORK_ERROR' },
    });
  });
});

describe('web bridge staging', () => {
  /** A bridge whose /bridge/stage answers each request with one path per file part. */
  function stagingBridge(stageChunk?: { files: number; bytes: number }) {
    const requests: string[][] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      const form = init.body as FormData;
      const names = form.getAll('relativePath').map(String);
      requests.push(names);
      if (names.includes('bad.jpg'))
        return new Response(
          '{"error":{"code":"FILE_TOO_LARGE","message":"bad.jpg is too large"}}',
          {
            status: 413,
          },
        );
      return Response.json({ paths: names.map((name) => `/staged/${name}`) });
    }) as unknown as typeof globalThis.fetch;
    return { bridge: createWebBridge({ fetch, stageChunk }), requests };
  }
  const file = (name: string, bytes = 10) => ({ file: new File([new Uint8Array(bytes)], name) });

  it('sends files in chunks by count and returns every path in order', async () => {
    const { bridge, requests } = stagingBridge();
    const files = Array.from({ length: 45 }, (_, i) => file(`f${i}.jpg`));
    const paths = await bridge.stageFiles!(files);
    expect(requests.map((r) => r.length)).toEqual([20, 20, 5]);
    expect(paths).toEqual(files.map((f) => `/staged/${f.file.name}`));
  });

  it('starts a new chunk before the byte budget is exceeded, and sends a big file alone', async () => {
    const { bridge, requests } = stagingBridge({ files: 20, bytes: 100 });
    await bridge.stageFiles!([
      file('a.jpg', 60),
      file('b.jpg', 30),
      file('c.jpg', 30),
      file('huge.jpg', 500),
      file('d.jpg', 1),
    ]);
    expect(requests).toEqual([['a.jpg', 'b.jpg'], ['c.jpg'], ['huge.jpg'], ['d.jpg']]);
  });

  it('sends the relative path of a file from a dropped folder', async () => {
    const { bridge, requests } = stagingBridge();
    await bridge.stageFiles!([
      { ...file('a.jpg'), relativePath: 'trip/day1/a.jpg' },
      file('b.jpg'),
    ]);
    expect(requests).toEqual([['trip/day1/a.jpg', 'b.jpg']]);
  });

  it("rejects with the bridge's code and sentence when staging fails", async () => {
    const { bridge } = stagingBridge();
    await expect(bridge.stageFiles!([file('bad.jpg')])).rejects.toMatchObject({
      name: 'StageError',
      code: 'FILE_TOO_LARGE',
      message: 'bad.jpg is too large',
    });
  });
});
