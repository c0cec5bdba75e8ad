// Every presigned upload URL is used twice by someone. Against the embedded store and against an
// S3-compatible store in a process of its own: a URL replayed after registration or after a
// delete can neither replace nor re-create the image; what arrives must really be the declared
// kind of image (HTML or SVG declared as PNG/GIF is refused and removed); signed GET URLs make
// the store answer with the registered type, inline, under a safe name, and nosniff; and the
// reconciler removes whatever a replay left behind, so the bucket holds exactly the database's
// objects again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stagingKey } from '../../../src/server/storage/key-layout';
import { startEmulatorProcess, type EmulatorProcess } from '../../support/s3-emulator-process';
import {
  imageRowsOf,
  objectExists,
  objectKeysOf,
  pendingKeysOf,
  stagedExists,
  stagedKeysOf,
} from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, registerBody, sha256 } from '../upload-helpers';

const HTML = Buffer.from('<!doctype html><script>fetch("/steal?c="+document.cookie)</script>');
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><rect/></svg>',
);

type Setup = { name: string; start(): Promise<{ t: TestServer; stop(): Promise<void> }> };

const setups: Setup[] = [
  {
    name: 'the embedded store',
    start: async () => {
      const t = await startTestServer();
      return { t, stop: () => t.close() };
    },
  },
  {
    name: 'an S3-compatible store in another process',
    start: async () => {
      const store: EmulatorProcess = await startEmulatorProcess();
      // The SDK's default credential chain reads the process environment.
      vi.stubEnv('AWS_ACCESS_KEY_ID', store.credentials.accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', store.credentials.secretAccessKey);
      const t = await startTestServer(store.serverEnv);
      return {
        t,
        stop: async () => {
          await t.close();
          await store.stop();
          vi.unstubAllEnvs();
        },
      };
    },
  },
];

describe.each(setups)('uploads against $name', (setup) => {
  let t: TestServer;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ t, stop } = await setup.start());
  });
  afterAll(() => stop?.());

  const register = (token: string, body: unknown) =>
    t.request('POST', '/api/images', { token, json: body });

  async function bytesOf(token: string, imageId: string): Promise<Buffer> {
    const signed = await t.request('GET', `/api/images/${imageId}/signed-url`, { token });
    const res = await fetch(signed.body.url);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  /** The bucket holds exactly what the database references, once the reconciler has run. */
  async function expectBucketMatchesRows(userId: string) {
    const later = new Date(Date.now() + (t.server.services.config.pendingGraceSeconds + 60) * 1000);
    // A few runs: each covers every prefix of this small bucket.
    for (let i = 0; i < 3; i++) expect((await t.server.reconciler.run(later)).ran).toBe(true);
    const rows = await imageRowsOf(t, userId);
    const referenced = rows.flatMap((row) => [
      row.key,
      ...(row.thumbnailKey ? [row.thumbnailKey] : []),
    ]);
    expect(await objectKeysOf(t, userId)).toEqual(referenced.sort());
    expect(await stagedKeysOf(t, userId)).toEqual([]);
    expect(await pendingKeysOf(t, userId)).toEqual([]);
  }

  it('reports the store ready', async () => {
    const res = await t.request('GET', '/readyz');
    expect(res.body).toEqual({ ok: true, database: true, storage: true });
  });

  it('a URL replayed before registration cannot replace what the first PUT stored (412)', async () => {
    const { token, user } = await t.signup();
    const first = await makePng(40, 40, 1);
    const signed = await presign(t, token, { data: first });
    expect(await putObject(signed.body, first)).toBe(200);
    const swapped = await makePng(40, 40, 2);
    expect(swapped.length).toBe(first.length);
    // Same length, so the signed Content-Length still matches: only create-once stops it.
    // The exact URL and headers the client got, as anyone who intercepted them would send.
    const replay = await fetch(signed.body.url, {
      method: 'PUT',
      headers: signed.body.headers,
      body: new Uint8Array(swapped),
    });
    expect(replay.status).toBe(412);
    expect(await replay.text()).toContain('PreconditionFailed');
    const reg = await register(token, registerBody(signed.body.key, first));
    expect(reg.status).toBe(201);
    expect((await bytesOf(token, reg.body.image.id)).equals(first)).toBe(true);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('a URL replayed after registration leaves the image as registered', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(40, 40, 3);
    const signed = await presign(t, token, { data });
    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await register(token, registerBody(signed.body.key, data));
    expect(reg.status).toBe(201);

    const other = await makePng(40, 40, 4);
    expect(other.length).toBe(data.length);
    // At most the URL writes its staging copy again; the image itself is out of its reach.
    const replay = await fetch(signed.body.url, {
      method: 'PUT',
      headers: signed.body.headers,
      body: new Uint8Array(other),
    });
    expect(replay.status).toBe(200);
    const stored = await bytesOf(token, reg.body.image.id);
    expect(stored.equals(data)).toBe(true);
    expect(sha256(stored)).toBe(reg.body.image.sha256);
    // Registering the key again changes nothing: the same image comes back, bytes untouched.
    const again = await register(token, registerBody(signed.body.key, other));
    expect(again.status).toBe(200);
    expect(again.body.image.id).toBe(reg.body.image.id);
    expect((await bytesOf(token, reg.body.image.id)).equals(data)).toBe(true);
    await expectBucketMatchesRows(user.id);
  });

  it('a URL replayed after deletion does not re-create the image', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(40, 40, 5);
    const signed = await presign(t, token, { data });
    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await register(token, registerBody(signed.body.key, data));
    expect(reg.status).toBe(201);
    const deleted = await t.request('DELETE', `/api/images/${reg.body.image.id}?permanent=true`, {
      token,
    });
    expect(deleted.status).toBe(204);

    expect(await putObject(signed.body, data)).toBe(200);
    // The image's own key is not writable by any URL: only its staging copy came back.
    expect(await objectExists(t, signed.body.key)).toBe(false);
    expect(await stagedExists(t, signed.body.key)).toBe(true);
    const revived = await register(token, registerBody(signed.body.key, data));
    expect(revived.status).toBe(400);
    expect(revived.body.error.code).toBe('KEY_NOT_PRESIGNED');
    await expectBucketMatchesRows(user.id);
    expect(await stagedExists(t, signed.body.key)).toBe(false);
  });

  it.each([
    ['HTML declared as image/png', HTML, 'image/png'],
    ['SVG with script declared as image/gif', SVG, 'image/gif'],
    ['HTML declared as image/jpeg', HTML, 'image/jpeg'],
  ])('refuses %s with 422 CONTENT_MISMATCH and removes it', async (_what, bytes, type) => {
    const { token, user } = await t.signup();
    const signed = await presign(t, token, { data: bytes, contentType: type });
    expect(signed.status).toBe(200);
    expect(await putObject(signed.body, bytes)).toBe(200);
    const reg = await register(token, {
      ...registerBody(signed.body.key, bytes),
      contentType: type,
    });
    expect(reg.status).toBe(422);
    expect(reg.body.error.code).toBe('CONTENT_MISMATCH');
    expect(reg.body.error.message).toContain(`declared as ${type}`);
    expect(await stagedExists(t, signed.body.key)).toBe(false);
    expect(await objectExists(t, signed.body.key)).toBe(false);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
    expect(await imageRowsOf(t, user.id)).toEqual([]);
  });

  it('refuses a thumbnail that is not WebP inside, and keeps nothing of either file', async () => {
    const { token, user } = await t.signup();
    const data = await makePng(40, 40, 6);
    const original = await presign(t, token, { data });
    const thumb = await presign(t, token, {
      data: HTML,
      contentType: 'image/webp',
      purpose: 'thumbnail',
    });
    expect(await putObject(original.body, data)).toBe(200);
    expect(await putObject(thumb.body, HTML)).toBe(200);
    const reg = await register(
      token,
      registerBody(original.body.key, data, { thumbnailKey: thumb.body.key }),
    );
    expect(reg.status).toBe(422);
    expect(reg.body.error.code).toBe('CONTENT_MISMATCH');
    expect(reg.body.error.message).toContain('thumbnail');
    expect(await stagedKeysOf(t, user.id)).toEqual([]);
    expect(await objectKeysOf(t, user.id)).toEqual([]);
    expect(await pendingKeysOf(t, user.id)).toEqual([]);
  });

  it('serves signed GETs with the registered type, inline, a safe name and nosniff', async () => {
    const { token } = await t.signup();
    const data = await makePng(40, 40, 7);
    const signed = await presign(t, token, { data, filename: 'évening "sky".png' });
    expect(await putObject(signed.body, data)).toBe(200);
    const reg = await register(
      token,
      registerBody(signed.body.key, data, { filename: 'évening "sky".png' }),
    );
    expect(reg.status).toBe(201);
    const url = await t.request('GET', `/api/images/${reg.body.image.id}/signed-url`, { token });
    const res = await fetch(url.body.url);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(res.headers.get('content-type')).toBe('image/png');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="/);
    expect(disposition).toContain("filename*=UTF-8''%C3%A9vening%20%22sky%22.png");
    if (setup.name === 'the embedded store') {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('refuses a profile image that is HTML, and deletes it with the failed sign-up', async () => {
    const signed = await t.request('POST', '/api/images/presign-upload', {
      json: { filename: 'me.png', contentType: 'image/png', size: HTML.length, purpose: 'avatar' },
    });
    expect(signed.status).toBe(200);
    expect(await putObject(signed.body, HTML)).toBe(200);
    const res = await t.request('POST', '/api/auth/signup', {
      json: {
        email: `html-avatar-${Date.now()}@example.com`,
        password: 'correct horse battery',
        username: 'htmlavatar',
        avatarKey: signed.body.key,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONTENT_MISMATCH');
    expect(await stagedExists(t, signed.body.key)).toBe(false);
    expect(await objectExists(t, signed.body.key)).toBe(false);
    expect(await t.objectKeys(stagingKey(signed.body.key))).toEqual([]);
  });
});
