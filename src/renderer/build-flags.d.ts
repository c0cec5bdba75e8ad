// Compile-time flags that vite.config.ts defines.

/** True only in the browser preview's build (`vite build --mode web`). */
declare const __WEB_PREVIEW__: boolean;
