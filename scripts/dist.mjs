#!/usr/bin/env node
// `npm run dist`: installers for this platform with electron-builder (desktop/electron-builder.cjs):
// icons from desktop/resources/icon.svg, the desktop bundles and renderer, then packaging.
// Extra arguments go to electron-builder (`npm run dist -- --linux deb`, `-- --publish always`).
import { spawnSync } from 'node:child_process';
import { DESKTOP_DIR, ROOT } from './build-config.mjs';
import { ensureElectronBinary } from './ensure-electron.mjs';
import { generateIcons } from './generate-icons.mjs';

function run(command, args, cwd = ROOT) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// electron-builder downloads its own copy of Electron to package; fetching the development
// binary first fails early, with the same clear message, on a machine that cannot reach it.
if (!ensureElectronBinary()) process.exit(1);
await generateIcons();
run('npm', ['run', '--silent', 'build:desktop']);
run('npx', ['electron-builder', '--projectDir', DESKTOP_DIR, ...process.argv.slice(2)]);
