#!/usr/bin/env node
// `npm start`: the embedded backend (compiled, as `npm run server` runs it), then the desktop app
// pointed at it. The Electron binary is fetched on first start; where it cannot be, this says so
// and keeps the backend running for the CLI and the browser preview.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { DESKTOP_DIR, ROOT } from './build-config.mjs';
import { ensureElectronBinary } from './ensure-electron.mjs';

// sharp's own advice: glibc's default arenas let RSS grow across long batches.
const env = { MALLOC_ARENA_MAX: '2', ...process.env };

function build(script) {
  return spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', env });
}

if (build('build').status !== 0) process.exit(1);
const server = spawn(
  process.execPath,
  ['--enable-source-maps', path.join(ROOT, 'out/server/main.js')],
  { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] },
);
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

const binary = ensureElectronBinary();
if (!binary) {
  console.log(`
The backend keeps running at ${serverUrl}; meanwhile use
\`npm run cli -- --server ${serverUrl} ...\` or the browser preview (\`npm run web\`). Ctrl-C stops it.`);
} else if (build('build:desktop').status !== 0) {
  stop();
} else {
  const electron = spawn(binary, [DESKTOP_DIR], {
    cwd: ROOT,
    env: { ...env, IMAGE_DESK_SERVER: env.IMAGE_DESK_SERVER ?? serverUrl },
    stdio: 'inherit',
  });
  electron.on('exit', stop);
}
