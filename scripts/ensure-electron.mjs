#!/usr/bin/env node
// The Electron binary is not part of `npm ci`: electron 45's package has no install script (it
// fetches the binary on its first require), and package.json's allowScripts denies one should a
// later version bring it back. So installing works on machines that only want the backend, the
// CLI or the browser preview, and on machines that cannot reach Electron's download host.
// `npm start`, `npm run dist` and `npm run electron:install` call this: it fetches the binary once,
// through electron's own installer (which honours ELECTRON_MIRROR and electron_config_cache), and
// says clearly what to do when it cannot.
//   node scripts/ensure-electron.mjs          exit 0 with the binary's path on stdout, else 1
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * The path of the installed Electron executable, or undefined when it was never fetched. Read
 * from the files electron's installer writes: require('electron') would start a download.
 */
export function installedElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return undefined;
  let executable;
  try {
    executable = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
  } catch {
    return undefined;
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, executable);
  return fs.existsSync(binary) ? binary : undefined;
}

/**
 * Fetches the binary when it is missing. Returns its path, or undefined after printing why it
 * could not be had and what to do (to stderr).
 */
export function ensureElectronBinary() {
  const existing = installedElectronBinary();
  if (existing) return existing;
  const dir = electronPackageDir();
  if (!dir) {
    console.error('The electron package is not installed: run `npm ci` first.');
    return undefined;
  }
  const installer = path.join(dir, 'install.js');
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  console.error(`Downloading the Electron ${version} binary (once)…`);
  const env = { ...process.env };
  // The variable that keeps `npm ci` from downloading must not stop a download asked for here.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [installer], { env, encoding: 'utf8' });
  const binary = installedElectronBinary();
  if (result.status === 0 && binary) return binary;
  const reason = (result.stderr || result.stdout || '').trim().split('\n')[0] || 'no output';
  console.error(`
The Electron ${version} binary could not be downloaded (${reason}).
The desktop window and installers need it; the backend, the CLI and the browser preview do not.
- With internet access, run \`npm run electron:install\` again.
- Behind a proxy or without access to GitHub, point ELECTRON_MIRROR at a mirror of Electron's
  releases, or put electron-v${version}-<platform>-<arch>.zip in the folder named by
  electron_config_cache, then run \`npm run electron:install\`.`);
  return undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binary = ensureElectronBinary();
  if (!binary) process.exit(1);
  console.log(binary);
}
