// Acceptance: a backend on embedded defaults (PGlite + the S3 emulator), the real CLI with a
// real gnome-keyring, and a folder of real-world images the code was never tuned on
// (wild-corpus.ts). Every good image must arrive upright, resized, without location or serials
// and be listed in the gallery; every bad one must be reported with its stable code; hidden
// files and OS litter must not appear at all; and S3 must hold exactly what the database lists.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isControl } from '../../src/cli/printable';
import type { FileReport, UploadReport } from '../../src/cli/upload-report';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/imaging';
import { readExifSummary } from '../../src/imaging/exif';
import type { GalleryImage } from '../../src/shared/api';
import { extensionFor, type ImageMediaType } from '../../src/shared/media-types';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { dbOf } from '../server/images-db';
import { startTestServer, type TestServer } from '../server/test-server';
import { nodeArgs } from '../support/compiled';
import { exifOrientationOf } from '../support/heif-tools';
import { cliSignIn, runCli, type CliResult } from './run-cli';
import { CAMERA_SERIAL, buildWildCorpus, type Uploaded, type WildFile } from './wild-corpus';
import { quarterOrder } from './wild-pattern';

const PASSWORD = 'wild folder password';
/** Generous for ~80 files on two cores; a file that blocks (a named pipe) would never finish. */
const UPLOAD_DEADLINE_MS = 300_000;
/** For the small runs inside a test: under the keychain project's 120 s test timeout, so the
 * deadline (which kills the CLI) fires first. */
const SMALL_RUN_DEADLINE_MS = 90_000;
const THUMBNAIL_EDGE = 400;
/** sharp's name for each stored type (it reports AVIF as its container, HEIF). */
const SHARP_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tiff',
  'image/avif': 'heif',
};

let t: TestServer;
let work: string;
let root: string;
let env: Record<string, string>;
let corpus: WildFile[];
let upload: CliResult;
let report: UploadReport;
let gallery: GalleryImage[];
let token: string;

/**
 * The CLI started as runCli starts it, but killed once it outlives the deadline: a file that
 * blocks the upload (a named pipe being read) fails the test instead of leaving it, and a
 * stuck CLI process, hanging.
 */
async function runCliWithin(deadlineMs: number, args: string[]): Promise<CliResult> {
  const repo = path.resolve(import.meta.dirname, '../..');
  const argv = await nodeArgs('cli', ...args);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`upload did not finish within ${deadlineMs} ms; stderr:\n${stderr}`));
    }, deadlineMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

function parseReport(result: CliResult): UploadReport {
  try {
    return JSON.parse(result.stdout) as UploadReport;
  } catch {
    throw new Error(`upload printed no JSON report (exit ${result.code}):\n${result.stderr}`);
  }
}

