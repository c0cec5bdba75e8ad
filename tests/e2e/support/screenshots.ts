// Screenshots of each screen, kept under test-results/screenshots as the CI artifact, each also
// checked with axe-core.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { ROOT } from './web-preview';

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

export async function saveScreen(page: Page, name: string): Promise<void> {
  // Let transitions and image decoding settle so the picture shows what a person would see.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  // Every screen the suite pictures is also checked for accessibility.
  await expectAccessible(page, name);
}
