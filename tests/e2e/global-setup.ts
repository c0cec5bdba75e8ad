// Once per run: builds the renderer into a folder of this run's own (the web previews run with
// WEB_SKIP_BUILD=1 and serve it through WEB_RENDERER_DIR), empties the screenshot folder so the
// CI artifact holds this run's screens only, and prepares an empty, migrated database that each
// test's data dir starts from (creating one in PGlite takes ~9 s on two cores; copying, < 1 s).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/server/config';
import { createServer } from '../../src/server/server';
import { SCREENSHOT_DIR } from './support/screenshots';
import { buildRendererInto, ROOT, TEMPLATE_ENV } from './support/web-preview';

/** The folder the previews serve; undefined = out/web-renderer as it is (E2E_SKIP_BUILD=1). */
async function buildRenderer(): Promise<string | undefined> {
  // E2E_SKIP_BUILD=1 serves the existing out/web-renderer while iterating on the tests themselves.
  const built = fs.existsSync(path.join(ROOT, 'out/web-renderer/index.html'));
  if (process.env.E2E_SKIP_BUILD === '1' && built) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-e2e-renderer-'));
  await buildRendererInto(dir);
  return dir;
}

async function databaseTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-desk-e2e-template-'));
  const server = await createServer(
    loadConfig({ DATA_DIR: dir, PORT: '0', S3_EMBEDDED_PORT: '0', LOG_LEVEL: 'silent' }),
  );
  await server.close();
  return dir;
}

export default async function globalSetup(): Promise<() => void> {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const [renderer, template] = await Promise.all([buildRenderer(), databaseTemplate()]);
  // Workers start after this and inherit the environment; the previews inherit theirs.
  process.env[TEMPLATE_ENV] = template;
  if (renderer) process.env.WEB_RENDERER_DIR = renderer;
  return () => {
    fs.rmSync(template, { recursive: true, force: true });
    if (renderer) fs.rmSync(renderer, { recursive: true, force: true });
  };
}
