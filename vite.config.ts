// Builds the renderer (src/renderer). The default (production) build goes to desktop/out/renderer
// and is what Electron loads from app://image-desk/; `--mode web` builds the browser preview's copy
// into out/web-renderer, the only build that contains the local web bridge client.
// Relative asset URLs; no inline scripts or styles (strict CSP).
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { ELECTRON_CHROME_TARGET } from './scripts/build-config.mjs';

const root = import.meta.dirname;

/** The favicon is the app icon's one source (desktop/resources/icon.svg), not a copy of it. */
function favicon(): Plugin {
  return {
    name: 'image-desk-favicon',
    generateBundle() {
      const source = fs.readFileSync(path.join(root, 'desktop/resources/icon.svg'));
      this.emitFile({ type: 'asset', fileName: 'favicon.svg', source });
    },
  };
}

export default defineConfig(({ mode }) => ({
  root: path.join(root, 'src/renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), favicon()],
  define: {
    // false in the desktop build, so the bridge import is dead code and never emitted.
    __WEB_PREVIEW__: JSON.stringify(mode === 'web'),
  },
  build: {
    outDir: path.join(root, mode === 'web' ? 'out/web-renderer' : 'desktop/out/renderer'),
    emptyOutDir: true,
    target: ELECTRON_CHROME_TARGET,
    // Small assets would otherwise become data: URLs inside the CSS; keep them as files.
    assetsInlineLimit: 0,
    // The polyfill is an inline-free module, but Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
}));
