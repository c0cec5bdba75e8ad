// The app:// protocol handler over a real renderer folder on disk: it serves the app's files with
// the CSP header and never anything outside that folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createAppProtocolHandler } from '../../../src/main/app-protocol';
import { createPreviewer } from '../../../src/main/services/previews';
import { contentSecurityPolicy } from '../../../src/main/content-security-policy';
import { tempDirs } from '../services/helpers';

const newDir = tempDirs('image-desk-protocol-');
/** The policy as the running app would make it, once the server named its store. */
const POLICY = contentSecurityPolicy(['https://images.example.com']);
const INDEX = '<!doctype html><title>Image Desk</title><script src="./assets/app.js"></script>';
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  // <tmp>/secret.txt sits next to <tmp>/renderer, the folder the handler serves.
  const base = await newDir();
  const renderer = path.join(base, 'renderer');
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.writeFile(path.join(renderer, 'index.html'), INDEX);
  await fs.writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log("hi")');
  await fs.writeFile(path.join(renderer, 'assets', 'app.css'), 'body{}');
  await fs.writeFile(path.join(base, 'secret.txt'), 'token=abc');
  handle = createAppProtocolHandler(renderer, undefined, () => POLICY);
});

const get = (url: string) => handle(new Request(url));

describe('app:// protocol', () => {
  it('serves index.html with its type, the CSP and nosniff', async () => {
    for (const url of ['app://image-desk/index.html', 'app://image-desk/']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('serves scripts and styles with their types', async () => {
    const js = await get('app://image-desk/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hi")');
    const css = await get('app://image-desk/assets/app.css?v=2');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    ['a missing file', 'app://image-desk/nope.html'],
    ['a folder', 'app://image-desk/assets/'],
    ['plain ../', 'app://image-desk/../secret.txt'],
    ['encoded ../', 'app://image-desk/%2e%2e%2fsecret.txt'],
    ['encoded upper-case ../', 'app://image-desk/%2E%2E%2Fsecret.txt'],
    ['encoded slash after a folder', 'app://image-desk/assets/..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://image-desk/..%5csecret.txt'],
    ['an absolute path', 'app://image-desk/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://image-desk/index.html%00.png'],
    ['a malformed escape', 'app://image-desk/%E0%A4%A'],
  ])('answers 404 for %s', async (_label, url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('token=abc');
  });
});

describe('app://image-desk/preview/<id>', () => {
  it('serves a small WebP preview of a queued file and 404 for anything not queued', async () => {
    const base = await newDir();
    const photo = path.join(base, 'photo.jpg');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c33' } })
      .jpeg()
      .toFile(photo);
    const queued = new Map([['item-1', photo]]);
    const previewHandle = createAppProtocolHandler(
      base,
      createPreviewer((id) => queued.get(id)),
    );

    const res = await previewHandle(new Request('app://image-desk/preview/item-1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width!, meta.height!)).toBe(160);

    for (const id of ['item-2', '..%2Fphoto.jpg', encodeURIComponent(photo)]) {
      expect((await previewHandle(new Request(`app://image-desk/preview/${id}`))).status, id).toBe(
        404,
      );
    }
  });
});