async function fetchGallery(): Promise<GalleryImage[]> {
  const images: GalleryImage[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await t.request('GET', `/api/images/gallery?limit=200${query}`, { token });
    expect(page.status).toBe(200);
    images.push(...page.body.images);
    cursor = page.body.nextCursor;
  } while (cursor);
  return images;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

const absolute = (file: WildFile) => path.join(root, file.path);
const reportOf = (file: WildFile): FileReport | undefined =>
  report.files.find((f) => f.path === absolute(file));
const uploadedFiles = () =>
  corpus.filter((f): f is WildFile & { expected: Uploaded } => f.expected.outcome === 'uploaded');

/** Fit inside the max edge, never enlarged; sharp rounds each side to the nearest pixel. */
function fitted(width: number, height: number, edge: number): [number, number] {
  const scale = Math.min(1, edge / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

/**
 * The name the gallery shows: the source's name without control characters, cut to 240
 * characters (no space left before the dot), with the extension of the stored format.
 */
function galleryName(file: WildFile & { expected: Uploaded }): string {
  const base = [...path.parse(file.path).name].filter((c) => c.charCodeAt(0) >= 0x20).join('');
  const cut = [...base.trim()].slice(0, 240).join('').trimEnd();
  return `${cut}.${extensionFor(file.expected.contentType as ImageMediaType)}`;
}

beforeAll(async () => {
  t = await startTestServer();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-wild-'));
  root = path.join(work, 'Wild Folder');
  await fs.mkdir(path.join(work, 'other drive'));
  corpus = await buildWildCorpus(root, path.join(work, 'other drive'));
  env = { IMAGE_DESK_DATA_DIR: path.join(work, 'data'), IMAGE_DESK_SERVER: '' };
  const signup = await cliSignIn(
    'signup',
    { serverUrl: t.baseUrl, email: 'wild@example.com', password: PASSWORD, username: 'wild' },
    env,
  );
  expect(signup.code, signup.stderr).toBe(0);
  upload = await runCliWithin(UPLOAD_DEADLINE_MS, ['upload', root, '--json']);
  report = parseReport(upload);
  const login = await t.request('POST', '/api/auth/login', {
    json: { email: 'wild@example.com', password: PASSWORD },
  });
  token = login.body.token;
  gallery = await fetchGallery();
}, UPLOAD_DEADLINE_MS + 120_000);

afterAll(async () => {
  await runCli(['logout'], { env });
  await t?.close();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

describe('uploading a wild folder with the CLI', () => {
  it('starts from a corpus that really is what it claims (so the checks below cannot pass vacuously)', async () => {
    const at = (file: string) => path.join(root, file);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const photo = at(`DCIM/100WILD/IMG_000${n}.JPG`);
      const meta = await sharp(photo).metadata();
      expect([meta.orientation, (await fs.readFile(photo)).includes(CAMERA_SERIAL)]).toEqual([
        n,
        true,
      ]);
      expect(readExifSummary(meta.exif).hasGps).toBe(true);
    }
    expect((await sharp(at('phone/PXL_20240602_UltraHDR.jpg')).metadata()).gainMap).toBeDefined();
    // The iPhone HEIC: HEVC (which sharp cannot decode), Display P3, EXIF Orientation 6 and a
    // container rotation that agree (sharp's header shows it turned), GPS and the serial.
    const heic = await fs.readFile(at('phone/IMG_0001 iPhone.HEIC'));
    const heif = await sharp(heic).metadata();
    expect([heif.compression, heif.width, heif.height]).toEqual(['hevc', 1200, 800]);
    expect(heif.icc?.toString('latin1').replaceAll('\0', '')).toContain('P3');
    expect([exifOrientationOf(heic), readExifSummary(heif.exif).hasGps]).toEqual([6, true]);
    expect(heic.includes(CAMERA_SERIAL)).toBe(true);
    const bomb = await sharp(at('bombs/pixel bomb.png'), { limitInputPixels: false }).metadata();
    expect(bomb.width * bomb.height).toBeGreaterThan(1e9);
    expect((await fs.lstat(at('special/pipe.jpg'))).isFIFO()).toBe(true);
    expect((await fs.stat(at('huge/over the cap.jpg'))).size).toBeGreaterThan(
      DEFAULT_MAX_FILE_BYTES,
    );
  });

  it('exits 1 and reports every visible file exactly once, hidden files and OS litter not at all', () => {
    expect(upload.code, upload.stderr).toBe(1);
    const reported = report.files.map((f) => f.path).sort();
    const expected = corpus
      .filter((f) => f.expected.outcome !== 'skipped')
      .map(absolute)
      .sort();
    expect(reported).toEqual(expected);
  });

  it('refuses every bad file with its stable code and a sentence a person can act on', () => {
    for (const file of corpus) {
      if (file.expected.outcome !== 'refused') continue;
      const line = reportOf(file);
      const label = `${file.path} (${file.why})`;
      expect.soft(line, label).toMatchObject({ state: 'failed', code: file.expected.code });
      expect.soft(line?.message, label).toMatch(/^[A-Z].*\.$/);
      expect.soft(line?.message, label).not.toMatch(/vips|sharp|errno|ENOENT|\bat \w+ \(/i);
    }
  });

  it('uploads every good file once: identical files are reported as duplicates of one upload', () => {
    const listed = new Set(gallery.map((g) => g.id));
    const groups = new Map<string, (FileReport | undefined)[]>();
    for (const file of uploadedFiles()) {
      const line = reportOf(file);
      const group = file.expected.sameAs;
      if (group) groups.set(group, [...(groups.get(group) ?? []), line]);
      else {
        expect.soft(line, `${file.path} (${file.why})`).toMatchObject({ state: 'done' });
        expect.soft(listed.has(line?.imageId ?? ''), `${file.path} in the gallery`).toBe(true);
      }
    }
    for (const [group, lines] of groups) {
      const done = lines.filter((l) => l?.state === 'done');
      expect.soft(done, group).toHaveLength(1);
      expect.soft(listed.has(done[0]?.imageId ?? ''), `${group} in the gallery`).toBe(true);
      for (const line of lines.filter((l) => l !== done[0])) {
        expect.soft(line, group).toMatchObject({ state: 'duplicate', imageId: done[0]?.imageId });
      }
    }
    // Nothing else reached the gallery (a refused file that slipped through would).
    const uploads = uploadedFiles().filter((f) => !f.expected.sameAs).length + groups.size;
    expect(gallery).toHaveLength(uploads);
  });

  it('stores every good image upright, within the max edge, without location or serials', async () => {
    const maxEdge = DEFAULT_SETTINGS.maxEdge;
    for (const file of uploadedFiles()) {
      const line = reportOf(file);
      if (line?.state !== 'done') continue;
      const image = gallery.find((g) => g.id === line.imageId);
      const label = `${file.path} (${file.why})`;
      expect.soft(image, label).toBeDefined();
      if (!image) continue;
      const { expected } = file;
      const [width, height] = fitted(expected.width, expected.height, maxEdge);
      expect.soft(image.contentType, label).toBe(expected.contentType);
      expect.soft(image.filename, label).toBe(galleryName(file));

      const original = await download(image.url);
      const meta = await sharp(original).metadata();
      expect.soft(meta.format, label).toBe(SHARP_FORMAT[expected.contentType]);
      expect.soft([meta.width, meta.pageHeight ?? meta.height], label).toEqual([width, height]);
      expect.soft([image.width, image.height], label).toEqual([width, height]);
      expect.soft(meta.pages ?? 1, label).toBe(expected.frames ?? 1);
      expect.soft(meta.space, label).toBe('srgb');
      // 1 means "shown as stored"; the TIFF encoder always writes it.
      expect.soft(meta.orientation ?? 1, label).toBe(1);
      expect
        .soft([meta.exif, meta.xmp, meta.iptc], label)
        .toEqual([undefined, undefined, undefined]);
      expect.soft(original.includes(CAMERA_SERIAL), label).toBe(false);
      if (expected.quarters) {
        expect.soft(await quarterOrder(original, expected.quarters), label).toEqual([0, 1, 2, 3]);
      }

      const thumbnail = await download(image.thumbnailUrl);
      const thumb = await sharp(thumbnail).metadata();
      expect.soft(thumb.format, label).toBe('webp');
      expect.soft(Math.max(thumb.width, thumb.height), label).toBeLessThanOrEqual(THUMBNAIL_EDGE);
      expect.soft(thumb.width >= thumb.height, label).toBe(width >= height);
      expect.soft(thumb.exif, label).toBeUndefined();
      if (expected.quarters && Math.min(thumb.width, thumb.height) >= 8) {
        expect.soft(await quarterOrder(thumbnail, expected.quarters), label).toEqual([0, 1, 2, 3]);
      }
    }
  });

  it('lists the same images through the CLI as through the gallery API', async () => {
    const list = await runCli(['list', '--json'], { env });
    expect(list.code, list.stderr).toBe(0);
    const ids = (JSON.parse(list.stdout) as { images: { id: string }[] }).images.map((i) => i.id);
    expect(ids.sort()).toEqual(gallery.map((g) => g.id).sort());
  });

  it('prints one line per file for a person, names with newlines or escapes made harmless', async () => {
    // The "weird" sub-folder again, without --json: all already uploaded, so all duplicates.
    const weird = corpus.filter((f) => f.path.startsWith('weird/'));
    const again = await runCliWithin(SMALL_RUN_DEADLINE_MS, ['upload', path.join(root, 'weird')]);
    expect(again.code, again.stderr).toBe(0);
    const lines = again.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(weird.length + 1); // one per file, then the summary
    expect(lines.slice(0, -1).every((l) => l.startsWith('duplicate  '))).toBe(true);
    expect(again.stdout).toContain('line\\nbreak.jpg');
    expect(again.stdout).toContain('\\x1b[31mred alert');
    const shown = (again.stdout + again.stderr).replaceAll('\n', '');
    expect([...shown].filter(isControl)).toEqual([]);
  });

  it('refuses a named pipe named on the command line, without waiting on it', async () => {
    const pipe = path.join(root, 'special/pipe.jpg');
    const res = await runCliWithin(SMALL_RUN_DEADLINE_MS, ['upload', pipe, '--json']);
    expect(res.code, res.stderr).toBe(1);
    expect(parseReport(res).files).toEqual([
      expect.objectContaining({ path: pipe, state: 'failed', code: 'NOT_A_FILE' }),
    ]);
  });

  it('leaves S3 holding exactly the objects the database lists', async () => {
    const rows = await dbOf(t).selectFrom('images').select(['id', 'key', 'thumbnailKey']).execute();
    expect(rows.map((r) => r.id).sort()).toEqual(gallery.map((g) => g.id).sort());
    const listed = rows.flatMap((r) => [r.key, r.thumbnailKey]);
    expect(listed).not.toContain(null);
    expect((await t.objectKeys()).sort()).toEqual((listed as string[]).sort());
    // No presigned key is left waiting for the sweeper: every one was registered, and the bad
    // files were refused before asking for any.
    const pending = await dbOf(t).selectFrom('pendingUploads').select('key').execute();
    expect(pending).toEqual([]);
  });
});
