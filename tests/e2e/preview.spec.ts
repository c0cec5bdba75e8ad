// The image preview: a tall portrait photo is drawn whole inside the dialog in a small window
// and a large one, zooms to 100% and pans; a TIFF (which Chromium cannot draw) is shown from its
// thumbnail; an image is deleted from the preview, objects and all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { imagesByName } from './support/api';
import { saveScreen } from './support/screenshots';
import type { TestImage } from './support/images';
import {
  createAccount,
  expectSignedIn,
  galleryImage,
  newAccount,
  uploadThroughPicker,
} from './support/ui';

let dir: string;
let portrait: TestImage;
let tiff: TestImage;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-preview-'));
  const picture = (width: number, height: number) =>
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
          <rect width="100%" height="100%" fill="#1d4ed8"/>
          <rect x="0" y="${height - 120}" width="100%" height="120" fill="#f59e0b"/>
        </svg>`,
      ),
    );
  portrait = { name: 'portrait.jpg', path: path.join(dir, 'portrait.jpg'), mimeType: 'image/jpeg' };
  tiff = { name: 'scan.tiff', path: path.join(dir, 'scan.tiff'), mimeType: 'image/tiff' };
  await picture(1200, 1800).jpeg({ quality: 85 }).toFile(portrait.path);
  await picture(900, 700).tiff().toFile(tiff.path);
});

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The drawn picture's box, the dialog's, and the window's, in CSS pixels. */
async function boxes(page: Page, img: Locator) {
  const dialog = page.getByRole('dialog', { name: /^Preview of / });
  const image = (await img.boundingBox())!;
  const frame = (await dialog.boundingBox())!;
  return { image, frame, window: page.viewportSize()! };
}

async function expectWholeImageInside(page: Page, img: Locator) {
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
    .toBe(true);
  const { image, frame, window } = await boxes(page, img);
  expect(image.height).toBeGreaterThan(100);
  expect(image.y).toBeGreaterThanOrEqual(frame.y);
  expect(image.x).toBeGreaterThanOrEqual(frame.x);
  expect(image.y + image.height).toBeLessThanOrEqual(frame.y + frame.height);
  expect(image.x + image.width).toBeLessThanOrEqual(frame.x + frame.width);
  expect(frame.y + frame.height).toBeLessThanOrEqual(window.height);
  expect(frame.x + frame.width).toBeLessThanOrEqual(window.width);
  // Scaled, not cropped or stretched: the drawn box keeps the photo's 2:3.
  expect(image.width / image.height).toBeCloseTo(1200 / 1800, 1);
}

test('a portrait photo fits the preview, zooms to 100% and pans', async ({ page, preview }) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
  await uploadThroughPicker(page, [portrait, tiff]);
  await page.getByRole('button', { name: 'Hide uploads' }).click();
  await page.setViewportSize({ width: 800, height: 600 });

  await galleryImage(page, portrait.name).dblclick();
  const dialog = page.getByRole('dialog', { name: `Preview of ${portrait.name}` });
  const img = dialog.getByRole('img', { name: portrait.name, exact: true });
  await expect(img).toHaveAttribute('src', /X-Amz-Signature=/);
  await expectWholeImageInside(page, img);
  await saveScreen(page, 'preview-portrait-small-window');

  // 100%: the photo at its own pixels, in a focusable region that pans by dragging.
  await dialog.getByRole('button', { name: 'Zoom to 100%' }).click();
  const region = dialog.getByRole('region', { name: /^Image at 100%/ });
  await expect(region).toBeVisible();
  expect((await img.boundingBox())!.height).toBeCloseTo(1800, 0);
  const scrollTop = () => region.evaluate((el) => el.scrollTop);
  const before = await scrollTop();
  const box = (await region.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 150, { steps: 5 });
  await page.mouse.up();
  await expect.poll(scrollTop).toBeGreaterThan(before + 100);
  // The keyboard pans too.
  await region.focus();
  const afterDrag = await scrollTop();
  await page.keyboard.press('PageDown');
  await expect.poll(scrollTop).toBeGreaterThan(afterDrag);

  await dialog.getByRole('button', { name: 'Fit to window' }).click();
  await expectWholeImageInside(page, img);

  // A large window: still whole (it was 1287 px tall in a 752 px dialog).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expectWholeImageInside(page, img);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectWholeImageInside(page, img);
});

test('a TIFF is previewed through its thumbnail and can be moved to the Trash from the preview', async ({
  page,
  preview,
  bucket,
}) => {
  const account = newAccount();
  await createAccount(page, preview.urls.server, account);
  await expectSignedIn(page);
  await uploadThroughPicker(page, [tiff, portrait]);
  await page.getByRole('button', { name: 'Hide uploads' }).click();
  const stored = (await imagesByName(preview.urls.server, account)).get(tiff.name)!;
  expect(stored.key).toMatch(/\.tiff$/);

  await galleryImage(page, tiff.name).dblclick();
  const dialog = page.getByRole('dialog', { name: `Preview of ${tiff.name}` });
  await expect(dialog).toContainText('Shown from its thumbnail: browsers cannot display TIFF.');
  const img = dialog.getByRole('img', { name: tiff.name, exact: true });
  await expectImageDrawn(img);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await saveScreen(page, 'preview-tiff');

  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete image' });
  await expect(confirm).toContainText(`Delete “${tiff.name}”?`);
  await expect(confirm).toContainText('It moves to the Trash');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  // The preview moves on to the other image.
  await expect(page.getByRole('dialog', { name: `Preview of ${portrait.name}` })).toBeVisible();
  await expect(galleryImage(page, tiff.name)).toHaveCount(0);
  // In the Trash, not in the gallery; its objects stay until the Trash is emptied.
  expect((await imagesByName(preview.urls.server, account)).has(tiff.name)).toBe(false);
  const trashed = await imagesByName(preview.urls.server, account, { trash: true });
  expect(trashed.get(tiff.name)?.id).toBe(stored.id);
  const keys = await bucket.keys('users/');
  expect(keys).toContain(stored.key);
  expect(keys).toContain(stored.thumbnailKey);
  expect(keys).toHaveLength(4);
});

test.describe('links and files', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies a link in each format and downloads the original', async ({
    page,
    preview,
    bucket,
  }) => {
    const account = newAccount();
    await createAccount(page, preview.urls.server, account);
    await expectSignedIn(page);
    await uploadThroughPicker(page, [portrait, tiff]);
    await page.getByRole('button', { name: 'Hide uploads' }).click();
    const stored = (await imagesByName(preview.urls.server, account)).get(portrait.name)!;

    await galleryImage(page, portrait.name).dblclick();
    const dialog = page.getByRole('dialog', { name: `Preview of ${portrait.name}` });
    const alt = 'Boat "A" & <b>sails</b> [1]';
    await dialog.getByLabel('Alt text').fill(alt);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Saved.');

    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    const copy = async (lifetime: string, format: string) => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await dialog.getByLabel('Link works for').selectOption({ label: lifetime });
      await dialog.getByLabel('Copy as').selectOption({ label: format });
      await dialog.getByRole('button', { name: 'Copy link' }).click();
      await expect(page.getByText(`Link copied. It works for ${lifetime}.`)).toBeVisible();
      await expect.poll(clipboard).not.toBe('');
      return clipboard();
    };

    const url = await copy('7 days', 'URL');
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('604800');
    const served = Buffer.from(await (await fetch(url)).arrayBuffer());
    const original = await bucket.bytes(stored.key);
    expect(served.equals(original)).toBe(true);

    const markdown = await copy('1 hour', 'Markdown');
    const md = /^!\[(.*)\]\((.*)\)$/.exec(markdown);
    expect(md?.[1]).toBe('Boat "A" & <b>sails</b> \\[1\\]');
    expect(new URL(md![2]!).searchParams.get('X-Amz-Expires')).toBe('3600');

    const html = await copy('5 minutes', 'HTML <img>');
    expect(html).toMatch(
      /^<img src="[^"<>]+" alt="Boat &quot;A&quot; &amp; &lt;b&gt;sails&lt;\/b&gt; \[1\]">$/,
    );
    expect(html).toContain('X-Amz-Expires=300&amp;');
    // Parsed as HTML it gives back exactly the alt text and a working URL.
    const parsed = await page.evaluate((snippet) => {
      const img = new DOMParser().parseFromString(snippet, 'text/html').querySelector('img')!;
      return { alt: img.getAttribute('alt'), src: img.getAttribute('src') };
    }, html);
    expect(parsed.alt).toBe(alt);
    expect(new URL(parsed.src!).searchParams.get('X-Amz-Expires')).toBe('300');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download original' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(portrait.name);
    const saved = await fs.promises.readFile((await download.path())!);
    expect(saved.equals(original)).toBe(true);
  });
});

async function expectImageDrawn(img: Locator) {
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0))
    .toBe(true);
}
