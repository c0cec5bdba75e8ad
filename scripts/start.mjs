#!/usr/bin/env node
// `npm start`: the embedded backend, then the desktop app pointed at it. Where the Electron
// binary is missing (it is downloaded at install time) it says so and keeps the backend running.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// sharp's own advice: glibc's default arenas let RSS grow across long batches.
const env = { MALLOC_ARENA_MAX: '2', ...process.env };

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));

const serverUrl = await new Promise((resolve) => {
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk.toString();
    const match = /listening on (\S+)/.exec(buffered);
    if (match) resolve(match[1]);
  });
});

const binary = electronBinary();
if (!binary) {
  console.log(`
The Electron binary is not installed on this machine, so the desktop window cannot open.
It is downloaded by electron's install script, which was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD)
or could not reach the internet. On a machine with internet access run:

    node node_modules/electron/install.js

then \`npm start\` again. The backend keeps running at ${serverUrl}; meanwhile use
\`npm run cli -- --server ${serverUrl} ...\` or the browser preview (\`npm run web\`). Ctrl-C stops it.`);
} else {
  const build = spawnSync('npm', ['run', '--silent', 'build:app'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) {
    stop();
  } else {
    const electron = spawn(binary, ['.'], {
      cwd: root,
      env: { ...env, IMAGE_DESK_SERVER: env.IMAGE_DESK_SERVER ?? serverUrl },
      stdio: 'inherit',
    });
    electron.on('exit', stop);
  }
}
