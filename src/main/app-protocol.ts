// Serves the built renderer under app://image-desk/ with the CSP header, and nothing outside
// the renderer folder (path traversal is refused); app://image-desk/preview/<id> serves the
// local preview of a queued file.
import fs from 'node:fs/promises';
import path from 'node:path';
import { contentSecurityPolicy } from './content-security-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const PREVIEW_PREFIX = 'preview/';

export function createAppProtocolHandler(
  rendererDir: string,
  preview: (itemId: string) => Promise<Buffer | undefined> = async () => undefined,
  /** The current policy: it names the image store's origin, learnt from the server. */
  policy: () => string = () => contentSecurityPolicy(),
) {
  const root = path.resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    let relative: string;
    try {
      relative =
        decodeURIComponent(new URL(request.url).pathname).replace(/^\/+/, '') || 'index.html';
    } catch {
      // A malformed escape such as %E0%A4%A: no file has that name.
      return new Response('Not found', { status: 404 });
    }
    if (relative.startsWith(PREVIEW_PREFIX)) {
      const image = await preview(relative.slice(PREVIEW_PREFIX.length));
      return image
        ? new Response(new Uint8Array(image), {
            headers: { 'content-type': 'image/webp', 'x-content-type-options': 'nosniff' },
          })
        : new Response('Not found', { status: 404 });
    }
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) {
      return new Response('Not found', { status: 404 });
    }
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': policy(),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
