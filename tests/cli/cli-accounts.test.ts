// Two accounts on one machine: files an interrupted run left in the CLI's queue belong to the
// account that queued them. Another account's upload neither sends nor reports them; they
// finish when their own account runs upload again.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadQueue } from '../../src/main/queue';
import { ApiClient } from '../../src/main/services/api-client';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { startTestServer, type TestServer } from '../server/test-server';
import { cliSignIn, runCli } from './run-cli';

const PASSWORD = 'cli password 123';
const ANN = 'ann.cli@example.com';
const BOB = 'bob.cli@example.com';

let t: TestServer;
let work: string;
let env: Record<string, string>;

async function jpeg(name: string, shade: number): Promise<string> {
  const file = path.join(work, name);
  await sharp({
    create: { width: 320, height: 240, channels: 3, background: { r: shade, g: 90, b: 160 } },
  })
    .jpeg()
    .toFile(file);
  return file;
}

async function signIn(command: 'signup' | 'login', email: string): Promise<void> {
  const account = {
    serverUrl: t.baseUrl,
    email,
    password: PASSWORD,
    username: email.split('.')[0],
  };
  const result = await cliSignIn(command, account, env);
  expect(result.code, result.stderr).toBe(0);
}

async function galleryOf(email: string): Promise<string[]> {
  const { token } = await new ApiClient({ serverUrl: t.baseUrl }).login({
    email,
    password: PASSWORD,
  });
  const { images } = await new ApiClient({
    serverUrl: t.baseUrl,
    getToken: () => token,
  }).listImages();
  return images.map((i) => i.filename).sort();
}

beforeAll(async () => {
  t = await startTestServer();
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-cli-accounts-'));
  env = { IMAGE_DESK_DATA_DIR: path.join(work, 'data'), IMAGE_DESK_SERVER: '' };
}, 120_000);

afterAll(async () => {
  await runCli(['logout'], { env });
  await t.close();
  await fs.rm(work, { recursive: true, force: true });
});

describe('cli with two accounts', () => {
  it('leaves another account’s unfinished files alone and finishes them under their own', async () => {
    await signIn('signup', BOB);
    await signIn('signup', ANN);
    // What a run of Ann's interrupted before anything was sent leaves in the CLI's queue file.
    const left = await UploadQueue.open({
      file: path.join(env.IMAGE_DESK_DATA_DIR!, 'cli-queue.sqlite'),
      api: () => new ApiClient({ serverUrl: t.baseUrl }),
      settings: () => DEFAULT_SETTINGS,
      account: () => ({ serverUrl: t.baseUrl, email: ANN }),
    });
    await left.add([await jpeg('ann-1.jpg', 10), await jpeg('ann-2.jpg', 40)]);
    await left.close();

    await signIn('login', BOB);
    const bob = await runCli(['upload', await jpeg('bob.jpg', 70), '--json'], { env });
    expect(bob.code, bob.stderr).toBe(0);
    expect(
      JSON.parse(bob.stdout).files.map((f: { path: string }) => path.basename(f.path)),
    ).toEqual(['bob.jpg']);
    expect(bob.stderr).toContain(`2 file(s) left unfinished by a run signed in as ${ANN}`);
    expect(await galleryOf(BOB)).toEqual(['bob.jpg']);
    expect(await galleryOf(ANN)).toEqual([]);

    await signIn('login', ANN);
    const ann = await runCli(['upload', await jpeg('ann-3.jpg', 100), '--json'], { env });
    expect(ann.code, ann.stderr).toBe(0);
    expect(ann.stderr).toContain('resuming 2 file(s)');
    const report = JSON.parse(ann.stdout) as { files: Array<{ path: string; state: string }> };
    expect(report.files.map((f) => [path.basename(f.path), f.state]).sort()).toEqual([
      ['ann-1.jpg', 'done'],
      ['ann-2.jpg', 'done'],
      ['ann-3.jpg', 'done'],
    ]);
    expect(await galleryOf(ANN)).toEqual(['ann-1.jpg', 'ann-2.jpg', 'ann-3.jpg']);
    expect(await galleryOf(BOB)).toEqual(['bob.jpg']);
  });
});
