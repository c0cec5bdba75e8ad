// End-to-end tests of the renderer in Debian's Chromium against `npm run web` (tests/e2e): each
// test gets its own web preview on a fresh data dir. The Electron smoke test has its own config.
//   npx playwright test -c playwright.config.ts        (npm run test:e2e)
// Reports: list on the console, JSON to PLAYWRIGHT_JSON_OUTPUT_NAME for scripts/test-all.mjs;
// screenshots of every screen land in test-results/screenshots (the CI artifact).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Without these Chromium keeps trying to reach Google's services through a closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Two cores: each test runs a backend, an S3 emulator, an image pipeline and a browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
  },
});
