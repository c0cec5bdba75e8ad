// App icons come from one SVG in the repository, rendered at packaging time into the sizes
// electron-builder and Linux desktops look for.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { generateIcons, LINUX_ICON_SIZES } from '../../scripts/generate-icons.mjs';

const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-icons-'));
afterAll(() => fs.rm(outDir, { recursive: true, force: true }));

describe('generateIcons', () => {
  it('writes a 1024 px icon and every Linux size, square PNGs in the brand colour', async () => {
    const files = await generateIcons(outDir);
    expect(files.map((file) => path.relative(outDir, file)).sort()).toEqual(
      ['icon.png', ...LINUX_ICON_SIZES.map((size) => `icons/${size}x${size}.png`)].sort(),
    );
    for (const size of LINUX_ICON_SIZES) {
      const meta = await sharp(path.join(outDir, `icons/${size}x${size}.png`)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    }
    const big = sharp(path.join(outDir, 'icon.png'));
    expect((await big.metadata()).width).toBe(1024);
    // Near a corner, inside the rounded square: the blue of the source (#3565d4).
    const { data } = await big
      .extract({ left: 120, top: 120, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data.subarray(0, 3)]).toEqual([0x35, 0x65, 0xd4]);
    // The very corner is outside the rounded square: transparent.
    const corner = await sharp(path.join(outDir, 'icon.png'))
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer();
    expect(corner[3]).toBe(0);
  });
});
