// The backend (API and S3 emulator) goes away in the middle of a batch and comes back on the
// same data: the queue rides it out with retries and every file arrives exactly once.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test-server';
import {
  listRows,
  newUser,
  noisyJpeg,
  openQueue,
  useTempDir,
  userObjects,
  watchRequestsTo,
} from './helpers';

const tmp = useTempDir();
const servers: TestServer[] = [];
afterAll(async () => {
  // The restarted server first (it leaves the data dir), then the original (it removes it).
  for (const s of servers.reverse()) await s.close();
});

describe('server stopped mid-batch, then restarted', () => {
  it('completes the batch with every file exactly once', async () => {
    const first = await startTestServer();
    servers.push(first);
    const user = await newUser(first);
    const dir = path.join(tmp(), 'photos');
    await fs.mkdir(dir);
    const files: string[] = [];
    for (let i = 0; i < 16; i++) {
      const file = path.join(dir, `photo-${i}.jpg`);
      await fs.writeFile(file, await noisyJpeg(640, 480, i));
      files.push(file);
    }

    const { queue, until, latest } = await openQueue(
      {
        file: path.join(tmp(), 'queue.json'),
        api: () => user.api,
        // Patient enough to outlast a restart of the server, even on a loaded machine.
        retry: { retries: 10, minTimeoutMs: 200, maxTimeoutMs: 2_000 },
      },
      { concurrency: 2 },
    );
    await queue.add([dir]);
    queue.start();
    await until((views) => views.filter((v) => v.state === 'done').length >= 4);

    // The API and the S3 emulator both go; the restart waits until the queue has run into the
    // stopped server (a refused or reset request), so the batch really rides out the outage.
    const ports = [
      new URL(first.baseUrl).port,
      new URL(first.server.services.storage.embedded!.endpoint).port,
    ];
    const watchers = ports.map((port) => watchRequestsTo(port));
    const hitOutage = Promise.race(watchers.map((w) => w.nextFailure()));
    await first.server.close();
    const doneWhileDown = [...latest.values()].filter((v) => v.state === 'done').length;
    expect(doneWhileDown).toBeLessThan(files.length);
    await hitOutage;
    for (const w of watchers) w.stop();
    const second = await startTestServer({}, { reuse: first, keepPorts: true });
    servers.push(second);
    await queue.idle();

    const { items, totals } = queue.snapshot();
    expect(totals.byState.done).toBe(files.length);
    expect(items.every((i) => i.error === null)).toBe(true);

    const rows = await listRows(second, user.token);
    expect(rows.map((r) => r.filename).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(files.length);
    expect(await userObjects(second, user.id)).toHaveLength(2 * files.length);
    await queue.close();
  });
});
