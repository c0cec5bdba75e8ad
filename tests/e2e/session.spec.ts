// What survives: a reload keeps the session, the gallery and the finished queue; an expired
// session lands on sign-in without losing the queue, which completes after signing in again.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { saveScreen } from './support/screenshots';
import {
  chooseImages,
  createAccount,
  expectQueueFinished,
  expectSignedIn,
  expectThumbnailsLoaded,
  galleryImage,
  newAccount,
  openUploads,
  queueList,
  uploadThroughPicker,
} from './support/ui';

test('a reload keeps the session, the gallery and the finished queue', async ({
  page,
  preview,
  images,
}) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
  const photos = images.photos.slice(0, 5);
  await uploadThroughPicker(page, photos);

  await page.reload();
  await expectSignedIn(page);
  await expectThumbnailsLoaded(page, 5);
  await openUploads(page);
  await expectQueueFinished(page, 5);
  for (const photo of photos) {
    await expect(
      queueList(page).getByRole('listitem').filter({ hasText: photo.name }),
    ).toContainText('Uploaded');
  }
  await saveScreen(page, 'upload-done-after-reload');
});

test.describe('session expiry', () => {
  // The web preview's clock can be moved past the token's two-hour lifetime (clock-shift.ts).
  test.use({ previewOptions: { clockShift: true, emptyDataDir: false } });

  test('lands on sign-in with the queue intact, which completes after signing in', async ({
    page,
    preview,
    bucket,
    images,
  }) => {
    const account = newAccount();
    await createAccount(page, preview.urls.server, account);
    await expectSignedIn(page);
    await uploadThroughPicker(page, images.photos.slice(0, 2));

    // Three hours later the token has lapsed; the next request the queue makes is refused.
    await preview.shiftClock();
    const queued = images.extra.slice(0, 3);
    await chooseImages(page, queued);

    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Your session has expired' }),
    ).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(account.email);
    await saveScreen(page, 'session-expired');

    // The queue is paused, not emptied: the three files wait in the desktop data dir.
    const queueFile = path.join(preview.dataDir, 'desktop', 'queue.json');
    const waiting = () => {
      const state = JSON.parse(fs.readFileSync(queueFile, 'utf8')) as {
        items: Array<{ path: string; state: string }>;
      };
      return state.items
        .filter((item) => item.state !== 'done')
        .map((item) => path.basename(item.path))
        .sort();
    };
    await expect.poll(waiting).toEqual(queued.map((f) => f.name).sort());
    const stored = (await bucket.keys('users/')).length;
    expect(stored).toBe(4);

    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn(page);
    await openUploads(page);
    await expectQueueFinished(page, 5);
    for (const file of queued) await expect(galleryImage(page, file.name)).toBeAttached();
    await expectThumbnailsLoaded(page, 5);
    await expect.poll(async () => (await bucket.keys('users/')).length).toBe(10);
  });
});
