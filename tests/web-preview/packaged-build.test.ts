// The browser preview is never part of a packaged app: the Electron main process and preload,
// bundled with scripts/build-config.mjs's options, hold no web-preview module and none of its
// bridge routes or token handling.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { buildOptions } from '../../scripts/build-config.mjs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const MARKERS = ['/bridge/', 'x-bridge-token', 'Image Desk web preview', 'image-desk-bridge-'];

async function bundle(options: BuildOptions) {
  const result = await build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  const js = result.outputFiles.find((file) => !file.path.endsWith('.map'))!;
  return { text: js.text, inputs: Object.keys(result.metafile.inputs) };
}

describe('the packaged Electron app', () => {
  it.each(['main', 'preload'] as const)(
    '%s bundles without the browser preview',
    async (target) => {
      const { text, inputs } = await bundle(buildOptions(target));
      expect(inputs.length).toBeGreaterThan(0);
      expect(inputs.filter((input) => input.includes('web-preview'))).toEqual([]);
      expect(inputs.filter((input) => input.includes('renderer/bridge'))).toEqual([]);
      for (const marker of MARKERS) expect(text).not.toContain(marker);
    },
  );

  it('would be noticed: the same check finds every marker in the preview itself', async () => {
    const { text } = await bundle({
      ...buildOptions('server'),
      entryPoints: [path.join(ROOT, 'src/web-preview/main.ts')],
    });
    for (const marker of MARKERS) expect(text).toContain(marker);
  });
});

describe('the packaged renderer', () => {
  async function viteBuild(mode: 'production' | 'web'): Promise<{ js: string; html: string }> {
    const { build: viteBuild } = await import('vite');
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), `image-desk-renderer-${mode}-`));
    try {
      await viteBuild({
        configFile: path.join(ROOT, 'vite.config.ts'),
        mode,
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true, sourcemap: false },
      });
      const assets = await fs.readdir(path.join(outDir, 'assets'));
      const scripts = assets.filter((file) => file.endsWith('.js'));
      const texts = await Promise.all(
        scripts.map((f) => fs.readFile(path.join(outDir, 'assets', f), 'utf8')),
      );
      const html = await fs.readFile(path.join(outDir, 'index.html'), 'utf8');
      // The icon comes from the one source in desktop/resources.
      await fs.access(path.join(outDir, 'favicon.svg'));
      return { js: texts.join('\n'), html };
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
    }
  }

  it('the desktop build carries no bridge client; only the web build does', async () => {
    const desktop = await viteBuild('production');
    expect(desktop.js).toContain('Delete selected'); // it is the real app
    for (const marker of ['/bridge/', 'x-bridge-token']) expect(desktop.js).not.toContain(marker);
    const web = await viteBuild('web');
    expect(web.js).toContain('/bridge/');
    // One Content-Security-Policy: the header the app:// handler and the preview send, never a
    // second, different one in the page.
    for (const { html } of [desktop, web]) expect(html).not.toMatch(/content-security-policy/i);
  }, 120_000);
});
