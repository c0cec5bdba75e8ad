// Smoke test of the real Electron app: the hardened window opens on the app:// page, the preload
// bridge is there and Node is not, and IPC from that page reaches the main process. Runs where an
// Electron binary exists; skips with instructions where it does not (this build machine).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { installedElectronBinary } from '../../scripts/ensure-electron.mjs';
import type { ImageDeskBridge } from '../../src/shared/ipc';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'desktop/out/main/index.cjs');
const RENDERER_INDEX = path.join(ROOT, 'desktop/out/renderer/index.html');

const binary = installedElectronBinary();
const SKIP_REASON =
  'No Electron binary on this machine (npm ci does not download it): run `npm run electron:install` where the internet is reachable';

// The list reporter does not print skip reasons, so say it once where a person will read it.
if (!binary && !process.env.TEST_WORKER_INDEX)
  console.warn(`Electron smoke test skipped: ${SKIP_REASON}`);

test.describe('Electron app', () => {
  test.skip(!binary, SKIP_REASON);

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:desktop'], { cwd: ROOT, stdio: 'inherit' });
    expect(fs.existsSync(MAIN), `${MAIN} was not built`).toBe(true);
    expect(fs.existsSync(RENDERER_INDEX), `${RENDERER_INDEX} was not built`).toBe(true);
  });

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to run as root (CI containers) without --no-sandbox.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
      env: {
        ...process.env,
        IMAGE_DESK_DATA_DIR: dataDir,
        // Nothing listens here: the app must still open, signed out.
        IMAGE_DESK_SERVER: 'http://127.0.0.1:9',
      },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the hardened Image Desk window with the bridge and without Node', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await expect(page).toHaveTitle('Image Desk');
    expect(page.url()).toMatch(/^app:\/\/image-desk\//);

    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.imageDesk as Record<string, unknown> | undefined;
      return {
        bridge: typeof bridge,
        keys: bridge ? Object.keys(bridge).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
      };
    });
    expect(seen).toEqual({
      bridge: 'object',
      keys: ['invoke', 'on', 'pathForFile', 'previewUrl'],
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
    });
  });

  test('answers IPC from its own page, and denies new windows', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const answers = await page.evaluate(async () => {
      const bridge = (window as unknown as { imageDesk: ImageDeskBridge }).imageDesk;
      return {
        session: await bridge.invoke('session:get'),
        unknown: await bridge.invoke('fs:read' as never),
        // Not an http(s) link, so the OS browser is not opened either.
        popup: window.open('file:///etc/passwd') === null,
      };
    });
    expect(answers.session).toEqual({
      ok: true,
      result: { signedIn: false, user: null, serverUrl: 'http://127.0.0.1:9' },
    });
    expect(answers.unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(answers.popup).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
