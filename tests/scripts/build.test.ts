// scripts/build-config.mjs, the one esbuild configuration: the packaged main process loads from
// node_modules exactly the desktop package's runtime modules (anything else would be missing
// from the installer, or carried for nothing), the server and CLI bundles run with plain node
// (libheif's WebAssembly included), and the build script refuses a target it does not know.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOptions, desktopRuntimeModules, ROOT } from '../../scripts/build-config.mjs';
import { compiledEntry, nodeArgs } from '../support/compiled';

const HEIC = path.join(ROOT, 'tests/imaging/fixtures/hevc-64x48.heic');

/** Runs `code` (an ES module) with plain node and returns what it printed as JSON. */
function runModule(code: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** The bare module names a bundle still imports at run time. */
async function externalImports(target: 'main' | 'server' | 'cli'): Promise<Set<string>> {
  const result = await build({ ...buildOptions(target), write: false, logLevel: 'silent' });
  const names = new Set<string>();
  for (const output of Object.values(result.metafile!.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external) continue;
      const parts = imported.path.split('/');
      names.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);

describe('the desktop main-process bundle', () => {
  it('imports at run time only electron, Node built-ins and desktop/package.json dependencies', async () => {
    const imported = [...(await externalImports('main'))].filter((name) => !isBuiltin(name));
    const allowed = ['electron', ...desktopRuntimeModules()];
    expect(imported.filter((name) => !allowed.includes(name))).toEqual([]);
    // sharp, keytar and libheif-js are loaded, so the installer must carry them.
    expect(imported).toEqual(expect.arrayContaining(['electron', 'sharp', 'keytar', 'libheif-js']));
  });

  describe('its image pipeline, bundled the same way', () => {
    const outfile = path.join(ROOT, '.test-output', `main-imaging-${crypto.randomUUID()}.cjs`);
    afterAll(() => rmSync(outfile, { force: true }));

    it('decodes an HEVC HEIC: libheif-js loads from node_modules with its WebAssembly', async () => {
      // The main target's options (CommonJS, desktop dependencies external) around the
      // pipeline alone: the whole main process needs Electron to run.
      const { outfile: _, ...main } = buildOptions('main');
      await build({
        ...main,
        entryPoints: [path.join(ROOT, 'src/imaging/index.ts')],
        outfile,
        sourcemap: false,
        logLevel: 'silent',
      });
      const answer = runModule(`
        import { createRequire } from 'node:module';
        const { processImage } = createRequire(import.meta.url)(${JSON.stringify(outfile)});
        const { original } = await processImage(${JSON.stringify(HEIC)});
        console.log(JSON.stringify([original.contentType, original.width, original.height]));
      `);
      expect(answer).toEqual(['image/jpeg', 64, 48]);
    });
  });
});

describe('the server and CLI bundles', () => {
  it.each(['server', 'cli'] as const)(
    '%s bundles the sources and keeps packages external',
    async (target) => {
      const imported = await externalImports(target);
      expect([...imported].some((name) => name.startsWith('.'))).toBe(false);
      expect(imported.has('tsx')).toBe(false);
    },
  );

  it('decodes an HEVC HEIC in the compiled image worker, as the server pool runs it', async () => {
    const worker = path.join(path.dirname(await compiledEntry('server')), 'image-worker.js');
    const answer = runModule(`
      const { default: work } = await import(${JSON.stringify(pathToFileURL(worker).href)});
      const answer = await work({ input: ${JSON.stringify(HEIC)} });
      console.log(JSON.stringify(answer.ok ? answer.image.original.contentType : answer));
    `);
    expect(answer).toBe('image/jpeg');
  });

  it('runs the compiled CLI with plain node', async () => {
    const result = spawnSync(process.execPath, await nodeArgs('cli', '--help'), {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: image-desk');
  });
});

describe('scripts/build.mjs', () => {
  it('refuses an unknown target with exit code 2 and names the known ones', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), 'servr'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown target servr (one of server, cli, main, preload)');
  });
});
