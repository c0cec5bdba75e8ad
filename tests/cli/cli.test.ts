// The CLI end to end: real backend + S3 emulator, real keychain (gnome-keyring over D-Bus),
// real files with EXIF orientation, GPS, corrupt and unsupported ones.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/test-server';
import { cliSignIn, runCli } from './run-cli';

const PNGSUITE = path.resolve(import.meta.dirname, '../../../shared/fixtures/pngsuite');
const PASSWORD = 'cli password 123';

let t: TestServer;
let work: string;
let env: Record<string, string>;

async function photo(
  file: string,
  options: { width: number; height: number; orientation?: number; gps?: boolean },
) {
  // Left half red, right half blue: orientation is visible in the pixels.
  const half = Math.floor(options.width / 2);
  const base = sharp({
    create: {
      width: options.width,
      height: options.height,
      channels: 3,
      background: { r: 0, g: 0, b: 255 },
    },
  }).composite([
    {
      input: await sharp({
        create: {
          width: half,
          height: options.height,
          channels: 3,
          background: { r: 255, g: 0, b: 0 },
        },
      })
        .png()
        .toBuffer(),
      left: 0,
      top: 0,
    },
  ]);
  const exif: Record<string, Record<string, string>> = {
    IFD0: { Make: 'TestCam', Model: 'Serial 12345' },
  };
  if (options.gps)
    exif.IFD3 = {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 51/1 0/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '2/1 21/1 0/1',
    };
  let out = sharp(await base.png().toBuffer()).withExif(exif);
  if (options.orientation) out = out.withMetadata({ orientation: options.orientation });
  await out.jpeg({ quality: 90 }).toFile(file);
}

