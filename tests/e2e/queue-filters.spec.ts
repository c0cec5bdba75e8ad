// The queue panel's filters in the browser preview: chips with counts narrow the list, "Retry
// failed" says which files cannot be retried and why, "Clear finished" keeps the failed rows,
// and a duplicate row offers the image it duplicates.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { corruptPng, type TestImage } from './support/images';
import {
  createAccount,
  dropOnRegion,
  expectQueueFinished,
  expectSignedIn,
  newAccount,
  queueList,
} from './support/ui';

test.beforeEach(async ({ page, preview }) => {
  await createAccount(page, preview.urls.server, newAccount());
  await expectSignedIn(page);
});

async function svgFile(): Promise<TestImage> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'queue-filters-'));
  const file = path.join(dir, 'logo.svg');
  await fs.writeFile(file, '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
  return { name: 'logo.svg', path: file, mimeType: 'image/svg+xml' };
}

test('filters the queue, retries only what can succeed, and clears finished but not failed', async ({
  page,
  images,
}) => {
  // Two batches and a walk through every filter: more than one upload test's time.
  test.slow();
  const good = images.photos.slice(0, 3);
  const damaged = corruptPng();
  const svg = await svgFile();
  await dropOnRegion(page, [...good, damaged, svg]);
  await expectQueueFinished(page, 5);
  // The same photo again: a duplicate of the image already uploaded.
  await dropOnRegion(page, [good[0]!]);
  await expectQueueFinished(page, 6);

  const chips = page.getByRole('group', { name: 'Show files' });
  const chip = (label: string) => chips.getByRole('button', { name: new RegExp(`^${label} `) });
  const rows = queueList(page).getByRole('listitem');
  await expect(chip('All')).toHaveText('All 6');
  await expect(chip('Failed')).toHaveText('Failed 2');
  await expect(chip('Done')).toHaveText('Done 3');
  await expect(chip('Duplicates')).toHaveText('Duplicates 1');

  await chip('Failed').click();
  await expect(chip('Failed')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: damaged.name })).toContainText('Failed');
  await expect(rows.filter({ hasText: svg.name })).toContainText('not a supported image');
  // Neither can ever succeed: no Retry on their rows.
  await expect(queueList(page).getByRole('button', { name: /^Retry / })).toHaveCount(0);

  await chip('Duplicates').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Duplicate');
  await expect(rows.first().getByRole('button', { name: 'Show that image' })).toBeVisible();

  await chip('Done').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasNotText: 'Uploaded' })).toHaveCount(0);

  await chip('All').click();
  await expect(rows).toHaveCount(6);
  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page.getByText(/2 files cannot be retried: .*damaged/)).toBeVisible();
  await expect(page.getByText(/not a supported image type/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Clear finished' }).click();
  await expect(chip('All')).toHaveText('All 2');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Failed' })).toHaveCount(2);
});
