// The image pool: the same pipeline in worker threads (libheif's WebAssembly included), coded errors that keep their code across
// the thread boundary, a decode budget, and a bounded queue that refuses work beyond it with
// SERVER_BUSY instead of piling it onto the threads every request needs.
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { processImage } from '../../../src/imaging';
import { createImagePool } from '../../../src/imaging/worker/image-pool';
import { CodedError } from '../../../src/shared/errors';
import { gifBomb } from '../../cli/wild-bytes';
import { FIXTURES_DIR } from '../helpers';

const pool = createImagePool({ threads: 1, maxQueue: 1 });
afterAll(() => pool.close());

const photo = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#3565d4' } })
    .jpeg()
    .toBuffer();

describe('the image pool', () => {
  it('gives the same result as the pipeline run in place, as Buffers', async () => {
    const input = await photo();
    const [pooled, local] = await Promise.all([
      pool.process(input, { format: 'webp', maxEdge: 400 }),
      processImage(input, { format: 'webp', maxEdge: 400 }),
    ]);
    expect(Buffer.isBuffer(pooled.original.data)).toBe(true);
    expect(pooled.original.sha256).toBe(local.original.sha256);
    expect(pooled.thumbnail.sha256).toBe(local.thumbnail.sha256);
    expect([pooled.original.width, pooled.original.height]).toEqual([400, 267]);
  });

  it('decodes an iPhone HEIC (HEVC, with libheif in the worker) as the pipeline does in place', async () => {
    const heic = path.join(FIXTURES_DIR, 'hevc-64x48.heic');
    const [pooled, local] = await Promise.all([pool.process(heic), processImage(heic)]);
    expect(pooled.original).toMatchObject({ contentType: 'image/jpeg', width: 64, height: 48 });
    expect(pooled.original.sha256).toBe(local.original.sha256);
    expect(pooled.thumbnail.sha256).toBe(local.thumbnail.sha256);
  });

  it('keeps the code of a refused image across the thread boundary', async () => {
    const refused = await pool.process(Buffer.from('<html></html>')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CodedError);
    expect((refused as CodedError).code).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses an animation over the decode budget before decoding it', async () => {
    // 24 frames of 2000 x 2000: 96 million pixels once every frame is decoded.
    const error = await pool
      .process(gifBomb(2000, 24), { maxInputPixels: 50_000_000 })
      .catch((e: unknown) => e);
    expect((error as CodedError).code).toBe('IMAGE_TOO_LARGE');
  });

  it('runs one image at a time, queues one, and refuses more with SERVER_BUSY', async () => {
    const input = await photo();
    const results = await Promise.allSettled([
      pool.process(input),
      pool.process(input),
      pool.process(input),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const busy = (results[2] as PromiseRejectedResult).reason as CodedError;
    expect(busy.code).toBe('SERVER_BUSY');
    expect(busy.message).toMatch(/try again/i);
  });
});
