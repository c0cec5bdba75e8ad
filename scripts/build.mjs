#!/usr/bin/env node
// Builds the named targets of scripts/build-config.mjs (all when none is named):
//   node scripts/build.mjs server cli     (npm run build)
//   node scripts/build.mjs main preload   (part of npm run build:desktop)
// Says nothing on success, so `npm run cli -- … --json` prints only the CLI's own output.
import { build } from 'esbuild';
import { BUILD_TARGETS, buildOptions } from './build-config.mjs';

const requested = process.argv.slice(2);
const targets = requested.length > 0 ? requested : BUILD_TARGETS;
const unknown = targets.filter((target) => !BUILD_TARGETS.includes(target));
if (unknown.length > 0) {
  console.error(`build: unknown target ${unknown.join(', ')} (one of ${BUILD_TARGETS.join(', ')})`);
  process.exit(2);
}
try {
  await Promise.all(targets.map((target) => build({ ...buildOptions(target), metafile: false })));
} catch {
  // esbuild has already printed each error with its file and line.
  process.exit(1);
}
