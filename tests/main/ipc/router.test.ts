// The IPC router with the app's real handlers over real services: settings in a temp data dir,
// a session against a real backend (keychain in memory), and a stub queue that records calls.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sniffFile } from '../../../src/imaging';
import type { QueueControls } from '../../../src/main/ipc/context';
import { createIpcHandlers } from '../../../src/main/ipc/handlers';
import { createIpcRouter, type IpcRouter } from '../../../src/main/ipc/router';
import { Session } from '../../../src/main/services/session';
import { SettingsStore } from '../../../src/main/services/settings-store';
import {
  createUpdateController,
  type UpdateController,
} from '../../../src/main/updates/update-controller';
import { QUEUE_STATES, type QueueSnapshot, type QueueViewQuery } from '../../../src/shared/queue';
import { startTestServer, type TestServer } from '../../server/test-server';
import { uploadImage } from '../../server/upload-helpers';
import {
  MemorySecrets,
  memoryTokenStore,
  tempDirs,
  uniqueEmail,
  writeJpeg,
} from '../services/helpers';
import { FakeClock, settle } from '../../support/fake-clock';
import { recordingLog } from '../support/recording-log';
import { ScriptedDriver } from '../updates/scripted-driver';

const EMPTY_SNAPSHOT: QueueSnapshot = {
  items: [],
  totals: {
    count: 0,
    byState: Object.fromEntries(
      QUEUE_STATES.map((state) => [state, 0]),
    ) as QueueSnapshot['totals']['byState'],
    bytesTotal: 0,
    bytesSent: 0,
    throughput: 0,
    etaSeconds: null,
    paused: false,
    heldForAccount: 0,
    counts: { all: 0, active: 0, failed: 0, duplicates: 0, done: 0 },
  },
};

/** The queue channels only steer the queue; this records what they asked for. */
function stubQueue() {
  const calls: Array<[string, unknown]> = [];
  let snapshotError: Error | undefined;
  const queue: QueueControls = {
    add: async (paths, opts) => (calls.push(['add', { paths, opts }]), []),
    view: (query: QueueViewQuery) => {
      if (snapshotError) throw snapshotError;
      return { ...query, total: 0, rows: [], totals: EMPTY_SNAPSHOT.totals };
    },
    pause: (ids) => void calls.push(['pause', ids]),
    resume: (ids) => void calls.push(['resume', ids]),
    holdForSignIn: () => void calls.push(['holdForSignIn', undefined]),
    releaseAfterSignIn: () => void calls.push(['releaseAfterSignIn', undefined]),
    cancel: async (ids) => void calls.push(['cancel', ids]),
    retry: (ids) => (calls.push(['retry', ids]), { retried: 0, notRetried: [] }),
    clearFinished: async () => void calls.push(['clearFinished', undefined]),
  };
  return { queue, calls, failSnapshotWith: (error: Error) => (snapshotError = error) };
}

let t: TestServer;
const newDir = tempDirs('image-desk-ipc-');
/** What the "Save original" dialog answers: a path, or null for Cancel. */
let saveDialogAnswer: string | null = null;
const saveDialogOffers: string[] = [];

beforeAll(async () => {
  t = await startTestServer({ LOGIN_MAX_ATTEMPTS: '1000' });
});
afterAll(() => t?.close());

interface Desk {
  router: IpcRouter;
  dataDir: string;
  settings: SettingsStore;
  session: Session;
  secrets: MemorySecrets;
  queue: ReturnType<typeof stubQueue>;
  unexpected: Array<[string, unknown]>;
  updates: UpdateController;
  updater: ScriptedDriver;
}

