// Animated GIF and WebP: the animation is kept when the output format can hold it (GIF, WebP),
// otherwise the first frame is stored; the thumbnail is always a still of the first frame.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { near, pixelAt, solid, type Rgb } from './helpers';

const COLOURS: Record<string, Rgb> = {
  '#ff0000': [255, 0, 0],
  '#00ff00': [0, 255, 0],
  '#0000ff': [0, 0, 255],
};
const DELAYS = [100, 200, 300];

let gif: Buffer;
let webp: Buffer;

beforeAll(async () => {
  const frames = await Promise.all(
    Object.keys(COLOURS).map((colour) => solid(640, 480, colour).png().toBuffer()),
  );
  gif = await sharp(frames, { join: { animated: true } })
    .gif({ delay: DELAYS, loop: 0 })
    .toBuffer();
  webp = await sharp(frames, { join: { animated: true } })
    .webp({ delay: DELAYS, loop: 0 })
    .toBuffer();
});

/** The colour at the centre of each frame of an animated image. */
async function frameColours(image: Buffer): Promise<Rgb[]> {
  const meta = await sharp(image).metadata();
  const colours: Rgb[] = [];
  for (let page = 0; page < (meta.pages ?? 1); page++) {
    const frame = await sharp(image, { page }).png().toBuffer();
    colours.push(await pixelAt(frame, 10, 10));
  }
  return colours;
}

describe('animation', () => {
  it.each([
    ['GIF', () => gif, 'original', 'gif'],
    ['GIF', () => gif, 'webp', 'webp'],
    ['WebP', () => webp, 'original', 'webp'],
  ] as const)('keeps a %s animated as %s, every frame resized', async (_s, source, format, out) => {
    const result = await processImage(source(), { format, maxEdge: 320 });
    expect(result.animated).toBe(true);
    expect([result.original.width, result.original.height]).toEqual([320, 240]);

    const meta = await sharp(result.original.data).metadata();
    expect(meta.format).toBe(out);
    expect([meta.pages, meta.width, meta.height]).toEqual([3, 320, 240]);
    expect(meta.delay).toEqual(DELAYS);
    expect(meta.loop).toBe(0);
    const colours = await frameColours(result.original.data);
    Object.values(COLOURS).forEach((expected, i) => expect(near(colours[i]!, expected)).toBe(true));
  });

  it.each(['jpeg', 'avif'] as const)('stores the first frame only as %s', async (format) => {
    const result = await processImage(gif, { format });
    expect(result.animated).toBe(false);
    const meta = await sharp(result.original.data).metadata();
    expect(meta.pages ?? 1).toBe(1);
    expect([meta.width, meta.height]).toEqual([640, 480]);
    expect(near(await pixelAt(result.original.data, 10, 10), [255, 0, 0])).toBe(true);
  });

  it.each([
    ['GIF', () => gif],
    ['WebP', () => webp],
  ])('makes a still thumbnail of the first frame of a %s', async (_name, source) => {
    const result = await processImage(source());
    const meta = await sharp(result.thumbnail.data).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.pages ?? 1).toBe(1);
    expect([result.thumbnail.width, result.thumbnail.height]).toEqual([400, 300]);
    expect(near(await pixelAt(result.thumbnail.data, 10, 10), [255, 0, 0])).toBe(true);
  });
});
