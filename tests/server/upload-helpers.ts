// Client-side steps of the presigned flow, done the way a real client does them: over HTTP.
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { TestServer } from './test-server';

export async function makePng(width = 64, height = 48, seed = 0): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: 120, b: 200 } },
  })
    .png()
    .toBuffer();
}

export function sha256(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

export async function presign(
  t: TestServer,
  token: string | undefined,
  file: {
    data: Buffer;
    contentType?: string;
    purpose?: string;
    filename?: string;
    keyHint?: string;
  },
) {
  return t.request('POST', '/api/images/presign-upload', {
    ...(token ? { token } : {}),
    json: {
      filename: file.filename ?? 'photo.png',
      contentType: file.contentType ?? 'image/png',
      size: file.data.length,
      sha256: sha256(file.data),
      ...(file.purpose ? { purpose: file.purpose } : {}),
      ...(file.keyHint ? { keyHint: file.keyHint } : {}),
    },
  });
}

export async function putObject(
  upload: { url: string; headers: Record<string, string> },
  data: Buffer,
  headerOverrides: Record<string, string> = {},
): Promise<number> {
  const res = await fetch(upload.url, {
    method: 'PUT',
    headers: { ...upload.headers, ...headerOverrides },
    body: new Uint8Array(data),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Presign, PUT and register one PNG; returns the registered image. */
export async function uploadImage(
  t: TestServer,
  token: string,
  options: { seed?: number; filename?: string; title?: string; albumId?: string } = {},
) {
  const data = await makePng(64, 48, options.seed ?? 0);
  const signed = await presign(t, token, { data, filename: options.filename });
  if (signed.status !== 200) throw new Error(`presign failed: ${JSON.stringify(signed.body)}`);
  const putStatus = await putObject(signed.body, data);
  if (putStatus !== 200) throw new Error(`PUT failed: ${putStatus}`);
  const reg = await t.request('POST', '/api/images', {
    token,
    json: {
      key: signed.body.key,
      filename: options.filename ?? 'photo.png',
      contentType: 'image/png',
      size: data.length,
      width: 64,
      height: 48,
      sha256: sha256(data),
      ...(options.title ? { title: options.title } : {}),
      ...(options.albumId ? { albumId: options.albumId } : {}),
    },
  });
  if (reg.status !== 201)
    throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  return { image: reg.body.image, data };
}

export async function makeWebp(width = 32, height = 24, seed = 0): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: (seed * 53) % 256, b: 40 } },
  })
    .webp()
    .toBuffer();
}

/** A client-proposed random key part, as the desktop app makes them. */
export function keyHint(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** The register body a client sends for a PNG it presigned and uploaded under `key`. */
export function registerBody(key: string, data: Buffer, extra: Record<string, unknown> = {}) {
  return {
    key,
    filename: 'photo.png',
    contentType: 'image/png',
    size: data.length,
    sha256: sha256(data),
    ...extra,
  };
}

/** Presign and PUT one file; the returned upload's key is ready to register. */
export async function presignAndPut(
  t: TestServer,
  token: string,
  file: Parameters<typeof presign>[2],
): Promise<{ key: string; url: string; headers: Record<string, string>; expiresAt: string }> {
  const signed = await presign(t, token, file);
  if (signed.status !== 200) throw new Error(`presign failed: ${JSON.stringify(signed.body)}`);
  const status = await putObject(signed.body, file.data);
  if (status !== 200) throw new Error(`PUT failed: ${status}`);
  return signed.body;
}

/** Presign an original and its WebP thumbnail in one batch, PUT both, register them together. */
export async function uploadImageWithThumbnail(
  t: TestServer,
  token: string,
  options: { seed?: number; filename?: string; albumId?: string } = {},
) {
  const data = await makePng(64, 48, options.seed ?? 0);
  const thumb = await makeWebp(32, 24, options.seed ?? 0);
  const batch = await t.request('POST', '/api/images/presign-batch', {
    token,
    json: {
      files: [
        { filename: options.filename ?? 'photo.png', contentType: 'image/png', size: data.length },
        {
          filename: 'thumb.webp',
          contentType: 'image/webp',
          size: thumb.length,
          purpose: 'thumbnail',
        },
      ],
    },
  });
  if (batch.status !== 200) throw new Error(`presign-batch failed: ${JSON.stringify(batch.body)}`);
  const [original, thumbnail] = batch.body.uploads;
  if ((await putObject(original, data)) !== 200) throw new Error('PUT original failed');
  if ((await putObject(thumbnail, thumb)) !== 200) throw new Error('PUT thumbnail failed');
  const reg = await t.request('POST', '/api/images', {
    token,
    json: registerBody(original.key, data, {
      filename: options.filename ?? 'photo.png',
      thumbnailKey: thumbnail.key,
      ...(options.albumId ? { albumId: options.albumId } : {}),
    }),
  });
  if (reg.status !== 201)
    throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  return { image: reg.body.image, data, thumb };
}
