// A clean `npm ci` of this repository on a machine that cannot reach Electron's download host
// (here: ELECTRON_MIRROR points at a closed port and the binary cache is empty) succeeds with no
// engine warning, and leaves the desktop's first start to fetch the binary, which says clearly
// what to do when it cannot. Uses the npm cache the repository's own install filled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-config.mjs';

let project: string;
let env: NodeJS.ProcessEnv;
let install: { status: number | null; output: string };

beforeAll(async () => {
  project = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-npm-ci-'));
  await fs.mkdir(path.join(project, 'desktop'));
  await fs.mkdir(path.join(project, 'scripts'));
  await fs.mkdir(path.join(project, 'patches'));
  for (const file of [
    'package.json',
    'package-lock.json',
    'desktop/package.json',
    'patches/@20minutes+s3rver+5.0.0.patch',
  ]) {
    await fs.copyFile(path.join(ROOT, file), path.join(project, file));
  }
  await fs.copyFile(
    path.join(ROOT, 'scripts/ensure-electron.mjs'),
    path.join(project, 'scripts/ensure-electron.mjs'),
  );
  env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // Port 9 (discard) is closed on loopback: every download attempt fails at once.
  env.ELECTRON_MIRROR = 'http://127.0.0.1:9/';
  env.electron_config_cache = path.join(project, 'empty-electron-cache');
  const result = spawnSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 280_000,
  });
  install = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}, 300_000);

afterAll(() => fs.rm(project, { recursive: true, force: true }));

describe('npm ci without access to Electron downloads', () => {
  it('exits 0 without engine warnings and installs electron 45 without its binary', async () => {
    expect(install.status, install.output).toBe(0);
    expect(install.output).not.toMatch(/EBADENGINE/);
    expect(install.output).not.toMatch(/install scripts not yet covered/);
    const electron = JSON.parse(
      await fs.readFile(path.join(project, 'node_modules/electron/package.json'), 'utf8'),
    );
    expect(electron.version).toMatch(/^45\./);
    await expect(fs.access(path.join(project, 'node_modules/electron/dist'))).rejects.toThrow();
    // The postinstall step applied the dependency patches (patches/README.md).
    const emulatorAuth = await fs.readFile(
      path.join(project, 'node_modules/@20minutes/s3rver/lib/middleware/authentication.js'),
      'utf8',
    );
    expect(emulatorAuth).toContain('[param, value].map(encodeURIComponentRFC3986)');
  });

  it('the first desktop start tries once, then says how to get the binary', () => {
    const result = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], {
      cwd: project,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('The Electron 45.');
    expect(result.stderr).toContain('binary could not be downloaded');
    expect(result.stderr).toContain('the backend, the CLI and the browser preview do not');
    expect(result.stderr).toContain('ELECTRON_MIRROR');
  });
});
