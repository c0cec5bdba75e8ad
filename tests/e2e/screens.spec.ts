// The remaining screens: an image's preview with its details and editable title, settings, and
// the whole workspace in dark mode. Each is looked at through a saved screenshot as well.
import { expect, test } from './fixtures';
import { saveScreen } from './support/screenshots';
import {
  createAccount,
  dismissMessages,
  expectSignedIn,
  expectThumbnailsLoaded,
  galleryImage,
  newAccount,
  openUploads,
  uploadThroughPicker,
} from './support/ui';

test('preview, details, settings and dark mode', async ({ page, preview, images }) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
  const photos = images.photos.slice(0, 10);
  await uploadThroughPicker(page, photos);
  await saveScreen(page, 'upload-done');
  await page.getByRole('button', { name: 'Hide uploads' }).click();
  await expectThumbnailsLoaded(page, 10);

  // photo-05 is stored sideways with EXIF orientation 6; the pipeline turned it upright.
  const rotated = photos.find((p) => p.name.includes('rotated'))!;
  await galleryImage(page, rotated.name).dblclick();
  // Named after the image, so the name follows the title edited below.
  const dialog = page.getByRole('dialog', { name: /^Preview of / });
  await expect(dialog).toHaveAccessibleName(`Preview of ${rotated.name}`);
  const original = dialog.getByRole('img', { name: rotated.name, exact: true });
  // The signed URL arrives asynchronously; wait for it, then for its pixels.
  await expect(original).toHaveAttribute('src', /X-Amz-Signature=/);
  await expect
    .poll(() => original.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth > 0]))
    .toEqual([true, true]);
  const size = await original.evaluate((img: HTMLImageElement) => [
    img.naturalWidth,
    img.naturalHeight,
  ]);
  expect(size[0]).toBeGreaterThan(size[1]!);
  await expect(dialog).toContainText(`${size[0]} × ${size[1]}`);
  await expect(dialog).toContainText('users/');
  await saveScreen(page, 'preview');

  // A title becomes the image's name in the gallery (its alt text).
  await dialog.getByLabel('Title').fill('Green field');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await expect(dialog).toHaveAccessibleName('Preview of Green field');
  await dialog.getByRole('button', { name: 'Close preview' }).click();
  await expect(dialog).toBeHidden();
  await expect(galleryImage(page, 'Green field')).toBeVisible();
  await expect(galleryImage(page, rotated.name)).toHaveCount(0);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByLabel('Server URL')).toHaveValue(preview.urls.server);
  await saveScreen(page, 'settings');
  await settings.getByRole('button', { name: 'Cancel' }).click();
  await expect(settings).toBeHidden();

  await page.emulateMedia({ colorScheme: 'dark' });
  await openUploads(page);
  await dismissMessages(page);
  await saveScreen(page, 'gallery-dark');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await saveScreen(page, 'sign-in-dark');
});