async function openDesk(): Promise<Desk> {
  const dataDir = await newDir();
  const settings = new SettingsStore(dataDir);
  await settings.load();
  const secrets = new MemorySecrets();
  const session = new Session({
    dataDir,
    tokens: memoryTokenStore(secrets),
    defaultServerUrl: () => settings.get().serverUrl,
  });
  const queue = stubQueue();
  const unexpected: Array<[string, unknown]> = [];
  // electron-updater needs the Electron binary: a scripted one stands in for it.
  const updater = new ScriptedDriver().answerChecks({ version: '2.1.0' });
  const updates = createUpdateController({
    driver: updater,
    onState: () => undefined,
    log: recordingLog(),
    timers: new FakeClock(),
  });
  const router = createIpcRouter(
    createIpcHandlers({
      session,
      settings,
      queue: queue.queue,
      checkPath: async (file) => void (await sniffFile(file)),
      chooseImages: async () => ['/picked/a.jpg'],
      chooseSavePath: async (name) => (saveDialogOffers.push(name), saveDialogAnswer),
      expireSession: () => void session.expire(),
      updates,
    }),
    { onUnexpectedError: (channel, error) => unexpected.push([channel, error]) },
  );
  return { router, dataDir, settings, session, secrets, queue, unexpected, updates, updater };
}

let desk: Desk;
beforeEach(async () => {
  desk = await openDesk();
});

function expectError(envelope: unknown, code: string): string {
  expect(envelope).toMatchObject({ ok: false, error: { code } });
  return (envelope as { error: { message: string } }).error.message;
}

/** Every secret the in-memory keychain holds must be absent from what the renderer gets. */
function expectNoToken(envelope: unknown, extraSecrets: string[] = []) {
  const json = JSON.stringify(envelope);
  expect(json).not.toMatch(/"token"/i);
  for (const secret of [...desk.secrets.accounts.values(), ...extraSecrets]) {
    expect(json).not.toContain(secret);
  }
}

describe('channels', () => {
  it.each([['fs:read'], ['session:get '], ['__proto__'], [42], [null]])(
    'answers NOT_FOUND for the unknown channel %j',
    async (channel) => {
      expect(expectError(await desk.router.dispatch(channel, {}), 'NOT_FOUND')).toBe(
        'Unknown IPC channel.',
      );
    },
  );
});

describe('argument validation', () => {
  const login = (args: Record<string, unknown>) =>
    desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: 'ann@example.com',
      password: 'correct horse battery',
      ...args,
    });

  it.each([
    ['a number as email', { email: 42 }, 'email'],
    ['no password', { password: undefined }, 'password'],
    ['a 300-character email', { email: `${'a'.repeat(290)}@example.com` }, 'email'],
    ['a 10 000-character password', { password: 'p'.repeat(10_000) }, 'password'],
    ['a file: server', { serverUrl: 'file:///etc/passwd' }, 'serverUrl'],
    ['a javascript: server', { serverUrl: 'javascript:alert(1)' }, 'serverUrl'],
    ['a server that is not a URL', { serverUrl: 'my server' }, 'serverUrl'],
  ])('session:login refuses %s, naming the field', async (_label, change, field) => {
    const message = expectError(await login(change), 'VALIDATION_FAILED');
    expect(message).toContain(field);
    expect(desk.session.state().signedIn).toBe(false);
  });

  it('refuses a non-http server URL with a sentence saying what is allowed', async () => {
    const message = expectError(
      await login({ serverUrl: 'file:///etc/passwd' }),
      'VALIDATION_FAILED',
    );
    expect(message).toMatch(/serverUrl: The server URL must start with https:\/\//);
  });

  it.each([
    [
      'session:signup',
      'no username',
      { serverUrl: 'https://x.example', email: 'a@b.c', password: 'p' },
      'username',
    ],
    ['queue:add', 'no paths', { paths: [] }, 'paths'],
    ['queue:add', 'a 5000-character path', { paths: ['x'.repeat(5000)] }, 'paths.0'],
    ['queue:add', 'a string instead of a list', { paths: 'C:\\photos' }, 'paths'],
    ['queue:pause', 'ids as a string', { ids: 'all' }, 'ids'],
    [
      'gallery:signed-urls',
      'an id that is not a UUID',
      { ids: ['../etc'], variant: 'original' },
      'ids.0',
    ],
    [
      'gallery:signed-urls',
      'an unknown variant',
      { ids: [crypto.randomUUID()], variant: 'raw' },
      'variant',
    ],
    ['settings:update', 'quality as a string', { quality: '90' }, 'quality'],
    ['settings:update', 'a javascript: server', { serverUrl: 'javascript:alert(1)' }, 'serverUrl'],
    ['images:delete', 'no ids', { ids: [] }, 'ids'],
    ['gallery:list', 'a page of 100 000', { limit: 100_000 }, 'limit'],
  ])('%s refuses %s, naming the field', async (channel, _label, args, field) => {
    const message = expectError(await desk.router.dispatch(channel, args), 'VALIDATION_FAILED');
    expect(message.startsWith(`${field}: `)).toBe(true);
    expect(desk.queue.calls).toEqual([]);
  });

  it('refuses a missing argument object', async () => {
    const message = expectError(
      await desk.router.dispatch('queue:add', undefined),
      'VALIDATION_FAILED',
    );
    expect(message).toMatch(/^arguments: /);
  });
});

