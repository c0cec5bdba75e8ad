// The embedded store, attacked as anything on this machine could: without credentials, with a
// forged signature, with the emulator's well-known default key when the operator set another.
// Every operation is refused (403) and nothing changes; the server's own client and the URLs it
// presigns keep working; every answer says nosniff.
import type { S3Client } from '@aws-sdk/client-s3';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../../src/server/storage/s3-client';
import { objectExists } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

const CUSTOM = { accessKeyId: 'imagedeskstore', secretAccessKey: 'a-long-local-secret' };

let t: TestServer;
let endpoint: string;
let bucket: string;
let key: string;
let original: Buffer;

beforeAll(async () => {
  t = await startTestServer({
    S3_EMBEDDED_ACCESS_KEY: CUSTOM.accessKeyId,
    S3_EMBEDDED_SECRET_KEY: CUSTOM.secretAccessKey,
  });
  endpoint = t.server.services.storage.embedded!.endpoint;
  bucket = t.server.services.storage.store.bucket;
  const { token } = await t.signup();
  const { image } = await uploadImage(t, token, { seed: 3 });
  key = image.key;
  original = Buffer.from(await (await fetch((await signedGet(key)).url)).arrayBuffer());
});
afterAll(() => t?.close());

async function signedGet(objectKey: string) {
  return t.server.services.storage.store.presignGet(objectKey, 60);
}

function client(credentials: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return createS3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials,
    stripBucketTrailingSlash: true,
  });
}

async function raw(method: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${endpoint}${path}`, { method, ...init });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('unsigned requests to the embedded store', () => {
  it('cannot list the bucket', async () => {
    const res = await raw('GET', `/${bucket}?list-type=2`);
    expect(res.status).toBe(403);
    expect(res.text).toContain('AccessDenied');
    expect(res.text).not.toContain(key);
  });

  it('cannot read an object', async () => {
    const res = await raw('GET', `/${bucket}/${key}`);
    expect(res.status).toBe(403);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('cannot overwrite an object, even as text/html', async () => {
    const res = await raw('PUT', `/${bucket}/${key}`, {
      headers: { 'content-type': 'text/html' },
      body: '<script>alert(1)</script>',
    });
    expect(res.status).toBe(403);
    const now = Buffer.from(await (await fetch((await signedGet(key)).url)).arrayBuffer());
    expect(now.equals(original)).toBe(true);
  });

  it('cannot delete an object', async () => {
    expect((await raw('DELETE', `/${bucket}/${key}`)).status).toBe(403);
    expect(await objectExists(t, key)).toBe(true);
  });

  it('cannot create an object with a browser form POST', async () => {
    const form = new FormData();
    form.set('key', 'users/forged/form.html');
    form.set('Content-Type', 'text/html');
    form.set('file', new Blob(['<h1>owned</h1>']), 'form.html');
    const res = await raw('POST', `/${bucket}`, {
      body: form,
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await objectExists(t, 'users/forged/form.html')).toBe(false);
  });

  it('cannot list the buckets of the service', async () => {
    expect((await raw('GET', '/')).status).toBe(403);
  });
});

describe('wrongly signed requests', () => {
  it('are refused when signed with the default key the operator replaced', async () => {
    const intruder = client({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    await expect(intruder.send(new ListObjectsV2Command({ Bucket: bucket }))).rejects.toMatchObject(
      { $metadata: { httpStatusCode: 403 } },
    );
    await expect(
      intruder.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(await objectExists(t, key)).toBe(true);
  });

  it('are refused when signed with the right key id but a guessed secret', async () => {
    const guesser = client({ accessKeyId: CUSTOM.accessKeyId, secretAccessKey: 'guessed-secret' });
    await expect(
      guesser.send(new GetObjectCommand({ Bucket: bucket, Key: key })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});

describe('requests signed with the store’s credentials', () => {
  it('list, read and answer nosniff, as the server and tools given the credentials do', async () => {
    const owner = client(CUSTOM);
    const listed = await owner.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents?.map((object) => object.Key)).toContain(key);
    const signed = await fetch((await signedGet(key)).url);
    expect(signed.status).toBe(200);
    expect(signed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await signed.arrayBuffer()).equals(original)).toBe(true);
  });
});
