// Managing the gallery: moving a selection into an album by drag-and-drop, and deleting a
// selection to the Trash (Undo, Restore), whose emptying removes the objects from the bucket;
// editing a selection's tags in one undoable step.
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

test('bulk-deletes two images to the Trash, undoes it, and empties the Trash, removing their objects', async ({
  page,
  preview,
  bucket,
}) => {
  test.slow(); // delete, undo, delete again, open the Trash and empty it: five round trips more
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

  const deleteSelection = async () => {
    await galleryImage(page, doomed[0]!).click();
    await galleryImage(page, doomed[1]!).click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Delete selected' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete images' });
    await expect(confirm).toContainText('Delete 2 images?');
    await expect(confirm).toContainText('moved to the Trash');
    await expect(confirm).not.toContainText('cannot be undone');
    await saveScreen(page, 'delete-confirmation');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(confirm).toBeHidden();
    for (const name of doomed) await expect(galleryImage(page, name)).toHaveCount(0);
    await expectThumbnailsLoaded(page, 6);
  };

  // Deleted: gone from the gallery, objects kept, and the notice offers Undo.
  await deleteSelection();
  await expect(page.getByText('Moved 2 images to the Trash.')).toBeVisible();
  expect((await bucket.keys('users/')).sort()).toEqual([...keysBefore].sort());
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectThumbnailsLoaded(page, 8);
  for (const name of doomed) await expect(galleryImage(page, name)).toHaveCount(1);
  expect([...(await imagesByName(preview.urls.server, account)).keys()]).toHaveLength(8);

  // Deleted again, then the Trash is emptied: now the objects go.
  await deleteSelection();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
  await expectThumbnailsLoaded(page, 2);
  await saveScreen(page, 'trash');
  await page.getByRole('button', { name: 'Empty trash' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty trash' });
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Empty trash' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('The Trash is empty')).toBeVisible();
  const keysAfter = await bucket.keys('users/');
  for (const key of doomedKeys) expect(keysAfter).not.toContain(key);
  expect(keysAfter).toHaveLength(keysBefore.length - 4);
  expect([...(await imagesByName(preview.urls.server, account)).keys()]).toHaveLength(6);
  await page.getByRole('button', { name: 'All images' }).click();
  await expect(gallery(page).getByRole('listitem')).toHaveCount(6);
});

test('restores an image from the Trash and deletes another forever', async ({
  page,
  preview,
  bucket,
}) => {
  const before = await imagesByName(preview.urls.server, account);
  await expect(gallery(page).getByRole('img')).toHaveCount(8);
  const order = await tileNamesInOrder(page);
  const [kept, doomed] = [order[1]!, order[2]!];
  await galleryImage(page, kept).click();
  await galleryImage(page, doomed).click({ modifiers: ['Control'] });
  await page.keyboard.press('Delete');
  await page
    .getByRole('dialog', { name: 'Delete images' })
    .getByRole('button', { name: 'Delete', exact: true })
    .click();
  await expectThumbnailsLoaded(page, 6);

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expectThumbnailsLoaded(page, 2);
  await galleryImage(page, kept).click();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('Restored 1 image.')).toBeVisible();
  await expect(galleryImage(page, kept)).toHaveCount(0);

  await galleryImage(page, doomed).click();
  await page.getByRole('button', { name: 'Delete forever' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete forever' });
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('The Trash is empty')).toBeVisible();
  const keys = await bucket.keys('users/');
  expect(keys).not.toContain(before.get(doomed)!.key);
  expect(keys).toContain(before.get(kept)!.key);

  await page.getByRole('button', { name: 'All images' }).click();
  await expectThumbnailsLoaded(page, 7);
  await expect(galleryImage(page, kept)).toHaveCount(1);
});

test('adds tags to a selection in one step, and undoes it', async ({ page, preview }) => {
  test.slow(); // the edit, its undo, and the API reads of all eight images after each
  await expect(gallery(page).getByRole('img')).toHaveCount(8);
  const order = await tileNamesInOrder(page);
  const tagged = [order[0]!, order[2]!, order[4]!];
  await galleryImage(page, tagged[0]!).click();
  await galleryImage(page, tagged[1]!).click({ modifiers: ['Control'] });
  await galleryImage(page, tagged[2]!).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit images' });
  await dialog.getByLabel('Add tags').fill('beach, summer');
  await saveScreen(page, 'bulk-edit');
  await dialog.getByRole('button', { name: 'Apply to 3 images' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Updated 3 images.')).toBeVisible();

  const tagsByName = async () => {
    const images = await imagesByName(preview.urls.server, account);
    return Object.fromEntries([...images].map(([name, image]) => [name, image.tags]));
  };
  const after = await tagsByName();
  for (const name of order) {
    expect(after[name]).toEqual(tagged.includes(name) ? ['beach', 'summer'] : []);
  }

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Undid the edit of 3 images.')).toBeVisible();
  const undone = await tagsByName();
  for (const name of order) expect(undone[name]).toEqual([]);
});
