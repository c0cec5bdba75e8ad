// Builds the renderer with the repository's own vite.config.ts, as the desktop build does, so
// the browser preview serves exactly what Electron would load.
import fs from 'node:fs';
import path from 'node:path';

export async function buildRenderer(repoRoot: string): Promise<void> {
  const configFile = path.join(repoRoot, 'vite.config.ts');
  if (!fs.existsSync(configFile)) {
    throw new Error(
      `${configFile} is missing, so the renderer cannot be built. Set WEB_SKIP_BUILD=1 and WEB_RENDERER_DIR to serve a renderer built elsewhere.`,
    );
  }
  // Vite is large: loaded only when a build is wanted.
  const { build } = await import('vite');
  // The `web` mode is the only build that includes the bridge client (out/web-renderer).
  await build({ configFile, mode: 'web', logLevel: 'warn' });
}
