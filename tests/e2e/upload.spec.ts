// Uploading: files dropped on "Drop images" (a real drop event) and chosen with "Choose images"
// all reach done, their thumbnails load from signed URLs, and a damaged file fails on its own.
import { expect, test } from './fixtures';
import { corruptPng } from './support/images';
import { saveScreen } from './support/screenshots';
import {
  chooseImages,
  createAccount,
  dismissMessages,
  dropOnRegion,
  expectQueueFinished,
  expectSignedIn,
  expectThumbnailsLoaded,
  galleryImage,
  newAccount,
  queueList,
} from './support/ui';

test.beforeEach(async ({ page, preview }) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
});

test('uploads 20 images, some dropped and some chosen, and all reach done', async ({
  page,
  bucket,
  images,
}) => {
  const photos = images.photos.slice(0, 20);
  await dropOnRegion(page, photos.slice(0, 12));
  await chooseImages(page, photos.slice(12));
  await expect(queueList(page).getByRole('listitem').first()).toBeVisible();
  await saveScreen(page, 'upload-in-progress');

  await expectQueueFinished(page, 20);
  await expect(page.getByText('failed', { exact: false })).toHaveCount(0);
  // Every row the list renders says so (a one-time list of rows could go stale as it renders).
  const rows = queueList(page).getByRole('listitem');
  await expect(rows.first()).toContainText('Uploaded');
  await expect(rows.filter({ hasNotText: 'Uploaded' })).toHaveCount(0);
  // Each file is stored twice: the processed original and its WebP thumbnail.
  const keys = await bucket.keys('users/');
  expect(keys.filter((k) => k.includes('/thumbs/'))).toHaveLength(20);
  expect(keys.filter((k) => !k.includes('/thumbs/'))).toHaveLength(20);
  for (const photo of photos) await expect(galleryImage(page, photo.name)).toBeAttached();
});

test('shows 20 thumbnails loaded from signed URLs', async ({ page, images }) => {
  const photos = images.photos.slice(0, 20);
  await chooseImages(page, photos);
  await expectQueueFinished(page, 20);
  await page.getByRole('button', { name: 'Hide uploads' }).click();
  await expectThumbnailsLoaded(page, 20);
  for (const photo of photos) {
    await expect(galleryImage(page, photo.name)).toHaveAttribute('src', /X-Amz-Signature=/);
  }
  await dismissMessages(page);
  await saveScreen(page, 'gallery');
});

test('a damaged file shows its error while the others reach done', async ({ page, images }) => {
  const good = images.photos.slice(0, 5);
  const damaged = corruptPng();
  await dropOnRegion(page, [good[0]!, good[1]!, damaged, good[2]!, good[3]!, good[4]!]);

  await expectQueueFinished(page, 6);
  const row = queueList(page).getByRole('listitem').filter({ hasText: damaged.name });
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('The image is damaged or truncated and cannot be read.');
  for (const photo of good) {
    await expect(
      queueList(page).getByRole('listitem').filter({ hasText: photo.name }),
    ).toContainText('Uploaded');
    await expect(galleryImage(page, photo.name)).toBeAttached();
  }
  await expect(galleryImage(page, damaged.name)).toHaveCount(0);
  await dismissMessages(page);
  await saveScreen(page, 'upload-with-error');
});

test('pauses all, resumes one file on its own while the rest wait, then resumes all', async ({
  page,
  images,
}) => {
  const photos = images.photos.slice(0, 24);
  await chooseImages(page, photos);
  const pauseAll = page.getByRole('button', { name: 'Pause all' });
  await expect(pauseAll).toBeEnabled();
  await pauseAll.click();
  const resumeAll = page.getByRole('button', { name: 'Resume all' });
  await expect(resumeAll).toBeVisible();

  const rows = queueList(page).getByRole('listitem');
  const paused = rows.filter({ hasText: 'Paused' });
  // More than one file waits (rows turn "Paused" one by one as their runs stop).
  await expect(paused.nth(1)).toBeVisible();
  const name = (await paused.first().locator('.queue-row__name').textContent())!;
  const row = rows.filter({ has: page.getByText(name, { exact: true }) });
  await row.getByRole('button', { name: `Resume ${name}` }).click();

  await expect(row).toContainText('Uploaded');
  await expect(galleryImage(page, name)).toBeAttached();
  // The others did not move: the queue as a whole is still paused.
  await expect(paused.first()).toBeVisible();
  await expect(resumeAll).toBeVisible();

  await resumeAll.click();
  await expectQueueFinished(page, 24);
  for (const photo of photos) await expect(galleryImage(page, photo.name)).toBeAttached();
});
