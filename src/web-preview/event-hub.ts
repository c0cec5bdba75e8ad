// Fans the desktop core's IPC push events out to every connected browser as Server-Sent Events.
// Each event carries a run-wide sequence number; invoke answers carry the number current when
// they were made, so the browser client can order answers and events as Electron's IPC does.
import type { ServerResponse } from 'node:http';
import type { IpcEventName, IpcEventPayload } from '../shared/ipc';

const KEEP_ALIVE_MS = 15_000;
/** A tab that stops reading is dropped rather than buffered forever; EventSource reconnects. */
const MAX_BUFFERED_BYTES = 8 * 2 ** 20;

export interface EventHub {
  emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void;
  /** The sequence number of the last event emitted (0 before the first). */
  readonly seq: number;
  /** Takes over an HTTP response as an event stream until the browser goes away. */
  attach(response: ServerResponse): void;
  readonly clients: number;
  /** Ends every stream; browsers reconnect on their own (and catch up, see web-bridge.ts). */
  disconnectAll(): void;
  close(): void;
}

export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>();
  let seq = 0;

  const drop = (response: ServerResponse) => {
    clients.delete(response);
    if (!response.destroyed) response.destroy();
  };
  const write = (response: ServerResponse, chunk: string) => {
    response.write(chunk);
    if (response.writableLength > MAX_BUFFERED_BYTES) drop(response);
  };
  const keepAlive = setInterval(() => {
    for (const response of clients) write(response, ': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  return {
    get seq() {
      return seq;
    },
    get clients() {
      return clients.size;
    },
    emit(event, payload) {
      seq += 1;
      const chunk = `id: ${seq}\ndata: ${JSON.stringify({ seq, event, payload })}\n\n`;
      for (const response of clients) write(response, chunk);
    },
    attach(response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        // Proxies (and compression) must not hold events back.
        'x-accel-buffering': 'no',
      });
      // Registered in the same tick as the headers go out: nothing emitted after the browser
      // sees the stream open can be missed.
      clients.add(response);
      // Where the numbering stands: earlier events are not this browser's to wait for.
      response.write(`retry: 2000\nevent: hello\ndata: {"seq":${seq}}\n\n`);
      response.on('close', () => clients.delete(response));
    },
    disconnectAll() {
      for (const response of clients) response.end();
      clients.clear();
    },
    close() {
      clearInterval(keepAlive);
      this.disconnectAll();
    },
  };
}
