// Shared helpers for the imaging tests: temporary directories, generated images, pixel
// sampling and assertions on coded errors.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect } from 'vitest';
import { CodedError, type ErrorCode } from '../../src/shared/errors';

export const PNGSUITE_DIR = path.resolve(import.meta.dirname, '../../../shared/fixtures/pngsuite');
export const FIXTURES_DIR = path.resolve(import.meta.dirname, 'fixtures');

/** A fresh directory under os.tmpdir() for the current test file, removed afterwards. */
export function useTempDir(): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'imaging-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Awaits a promise that must reject with a CodedError and returns its code. */
export async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CodedError);
  const error = caught as CodedError;
  // Messages are for people: no decoder internals, and a full sentence.
  expect(error.message).not.toMatch(/vips|sharp|libpng|libheif|errno/i);
  expect(error.message).toMatch(/^[A-Z].*\.$/);
  return error.code;
}

export type Rgb = [number, number, number];

export function solid(width: number, height: number, colour: string, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background: colour } });
}

/** A noisy image, so encoders cannot shrink it to nothing and resizing is real work. */
export function noise(width: number, height: number) {
  // The types require a background; with noise set, sharp ignores it.
  const create = { width, height, channels: 3, background: '#000000' } as const;
  return sharp({ create: { ...create, noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

/** Colour of one pixel of an encoded image, as 8-bit RGB. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

/** True when every channel is within `tolerance` of the expected colour. */
export function near(actual: Rgb, expected: Rgb, tolerance = 24): boolean {
  return actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= tolerance);
}
