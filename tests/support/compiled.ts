// The server and the CLI as people run them: compiled with scripts/build-config.mjs's options
// (what `npm run build` writes to out/), then started with plain `node`. Each test process builds
// into a folder of its own inside the repository (packages stay imports resolved from
// node_modules), so tests never race each other or a developer's build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildOptions, entryFileOf, ROOT } from '../../scripts/build-config.mjs';

type Entry = 'server' | 'cli';

const outRoot = path.join(ROOT, '.test-output', `compiled-${process.pid}-${crypto.randomUUID()}`);
const builds = new Map<Entry, Promise<string>>();
process.once('exit', () => fs.rmSync(outRoot, { recursive: true, force: true }));

/** The path of the compiled entry point (built on first use in this process). */
export function compiledEntry(entry: Entry): Promise<string> {
  let pending = builds.get(entry);
  if (!pending) {
    const options = buildOptions(entry, { outRoot });
    pending = build({ ...options, logLevel: 'silent', metafile: false }).then(() =>
      entryFileOf(entry, { outRoot }),
    );
    builds.set(entry, pending);
  }
  return pending;
}

/** `node` arguments that run a compiled entry the way the npm scripts do. */
export async function nodeArgs(entry: Entry, ...args: string[]): Promise<string[]> {
  return ['--enable-source-maps', await compiledEntry(entry), ...args];
}
