// Finding images again: a tag typed in an image's details is found by the search box (in part,
// and whatever its accents), and choosing the tag in the details shows every image carrying it.
import { expect, test } from './fixtures';
import {
  createAccount,
  expectSignedIn,
  expectThumbnailsLoaded,
  gallery,
  galleryImage,
  newAccount,
  uploadThroughPicker,
} from './support/ui';
import type { Page } from '@playwright/test';

async function tagImage(page: Page, name: string, tags: string): Promise<void> {
  await galleryImage(page, name).dblclick();
  const dialog = page.getByRole('dialog', { name: `Preview of ${name}` });
  await dialog.getByLabel('Tags').fill(tags);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');
  await dialog.getByRole('button', { name: 'Close preview' }).click();
  await expect(dialog).toBeHidden();
}

test('finds images by tag from the search box and from the tags in the details', async ({
  page,
  preview,
  images,
}) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
  const photos = images.photos.slice(0, 4);
  await uploadThroughPicker(page, photos);
  await page.getByRole('button', { name: 'Hide uploads' }).click();
  await expectThumbnailsLoaded(page, 4);

  const [lighthouse, harbour] = [photos[0]!.name, photos[1]!.name];
  await tagImage(page, lighthouse, 'Phare de Créac’h, coast');
  await tagImage(page, harbour, 'coast');

  // Part of a tag, without its accent, finds the one image carrying it.
  await page.getByLabel('Search images').fill('creac');
  await expectThumbnailsLoaded(page, 1);
  await expect(galleryImage(page, lighthouse)).toBeVisible();
  await page.getByLabel('Search images').fill('');
  await expectThumbnailsLoaded(page, 4);

  // Choosing a tag in the details filters the gallery by it.
  await galleryImage(page, lighthouse).dblclick();
  const dialog = page.getByRole('dialog', { name: `Preview of ${lighthouse}` });
  await dialog.getByRole('button', { name: 'coast', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectThumbnailsLoaded(page, 2);
  await expect(galleryImage(page, harbour)).toBeVisible();
  await expect(galleryImage(page, photos[2]!.name)).toHaveCount(0);

  // The filter shows in the top bar; removing it brings every image back.
  await page.getByRole('button', { name: 'Remove the tag filter “coast”' }).click();
  await expectThumbnailsLoaded(page, 4);
  await expect(gallery(page).getByRole('img')).toHaveCount(4);
});
