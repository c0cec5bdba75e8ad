// Creating an account, with a profile image; a failed creation leaves no image behind.
import { expect, test } from './fixtures';
import { saveScreen } from './support/screenshots';
import { createAccount, expectSignedIn, newAccount } from './support/ui';

test.describe('on a brand-new data dir', () => {
  // The first start of `npm run web` on an empty folder, as a person's first run is.
  test.use({ previewOptions: { clockShift: false, emptyDataDir: true } });

  test('creates an account with a profile image', async ({ page, preview, bucket, images }) => {
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await saveScreen(page, 'sign-in');

    const account = newAccount();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Username')).toBeVisible();
    await saveScreen(page, 'create-account');

    expect(await bucket.keys('avatars/')).toEqual([]);
    await createAccount(page, preview.urls.server, account, images.photos[0]);
    await expectSignedIn(page);
    await expect(page.getByText(account.username, { exact: true })).toBeVisible();

    // The profile image went through presign + PUT and now belongs to the account.
    await expect.poll(() => bucket.keys('avatars/')).toHaveLength(1);
    // ...and the top bar shows it, loaded through a signed URL.
    const avatar = page.locator('.user-chip__avatar img');
    await expect(avatar).toHaveAttribute('src', /X-Amz-Signature=/);
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await saveScreen(page, 'gallery-empty');
  });
});

test('a failed account creation deletes the uploaded profile image', async ({
  page,
  preview,
  bucket,
  images,
}) => {
  const taken = newAccount('grace');
  // The first account, straight through the backend's API.
  const response = await fetch(`${preview.urls.server}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(taken),
  });
  expect(response.status).toBe(201);

  await createAccount(
    page,
    preview.urls.server,
    // Another username: usernames are unique too, and this attempt must fail on the email alone.
    { ...taken, username: `${taken.username}-again` },
    images.photos[1],
  );
  await expect(page.getByRole('alert')).toContainText('An account with this email already exists');
  // The form says the image went with the failed attempt and no longer holds it.
  await expect(
    page.getByText('The profile image was removed with the failed attempt'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await saveScreen(page, 'create-account-error');

  // The avatar was uploaded (presigned before sign-up) and the server deleted it again, its
  // staging copy included.
  expect(await bucket.keys('avatars/')).toEqual([]);
  expect(await bucket.keys('incoming/')).toEqual([]);

  // Trying again with another email and the image chosen anew uploads it afresh.
  await page.getByLabel('Email').fill('grace.other@example.com');
  await page.getByLabel('Profile image').setInputFiles(images.photos[1]!.path);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectSignedIn(page);
  await expect.poll(() => bucket.keys('avatars/')).toHaveLength(1);
});
