// scripts/build-config.mjs, the one esbuild configuration: the packaged main process loads from
// node_modules exactly the desktop package's runtime modules (anything else would be missing
// from the installer, or carried for nothing), the server and CLI bundles run with plain node,
// and the build script refuses a target it does not know.
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildOptions, desktopRuntimeModules, ROOT } from '../../scripts/build-config.mjs';
import { nodeArgs } from '../support/compiled';

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
    // sharp and keytar are loaded, so the installer must carry them.
    expect(imported).toEqual(expect.arrayContaining(['electron', 'sharp', 'keytar']));
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
