// Test projects: unit/integration tests, and the API suite run twice (PGlite and PostgreSQL).
import { defineConfig } from 'vitest/config';

const API = ['tests/server/api/**/*.test.ts'];
// Several servers sharing one database: PostgreSQL only (PGlite lives inside one process).
const MULTI_SERVER = ['tests/server/multi-server/**/*.test.ts'];
// Need a D-Bus session with an unlocked gnome-keyring: run through scripts/with-keyring.sh.
const KEYCHAIN = ['tests/keychain/**/*.test.ts', 'tests/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [
            ...API,
            ...MULTI_SERVER,
            ...KEYCHAIN,
            'tests/e2e/**',
            'tests/e2e-electron/**',
            'tests/renderer/**',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The renderer's pure logic (selection, signed-URL scheduling, coalescing, formatting).
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'keychain',
          include: KEYCHAIN,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'api-pglite',
          include: API,
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: [...API, ...MULTI_SERVER],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/setup/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