describe('errors from handlers', () => {
  it('passes a coded error through with its code and sentence', async () => {
    const { user } = await t.signup();
    const res = await desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: user.email,
      password: 'not the password',
    });
    expect(expectError(res, 'INVALID_CREDENTIALS')).toBe('The email or password is not correct.');
  });

  it('refuses a profile picture that is not an image before creating the account', async () => {
    const dir = await newDir();
    const fake = path.join(dir, 'me.jpg');
    await fs.writeFile(fake, '#!/bin/sh\necho not an image\n');
    const email = uniqueEmail('fake-avatar');
    const res = await desk.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email,
      password: 'correct horse battery',
      username: 'Ann',
      avatarPath: fake,
    });
    expectError(res, 'UNSUPPORTED_TYPE');
    const login = await t.request('POST', '/api/auth/login', {
      json: { email, password: 'correct horse battery' },
    });
    expect(login.status).toBe(401);
  });

  it('turns an unexpected error into INTERNAL with a generic sentence and no details', async () => {
    const failure = new Error('ENOSPC: no space left on device, open /home/ann/.config/queue.json');
    desk.queue.failSnapshotWith(failure);
    const res = await desk.router.dispatch('queue:view', { filter: 'all', offset: 0, limit: 50 });
    expect(res).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong in the app. Try again.' },
    });
    expect(JSON.stringify(res)).not.toMatch(/ENOSPC|\/home\/ann|at .*\.ts/);
    expect(desk.unexpected).toEqual([['queue:view', failure]]);
  });
});

