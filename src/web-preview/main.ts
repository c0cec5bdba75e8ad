// `npm run web`: builds the renderer, starts the backend, the desktop core and the bridge, and
// prints the one link that opens the app in a browser. Ctrl-C (or SIGTERM) stops everything.
// Development and end-to-end tests only: nothing in the Electron app imports this folder.
import path from 'node:path';
import closeWithGrace from 'close-with-grace';
import { TokenStore } from '../main/services/token-store';
import { ConfigError, loadConfig, type ServerConfig } from '../server/config';
import { buildRenderer } from './renderer-build';
import { startWebPreview, type WebPreview } from './web-preview';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

function readWebPort(value: string | undefined): number {
  if (value === undefined || value === '') return 8790;
  const port = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new ConfigError(
      `Invalid configuration:\n  WEB_PORT: must be a whole number from 0 to 65535 (got "${value}")`,
    );
  return port;
}

function describeBackend(preview: WebPreview, config: ServerConfig): string {
  const { storage, database } = preview.backend.services;
  const store = storage.embedded
    ? `embedded S3 emulator at ${storage.embedded.endpoint}`
    : `S3 bucket ${storage.store.bucket}`;
  const db = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  return `${db}, ${store}`;
}

async function main(): Promise<void> {
  let config: ServerConfig;
  let webPort: number;
  try {
    // Request logs would bury the link; LOG_LEVEL=info brings them back.
    config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
    webPort = readWebPort(process.env.WEB_PORT);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (process.env.WEB_SKIP_BUILD !== '1') {
    console.log('Building the renderer…');
    await buildRenderer(REPO_ROOT);
  }
  const tokens = await TokenStore.keytarOrMemory((warning) => console.warn(warning));
  const preview = await startWebPreview({
    server: config,
    webPort,
    rendererDir: path.resolve(
      process.env.WEB_RENDERER_DIR || path.join(REPO_ROOT, 'out/web-renderer'),
    ),
    desktopDataDir: process.env.IMAGE_DESK_DATA_DIR
      ? path.resolve(process.env.IMAGE_DESK_DATA_DIR)
      : undefined,
    tokens,
    onUnexpectedError: (where, error) => console.error(`[image-desk] ${where} failed:`, error),
  });
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) console.error('Stopping the web preview after an error:', err);
    else if (signal) console.log(`Stopping the web preview (${signal}).`);
    await preview.close();
  });
  console.log(`Image Desk backend: ${preview.backendUrl} (${describeBackend(preview, config)})`);
  console.log(`Image Desk web preview: ${preview.url}`);
}

main().catch((error: unknown) => {
  console.error(
    'Image Desk web preview failed to start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
