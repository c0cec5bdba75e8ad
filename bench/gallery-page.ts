// One seeded gallery open in Chromium for the gallery benchmark: its own web preview (on the
// seeded data dir) and browser context, signed in through the sign-in form.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { WebPreview } from '../tests/e2e/support/web-preview';
import { galleryNodes, scrollToEnd, watchFirstScreen, type ScrollFigures } from './gallery-probes';
import type { SeededGallery } from './gallery-seed';

export class GalleryPage {
  private constructor(
    readonly seeded: SeededGallery,
    private readonly preview: WebPreview,
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {}

  static async open(browser: Browser, seeded: SeededGallery, dataDir: string, logDir: string) {
    const preview = await WebPreview.start({
      dataDir,
      logFile: path.join(logDir, `web-preview-${seeded.count}.log`),
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const gallery = new GalleryPage(seeded, preview, context, await context.newPage());
    try {
      // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the probes are
      // such functions, sent to the page as source, so the page needs the helper too.
      await context.addInitScript('globalThis.__name ??= (fn) => fn;');
      const { page } = gallery;
      await page.goto(preview.urls.app);
      await page.getByLabel('Email').fill(seeded.email);
      await page.getByLabel('Password').fill(seeded.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('list', { name: 'Gallery' }).getByRole('img').first().waitFor();
      await context.addInitScript(watchFirstScreen);
    } catch (error) {
      await gallery.close();
      throw error;
    }
    return gallery;
  }

  /** A fresh navigation of the signed-in app: ms from navigation start to a full first screen. */
  async firstScreenMs(): Promise<number> {
    await this.page.goto(this.preview.urls.app);
    const handle = await this.page.waitForFunction(
      () => (window as unknown as { __firstScreenMs?: number }).__firstScreenMs,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    return (await handle.jsonValue()) as number;
  }

  /** Elements inside the Gallery list, and its tiles, right now. */
  async nodes(): Promise<{ nodes: number; tiles: number }> {
    const tiles = await this.page
      .getByRole('list', { name: 'Gallery' })
      .getByRole('listitem')
      .count();
    return { nodes: await this.page.evaluate(galleryNodes), tiles };
  }

  async scroll(seconds: number): Promise<ScrollFigures & { toolbar: string }> {
    const figures = await this.page.evaluate(scrollToEnd, {
      durationMs: seconds * 1000,
      capMs: 120_000,
    });
    const toolbar = await this.page.getByRole('heading', { level: 1 }).locator('..').innerText();
    return { ...figures, toolbar: toolbar.replace(/\s+/g, ' ').trim() };
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.preview.stop();
  }
}
