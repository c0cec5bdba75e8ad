// A queue in its own process, for the crash test: the parent SIGKILLs it mid-batch and starts
// it again on the same database. Prints one JSON line per item state change, then a summary.
// With HOLD set it only opens the queue, says so, and keeps it open until killed.
import { ApiClient } from '../../../src/main/services/api-client';
import { UploadQueue } from '../../../src/main/queue';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const { QUEUE_FILE, SERVER_URL, TOKEN, ADD_DIR, HOLD } = process.env;
if (!QUEUE_FILE || !SERVER_URL || !TOKEN) throw new Error('QUEUE_FILE, SERVER_URL, TOKEN needed');

const api = new ApiClient({ serverUrl: SERVER_URL, getToken: () => TOKEN });
const queue = await UploadQueue.open({
  file: QUEUE_FILE,
  api: () => api,
  settings: () => ({ ...DEFAULT_SETTINGS, concurrency: 2 }),
  cpuConcurrency: 2,
  retry: { retries: 4, minTimeoutMs: 50, maxTimeoutMs: 300 },
  onEvent: (event) => {
    if (event.type === 'item') {
      const { id, state, key } = event.item;
      process.stdout.write(`${JSON.stringify({ id, state, keyed: key !== null })}\n`);
    }
  },
});
if (HOLD) {
  process.stdout.write(`${JSON.stringify({ holding: true })}\n`);
  setInterval(() => undefined, 60_000);
  await new Promise(() => undefined);
}
if (ADD_DIR) await queue.add([ADD_DIR]);
queue.start();
await queue.idle();
const { items } = queue.snapshot();
process.stdout.write(
  `${JSON.stringify({ summary: items.map((i) => ({ path: i.path, state: i.state, error: i.error })) })}\n`,
);
await queue.close();
