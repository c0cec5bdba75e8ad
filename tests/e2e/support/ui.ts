// The steps a person takes, written once and driven only through the accessible names the
// issue promises (labels, roles and alt text), so the tests read like the acceptance check.
import { expect, type Locator, type Page } from '@playwright/test';
import { dropFiles } from './drop';
import type { TestImage } from './images';

export interface Account {
  email: string;
  password: string;
  username: string;
}

let accounts = 0;
/** A fresh account's details; unique within the run (each test has its own backend anyway). */
export function newAccount(name = 'ada'): Account {
  accounts += 1;
  return {
    email: `${name}.${accounts}@example.com`,
    password: 'correct horse battery',
    username: `${name}${accounts}`,
  };
}

export async function fillSignIn(page: Page, serverUrl: string, account: Account): Promise<void> {
  await page.getByLabel('Server URL').fill(serverUrl);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
}

/** From the sign-in screen: switch to "Create account", fill it in and send it. */
export async function createAccount(
  page: Page,
  serverUrl: string,
  account: Account,
  avatar?: TestImage,
): Promise<void> {
  await page.getByRole('button', { name: 'Create account' }).click();
  await fillSignIn(page, serverUrl, account);
  await page.getByLabel('Username').fill(account.username);
  if (avatar) await page.getByLabel('Profile image').setInputFiles(avatar.path);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signIn(page: Page, serverUrl: string, account: Account): Promise<void> {
  await fillSignIn(page, serverUrl, account);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const gallery = (page: Page): Locator => page.getByRole('list', { name: 'Gallery' });
export const dropRegion = (page: Page): Locator =>
  page.getByRole('region', { name: 'Drop images' });
export const queueList = (page: Page): Locator => page.getByRole('list', { name: 'Upload queue' });

/** The signed-in workspace is showing (the gallery list is there). */
export async function expectSignedIn(page: Page): Promise<void> {
  await expect(gallery(page)).toBeAttached();
  await expect(page.getByLabel('Password')).toHaveCount(0);
}

/** Opens the uploads panel if it is hidden (it holds the "Drop images" region). */
export async function openUploads(page: Page): Promise<void> {
  // The top bar's toggle: pressed while the panel is open.
  const toggle = page.getByRole('button', { name: /^Uploads/ });
  // The toggle flips the panel, and a drop opens it too: if one lands between reading the
  // state and clicking, the click closes it again. So read, click only when closed, and check;
  // a round that raced is simply run again.
  await expect(async () => {
    if ((await toggle.getAttribute('aria-pressed', { timeout: 1_000 })) !== 'true') {
      await toggle.click({ timeout: 1_000 });
    }
    await expect(toggle).toHaveAttribute('aria-pressed', 'true', { timeout: 1_000 });
    await expect(dropRegion(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

export async function dropOnRegion(page: Page, files: readonly TestImage[]): Promise<void> {
  await openUploads(page);
  await dropFiles(dropRegion(page), files);
}

export async function chooseImages(page: Page, files: readonly TestImage[]): Promise<void> {
  await openUploads(page);
  await page.getByLabel('Choose images').setInputFiles(files.map((f) => f.path));
}

/** Waits for the batch summary to say every one of `count` files has finished. */
export async function expectQueueFinished(page: Page, count: number, timeout = 60_000) {
  await expect(page.getByText(`${count} files finished`)).toBeVisible({ timeout });
}

/** The gallery's image for a file (its alt text is the title or the file name). */
export const galleryImage = (page: Page, name: string): Locator =>
  gallery(page).getByRole('img', { name, exact: true });

/** Every img in the gallery list has decoded pixels and comes from a signed S3 URL. */
export async function expectThumbnailsLoaded(page: Page, count: number): Promise<void> {
  const images = gallery(page).getByRole('img');
  await expect(images).toHaveCount(count);
  await expect
    .poll(
      () =>
        images.evaluateAll(
          (list) =>
            (list as HTMLImageElement[]).filter(
              (img) =>
                img.complete && img.naturalWidth > 0 && img.currentSrc.includes('X-Amz-Signature='),
            ).length,
        ),
      { timeout: 30_000 },
    )
    .toBe(count);
}

/** The gallery's tiles' names in display order (tiles are rendered row by row). */
export async function tileNamesInOrder(page: Page): Promise<string[]> {
  return gallery(page)
    .getByRole('img')
    .evaluateAll((list) => list.map((img) => img.getAttribute('alt') ?? ''));
}

export const albumsNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Albums' });

/** The album's button in the sidebar: named by the album, its image count as description. */
export const albumButton = (page: Page, name: string): Locator =>
  albumsNav(page).getByRole('button', { name, exact: true });

export async function createAlbum(page: Page, name: string): Promise<void> {
  await albumsNav(page).getByRole('button', { name: 'New album' }).click();
  await albumsNav(page).getByLabel('Album name').fill(name);
  await albumsNav(page).getByRole('button', { name: 'Create' }).click();
  await expect(albumButton(page, name)).toBeVisible();
}

/** Uploads files through "Choose images" and waits until they are all in the gallery. */
export async function uploadThroughPicker(page: Page, files: readonly TestImage[]) {
  await chooseImages(page, files);
  await expectQueueFinished(page, files.length);
  for (const file of files) await expect(galleryImage(page, file.name)).toBeAttached();
}

/** Closes the floating messages (they fade after a few seconds anyway), for a clear picture. */
export async function dismissMessages(page: Page): Promise<void> {
  const buttons = page.getByRole('button', { name: 'Dismiss message' });
  // A message may fade on its own between being counted and being clicked; the click then
  // finds nothing and times out quickly, and the next round counts again, until none is left.
  await expect(async () => {
    while ((await buttons.count()) > 0) await buttons.first().click({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
