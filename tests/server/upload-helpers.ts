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
