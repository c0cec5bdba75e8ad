// What `npm run dist` would package, read with electron-builder's own code (packaging itself
// needs the Electron binary, which cannot be had here): the desktop package's production
// dependency tree as electron-builder collects it into app.asar, and the configuration as
// electron-builder loads and validates it.
import fs from 'node:fs';
import path from 'node:path';
// electron-builder's internals (its public API packages; these modules are what it runs itself).
import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { TmpDir } from 'temp-file';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_DIR, ROOT } from '../../scripts/build-config.mjs';

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const rootManifest = readJson(path.join(ROOT, 'package.json'));
const desktopManifest = readJson(path.join(DESKTOP_DIR, 'package.json'));

interface Collected {
  name: string;
  version: string;
  dependencies?: Collected[];
}

async function packagedModules(): Promise<Map<string, string>> {
  const tmp = new TmpDir('image-desk-collector');
  try {
    const collector = getCollectorByPackageManager(PM.NPM, DESKTOP_DIR, tmp);
    const { nodeModules } = (await collector.getNodeModules({
      packageName: desktopManifest.name,
    })) as unknown as { nodeModules: Collected[] };
    const found = new Map<string, string>();
    const walk = (list: Collected[]) => {
      for (const module of list) {
        found.set(module.name, module.version);
        walk(module.dependencies ?? []);
      }
    };
    walk(nodeModules);
    return found;
  } finally {
    await tmp.cleanup();
  }
}

describe('the desktop installer', () => {
  it('carries the desktop runtime modules and none of the server, CLI or renderer packages', async () => {
    const packaged = await packagedModules();
    for (const name of ['sharp', 'libheif-js', 'electron-updater', 'electron-log', 'keytar']) {
      expect(packaged.get(name), `${name} is packaged`).toBe(
        desktopManifest.dependencies[name] ?? desktopManifest.optionalDependencies[name],
      );
    }
    const desktopOwn = new Set([
      ...Object.keys(desktopManifest.dependencies),
      ...Object.keys(desktopManifest.optionalDependencies ?? {}),
    ]);
    // Every package the repository root depends on directly (fastify, PGlite, the S3 emulator,
    // pg, argon2, the AWS SDK, React, commander, zod…) is either bundled or not the desktop's.
    const rootOnly = [
      ...Object.keys(rootManifest.dependencies),
      ...Object.keys(rootManifest.devDependencies),
    ].filter((name) => !desktopOwn.has(name));
    expect(rootOnly).toEqual(expect.arrayContaining(['fastify', '@electric-sql/pglite', 'react']));
    expect(rootOnly.filter((name) => packaged.has(name))).toEqual([]);
    expect(packaged.has('electron'), 'Electron itself is not a module of the app').toBe(false);
  });

  it('pins the same sharp, libheif-js and keytar as the CLI, so one install serves both', () => {
    for (const name of ['sharp', 'libheif-js']) {
      expect(desktopManifest.dependencies[name]).toBe(rootManifest.dependencies[name]);
      // Exact versions: the image pipeline is tested against these builds only.
      expect(rootManifest.dependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(desktopManifest.optionalDependencies.keytar).toBe(
      rootManifest.optionalDependencies.keytar,
    );
  });
});

describe('electron-builder configuration', () => {
  afterEach(() => vi.unstubAllEnvs());

  async function loadConfig(env: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    // The .cjs file is evaluated by electron-builder with require(): drop the cached copy so
    // each test sees its own environment.
    const file = path.join(DESKTOP_DIR, 'electron-builder.cjs');
    const { createRequire } = await import('node:module');
    delete createRequire(import.meta.url).cache[file];
    const config = await getConfig(DESKTOP_DIR, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    return config as Record<string, any>;
  }

  it('is found and accepted by electron-builder, with every security fuse set', async () => {
    const config = await loadConfig();
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
    expect(JSON.stringify(config.files)).toContain('!out/**/*.map');
    expect(config.linux.desktop.entry.Name).toBe('Image Desk');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(fs.existsSync(path.join(DESKTOP_DIR, config.mac.entitlements))).toBe(true);
  });

  it('rejects a misspelt fuse, as a packaging run would', async () => {
    const config = await loadConfig();
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as never,
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration object that does not match the API schema/);
  });

  it('has no update feed, signing or notarization unless the release machine provides them', async () => {
    const plain = await loadConfig();
    expect(plain.publish).toBeNull();
    expect(plain.extraMetadata.imageDesk.updateFeedUrl).toBeNull();
    expect(plain.mac.notarize).toBe(false);
    expect(plain.win.azureSignOptions).toBeUndefined();

    const release = await loadConfig({
      IMAGE_DESK_UPDATE_URL: 'https://updates.example.com/image-desk',
      APPLE_API_KEY: '/keys/AuthKey.p8',
      APPLE_API_KEY_ID: 'KEYID',
      APPLE_API_ISSUER: 'issuer',
      AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      AZURE_TRUSTED_SIGNING_ACCOUNT: 'account',
      AZURE_TRUSTED_SIGNING_PROFILE: 'profile',
      AZURE_TRUSTED_SIGNING_PUBLISHER: 'Image Desk',
    });
    expect(release.publish).toEqual([
      { provider: 'generic', url: 'https://updates.example.com/image-desk', channel: 'latest' },
    ]);
    expect(release.extraMetadata.imageDesk.updateFeedUrl).toBe(
      'https://updates.example.com/image-desk',
    );
    expect(release.mac.notarize).toBe(true);
    expect(release.win.azureSignOptions.codeSigningAccountName).toBe('account');
  });

  it('refuses an update feed that is not https', async () => {
    await expect(
      loadConfig({ IMAGE_DESK_UPDATE_URL: 'http://updates.example.com' }),
    ).rejects.toThrow(/IMAGE_DESK_UPDATE_URL must be an https:\/\/ URL/);
  });
});
