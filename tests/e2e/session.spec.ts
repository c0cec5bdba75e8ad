// What survives: a reload keeps the session, the gallery and the finished queue; an expired
// session lands on sign-in without losing the queue, which completes after signing in again.
import { expect, test } from './fixtures';
import { saveScreen } from './support/screenshots';
import {
  chooseImages,
  createAccount,
  gallery,
  expectQueueFinished,
  expectSignedIn,
  expectThumbnailsLoaded,
  galleryImage,
  newAccount,
  openUploads,
  queueList,
  signIn,
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

test.describe('a long batch', () => {
  // The web preview's clock moves three hours on (clock-shift.ts): past the access token's two.
  test.use({ previewOptions: { clockShift: true, emptyDataDir: false } });

  test('carries on after the access token lapsed, without asking to sign in', async ({
    page,
    preview,
    images,
  }) => {
    const account = newAccount();
    await createAccount(page, preview.urls.server, account);
    await expectSignedIn(page);
    await uploadThroughPicker(page, images.photos.slice(0, 2));

    await preview.shiftClock();
    const queued = images.extra.slice(0, 3);
    await chooseImages(page, queued);
    await openUploads(page);
    await expectQueueFinished(page, 5);
    for (const file of queued) await expect(galleryImage(page, file.name)).toBeAttached();
    await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    await expect(page.getByText('Your session has expired')).toHaveCount(0);
  });
});

test.describe('session expiry', () => {
  // The clock moves 31 days on: past the refresh token's 30 too, so nothing renews the sign-in.
  test.use({
    previewOptions: {
      clockShift: true,
      emptyDataDir: false,
      env: { E2E_CLOCK_SHIFT_MS: String(31 * 24 * 60 * 60 * 1000) },
    },
  });

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

    // A month later the sign-in has lapsed; the next request the queue makes is refused.
    await preview.shiftClock();
    const queued = images.extra.slice(0, 3);
    await chooseImages(page, queued);

    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Your session has expired' }),
    ).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(account.email);
    await saveScreen(page, 'session-expired');

    // The queue is paused, not emptied: its SQLite store is held by the running app, so what
    // proves the three files waited is the batch completing after signing in (below).
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

test('files queued by one account wait for it while another is signed in', async ({
  page,
  preview,
  images,
}) => {
  const ann = newAccount('ann');
  const bob = newAccount('bob');
  await createAccount(page, preview.urls.server, ann);
  await expectSignedIn(page);
  const annFiles = images.photos.slice(0, 24);
  await chooseImages(page, annFiles);
  // Held mid-batch, so some of Ann's files are still waiting when she signs out.
  const pauseAll = page.getByRole('button', { name: 'Pause all' });
  await expect(pauseAll).toBeEnabled();
  await pauseAll.click();
  await expect(page.getByRole('button', { name: 'Resume all' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();

  await createAccount(page, preview.urls.server, bob);
  await expectSignedIn(page);
  await openUploads(page);
  // Bob never sees Ann's files (not their names, not their rows): only how many wait for her.
  const rows = queueList(page).getByRole('listitem');
  const annsRows = rows.filter({ hasText: annFiles[0]!.name });
  const summary = page.getByText(/waiting for another account/);
  await expect(summary).toBeVisible();
  await expect(annsRows).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Other account' })).toHaveCount(0);
  // The batch line counts them apart. Read
  // once on purpose: Ann's runs stopped when she signed out, so this is the baseline that must
  // not move while Bob is signed in (checked against the line again below).
  const waiting = Number(/(\d+) files? waiting/.exec((await summary.textContent())!)![1]);
  expect(waiting).toBeGreaterThan(0);
  const waitingText = `${waiting} file${waiting === 1 ? '' : 's'} waiting for another account`;

  // Bob cannot resume Ann's files (Resume all acts on his own only), and one of his own
  // uploads while hers keep waiting (they come first in the queue, so they would have gone
  // before his file if they could).
  await expect(page.getByRole('button', { name: 'Resume all' })).toHaveCount(0);
  const bobFile = images.extra[0]!;
  await chooseImages(page, [bobFile]);
  // The queue is still paused (a visible state new files respect): resuming it starts his.
  await page.getByRole('button', { name: 'Resume all' }).click();
  await expect(galleryImage(page, bobFile.name)).toBeAttached();
  // Finished: Bob's own file only; Ann's finished ones are hers and are not counted here.
  await expect(page.getByText(`1 file finished · ${waitingText}`)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(gallery(page).getByRole('img')).toHaveCount(1);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, preview.urls.server, ann);
  await expectSignedIn(page);
  await openUploads(page);
  // Her files are as she left them, paused: she resumes them herself.
  await page.getByRole('button', { name: 'Resume all' }).click();
  await expectQueueFinished(page, 24);
  for (const file of annFiles) await expect(galleryImage(page, file.name)).toBeAttached();
  await expect(galleryImage(page, bobFile.name)).toHaveCount(0);
});
