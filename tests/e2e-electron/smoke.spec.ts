// Smoke test of the real Electron app: the hardened window opens on the app:// page, the preload
// bridge is there and Node is not, and IPC from that page reaches the main process; DevTools
// follow the build, the application menu, the updater (off in development), the log file and the
// remembered window placement. Runs where an Electron binary exists; skips with instructions
// where it does not (this build machine).
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

  const launch = () =>
    electron.launch({
      executablePath: binary!,
      // Chromium refuses to run as root (CI containers) without --no-sandbox.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
      env: {
        ...process.env,
        IMAGE_DESK_DATA_DIR: dataDir,
        // Nothing listens here: the app must still open, signed out.
        IMAGE_DESK_SERVER: 'http://127.0.0.1:9',
        // A feed is configured, yet a development run must not update itself.
        IMAGE_DESK_UPDATE_URL: 'https://updates.example.com/image-desk',
      },
    });

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-electron-'));
    app = await launch();
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

  test('has DevTools only because this run is not packaged', async () => {
    await app.firstWindow();
    // The app's own window (a detached DevTools window is one too, once open).
    const devTools = () =>
      app.evaluate(({ BrowserWindow }) => {
        const window = BrowserWindow.getAllWindows().find((w) =>
          w.webContents.getURL().startsWith('app://'),
        )!;
        return window.webContents.isDevToolsOpened();
      });
    const seen = await app.evaluate(({ app: electronApp, Menu }) => {
      const view = Menu.getApplicationMenu()?.items.find((item) => item.label === 'View');
      return {
        packaged: electronApp.isPackaged,
        devToolsMenu: Boolean(
          view?.submenu?.items.some((item) => item.role?.toLowerCase() === 'toggledevtools'),
        ),
      };
    });
    // webPreferences.devTools is !app.isPackaged (tests/main/electron/window-options.test.ts
    // checks the installed side): here they open, and the View menu offers them.
    expect(seen).toEqual({ packaged: false, devToolsMenu: true });
    expect(await devTools()).toBe(false);
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]!.webContents.openDevTools({ mode: 'detach' });
    });
    await expect.poll(devTools).toBe(true);
  });

  test('has the application menu: File, Edit, View, Window, Help (and the app menu on macOS)', async () => {
    await app.firstWindow();
    const seen = await app.evaluate(({ app: electronApp, Menu }) => ({
      name: electronApp.name,
      labels: Menu.getApplicationMenu()?.items.map((item) => item.label) ?? [],
      help: Menu.getApplicationMenu()
        ?.items.find((item) => item.label === 'Help')
        ?.submenu?.items.map((item) => item.label),
    }));
    expect(seen.labels).toEqual([
      ...(process.platform === 'darwin' ? [seen.name] : []),
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(seen.help).toContain('Open Logs Folder');
  });

  test('reports the updater disabled in development, and refuses to restart', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const answers = await page.evaluate(async () => {
      const bridge = (window as unknown as { imageDesk: ImageDeskBridge }).imageDesk;
      return {
        state: await bridge.invoke('update:get-state'),
        restart: await bridge.invoke('update:restart'),
      };
    });
    expect(answers.state).toEqual({
      ok: true,
      result: { status: 'disabled', reason: 'Updates are off in development runs.' },
    });
    expect(answers.restart).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('writes its log to the OS log folder', async () => {
    await app.firstWindow();
    const logFile = path.join(
      await app.evaluate(({ app: electronApp }) => electronApp.getPath('logs')),
      'main.log',
    );
    await expect.poll(() => fs.existsSync(logFile)).toBe(true);
    expect(fs.readFileSync(logFile, 'utf8')).toContain('Updates are off in development runs.');
  });

  test('reopens where the window was', async () => {
    await app.firstWindow();
    const normalBounds = () =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getNormalBounds());
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 60, width: 1000, height: 700 });
    });
    // Window managers apply bounds asynchronously (and may nudge the position): take what the
    // window reports once the new size is in.
    await expect.poll(async () => (await normalBounds()).width).toBe(1000);
    const before = await normalBounds();
    // Saved half a second after the window stops moving, and at the latest on quit.
    await app.close();
    app = await launch();
    await app.firstWindow();
    expect(await normalBounds()).toEqual(before);
  });
});
