// People, end to end in Chromium against `npm run web` on a server that takes invited people
// only: the admin invites someone, who creates their account with the code; the admin disables
// it, and its owner can no longer sign in.
import { expect, test } from './fixtures';
import { saveScreen } from './support/screenshots';
import {
  createAccount,
  dismissMessages,
  expectSignedIn,
  fillSignIn,
  newAccount,
  signIn,
} from './support/ui';

test.use({
  previewOptions: { clockShift: false, emptyDataDir: false, env: { SIGNUP_MODE: 'invite' } },
});

test('invite, sign up with the invite, disable', async ({ page, preview }) => {
  const server = preview.urls.server;
  const admin = newAccount('ada');
  const mia = newAccount('mia');

  // The first account on an empty server is always allowed, and is the administrator.
  await createAccount(page, server, admin);
  await expectSignedIn(page);
  await page.getByRole('button', { name: 'People' }).click();
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row', { name: admin.username })).toBeVisible();
  await expect(page.getByText('New accounts need an invite code')).toBeVisible();

  await page.getByLabel('Email to invite').fill(mia.email);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const codeField = page.getByLabel('Invite code');
  await expect(codeField).toHaveValue(/^inv_/);
  const code = await codeField.inputValue();
  await saveScreen(page, 'people-invite-code');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(codeField).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Without the code the server says it takes invited people only.
  await createAccount(page, server, mia);
  await expect(page.getByRole('alert')).toContainText('by invitation only');
  // With it, Mia's account is created, as a member (no People in her top bar).
  await page.getByLabel('Invite code').fill(code);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectSignedIn(page);
  await expect(page.getByRole('button', { name: 'People' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The admin disables her account.
  await signIn(page, server, admin);
  await expectSignedIn(page);
  await page.getByRole('button', { name: 'People' }).click();
  const row = people.getByRole('row', { name: mia.username });
  await expect(row.getByText('Active')).toBeVisible();
  await row.getByRole('button', { name: `Disable ${mia.username}` }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  await expect(row.getByRole('button', { name: `Enable ${mia.username}` })).toBeVisible();
  await dismissMessages(page);
  await saveScreen(page, 'people');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // Mia's right password no longer signs her in, and she is told why.
  await fillSignIn(page, server, mia);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('disabled by an administrator');
});
