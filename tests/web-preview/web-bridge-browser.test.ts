// The browser client (src/renderer/bridge/web-bridge.ts) in Debian's Chromium against the real
// preview: the token link becomes an HttpOnly cookie and leaves the address bar, window.imageDesk
// is installed (but never over a bridge that is already there), files are staged and uploaded
// with progress over one EventSource, previews load under the app's CSP, a reload gets the state
// back, and a page on another 127.0.0.1 port cannot use the bridge although it is the same site.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jpegBytes,
  startInProcess,
  stubRenderer,
  uniqueEmail,
  type InProcessPreview,
} from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`Web bridge browser tests skipped: no ${CHROMIUM} (apt-get install -y chromium).`);

let web: InProcessPreview;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let bundle: string;
let rendererDir: string;

beforeAll(async () => {
  if (!hasChromium) return;
  const built = await build({
    entryPoints: [path.join(import.meta.dirname, 'fixtures/bridge-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  bundle = built.outputFiles[0]!.text;
  rendererDir = await stubRenderer({
    // The CSP allows only the app's own script files: no inline script.
    'index.html':
      '<!doctype html><title>Image Desk</title><body><script type="module" src="/app.js"></script></body>',
    'app.js': bundle,
  });
  web = await startInProcess(rendererDir);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(web.preview.url);
  await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  if (rendererDir) await fs.promises.rm(rendererDir, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('the web bridge in Chromium', () => {
  it('carries no contract schemas into the page (only types)', () => {
    expect(bundle).not.toMatch(/ZodError|zod/i);
  });

  it('swaps the token link for an HttpOnly SameSite=Strict cookie and drops the token from the address bar', async () => {
    expect(page.url()).toBe(`${web.preview.origin}/`);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ value: web.preview.token, httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('installs window.imageDesk, and leaves a bridge that is already there alone', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as any).imageDesk;
      return {
        keys: Object.keys(bridge).sort(),
        pathForFile: bridge.pathForFile(new File(['x'], 'x.jpg')),
        previewUrl: bridge.previewUrl('../a b'),
      };
    });
    expect(shape).toEqual({
      keys: ['invoke', 'on', 'pathForFile', 'previewUrl', 'stageFiles'],
      pathForFile: '',
      previewUrl: '/bridge/preview/..%2Fa%20b',
    });
    const other = await context.newPage();
    await other.addInitScript(() => {
      (window as any).imageDesk = { preload: true };
    });
    await other.goto(`${web.preview.origin}/`);
    await other.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    expect(await other.evaluate(() => (window as any).imageDesk)).toEqual({ preload: true });
    await other.close();
  });

  it('signs up, stages dropped files, uploads them with live events and shows their previews', async () => {
    const images = (await jpegBytes(4, 100)).map((bytes) => bytes.toString('base64'));
    const result = await page.evaluate(
      async ({ images, email }) => {
        const bridge = (window as any).imageDesk;
        const seen: Array<{ id: string; state: string }> = [];
        bridge.on('queue:item', (item: { id: string; state: string }) => seen.push(item));
        const totals: unknown[] = [];
        bridge.on('queue:totals', (t: unknown) => totals.push(t));
        const { result: session } = await bridge.invoke('session:get');
        const signup = await bridge.invoke('session:signup', {
          serverUrl: session.serverUrl,
          email,
          password: 'correct horse battery',
          username: 'Browser',
        });
        const files = images.map((b64: string, i: number) => ({
          file: new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], `p${i}.jpg`, {
            type: 'image/jpeg',
          }),
          relativePath: i < 2 ? `trip/day${i}/p${i}.jpg` : undefined,
        }));
        const paths: string[] = await bridge.stageFiles(files);
        const added = await bridge.invoke('queue:add', { paths });
        const ids: string[] = added.result.items.map((item: { id: string }) => item.id);
        const deadline = Date.now() + 30_000;
        const last = (id: string) => seen.filter((item) => item.id === id).at(-1)?.state;
        while (!ids.every((id) => last(id) === 'done') && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        const widths = await Promise.all(
          ids.map(
            (id) =>
              new Promise<number>((resolve) => {
                const img = new Image();
                img.onload = () => resolve(img.naturalWidth);
                img.onerror = () => resolve(0);
                img.src = bridge.previewUrl(id);
              }),
          ),
        );
        return {
          signedIn: signup.result?.signedIn,
          paths,
          ids,
          states: ids.map((id) => seen.filter((item) => item.id === id).map((item) => item.state)),
          totals: totals.length,
          widths,
        };
      },
      { images, email: uniqueEmail('browser') },
    );
    expect(result.signedIn).toBe(true);
    const root = web.preview.staging.root;
    expect(result.paths.every((p: string) => p.startsWith(root + path.sep))).toBe(true);
    expect(result.paths[0]).toMatch(/trip\/day0\/p0\.jpg$/);
    expect(result.paths[3]).toMatch(/\/p3\.jpg$/);
    for (const states of result.states) {
      expect(states.at(-1)).toBe('done');
      // Once done, no older state shows up again (events and answers keep their order).
      expect(states.indexOf('done')).toBe(states.length - 1);
    }
    expect(result.totals).toBeGreaterThan(0);
    expect(result.widths.every((w: number) => w > 0)).toBe(true);
  });

  it('gets the session and the queue back after a reload', async () => {
    await page.reload();
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const state = await page.evaluate(async () => {
      const bridge = (window as any).imageDesk;
      const [session, queue] = await Promise.all([
        bridge.invoke('session:get'),
        bridge.invoke('queue:view', { filter: 'all', offset: 0, limit: 500 }),
      ]);
      return {
        signedIn: session.result.signedIn,
        states: queue.result.rows.map((item: { state: string }) => item.state),
      };
    });
    expect(state).toEqual({ signedIn: true, states: ['done', 'done', 'done', 'done'] });
  });

  it('refuses a page on another 127.0.0.1 port (same site, other origin)', async () => {
    const foreign = await context.newPage();
    // The backend is just such a page: http://127.0.0.1:<another port>.
    await foreign.goto(`${web.preview.backendUrl}/api/health`);
    const outcome = await foreign.evaluate(async (bridge) => {
      // A "simple" request needs no CORS preflight, and SameSite=Strict still sends the cookie
      // to another port of the same site: only the bridge's Origin check stands in the way.
      await fetch(`${bridge}/bridge/invoke/session:logout`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      }).catch(() => undefined);
      const read = await fetch(`${bridge}/bridge/invoke/session:get`, {
        method: 'POST',
        credentials: 'include',
        body: '{}',
      }).then(
        () => 'read',
        () => 'blocked',
      );
      const width = await new Promise<number>((resolve) => {
        const img = new Image();
        img.onload = () => resolve(img.naturalWidth);
        img.onerror = () => resolve(0);
        img.src = `${bridge}/bridge/preview/anything`;
      });
      return { read, width };
    }, web.preview.origin);
    expect(outcome).toEqual({ read: 'blocked', width: 0 });
    await foreign.close();
    const still = await page.evaluate(() => (window as any).imageDesk.invoke('session:get'));
    expect(still.result.signedIn).toBe(true);
  });

  it('catches up on what happened while its event stream was down', async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.sessionEvents = [];
      w.imageDesk.on('session:changed', (state: unknown) => w.sessionEvents.push(state));
    });
    web.preview.events.disconnectAll();
    // Signed out while no browser listens: the event reaches nobody.
    await web.preview.core.router.dispatch('session:logout', undefined);
    await page.waitForFunction(() => (window as any).sessionEvents.length > 0, undefined, {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => (window as any).sessionEvents.at(-1).signedIn)).toBe(false);
  });
});
