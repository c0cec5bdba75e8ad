// The PngSuite conformance images: every valid one goes through the pipeline, every
// deliberately corrupt x*.png is refused as damaged.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from '../../src/imaging';
import { PNGSUITE_DIR, codeOf } from './helpers';

const files = readdirSync(PNGSUITE_DIR).filter((name) => name.endsWith('.png'));
const valid = files.filter((name) => !name.startsWith('x'));
const corrupt = files.filter((name) => name.startsWith('x'));

describe('PngSuite', () => {
  it('has the fixtures', () => {
    expect(valid.length).toBeGreaterThan(150);
    expect(corrupt.length).toBe(14);
  });

  it.each(valid)('processes %s', async (name) => {
    const result = await processImage(path.join(PNGSUITE_DIR, name), { maxEdge: 24 });
    expect(result.sourceType.mime).toBe('image/png');

    const original = await sharp(result.original.data).metadata();
    expect(original.format).toBe('png');
    expect(Math.max(original.width, original.height)).toBeLessThanOrEqual(24);
    expect([original.width, original.height]).toEqual([
      result.original.width,
      result.original.height,
    ]);
    expect(original.depth).toBe('uchar');

    const thumbnail = await sharp(result.thumbnail.data).metadata();
    expect(thumbnail.format).toBe('webp');
    expect(Math.max(thumbnail.width, thumbnail.height)).toBeLessThanOrEqual(400);
  });

  it.each(corrupt)('refuses %s as damaged', async (name) => {
    expect(await codeOf(processImage(path.join(PNGSUITE_DIR, name)))).toBe('CORRUPT_IMAGE');
  });
});
