// Two API servers on one PostgreSQL database and one bucket (an S3-compatible store in its own
// process), both running the bucket reconciler at once: one run takes the lease, unreferenced
// objects under the app's prefixes go, registered images and live uploads stay, objects outside
// the app's prefixes are never touched, and afterwards the bucket holds exactly the database's
// objects. Runs in the api-postgres project only: PGlite cannot be shared by two servers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stagingKey } from '../../../src/server/storage/key-layout';
import { startEmulatorProcess, type EmulatorProcess } from '../../support/s3-emulator-process';
import { imageRowsOf, objectKeysOf, stagedExists, stagedKeysOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, registerBody, uploadImage } from '../upload-helpers';

let store: EmulatorProcess;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  store = await startEmulatorProcess();
  vi.stubEnv('AWS_ACCESS_KEY_ID', store.credentials.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', store.credentials.secretAccessKey);
  a = await startTestServer(store.serverEnv);
  b = await startTestServer({
    ...store.serverEnv,
    DATABASE_URL: a.server.services.config.databaseUrl!,
  });
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  await store?.stop();
  vi.unstubAllEnvs();
});

describe('the reconciler on two servers', () => {
  it('removes only what nothing references, once, whichever server runs', async () => {
    const { token, user } = await a.signup();
    const kept = await uploadImage(a, token, { seed: 1 });

    // A URL replayed after its image was deleted (through the other server).
    const data = await makePng(30, 30, 2);
    const signed = await presign(a, token, { data });
    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await b.request('POST', '/api/images', {
      token,
      json: registerBody(signed.body.key, data),
    });
    expect(reg.status).toBe(201);
    const deleted = await b.request('DELETE', `/api/images/${reg.body.image.id}?permanent=true`, {
      token,
    });
    expect(deleted.status).toBe(204);
    expect(await putObject(signed.body, data)).toBe(200);
    expect(await stagedExists(a, signed.body.key)).toBe(true);

    // A live upload (sent, not registered yet) and a stray object under the app's prefix.
    const live = await makePng(30, 30, 3);
    const pending = await presign(a, token, { data: live });
    expect(await putObject(pending.body, live)).toBe(200);
    const strayKey = `users/${user.id}/stray-${Date.now()}.png`;
    await a.server.services.storage.store.put(strayKey, live, 'image/png');
    // Someone else's object in the same bucket, outside the app's prefixes.
    await a.server.services.storage.store.put('site/logo.png', live, 'image/png');

    const later = new Date(Date.now() + (a.server.services.config.pendingGraceSeconds + 60) * 1000);
    const [first, second] = await Promise.all([
      a.server.reconciler.run(later),
      b.server.reconciler.run(later),
    ]);
    expect([first.ran, second.ran].filter(Boolean)).toHaveLength(1);
    // Until every prefix has been visited.
    for (let i = 0; i < 3; i++) await (i % 2 ? a : b).server.reconciler.run(later);

    expect(await objectKeysOf(a, user.id)).toEqual([kept.image.key]);
    expect(await stagedKeysOf(a, user.id)).toEqual([pending.body.key]);
    expect(await a.objectKeys('site/')).toEqual(['site/logo.png']);
    expect((await imageRowsOf(a, user.id)).map((row) => row.key)).toEqual([kept.image.key]);

    // The live upload is still registrable, through either server.
    const late = await b.request('POST', '/api/images', {
      token,
      json: registerBody(pending.body.key, live),
    });
    expect(late.status).toBe(201);
    expect(await a.objectKeys(stagingKey(pending.body.key))).toEqual([]);
    expect((await objectKeysOf(a, user.id)).sort()).toEqual(
      [kept.image.key, pending.body.key].sort(),
    );
  });

  it('leaves recent objects alone, however unreferenced', async () => {
    const { user } = await a.signup();
    const key = `users/${user.id}/fresh-${Date.now()}.png`;
    await a.server.services.storage.store.put(key, await makePng(10, 10, 4), 'image/png');
    for (let i = 0; i < 3; i++) await a.server.reconciler.run(new Date());
    expect(await objectKeysOf(a, user.id)).toEqual([key]);
  });
});
