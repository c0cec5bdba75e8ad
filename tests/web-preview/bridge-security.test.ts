// `npm run web` as a person starts it (a child process with the same command line), checked from
// the outside: the link it prints, loopback only, the one-time token link and its cookie, what
// the bridge refuses (no cookie, other origins and sites, other hosts, unstaged paths), that the
// auth token never reaches the page, the keychain fallback and a clean stop on SIGTERM.
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import {
  cookieFrom,
  invoke,
  pageHeaders,
  startChild,
  stubRenderer,
  tempDir,
  uniqueEmail,
  type ChildPreview,
} from './helpers';

let web: ChildPreview;
let cookie: string;
let page: Record<string, string>;
const dirs: string[] = [];

beforeAll(async () => {
  const dataDir = await tempDir();
  const rendererDir = await stubRenderer();
  dirs.push(dataDir, rendererDir);
  web = await startChild({
    PORT: '0',
    WEB_PORT: '0',
    DATA_DIR: dataDir,
    WEB_SKIP_BUILD: '1',
    WEB_RENDERER_DIR: rendererDir,
    // No Secret Service to reach: the preview must fall back to memory (and never touch the
    // keychain of whoever runs the tests).
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/image-desk-test-bus',
    DISPLAY: '',
    IMAGE_DESK_TOKEN: '',
    IMAGE_DESK_DATA_DIR: '',
  });
  cookie = await cookieFrom(web.link);
  page = pageHeaders(web.origin, cookie);
});

afterAll(async () => {
  if (web?.child.exitCode === null) await web.stop();
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

/** Whether something accepts TCP connections at host:port. */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2_000);
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('starting', () => {
  it('prints one link with a long random token, and the backend URL', () => {
    const lines = web.stdout().split('\n');
    expect(lines.filter((line) => line.startsWith('Image Desk web preview: '))).toHaveLength(1);
    expect(web.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    // base64url of 32 random bytes: 256 bits.
    expect(web.token).toMatch(/^[\w-]{43}$/);
    expect(web.stdout()).toMatch(/^Image Desk backend: http:\/\/127\.0\.0\.1:\d+ \(PGlite in /m);
  });

  it('says that the session token stays in memory when there is no OS keychain', () => {
    expect(web.stderr()).toContain('The OS keychain is not available (');
    expect(web.stderr()).toContain('the session token is kept in memory for this run only.');
  });

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(web.origin).port);
    expect(await reachable('127.0.0.1', port)).toBe(true);
    expect(await reachable('::1', port)).toBe(false);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of external) expect(await reachable(address, port)).toBe(false);
  });

  it('serves the renderer without the cookie, under the app CSP', async () => {
    const response = await fetch(`${web.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    // Images from the backend's own store (the embedded emulator it printed) and nowhere else.
    const store = /embedded S3 emulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(web.stdout())![1]!;
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy([store]));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // No favicon in this renderer: an empty answer rather than a 404 in the page's console.
    expect((await fetch(`${web.origin}/favicon.ico`)).status).toBe(204);
  });
});

describe('the token link', () => {
  it('refuses a wrong token with 403 and sets no cookie', async () => {
    for (const token of ['wrong', '', web.token.slice(0, -1), `${web.token}x`]) {
      const response = await fetch(`${web.origin}/?token=${token}`, { redirect: 'manual' });
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect((await response.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('trades the right token for an HttpOnly, SameSite=Strict cookie and a redirect to /', async () => {
    const response = await fetch(web.link, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const setCookie = response.headers.get('set-cookie')!;
    const [pair, ...attributes] = setCookie.split(';').map((part) => part.trim());
    expect(pair).toBe(`image-desk-bridge-${new URL(web.origin).port}=${web.token}`);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
  });
});

describe('who may use the bridge', () => {
  it('refuses every bridge request without the cookie', async () => {
    const noCookie = { origin: web.origin, 'sec-fetch-site': 'same-origin' };
    const invoked = await invoke(web.origin, noCookie, 'session:get');
    expect(invoked.status).toBe(403);
    expect(invoked.body.error.code).toBe('FORBIDDEN');
    const wrongCookie = { ...page, cookie: `${cookie.split('=')[0]}=not-the-token` };
    expect((await invoke(web.origin, wrongCookie, 'session:get')).status).toBe(403);
    for (const path of ['/bridge/events', '/bridge/preview/x', '/bridge/nothing-here']) {
      const response = await fetch(`${web.origin}${path}`, { headers: noCookie });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses the cookie when the request comes from another origin or site', async () => {
    const cases: Array<Record<string, string>> = [
      { ...page, origin: 'http://evil.example' },
      { ...page, origin: 'null' },
      // Another port on 127.0.0.1 is the same site, yet another origin: still refused.
      { ...page, origin: `http://127.0.0.1:${Number(new URL(web.origin).port) + 1}` },
      { ...page, 'sec-fetch-site': 'cross-site' },
      { ...page, 'sec-fetch-site': 'same-site' },
      { cookie }, // a state-changing request that names no origin
    ];
    for (const headers of cases) {
      const refused = await invoke(web.origin, headers, 'session:get');
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
    const events = await fetch(`${web.origin}/bridge/events`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    expect(events.status).toBe(403);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    // fetch sets Host itself; a rebound name reaches the same socket with its own Host header.
    const port = new URL(web.origin).port;
    const rebound = `rebound.example:${port}`;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/bridge/invoke/session:get',
          headers: {
            ...page,
            host: rebound,
            origin: `http://${rebound}`,
            'content-type': 'application/json',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body }));
        },
      );
      request.on('error', reject);
      request.end('{}');
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.message).toMatch(/only on 127\.0\.0\.1 and localhost/);
  });

  it('answers the preview page itself with the IPC envelope', async () => {
    const response = await invoke(web.origin, page, 'session:get');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ok: true,
      result: { signedIn: false, user: null, serverUrl: expect.stringMatching(/^http:\/\/127/) },
    });
    expect(Number(response.headers.get('x-bridge-seq'))).toBeGreaterThanOrEqual(0);
  });

  it('accepts the token in the x-bridge-token header from a client that is not a browser', async () => {
    const response = await invoke(web.origin, { 'x-bridge-token': web.token }, 'settings:get');
    expect(response.body.ok).toBe(true);
  });
});

