#!/usr/bin/env node
// App icons, generated at packaging time from the one source in the repo
// (desktop/resources/icon.svg, also the renderer's favicon) into desktop/build:
//   icon.png          1024×1024, from which electron-builder makes .icns (macOS) and .ico (Windows)
//   icons/<N>x<N>.png the sizes a Linux desktop entry and AppImage look for
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { DESKTOP_DIR } from './build-config.mjs';

export const ICON_SOURCE = path.join(DESKTOP_DIR, 'resources/icon.svg');
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Renders every icon into `outDir` (default desktop/build) and returns the files written. */
export async function generateIcons(outDir = path.join(DESKTOP_DIR, 'build')) {
  const svg = await fs.readFile(ICON_SOURCE);
  await fs.mkdir(path.join(outDir, 'icons'), { recursive: true });
  // Rasterise once at the largest size with enough density for crisp edges, then scale down.
  const master = await sharp(svg, { density: 2400 }).resize(1024, 1024).png().toBuffer();
  const written = [];
  const write = async (file, size) => {
    const target = path.join(outDir, file);
    await sharp(master).resize(size, size, { kernel: 'lanczos3' }).png().toFile(target);
    written.push(target);
  };
  await write('icon.png', 1024);
  for (const size of LINUX_ICON_SIZES) await write(`icons/${size}x${size}.png`, size);
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await generateIcons(process.argv[2]);
  console.log(`Wrote ${files.length} icons to ${path.dirname(files[0])}`);
}
