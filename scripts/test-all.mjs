#!/usr/bin/env node
// Runs every test runner of the project in turn and ends with one line, "N passed, N failed",
// summing them all. Exits non-zero when any runner failed or reported a failed test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, '.test-output');
fs.mkdirSync(outDir, { recursive: true });

/** Each suite: the command to run and how to read its counts from the JSON report it writes. */
const suites = [
  {
    // Every vitest project: unit, the API suite on PGlite and on PostgreSQL, and the keychain
    // tests, which need a D-Bus session with an unlocked gnome-keyring (hence the wrapper).
    name: 'vitest',
    command: path.join(root, 'scripts/with-keyring.sh'),
    args: [
      'npx',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${path.join(outDir, 'vitest.json')}`,
    ],
    report: path.join(outDir, 'vitest.json'),
    count: (r) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numTotalTestSuites === 0 ? 1 : 0),
      skipped: r.numPendingTests + r.numTodoTests,
    }),
  },
  {
    // The renderer in Debian's Chromium against `npm run web`, a fresh data dir per test;
    // screenshots of every screen land in test-results/screenshots.
    name: 'e2e (playwright, chromium)',
    command: 'npx',
    args: ['playwright', 'test', '-c', 'playwright.config.ts'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(outDir, 'e2e.json') },
    report: path.join(outDir, 'e2e.json'),
    count: playwrightCounts,
  },
  {
    // Runs where an Electron binary exists; elsewhere it reports itself skipped, saying why.
    name: 'electron smoke (playwright)',
    command: 'npx',
    args: ['playwright', 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(outDir, 'electron.json') },
    report: path.join(outDir, 'electron.json'),
    count: playwrightCounts,
  },
];

function playwrightCounts(r) {
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected + (r.errors?.length ?? 0),
    skipped: r.stats.skipped,
  };
}

let passed = 0;
let failed = 0;
let skipped = 0;
let runnerFailed = false;
for (const suite of suites) {
  fs.rmSync(suite.report, { force: true });
  console.log(`\n=== ${suite.name} ===`);
  const result = spawnSync(suite.command, suite.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...suite.env },
  });
  let counts;
  try {
    counts = suite.count(JSON.parse(fs.readFileSync(suite.report, 'utf8')));
  } catch {
    console.error(`${suite.name}: no report was written; counting the run as one failure.`);
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  if (result.status !== 0 && counts.failed === 0) {
    console.error(
      `${suite.name} exited with ${result.status ?? result.signal}; counting it as one failure.`,
    );
    counts.failed = 1;
  }
  runnerFailed ||= result.status !== 0;
  console.log(
    `${suite.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || runnerFailed ? 1 : 0);
