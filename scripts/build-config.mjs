// The one esbuild configuration: every JavaScript bundle the project ships is described here, and
// scripts/build.mjs, the tests and the benchmarks all build from these options.
//   server   src/server/main.ts  -> out/server/main.js          (node out/server/main.js)
//   cli      src/cli/main.ts     -> out/cli/main.js             (the `image-desk` command)
//            (each with image-worker.js beside it: the image pool's worker thread)
//   main     src/main/index.ts   -> desktop/out/main/index.cjs  (Electron's main process)
//   preload  src/preload/index.ts-> desktop/out/preload/index.cjs
// The renderer is built by Vite (vite.config.ts).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DESKTOP_DIR = path.join(ROOT, 'desktop');

/** The oldest Node the server and CLI support (package.json engines). */
export const NODE_TARGET = 'node22.12';
/**
 * What Electron 45 embeds: Node 24 in the main process; a Chromium newer than 144 (Electron 40's)
 * in the preload and renderer. Floors rather than exact versions: both only limit which syntax
 * esbuild lowers.
 */
export const ELECTRON_NODE_TARGET = 'node24';
export const ELECTRON_CHROME_TARGET = 'chrome144';

/**
 * The modules the packaged main process loads from node_modules at run time: the desktop
 * package's production dependencies (native modules and the updater/log libraries). Everything
 * else is bundled, so the installer carries exactly desktop/package.json's dependency tree.
 */
export function desktopRuntimeModules() {
  const manifest = JSON.parse(fs.readFileSync(path.join(DESKTOP_DIR, 'package.json'), 'utf8'));
  return [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ].sort();
}

/** @typedef {'server' | 'cli' | 'main' | 'preload'} BuildTarget */
export const BUILD_TARGETS = /** @type {const} */ (['server', 'cli', 'main', 'preload']);

/**
 * esbuild options for one target. `outRoot` moves the output (tests build into a temporary
 * folder so they never race a developer's build).
 * @param {BuildTarget} target
 * @param {{ outRoot?: string }} [options]
 * @returns {import('esbuild').BuildOptions}
 */
export function buildOptions(target, { outRoot } = {}) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- not an esbuild option
  const { entryFile, ...options } = describeTarget(target, outRoot);
  return options;
}

/**
 * The file `node` (or Electron) runs for a target built with the same `outRoot`.
 * @param {BuildTarget} target
 * @param {{ outRoot?: string }} [options]
 */
export function entryFileOf(target, { outRoot } = {}) {
  return describeTarget(target, outRoot).entryFile;
}

/** @returns {import('esbuild').BuildOptions & { entryFile: string }} */
function describeTarget(target, outRoot) {
  const common = {
    bundle: true,
    sourcemap: true,
    logLevel: /** @type {const} */ ('warning'),
    metafile: true,
    // Keep class and function names: stack traces and error codes stay readable.
    keepNames: true,
  };
  const out = (relative, desktop = false) =>
    outRoot
      ? path.join(outRoot, relative)
      : path.join(desktop ? DESKTOP_DIR : ROOT, 'out', relative);
  switch (target) {
    case 'server':
    case 'cli':
      // Our own sources are bundled; packages stay imports resolved from node_modules at run
      // time (PGlite, sharp and argon2 load files and native code relative to themselves).
      return {
        ...common,
        entryPoints: {
          main: path.join(ROOT, `src/${target}/main.ts`),
          // Loaded by the image pool from the folder of the bundle that uses it.
          'image-worker': path.join(ROOT, 'src/imaging/worker/image-worker.ts'),
        },
        outdir: out(target),
        entryFile: out(`${target}/main.js`),
        platform: 'node',
        format: 'esm',
        target: NODE_TARGET,
        packages: 'external',
        // Only main.js is run as a command; the shebang is harmless in the worker.
        ...(target === 'cli' ? { banner: { js: '#!/usr/bin/env node' } } : {}),
      };
    case 'main':
      return {
        ...common,
        entryPoints: [path.join(ROOT, 'src/main/index.ts')],
        outfile: out('main/index.cjs', true),
        entryFile: out('main/index.cjs', true),
        platform: 'node',
        format: 'cjs',
        target: ELECTRON_NODE_TARGET,
        external: ['electron', ...desktopRuntimeModules()],
      };
    case 'preload':
      // Sandboxed preloads may only require('electron'): everything else is bundled in.
      return {
        ...common,
        entryPoints: [path.join(ROOT, 'src/preload/index.ts')],
        outfile: out('preload/index.cjs', true),
        entryFile: out('preload/index.cjs', true),
        platform: 'node',
        format: 'cjs',
        target: ELECTRON_CHROME_TARGET,
        external: ['electron'],
      };
    default:
      throw new Error(`Unknown build target "${target}" (one of ${BUILD_TARGETS.join(', ')})`);
  }
}