beforeAll(async () => {
  t = await startTestServer();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-cli-'));
  env = { IMAGE_DESK_DATA_DIR: path.join(work, 'data'), IMAGE_DESK_SERVER: '' };
  const signup = await cliSignIn(
    'signup',
    { serverUrl: t.baseUrl, email: 'cli@example.com', password: PASSWORD, username: 'cli' },
    env,
  );
  expect(signup.code, signup.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  await runCli(['logout'], { env });
  await t.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('cli', () => {
  it('keeps the token in the keychain, never in the data dir', async () => {
    const who = await runCli(['whoami', '--json'], { env });
    expect(who.code).toBe(0);
    expect(JSON.parse(who.stdout)).toMatchObject({
      signedIn: true,
      user: { email: 'cli@example.com', role: 'admin' },
    });
    const files = await fs.readdir(env.IMAGE_DESK_DATA_DIR!);
    for (const file of files) {
      const text = await fs
        .readFile(path.join(env.IMAGE_DESK_DATA_DIR!, file), 'utf8')
        .catch(() => '');
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./); // no JWT anywhere
    }
  });

  it('uploads a folder: good images arrive upright, resized and without GPS; bad ones are reported with codes', async () => {
    const dir = path.join(work, 'batch');
    await fs.mkdir(path.join(dir, 'nested'), { recursive: true });
    await photo(path.join(dir, 'rotated.jpg'), {
      width: 3000,
      height: 2000,
      orientation: 6,
      gps: true,
    });
    await photo(path.join(dir, 'nested', 'plain.jpg'), { width: 800, height: 600 });
    await fs.copyFile(path.join(PNGSUITE, 'basn2c08.png'), path.join(dir, 'suite.png'));
    await fs.copyFile(path.join(PNGSUITE, 'xcsn0g01.png'), path.join(dir, 'corrupt.png'));
    await fs.writeFile(path.join(dir, 'notes.jpg'), 'not an image at all');
    await fs.writeFile(path.join(dir, 'drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

    const res = await runCli(['upload', dir, '--json', '--max-edge', '1024'], { env });
    expect(res.code).toBe(1); // some failed
    const report = JSON.parse(res.stdout);
    const byName = Object.fromEntries(report.files.map((f: any) => [path.basename(f.path), f]));
    expect(byName['corrupt.png']).toMatchObject({ state: 'failed', code: 'CORRUPT_IMAGE' });
    expect(byName['notes.jpg']).toMatchObject({ state: 'failed', code: 'UNSUPPORTED_TYPE' });
    expect(byName['drawing.svg']).toMatchObject({ state: 'failed', code: 'UNSUPPORTED_TYPE' });
    for (const name of ['rotated.jpg', 'plain.jpg', 'suite.png']) {
      expect(byName[name], name).toMatchObject({ state: 'done' });
      expect(byName[name].imageId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(report.summary).toMatchObject({ total: 6, done: 3, failed: 3 });

    // What arrived: fetch the rotated photo through its signed URL and look at it.
    const token = (
      await t.request('POST', '/api/auth/login', {
        json: { email: 'cli@example.com', password: PASSWORD },
      })
    ).body.token;
    const signed = await t.request(
      'GET',
      `/api/images/${byName['rotated.jpg'].imageId}/signed-url`,
      { token },
    );
    const bytes = Buffer.from(await (await fetch(signed.body.url)).arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([683, 1024]); // 3000x2000 turned upright, fit in 1024
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined(); // no GPS, no camera serial
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const top = data.subarray(0, 3); // orientation 6: the red left half is now on top
    const bottom = data.subarray(
      (info.height - 1) * info.width * 3,
      (info.height - 1) * info.width * 3 + 3,
    );
    expect(top[0]).toBeGreaterThan(200);
    expect(bottom[2]).toBeGreaterThan(200);

    // S3 holds exactly the objects the database lists: original + thumbnail per image.
    const list = await runCli(['list', '--json'], { env });
    const images = JSON.parse(list.stdout).images;
    expect(images).toHaveLength(3);
    const keys = (await t.objectKeys('users/')).sort();
    expect(keys).toEqual(images.flatMap((i: any) => [i.key, i.thumbnailKey]).sort());
  });

  it('reports an image already in the account as a duplicate and exits 0', async () => {
    const file = path.join(work, 'again.jpg');
    await photo(file, { width: 640, height: 480 });
    const first = await runCli(['upload', file, '--json'], { env });
    expect(first.code).toBe(0);
    const second = await runCli(['upload', file, '--json'], { env });
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.files[0]).toMatchObject({
      state: 'duplicate',
      imageId: JSON.parse(first.stdout).files[0].imageId,
    });
  });

  it('moves images to the trash, restores them, and deletes them for good with --permanent', async () => {
    const listed = async () =>
      JSON.parse((await runCli(['list', '--json'], { env })).stdout).images;
    const victim = (await listed())[0];
    const res = await runCli(['delete', victim.id], { env });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`trashed ${victim.id}`);
    expect((await listed()).map((i: any) => i.id)).not.toContain(victim.id);
    expect(await t.objectKeys('users/')).toContain(victim.key);

    const back = await runCli(['restore', victim.id, '--json'], { env });
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout)).toEqual({ restored: [victim.id], failed: [] });
    expect((await listed()).map((i: any) => i.id)).toContain(victim.id);

    const gone = await runCli(['delete', '--permanent', victim.id], { env });
    expect(gone.code, gone.stderr).toBe(0);
    expect(gone.stdout).toContain(`deleted ${victim.id}`);
    const keys = await t.objectKeys('users/');
    expect(keys).not.toContain(victim.key);
    expect(keys).not.toContain(victim.thumbnailKey);
    const missing = await runCli(['delete', '--permanent', victim.id], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
    const notRestorable = await runCli(['restore', victim.id], { env });
    expect(notRestorable.code).toBe(1);
  });

  it('exits 2 on usage errors with a message', async () => {
    const cases = [
      ['upload'],
      ['upload', 'x.jpg', '--quality', 'high'],
      ['upload', 'x.jpg', '--quality', '500'],
      ['upload', 'x.jpg', '--format', 'bmp'],
      ['frobnicate'],
      ['login'],
      ['delete', 'not-an-id'],
      ['restore', '12345'],
      ['--server', 'not a url', 'list'],
      ['--server', 'ftp://example.com', 'list'],
    ];
    for (const args of cases) {
      const res = await runCli(args, { env });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(/error/i);
    }
  });

  it('refuses to sign in to a remote server over plain http (exit 2), saying why', async () => {
    const res = await runCli(
      ['--server', 'http://images.example.com', 'login', '--email', 'a@b.c', '--password-stdin'],
      { env, stdin: `${PASSWORD}\n` },
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Use https:// for images.example.com');
    expect(res.stderr).toContain('password and sign-in token would cross the network unencrypted');
  });

  it('uses IMAGE_DESK_TOKEN instead of the keychain for headless runs', async () => {
    const token = (
      await t.request('POST', '/api/auth/login', {
        json: { email: 'cli@example.com', password: PASSWORD },
      })
    ).body.token;
    const fresh = {
      IMAGE_DESK_DATA_DIR: path.join(work, 'headless'),
      IMAGE_DESK_TOKEN: token,
      IMAGE_DESK_SERVER: t.baseUrl,
    };
    const who = await runCli(['whoami'], { env: fresh });
    expect(who.code).toBe(0);
    expect(who.stdout).toContain('cli@example.com');
  });

  it('says plainly when no OS keychain answers, and how to go on', async () => {
    const res = await runCli(
      ['--server', t.baseUrl, 'login', '--email', 'cli@example.com', '--password-stdin'],
      {
        env: {
          IMAGE_DESK_DATA_DIR: path.join(work, 'no-keychain'),
          DBUS_SESSION_BUS_ADDRESS: '',
          DISPLAY: '',
        },
        stdin: PASSWORD,
      },
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('KEYCHAIN_UNAVAILABLE');
    expect(res.stderr).toContain('IMAGE_DESK_TOKEN');
    expect(res.stderr).toContain('--print-token');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('without a keychain, signs up nobody unless asked to print the token, which then works', async () => {
    const noKeychain = {
      IMAGE_DESK_DATA_DIR: path.join(work, 'headless-signup'),
      DBUS_SESSION_BUS_ADDRESS: '',
      DISPLAY: '',
    };
    const account = { email: 'headless@example.com', password: PASSWORD, username: 'headless' };
    const args = ['--server', t.baseUrl, 'signup', '--email', account.email];
    const refused = await runCli([...args, '--username', 'headless', '--password-stdin'], {
      env: noKeychain,
      stdin: `${PASSWORD}\n`,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was sent to the server');
    expect(refused.stderr).toContain('signup --print-token');
    const login = await t.request('POST', '/api/auth/login', { json: account });
    expect(login.status).toBe(401); // no account was created

    const printed = await runCli(
      [...args, '--username', 'headless', '--password-stdin', '--print-token'],
      { env: noKeychain, stdin: `${PASSWORD}\n` },
    );
    expect(printed.code, printed.stderr).toBe(0);
    const token = printed.stdout.trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(printed.stderr).toContain('IMAGE_DESK_TOKEN');
    const who = await runCli(['whoami'], {
      env: { ...noKeychain, IMAGE_DESK_TOKEN: token, IMAGE_DESK_SERVER: t.baseUrl },
    });
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout).toContain(account.email);

    const again = await runCli(
      [
        '--server',
        t.baseUrl,
        'login',
        '--email',
        account.email,
        '--password-stdin',
        '--print-token',
      ],
      { env: noKeychain, stdin: `${PASSWORD}\n` },
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('calls an IMAGE_DESK_TOKEN the server refuses invalid', async () => {
    const res = await runCli(['list'], {
      env: {
        IMAGE_DESK_DATA_DIR: path.join(work, 'bad-token'),
        IMAGE_DESK_TOKEN: 'not.a.token',
        IMAGE_DESK_SERVER: t.baseUrl,
      },
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('IMAGE_DESK_TOKEN is invalid');
    expect(res.stderr).not.toContain('Not signed in');
  });

  it('lists albums, and lists an album by its name', async () => {
    const images = JSON.parse((await runCli(['list', '--json'], { env })).stdout).images;
    const token = (
      await t.request('POST', '/api/auth/login', {
        json: { email: 'cli@example.com', password: PASSWORD },
      })
    ).body.token;
    const album = (await t.request('POST', '/api/albums', { token, json: { name: 'Dunes' } })).body
      .album;
    await t.request('PATCH', `/api/images/${images[0].id}`, {
      token,
      json: { albumId: album.id },
    });
    const albums = await runCli(['albums'], { env });
    expect(albums.code, albums.stderr).toBe(0);
    expect(albums.stdout).toMatch(new RegExp(`${album.id}\\s+1\\s+Dunes`));
    const json = JSON.parse((await runCli(['albums', '--json'], { env })).stdout);
    expect(json.albums.map((a: any) => a.name)).toContain('Dunes');

    const byName = await runCli(['list', '--album', 'Dunes', '--json'], { env });
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout).images.map((i: any) => i.id)).toEqual([images[0].id]);
    const unknown = await runCli(['list', '--album', 'Nowhere'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No album is named "Nowhere"');
  });

  it('signs out: the keychain entry is gone and commands ask to sign in', async () => {
    const fresh = { IMAGE_DESK_DATA_DIR: path.join(work, 'second') };
    const login = await runCli(
      ['--server', t.baseUrl, 'login', '--email', 'cli@example.com', '--password-stdin'],
      {
        env: fresh,
        stdin: PASSWORD,
      },
    );
    expect(login.code, login.stderr).toBe(0);
    expect((await runCli(['whoami'], { env: fresh })).code).toBe(0);
    expect((await runCli(['logout'], { env: fresh })).code).toBe(0);
    const after = await runCli(['list'], { env: fresh });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('Not signed in');
    const wrong = await runCli(
      ['--server', t.baseUrl, 'login', '--email', 'cli@example.com', '--password-stdin'],
      {
        env: fresh,
        stdin: 'wrong password',
      },
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('INVALID_CREDENTIALS');
  });
});
