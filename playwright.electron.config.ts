// Playwright config for the Electron smoke test only (tests/e2e-electron). It needs an Electron
// binary, which `npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1 does not fetch: without one the test
// reports itself skipped and says how to get the binary.
//   npx playwright test -c playwright.electron.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e-electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-electron',
  // One app instance at a time: it holds a single-instance lock.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