describe('the IPC contract over the bridge', () => {
  it('signs up and reports the session, never the auth token', async () => {
    const email = uniqueEmail();
    const signup = await invoke(web.origin, page, 'session:signup', {
      serverUrl: JSON.parse((await invoke(web.origin, page, 'session:get')).text).result.serverUrl,
      email,
      password: 'correct horse battery',
      username: 'Web Preview',
    });
    expect(signup.body).toMatchObject({ ok: true, result: { signedIn: true, user: { email } } });
    const state = await invoke(web.origin, page, 'session:get');
    expect(state.body.result).toMatchObject({ signedIn: true, user: { email } });
    for (const text of [signup.text, state.text]) {
      expect(text).not.toMatch(/token/i);
      expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/); // a JWT
    }
  });

  it('answers bad arguments and unknown channels with coded envelopes', async () => {
    const bad = await invoke(web.origin, page, 'session:login', { serverUrl: 'ftp://x' });
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await invoke(web.origin, page, 'fs:read', { path: '/etc/passwd' });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses to queue or upload as an avatar any file the bridge did not stage', async () => {
    for (const paths of [['/etc/passwd'], [`${os.homedir()}/.ssh/id_rsa`], ['relative.jpg']]) {
      const refused = await invoke(web.origin, page, 'queue:add', { paths });
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const avatar = await invoke(web.origin, page, 'session:signup', {
      serverUrl: 'http://127.0.0.1:1',
      email: uniqueEmail(),
      password: 'correct horse battery',
      username: 'x',
      avatarPath: '/etc/hostname',
    });
    expect(avatar.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const view = await invoke(web.origin, page, 'queue:view', {
      filter: 'all',
      offset: 0,
      limit: 500,
    });
    expect(view.body.result.rows).toEqual([]);
  });

  it('answers a malformed body with a coded error', async () => {
    const response = await fetch(`${web.origin}/bridge/invoke/session:get`, {
      method: 'POST',
      headers: { ...page, 'content-type': 'application/json' },
      body: '{"args":',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('MALFORMED_JSON');
  });

  it('has no native file dialog: dialog:choose-images returns no paths', async () => {
    const response = await invoke(web.origin, page, 'dialog:choose-images');
    expect(response.body).toEqual({ ok: true, result: { paths: [] } });
  });

  it('does not update itself: the desktop app does, and restart is refused', async () => {
    const state = await invoke(web.origin, page, 'update:get-state');
    expect(state.body).toEqual({
      ok: true,
      result: { status: 'disabled', reason: 'Updates are handled by the desktop app.' },
    });
    const restart = await invoke(web.origin, page, 'update:restart');
    expect(restart.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('stopping', () => {
  it('closes the bridge and the backend on SIGTERM and exits 0', async () => {
    const port = Number(new URL(web.origin).port);
    const backendPort = Number(
      /^Image Desk backend: http:\/\/127\.0\.0\.1:(\d+)/m.exec(web.stdout())![1],
    );
    expect(await web.stop()).toBe(0);
    expect(await reachable('127.0.0.1', port)).toBe(false);
    expect(await reachable('127.0.0.1', backendPort)).toBe(false);
  });
});
