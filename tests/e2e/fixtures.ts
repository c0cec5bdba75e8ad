// Playwright fixtures for the web end-to-end tests: every test gets its own `npm run web` on a
// fresh data dir (backend, embedded S3 emulator, desktop core and bridge), a page opened on its
// token URL, and direct access to the bucket; everything is stopped and deleted afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { Bucket } from './support/bucket';
import { makeImages, type TestImage } from './support/images';
import { WebPreview } from './support/web-preview';

export interface ImageLibrary {
  /** 24 generated images (JPEG, PNG, WebP; every fifth a JPEG with EXIF orientation 6). */
  photos: TestImage[];
  /** More images under another prefix, for tests that need files nobody uploaded yet. */
  extra: TestImage[];
}

export interface PreviewOptions {
  /** Preload the clock-shift hook (tests/e2e/support/clock-shift.ts) into the web preview. */
  clockShift: boolean;
  /**
   * Start on a truly empty data dir (the backend creates and migrates its database on first
   * boot) instead of a copy of the empty, migrated database made once by global-setup.ts.
   */
  emptyDataDir: boolean;
  /** Server settings for this test's preview (e.g. SIGNUP_MODE), over the embedded defaults. */
  env?: Record<string, string>;
}

export const test = base.extend<
  { previewOptions: PreviewOptions; preview: WebPreview; bucket: Bucket },
  { images: ImageLibrary }
>({
  images: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-e2e-images-'));
      const [photos, extra] = await Promise.all([
        makeImages(path.join(dir, 'photos'), 'photo', 24),
        makeImages(path.join(dir, 'extra'), 'extra', 6),
      ]);
      await use({ photos, extra });
      fs.rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  previewOptions: [{ clockShift: false, emptyDataDir: false }, { option: true }],

  preview: async ({ previewOptions }, use, testInfo) => {
    const logFile = testInfo.outputPath('web-preview.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const preview = await WebPreview.start({
      logFile,
      clockShift: previewOptions.clockShift,
      fromTemplate: !previewOptions.emptyDataDir,
      ...(previewOptions.env ? { env: previewOptions.env } : {}),
    });
    try {
      await use(preview);
    } finally {
      await preview.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('web-preview.log', { path: logFile, contentType: 'text/plain' });
      }
    }
  },

  bucket: async ({ preview }, use) => {
    const bucket = new Bucket(preview.urls.s3);
    await use(bucket);
    bucket.close();
  },

  // The page opens on the printed token URL, so the bridge cookie is set before any test step.
  page: async ({ page, preview }, use) => {
    await page.goto(preview.urls.app);
    await use(page);
  },
});

export { expect };
