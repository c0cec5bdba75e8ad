// The orphan sweeper: uploads presigned but never registered are deleted from the store and the
// table once their expiry and a grace period have passed; nothing else is touched.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dbOf,
  objectKeysOf,
  pendingKeysOf,
  stagedExists,
  stagedKeysOf,
  uploadStored,
} from '../images-db';
import { nodeArgs } from '../../support/compiled';
import { startTestServer, type TestServer } from '../test-server';
import {
  makePng,
  presign,
  presignAndPut,
  putObject,
  registerBody,
  uploadImageWithThumbnail,
} from '../upload-helpers';

const REPO = path.resolve(import.meta.dirname, '../../..');
const HOUR_MS = 60 * 60 * 1000;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** A moment `seconds` after an upload presigned now has expired. */
function afterExpiry(server: TestServer, seconds: number): Date {
  return new Date(Date.now() + (server.server.services.config.presignTtlSeconds + seconds) * 1000);
}

describe('a sweep', () => {
  it('deletes an upload that was PUT but never registered, object and pending row', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(30, 30, 1);
    const orphan = await presignAndPut(t, token, { data });
    const grace = t.server.services.config.pendingGraceSeconds;

    expect(await stagedExists(t, orphan.key)).toBe(true);
    expect(await t.server.sweeper.sweep(afterExpiry(t, grace + 1))).toBeGreaterThanOrEqual(1);
    expect(await uploadStored(t, orphan.key)).toBe(false);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);

    // Registering it now is refused: the upload is gone.
    const late = await t.request('POST', '/api/images', {
      token,
      json: registerBody(orphan.key, data),
    });
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('KEY_NOT_PRESIGNED');
  });

  it('deletes the pending row of an upload that never arrived', async () => {
    const { token, user } = await t.signup();
    const signed = await presign(t, token, { data: await makePng(30, 30, 2) });
    expect(signed.status).toBe(200);
    const grace = t.server.services.config.pendingGraceSeconds;
    await t.server.sweeper.sweep(afterExpiry(t, grace + 1));
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
    expect(await objectKeysOf(t, user.id)).toEqual([]);
  });

  it('leaves registered images and uploads still within expiry plus grace', async () => {
    const { token, user } = await t.signup();
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 3 });
    const data = await makePng(30, 30, 4);
    const pending = await presignAndPut(t, token, { data });
    const grace = t.server.services.config.pendingGraceSeconds;

    // Now, just after the URL expired, and until the grace period ends: nothing goes.
    for (const at of [new Date(), afterExpiry(t, 1), afterExpiry(t, grace - 5)]) {
      await t.server.sweeper.sweep(at);
      expect(await pendingKeysOf(t, user.id)).toEqual([pending.key]);
      expect(await objectKeysOf(t, user.id)).toEqual([image.key, image.thumbnailKey].sort());
      expect(await stagedKeysOf(t, user.id)).toEqual([pending.key]);
    }
    // Still registrable within the grace period.
    const reg = await t.request('POST', '/api/images', {
      token,
      json: registerBody(pending.key, data),
    });
    expect(reg.status).toBe(201);

    await t.server.sweeper.sweep(afterExpiry(t, grace + 3600));
    expect(await objectKeysOf(t, user.id)).toEqual(
      [image.key, image.thumbnailKey, pending.key].sort(),
    );
    expect(await stagedKeysOf(t, user.id)).toEqual([]);
    for (const id of [image.id, reg.body.image.id]) {
      const url = await t.request('GET', `/api/images/${id}/signed-url`, { token });
      expect((await fetch(url.body.url)).status).toBe(200);
    }
  });

  it('deletes an anonymous profile image that no sign-up used', async () => {
    const data = await makePng(16, 16, 5);
    const avatar = await presign(t, undefined, { data, purpose: 'avatar' });
    expect(avatar.status).toBe(200);
    expect(await putObject(avatar.body, data)).toBe(200);
    await t.server.sweeper.sweep(afterExpiry(t, t.server.services.config.pendingGraceSeconds + 1));
    expect(await uploadStored(t, avatar.body.key)).toBe(false);
    const row = await dbOf(t)
      .selectFrom('pendingUploads')
      .select('key')
      .where('key', '=', avatar.body.key)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

/** Runs the compiled entry point (as `npm run server` does) until it has listened, then stops it. */
async function bootMainOnce(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, await nodeArgs('server'), {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening:\n${output}`));
    });
  });
  // A graceful shutdown waits for the sweep that started at boot.
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return output;
}

describe('at boot', () => {
  // Last in this file: it stops this file's server and boots the real entry point on its data.
  it('sweeps what expired while the server was down, and retries what the store refused', async () => {
    const { token, user } = await t.signup();
    const orphan = await presignAndPut(t, token, { data: await makePng(30, 30, 6) });
    const fresh = await presignAndPut(t, token, { data: await makePng(30, 30, 7) });
    const { image } = await uploadImageWithThumbnail(t, token, { seed: 8 });
    // The orphan's URL expired two hours ago (well past the default ten-minute grace).
    await dbOf(t)
      .updateTable('pendingUploads')
      .set({ expiresAt: new Date(Date.now() - 2 * HOUR_MS) })
      .where('key', '=', orphan.key)
      .execute();

    // With the store down, a sweep keeps the row so that a later one can finish the job.
    const embedded = t.server.services.storage.embedded!;
    await embedded.pause();
    try {
      expect(await t.server.sweeper.sweep()).toBe(0);
    } finally {
      await embedded.resume();
    }
    expect(await pendingKeysOf(t, user.id)).toEqual([orphan.key, fresh.key].sort());
    expect(await stagedExists(t, orphan.key)).toBe(true);
    await t.server.close();

    const databaseUrl = t.server.services.config.databaseUrl;
    const log = await bootMainOnce({
      PORT: '0',
      S3_EMBEDDED_PORT: '0',
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    expect(log).toContain('orphan sweep removed unregistered uploads');

    const restarted = await startTestServer({}, { reuse: t });
    try {
      expect(await pendingKeysOf(restarted, user.id)).toEqual([fresh.key]);
      expect(await objectKeysOf(restarted, user.id)).toEqual(
        [image.key, image.thumbnailKey].sort(),
      );
      expect(await stagedKeysOf(restarted, user.id)).toEqual([fresh.key]);
      const list = await restarted.request('GET', '/api/images', { token });
      expect(list.body.images.map((i: any) => i.id)).toEqual([image.id]);
    } finally {
      await restarted.close();
    }
  });
});
