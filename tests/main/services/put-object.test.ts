// putObject against the real S3 emulator through URLs the real backend presigns: the bytes
// arrive whole, progress moves in steps up to the size, and a cancel or a wrong body is a coded
// error rather than a hang or a silent success.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/main/services/api-error';
import { putObject } from '../../../src/main/services/put-object';
import { stagingKey } from '../../../src/server/storage/key-layout';
import { newUser, useServer } from '../queue/helpers';

const server = useServer();

async function presigned(size: number) {
  const user = await newUser(server());
  const target = await user.api.presign({
    filename: 'photo.jpg',
    contentType: 'image/jpeg',
    size,
    purpose: 'image',
  });
  return { user, target };
}

describe('putObject', () => {
  it('uploads the exact bytes and reports progress in steps that end at the size', async () => {
    const data = crypto.randomBytes(3 * 1024 * 1024 + 17);
    const { target } = await presigned(data.length);
    const seen: number[] = [];
    await putObject(target, data, { onProgress: (sent) => seen.push(sent) });

    // Several steps, never backwards, finishing at the full size: a bar that moves.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(data.length);
    const { url } = await server().server.services.storage.store.presignGet(
      stagingKey(target.key),
      60,
    );
    const stored = await fetch(url);
    expect(Buffer.from(await stored.arrayBuffer()).equals(data)).toBe(true);
  });

  it('takes a second send of the same URL (412: stored once already) as done', async () => {
    // A crash after the bytes arrived but before the answer did: the queue sends them again.
    const data = crypto.randomBytes(4096);
    const { target } = await presigned(data.length);
    await putObject(target, data);
    const seen: number[] = [];
    await expect(
      putObject(target, data, { onProgress: (sent) => seen.push(sent) }),
    ).resolves.toBeUndefined();
    expect(seen.at(-1)).toBe(data.length);
  });

  it('is refused by the store when the body is not the size that was presigned', async () => {
    const { target } = await presigned(1000);
    const error = await putObject(target, crypto.randomBytes(1001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    // A refused signature is what the queue answers by presigning again.
    expect((error as ApiError).code).toBe('AUTH_EXPIRED');
  });

  it('stops with CANCELED when its signal is aborted mid-upload', async () => {
    const data = crypto.randomBytes(8 * 1024 * 1024);
    const { target } = await presigned(data.length);
    const controller = new AbortController();
    const error = await putObject(target, data, {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent > 0 && sent < data.length) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CANCELED');
  });
});
