// Desktop settings on disk: defaults on first start, a broken or invalid file reported and
// replaced (kept aside for the admin), changes validated and saved, the data dir overridable.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/main/services/data-dir';
import { SettingsStore } from '../../../src/main/services/settings-store';
import { CodedError } from '../../../src/shared/errors';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { tempDirs } from './helpers';

const newDir = tempDirs('image-desk-settings-');

async function readSettingsFile(dir: string): Promise<unknown> {
  return JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
}

describe('SettingsStore.load', () => {
  it('starts with the defaults when there is no settings file yet', async () => {
    const dir = await newDir();
    const store = new SettingsStore(dir);
    const { settings, warning } = await store.load();
    expect(warning).toBeUndefined();
    expect(settings).toEqual({
      serverUrl: 'http://127.0.0.1:8787',
      maxEdge: 2560,
      format: 'original',
      quality: 82,
      keepMetadata: false,
      concurrency: 4,
      duplicatePolicy: 'skip',
    });
    expect(store.get()).toEqual(settings);
  });

  it('fills in settings missing from an older file', async () => {
    const dir = await newDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ quality: 70 }));
    const { settings, warning } = await new SettingsStore(dir).load();
    expect(warning).toBeUndefined();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, quality: 70 });
  });

  it('reports a file that is not JSON, uses the defaults and keeps the broken file', async () => {
    const dir = await newDir();
    const broken = '{ "quality": 90, ';
    await fs.writeFile(path.join(dir, 'settings.json'), broken);
    const store = new SettingsStore(dir);
    const { settings, warning } = await store.load();
    expect(warning).toBe(
      'The settings file was not valid JSON, so the defaults are in use. The old file was kept as settings.json.broken.',
    );
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(await fs.readFile(path.join(dir, 'settings.json.broken'), 'utf8')).toBe(broken);
    expect(await readSettingsFile(dir)).toEqual(DEFAULT_SETTINGS);
    // The next start is clean.
    expect((await new SettingsStore(dir).load()).warning).toBeUndefined();
  });

  it.each([
    ['quality', { quality: 500 }],
    ['serverUrl', { serverUrl: 'file:///etc/passwd' }],
    ['format', { format: 'bmp' }],
    ['concurrency', { concurrency: 0 }],
  ])('names the invalid setting "%s" in its warning', async (name, content) => {
    const dir = await newDir();
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify(content));
    const { settings, warning } = await new SettingsStore(dir).load();
    expect(warning).toMatch(new RegExp(`^The setting "${name}" .+, so the defaults are in use\\.`));
    expect(warning).toContain('settings.json.broken');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json.broken'), 'utf8'))).toEqual(
      content,
    );
  });

  it('reports a file holding something other than an object', async () => {
    const dir = await newDir();
    await fs.writeFile(path.join(dir, 'settings.json'), '[1, 2, 3]');
    const { settings, warning } = await new SettingsStore(dir).load();
    expect(warning).toMatch(/defaults are in use/);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('SettingsStore.update', () => {
  it('saves a change that the next start reads back', async () => {
    const dir = await newDir();
    const store = new SettingsStore(dir);
    await store.load();
    const next = await store.update({ maxEdge: 1600, format: 'avif', keepMetadata: true });
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      maxEdge: 1600,
      format: 'avif',
      keepMetadata: true,
    });
    expect(store.get()).toEqual(next);
    expect(await readSettingsFile(dir)).toEqual(next);
    expect((await new SettingsStore(dir).load()).settings).toEqual(next);
  });

  it('keeps the file private to the user', async () => {
    const dir = await newDir();
    const store = new SettingsStore(dir);
    await store.update({ quality: 60 });
    const mode = (await fs.stat(path.join(dir, 'settings.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it.each([
    [{ quality: 0 }, 'quality'],
    [{ quality: 101 }, 'quality'],
    [{ maxEdge: 10 }, 'maxEdge'],
    [{ serverUrl: 'javascript:alert(1)' }, 'serverUrl'],
    [{ duplicatePolicy: 'overwrite' }, 'duplicatePolicy'],
  ])(
    'refuses %j with VALIDATION_FAILED naming the setting, and saves nothing',
    async (patch, name) => {
      const dir = await newDir();
      const store = new SettingsStore(dir);
      await store.load();
      await store.update({ quality: 75 });
      const error = await store.update(patch as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CodedError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((error as Error).message).toMatch(new RegExp(`^The setting "${name}" `));
      expect(store.get().quality).toBe(75);
      expect(await readSettingsFile(dir)).toEqual({ ...DEFAULT_SETTINGS, quality: 75 });
    },
  );
});

describe('defaultDataDir', () => {
  it('uses IMAGE_DESK_DATA_DIR when set, resolved to an absolute path', () => {
    expect(defaultDataDir({ IMAGE_DESK_DATA_DIR: '/srv/image-desk' })).toBe('/srv/image-desk');
    expect(defaultDataDir({ IMAGE_DESK_DATA_DIR: 'relative/dir' })).toBe(
      path.resolve('relative/dir'),
    );
  });

  it('otherwise uses the per-user config folder named after the app', () => {
    const dir = defaultDataDir({});
    expect(path.basename(dir)).toBe('Image Desk');
    expect(dir.startsWith(os.homedir()) || process.platform === 'win32').toBe(true);
    if (process.platform === 'linux') {
      expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/Image Desk');
    }
  });
});
