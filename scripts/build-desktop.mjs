#!/usr/bin/env node
// Bundles the Electron main process and preload into out/ (CommonJS, as Electron loads them).
// Native and large modules stay external and are unpacked from the asar by electron-builder.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const external = ['electron', 'sharp', 'keytar', '@img/*'];

await Promise.all([
  build({
    entryPoints: [path.join(root, 'src/main/index.ts')],
    outfile: path.join(root, 'out/main/index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external,
    logLevel: 'warning',
  }),
  build({
    // Sandboxed preloads may only require('electron'): everything else must be bundled in.
    entryPoints: [path.join(root, 'src/preload/index.ts')],
    outfile: path.join(root, 'out/preload/index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    logLevel: 'warning',
  }),
]);
console.log('Built out/main/index.cjs and out/preload/index.cjs');
