// Dropped files through the bridge, end to end on real components: bytes staged under the data
// dir only (whatever names the browser sends), enqueued by path, uploaded by the real queue to
// the real backend and S3 emulator, progress pushed over SSE, and a queue preview served.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  invoke,
  jpegBytes,
  openEvents,
  pageHeaders,
  startInProcess,
  stubRenderer,
  uniqueEmail,
  type InProcessPreview,
} from './helpers';

const FILE_CAP = 3 * 2 ** 20;
const FILES_CAP = 8;
let web: InProcessPreview;
let origin: string;
let page: Record<string, string>;
let stagingRoot: string;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = await stubRenderer();
  web = await startInProcess(rendererDir, {
    stagingLimits: { fileBytes: FILE_CAP, files: FILES_CAP },
  });
  origin = web.preview.origin;
  page = pageHeaders(origin, await cookieFrom(web.preview.url));
  stagingRoot = web.preview.staging.root;
});

afterAll(async () => {
  await web?.close();
  if (rendererDir) await fs.rm(rendererDir, { recursive: true, force: true });
});

/** Posts files as the browser client does: a relativePath field before each file part. */
async function stage(
  files: Array<{ name: string; relativePath?: string; bytes: Buffer }>,
  headers = page,
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const file of files) {
    if (file.relativePath !== undefined) form.append('relativePath', file.relativePath);
    form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  }
  const response = await fetch(`${origin}/bridge/stage`, { method: 'POST', headers, body: form });
  return { status: response.status, body: await response.json() };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('staging dropped files', () => {
  it('keeps folder structure and bytes, and writes nothing outside the staging folder', async () => {
    const bytes = await jpegBytes(7);
    const hostile = [
      '../../etc/passwd',
      '/etc/cron.d/evil.jpg',
      'C:\\Windows\\System32\\evil.jpg',
      '..\\..\\up.jpg',
      'bad\u0000name\u001b[31m.jpg',
      '....//..../dots.jpg',
    ];
    const files = [
      { name: 'a.jpg', relativePath: 'holiday/day1/a.jpg', bytes: bytes[0]! },
      ...hostile.map((relativePath, i) => ({ name: 'x.jpg', relativePath, bytes: bytes[i + 1]! })),
    ];
    const before = await fs.readdir(path.dirname(stagingRoot));
    const { status, body } = await stage(files);
    expect(status).toBe(200);
    expect(body.paths).toHaveLength(files.length);
    const batch = path.dirname(path.dirname(path.dirname(body.paths[0])));
    expect(path.dirname(batch)).toBe(stagingRoot);
    expect(path.relative(batch, body.paths[0])).toBe(path.join('holiday', 'day1', 'a.jpg'));
    expect(body.paths.slice(1).map((p: string) => path.relative(batch, p))).toEqual([
      path.join('etc', 'passwd'),
      path.join('etc', 'cron.d', 'evil.jpg'),
      path.join('C_', 'Windows', 'System32', 'evil.jpg'),
      'up.jpg',
      'badname[31m.jpg',
      'dots.jpg',
    ]);
    for (const [i, file] of body.paths.entries()) {
      expect(file.startsWith(stagingRoot + path.sep)).toBe(true);
      expect(await fs.readFile(file)).toEqual(files[i]!.bytes);
    }
    // Exactly these files exist under the batch, and nothing new appeared beside staging/.
    expect((await listFiles(batch)).sort()).toEqual([...body.paths].sort());
    expect(await fs.readdir(path.dirname(stagingRoot))).toEqual(before);
  });

  it('takes the relative path from the file name when no field precedes the file', async () => {
    const [bytes] = await jpegBytes(1, 20);
    const { body } = await stage([{ name: 'trip/../../../b.jpg', bytes: bytes! }]);
    expect(path.basename(body.paths[0])).toBe('b.jpg');
    expect(body.paths[0].startsWith(stagingRoot + path.sep)).toBe(true);
  });

  it('keeps two files that arrive under one name', async () => {
    const [one, two] = await jpegBytes(2, 30);
    const { body } = await stage([
      { name: 'same.jpg', relativePath: 'same.jpg', bytes: one! },
      { name: 'same.jpg', relativePath: 'same.jpg', bytes: two! },
    ]);
    expect(body.paths.map((p: string) => path.basename(p))).toEqual(['same.jpg', 'same (2).jpg']);
    expect(await fs.readFile(body.paths[1])).toEqual(two);
  });

  it('refuses a file over the size cap and keeps nothing of that request', async () => {
    const [small] = await jpegBytes(1, 40);
    const batchesBefore = await fs.readdir(stagingRoot);
    const { status, body } = await stage([
      { name: 'ok.jpg', bytes: small! },
      { name: 'huge.jpg', bytes: Buffer.alloc(FILE_CAP + 1024, 7) },
    ]);
    expect(status).toBe(413);
    expect(body.error.code).toBe('FILE_TOO_LARGE');
    expect(body.error.message).toContain('huge.jpg');
    expect(await fs.readdir(stagingRoot)).toEqual(batchesBefore);
  });

  it('refuses more files in one request than the cap and keeps none of them', async () => {
    const bytes = await jpegBytes(FILES_CAP + 1, 70);
    const batchesBefore = await fs.readdir(stagingRoot);
    const { status, body } = await stage(bytes.map((b, i) => ({ name: `n${i}.jpg`, bytes: b })));
    expect(status).toBe(413);
    expect(body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `At most ${FILES_CAP} files can be staged in one request.`,
    });
    expect(await fs.readdir(stagingRoot)).toEqual(batchesBefore);
  });

  it('answers a request that is not multipart, or carries no file, with a coded error', async () => {
    const json = await fetch(`${origin}/bridge/stage`, {
      method: 'POST',
      headers: { ...page, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect((await json.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = new FormData();
    empty.append('relativePath', 'a.jpg');
    const none = await fetch(`${origin}/bridge/stage`, {
      method: 'POST',
      headers: page,
      body: empty,
    });
    expect(none.status).toBe(400);
    expect((await none.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses staging from another origin', async () => {
    const [bytes] = await jpegBytes(1, 50);
    const { status } = await stage([{ name: 'a.jpg', bytes: bytes! }], {
      ...page,
      origin: 'http://evil.example',
    });
    expect(status).toBe(403);
  });
});

describe('uploading staged files', () => {
  it('queues them by path, pushes progress over SSE until done, and previews them', async () => {
    const events = await openEvents(origin, page);
    try {
      const serverUrl = (await invoke(origin, page, 'session:get')).body.result.serverUrl;
      const signup = await invoke(origin, page, 'session:signup', {
        serverUrl,
        email: uniqueEmail(),
        password: 'correct horse battery',
        username: 'Uploader',
      });
      expect(signup.body.ok).toBe(true);
      await events.waitFor((e) => e.event === 'session:changed' && e.payload.signedIn);

      const images = await jpegBytes(3, 60);
      const staged = await stage(
        images.map((bytes, i) => ({ name: `p${i}.jpg`, relativePath: `album/p${i}.jpg`, bytes })),
      );
      const added = await invoke(origin, page, 'queue:add', { paths: staged.body.paths });
      expect(added.body.ok).toBe(true);
      const ids: string[] = added.body.result.items.map((item: { id: string }) => item.id);
      expect(ids).toHaveLength(3);
      expect(Number(added.headers.get('x-bridge-seq'))).toBeGreaterThan(0);

      for (const id of ids) {
        const done = await events.waitFor(
          (e) => e.event === 'queue:item' && e.payload.id === id && e.payload.state === 'done',
        );
        expect(done.payload.key).toEqual(expect.any(String));
      }
      // Every item passed through its states in order over the stream, numbered in sequence.
      const seqs = events.events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(events.events.some((e) => e.event === 'queue:totals')).toBe(true);

      const keys = await web.preview.backend.services.storage.store.listKeys();
      const view = (
        await invoke(origin, page, 'queue:view', { filter: 'all', offset: 0, limit: 500 })
      ).body.result;
      for (const item of view.rows) expect(keys).toContain(item.key);

      const preview = await fetch(`${origin}/bridge/preview/${encodeURIComponent(ids[0]!)}`, {
        headers: page,
      });
      expect(preview.status).toBe(200);
      expect(preview.headers.get('content-type')).toBe('image/webp');
      const webp = Buffer.from(await preview.arrayBuffer());
      expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');

      const missing = await fetch(`${origin}/bridge/preview/not-queued`, { headers: page });
      expect(missing.status).toBe(404);
    } finally {
      events.close();
    }
  });

  it('removes staged batches no queued file uses when the preview starts again', async () => {
    const view = (
      await invoke(origin, page, 'queue:view', { filter: 'all', offset: 0, limit: 500 })
    ).body.result;
    const used = new Set(
      view.rows.map(
        (item: { path: string }) => path.relative(stagingRoot, item.path).split(path.sep)[0],
      ),
    );
    const batches = await fs.readdir(stagingRoot);
    expect(batches.some((b) => !used.has(b))).toBe(true);
    await web.preview.staging.prune(view.rows.map((item: { path: string }) => item.path));
    expect((await fs.readdir(stagingRoot)).sort()).toEqual([...used].sort());
  });
});
