// ThumbHash placeholders: made by the server on the multipart path from the oriented image,
// stored and returned in listings, decodable to the image's aspect ratio; a client's is checked.
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio, thumbHashToRGBA } from 'thumbhash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRowsOf } from '../images-db';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, presign, putObject, sha256 } from '../upload-helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const decode = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

async function multipart(token: string, data: Buffer, type: string) {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(data)], { type }), 'p');
  return t.request('POST', '/api/images/upload', { token, body: form });
}

describe('placeholders', () => {
  it('returns a decodable ThumbHash of the right aspect ratio in the image and listings', async () => {
    const { token } = await t.signup();
    const wide = await sharp({
      create: { width: 600, height: 200, channels: 3, background: '#c44' },
    })
      .jpeg()
      .toBuffer();
    // Stored sideways with EXIF Orientation 6: shown (and hashed) as a portrait 200 × 600.
    const sideways = await sharp(wide).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    for (const [data, ratio] of [
      [wide, 3],
      [sideways, 1 / 3],
    ] as const) {
      const res = await multipart(token, data, 'image/jpeg');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const hash = decode(res.body.image.thumbhash);
      // ThumbHash keeps the ratio coarsely (a few bits): within a quarter is the right shape.
      expect(Math.abs(Math.log(thumbHashToApproximateAspectRatio(hash) / ratio))).toBeLessThan(
        Math.log(1.25),
      );
      const pixels = thumbHashToRGBA(hash);
      expect(Math.abs(Math.log(pixels.w / pixels.h / ratio))).toBeLessThan(Math.log(1.25));
      // Reddish, like the photo.
      expect(pixels.rgba[0]!).toBeGreaterThan(pixels.rgba[2]! + 60);
    }
    const listed = await t.request('GET', '/api/images/gallery', { token });
    expect(listed.body.images.map((i: { thumbhash: string }) => typeof i.thumbhash)).toEqual([
      'string',
      'string',
    ]);
  });

  it('stores the one a client sends, and refuses one that is not a ThumbHash', async () => {
    const { token, user } = await t.signup();
    const register = async (thumbhash: string) => {
      const data = await makePng(32, 24, 3);
      const signed = await presign(t, token, { data });
      expect(await putObject(signed.body, data)).toBe(200);
      return t.request('POST', '/api/images', {
        token,
        json: {
          key: signed.body.key,
          filename: 'photo.png',
          contentType: 'image/png',
          size: data.length,
          sha256: sha256(data),
          thumbhash,
        },
      });
    };
    for (const bad of ['', 'not base64!', 'A'.repeat(200), 'YWJj\u0000ZGVm']) {
      const res = await register(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('thumbhash');
    }
    expect(await imageRowsOf(t, user.id)).toEqual([]);
    const good = '1QcSHQRnh493V4dIh4eXh1h4kJUI';
    const res = await register(good);
    expect(res.status).toBe(201);
    expect(res.body.image.thumbhash).toBe(good);
  });
});