describe('session channels', () => {
  it('signs in, returning who is signed in but never the token', async () => {
    const { user, password } = await t.signup({ username: 'Ann' });
    const results: unknown[] = [await desk.router.dispatch('session:get', undefined)];
    expect(results[0]).toEqual({
      ok: true,
      result: { signedIn: false, user: null, serverUrl: 'http://127.0.0.1:8787' },
    });

    const login = await desk.router.dispatch('session:login', {
      serverUrl: `${t.baseUrl}/`,
      email: user.email.toUpperCase(),
      password,
    });
    results.push(login);
    expect(login).toEqual({
      ok: true,
      result: {
        signedIn: true,
        user: { id: user.id, email: user.email, username: 'Ann', role: user.role, avatarKey: null },
        serverUrl: t.baseUrl,
      },
    });
    // The tokens went to the keychain (access and refresh), nowhere else the renderer can see.
    expect(desk.secrets.accounts.size).toBe(2);
    results.push(await desk.router.dispatch('session:get', null));
    expect(results[2]).toMatchObject({ ok: true, result: { signedIn: true } });
    // Signing in remembers the server and lets the queue carry on.
    expect(desk.settings.get().serverUrl).toBe(t.baseUrl);
    expect(
      JSON.parse(await fs.readFile(path.join(desk.dataDir, 'settings.json'), 'utf8')),
    ).toMatchObject({
      serverUrl: t.baseUrl,
    });
    expect(desk.queue.calls).toContainEqual(['releaseAfterSignIn', undefined]);

    const token = [...desk.secrets.accounts.values()][0]!;
    results.push(await desk.router.dispatch('session:logout', undefined));
    expect(results[3]).toEqual({
      ok: true,
      result: { signedIn: false, user: null, serverUrl: t.baseUrl },
    });
    expect(desk.queue.calls).toContainEqual(['holdForSignIn', undefined]);
    expect(desk.secrets.accounts.size).toBe(0);
    for (const result of results) expectNoToken(result, [token]);
  });

  it('signs up with a profile picture, never returning the token', async () => {
    const dir = await newDir();
    const avatarPath = await writeJpeg(dir);
    const res = await desk.router.dispatch('session:signup', {
      serverUrl: t.baseUrl,
      email: uniqueEmail('signup'),
      password: 'correct horse battery',
      username: 'Bea',
      avatarPath,
    });
    expect(res).toMatchObject({
      ok: true,
      result: {
        signedIn: true,
        user: { username: 'Bea', avatarKey: expect.stringMatching(/^avatars\//) },
      },
    });
    expect(desk.secrets.accounts.size).toBe(2);
    expectNoToken(res);

    // The top bar shows it through a short-lived signed URL.
    const avatar = await desk.router.dispatch('session:avatar-url', undefined);
    expect(avatar.ok).toBe(true);
    const { url, expiresAt } = (avatar as { ok: true; result: { url: string; expiresAt: string } })
      .result;
    expect(url).toContain('X-Amz-Signature=');
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect((await sharp(bytes).metadata()).format).toBe('webp');

    await desk.router.dispatch('session:logout', undefined);
    expect(await desk.router.dispatch('session:avatar-url', undefined)).toEqual({
      ok: true,
      result: { url: null, expiresAt: null },
    });
  });
});

describe('settings channels', () => {
  it('refuses an out-of-range quality and keeps the saved value', async () => {
    const message = expectError(
      await desk.router.dispatch('settings:update', { quality: 0 }),
      'VALIDATION_FAILED',
    );
    expect(message).toContain('quality');
    expect(await desk.router.dispatch('settings:get', undefined)).toMatchObject({
      ok: true,
      result: { quality: 82 },
    });
  });

  it('saves a change so the next start of the app has it', async () => {
    const res = await desk.router.dispatch('settings:update', { quality: 90, format: 'webp' });
    expect(res).toMatchObject({ ok: true, result: { quality: 90, format: 'webp', maxEdge: 2560 } });
    const reopened = new SettingsStore(desk.dataDir);
    const { settings, warning } = await reopened.load();
    expect(warning).toBeUndefined();
    expect(settings).toMatchObject({ quality: 90, format: 'webp' });
  });
});

describe('queue channels', () => {
  it('hands paths, album and ids to the queue', async () => {
    expect(
      await desk.router.dispatch('queue:add', { paths: ['/photos/a.jpg', '/photos'] }),
    ).toEqual({ ok: true, result: { items: [] } });
    expect(await desk.router.dispatch('queue:pause', { ids: ['q1', 'q2'] })).toEqual({
      ok: true,
      result: { ok: true },
    });
    expect(await desk.router.dispatch('queue:cancel', {})).toEqual({
      ok: true,
      result: { ok: true },
    });
    expect(
      await desk.router.dispatch('queue:view', { filter: 'failed', offset: 0, limit: 50 }),
    ).toEqual({
      ok: true,
      result: { filter: 'failed', offset: 0, total: 0, rows: [], totals: EMPTY_SNAPSHOT.totals },
    });
    expect(await desk.router.dispatch('dialog:choose-images', undefined)).toEqual({
      ok: true,
      result: { paths: ['/picked/a.jpg'] },
    });
    expect(desk.queue.calls).toEqual([
      ['add', { paths: ['/photos/a.jpg', '/photos'], opts: {} }],
      ['pause', ['q1', 'q2']],
      ['cancel', undefined],
    ]);
  });
});

describe('update channels', () => {
  it('reads the state, and restarts only into a downloaded version', async () => {
    expect(await desk.router.dispatch('update:get-state', undefined)).toEqual({
      ok: true,
      result: { status: 'idle' },
    });
    desk.updates.start();
    await settle();
    desk.updater.progress(30);
    expect(await desk.router.dispatch('update:get-state', undefined)).toEqual({
      ok: true,
      result: { status: 'downloading', version: '2.1.0', percent: 30 },
    });
    expect(expectError(await desk.router.dispatch('update:restart', undefined), 'CONFLICT')).toBe(
      'No update is ready to install yet.',
    );
    expect(desk.updater.installs).toBe(0);

    desk.updater.finishDownload();
    await settle();
    expect(await desk.router.dispatch('update:restart', undefined)).toEqual({
      ok: true,
      result: { ok: true },
    });
    expect(desk.updater.installs).toBe(1);
    desk.updates.stop();
  });
});

describe('gallery channels', () => {
  it('asks to sign in first, then lists the images of the account', async () => {
    const { user, password, token } = await t.signup();
    const { image } = await uploadImage(t, token, { filename: 'harbour.png', title: 'Harbour' });

    const before = await desk.router.dispatch('gallery:list', {});
    expect(expectError(before, 'AUTH_REQUIRED')).toBe('Sign in to see your gallery.');

    await desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: user.email,
      password,
    });
    const after = await desk.router.dispatch('gallery:list', {});
    expect(after).toMatchObject({
      ok: true,
      result: {
        images: [{ id: image.id, filename: 'harbour.png', title: 'Harbour' }],
        nextCursor: null,
      },
    });
  });

  it('downloads the stored original to where the save dialog says; Cancel saves nothing', async () => {
    const { user, password, token } = await t.signup();
    const { image, data } = await uploadImage(t, token, { filename: 'harbour.png' });
    await desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: user.email,
      password,
    });
    const folder = await newDir();

    saveDialogAnswer = null;
    const canceled = await desk.router.dispatch('images:download', { id: image.id });
    expect(canceled).toEqual({ ok: true, result: { saved: false, path: null } });
    expect(saveDialogOffers.at(-1)).toBe('harbour.png');
    expect(await fs.readdir(folder)).toEqual([]);

    saveDialogAnswer = path.join(folder, 'kept.png');
    const saved = await desk.router.dispatch('images:download', { id: image.id });
    expect(saved).toEqual({ ok: true, result: { saved: true, path: saveDialogAnswer } });
    expect((await fs.readFile(saveDialogAnswer)).equals(data)).toBe(true);
    // Nothing else is left beside it (the temporary file was renamed).
    expect(await fs.readdir(folder)).toEqual(['kept.png']);

    // Another account's image: not found, and nothing is asked or written.
    const other = await t.signup();
    const theirs = await uploadImage(t, other.token, { filename: 'theirs.png' });
    const offered = saveDialogOffers.length;
    expectError(
      await desk.router.dispatch('images:download', { id: theirs.image.id }),
      'NOT_FOUND',
    );
    expect(saveDialogOffers).toHaveLength(offered);
  });

  it('carries on three hours later: the lapsed access token is renewed', async () => {
    const { user, password } = await t.signup();
    await desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: user.email,
      password,
    });
    // Access tokens live two hours: the backend runs in this process and sees the same clock.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * 60 * 60 * 1000 });
    let res;
    try {
      res = await desk.router.dispatch('albums:list', undefined);
    } finally {
      vi.useRealTimers();
    }
    expect(res).toEqual({ ok: true, result: { albums: [] } });
    expect(desk.session.state()).toMatchObject({ signedIn: true });
  });

  it('reports an expired session and signs out when the sign-in itself has lapsed', async () => {
    const { user, password } = await t.signup();
    await desk.router.dispatch('session:login', {
      serverUrl: t.baseUrl,
      email: user.email,
      password,
    });
    // Past the refresh token's 30 days too: nothing can renew the session.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * 24 * 60 * 60 * 1000 });
    let res;
    try {
      res = await desk.router.dispatch('albums:list', undefined);
    } finally {
      vi.useRealTimers();
    }
    expect(expectError(res, 'AUTH_EXPIRED')).toBe('Your session has expired. Sign in again.');
    expect(desk.session.state()).toMatchObject({ signedIn: false, user: null });
  });
});
