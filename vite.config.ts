// Builds the renderer (src/renderer). The default (production) build goes to out/renderer and is
// what Electron loads from app://image-desk/; `--mode web` builds the browser preview's copy into
// out/web-renderer, the only build that contains the local web bridge client.
// Relative asset URLs; no inline scripts or styles (strict CSP).
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig(({ mode }) => ({
  root: path.join(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  define: {
    // false in the desktop build, so the bridge import is dead code and never emitted.
    __WEB_PREVIEW__: JSON.stringify(mode === 'web'),
  },
  build: {
    outDir: path.join(root, mode === 'web' ? 'out/web-renderer' : 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Small assets would otherwise become data: URLs inside the CSS; keep them as files.
    assetsInlineLimit: 0,
    // The polyfill is an inline-free module, but Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
}));
