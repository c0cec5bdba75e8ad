// Managing the gallery: moving a selection into an album by drag-and-drop, and deleting a
// selection, which removes the originals and thumbnails from the bucket too.
import { expect, test } from './fixtures';
import { imagesByName } from './support/api';
import { saveScreen } from './support/screenshots';
import {
  albumButton,
  createAccount,
  createAlbum,
  expectSignedIn,
  expectThumbnailsLoaded,
  gallery,
  galleryImage,
  newAccount,
  tileNamesInOrder,
  uploadThroughPicker,
  type Account,
} from './support/ui';

let account: Account;

test.beforeEach(async ({ page, preview, images }) => {
  account = newAccount();
  await createAccount(page, preview.urls.server, account);
  await expectSignedIn(page);
  await uploadThroughPicker(page, images.photos.slice(0, 8));
  await page.getByRole('button', { name: 'Hide uploads' }).click();
});

test('moves three selected images into an album by drag-and-drop', async ({ page }) => {
  await createAlbum(page, 'Holiday');
  // Every tile is rendered before their order is read once, to pick tiles by position.
  await expect(gallery(page).getByRole('img')).toHaveCount(8);
  const order = await tileNamesInOrder(page);
  expect(order).toHaveLength(8);

  // Click the second tile, Shift-click the fourth (a range of three) ...
  await galleryImage(page, order[1]!).click();
  await galleryImage(page, order[3]!).click({ modifiers: ['Shift'] });
  // ... Ctrl-click one out and another in: still three, not all adjacent.
  await galleryImage(page, order[2]!).click({ modifiers: ['Control'] });
  await galleryImage(page, order[6]!).click({ modifiers: ['Control'] });
  const moved = [order[1]!, order[3]!, order[6]!];
  await expect(page.getByText('3 selected')).toBeVisible();

  // A real HTML5 drag of one selected tile onto the album carries the whole selection.
  await galleryImage(page, moved[0]!).dragTo(albumButton(page, 'Holiday'));
  await expect(albumButton(page, 'Holiday')).toHaveAccessibleDescription('3 images');

  await albumButton(page, 'Holiday').click();
  await expect(page.getByRole('heading', { name: 'Holiday' })).toBeVisible();
  await expectThumbnailsLoaded(page, 3);
  await expect.poll(async () => (await tileNamesInOrder(page)).sort()).toEqual([...moved].sort());
  await saveScreen(page, 'album');

  // The rest are still where they were: in no album.
  await page.getByRole('button', { name: 'Not in an album' }).click();
  await expectThumbnailsLoaded(page, 5);
  for (const name of moved) await expect(galleryImage(page, name)).toHaveCount(0);
});

test('bulk-deletes two images, removing their objects from the bucket', async ({
  page,
  preview,
  bucket,
}) => {
  const before = await imagesByName(preview.urls.server, account);
  await expect(gallery(page).getByRole('img')).toHaveCount(8);
  const order = await tileNamesInOrder(page);
  const doomed = [order[0]!, order[5]!];
  const doomedKeys = doomed.flatMap((name) => {
    const image = before.get(name)!;
    return [image.key, image.thumbnailKey!];
  });
  expect(doomedKeys.every((key) => key.startsWith('users/'))).toBe(true);
  const keysBefore = await bucket.keys('users/');
  for (const key of doomedKeys) expect(keysBefore).toContain(key);

  await galleryImage(page, doomed[0]!).click();
  await galleryImage(page, doomed[1]!).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Delete selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete images' });
  await expect(confirm).toContainText('Delete 2 images?');
  await saveScreen(page, 'delete-confirmation');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();

  for (const name of doomed) await expect(galleryImage(page, name)).toHaveCount(0);
  await expectThumbnailsLoaded(page, 6);
  const keysAfter = await bucket.keys('users/');
  for (const key of doomedKeys) expect(keysAfter).not.toContain(key);
  expect(keysAfter).toHaveLength(keysBefore.length - 4);
  expect([...(await imagesByName(preview.urls.server, account)).keys()]).toHaveLength(6);
  await expect(gallery(page).getByRole('listitem')).toHaveCount(6);
});
