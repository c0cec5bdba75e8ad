// Malformed, incomplete and oversized requests, unknown routes and server failures all answer
// with the one error shape, a stable code, and a message a person can act on.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../src/shared/errors';
import { startTestServer, type TestServer } from '../test-server';

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  ({ token } = await t.signup());
});
afterAll(() => t?.close());

function send(
  method: string,
  url: string,
  body: string | undefined,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  return t.request(method, url, { ...(body === undefined ? {} : { body }), headers });
}

/** Checks the shape and code and returns the message; every error body must look like this. */
function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.strict().parse(res.body);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error.message;
}

describe('request bodies', () => {
  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const res = await send('POST', '/api/auth/login', '{"email": "a@b.co", "password": ');
    expect(expectError(res, 400, 'MALFORMED_JSON')).toMatch(/not valid JSON/);
    const empty = await send('POST', '/api/auth/login', '');
    expectError(empty, 400, 'MALFORMED_JSON');
  });

  it('names every missing field', async () => {
    const res = await send('POST', '/api/auth/signup', '{}');
    const message = expectError(res, 400, 'VALIDATION_FAILED');
    expect(message).toContain('"email" is required');
    expect(message).toContain('"password" is required');
    expect(message).toContain('"username" is required');
  });

  it('names the field and what it must be when a value has the wrong type or form', async () => {
    const types = await t.request('POST', '/api/auth/login', {
      json: { email: 42, password: 'long enough' },
    });
    expect(expectError(types, 400, 'VALIDATION_FAILED')).toContain('"email" must be a string');

    const form = await t.request('POST', '/api/auth/signup', {
      json: { email: 'ada@example.com', password: 'short', username: 'Ada' },
    });
    expect(expectError(form, 400, 'VALIDATION_FAILED')).toContain(
      '"password" must be at least 8 characters',
    );

    const nested = await t.request('POST', '/api/images/presign-batch', {
      token,
      json: { files: [{ filename: 'a.png', contentType: 'image/png', size: 'big' }] },
    });
    expect(expectError(nested, 400, 'VALIDATION_FAILED')).toContain(
      '"files.0.size" must be a number',
    );

    const notAnObject = await send('POST', '/api/auth/login', '["ada@example.com"]');
    expect(expectError(notAnObject, 400, 'VALIDATION_FAILED')).toMatch(/must be a JSON object/);
  });

  it('names the query parameter or path segment that is wrong', async () => {
    const query = await t.request('GET', '/api/images?limit=many', { token });
    expect(expectError(query, 400, 'VALIDATION_FAILED')).toMatch(/query string.*"limit"/);
    const params = await t.request('GET', '/api/images/not-a-uuid', { token });
    expect(expectError(params, 400, 'VALIDATION_FAILED')).toMatch(/URL.*"id"/);
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a JSON body over 1 MiB', async () => {
    const big = JSON.stringify({
      email: 'ada@example.com',
      password: 'x'.repeat(1024 * 1024),
    });
    const res = await send('POST', '/api/auth/login', big);
    expect(expectError(res, 413, 'PAYLOAD_TOO_LARGE')).toMatch(/larger than/);
    // Just under the limit is read (and then refused for what it says, not for its size).
    const fits = JSON.stringify({ email: 'ada@example.com', password: 'x'.repeat(1000 * 1000) });
    expectError(await send('POST', '/api/auth/login', fits), 400, 'VALIDATION_FAILED');
  });

  it('answers 415 for a Content-Type the endpoint does not read', async () => {
    const body = JSON.stringify({ email: 'ada@example.com', password: 'long enough' });
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const res = await send('POST', '/api/auth/login', body, { 'content-type': type });
      expect(expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE')).toMatch(/application\/json/);
    }
  });
});

describe('routing', () => {
  it('answers unknown routes with a JSON 404 that names them', async () => {
    const res = await t.request('GET', '/api/nothing-here?x=1');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(expectError(res, 404, 'NOT_FOUND')).toBe('There is no GET /api/nothing-here endpoint.');
    const wrongMethod = await t.request('DELETE', '/api/auth/login');
    expect(expectError(wrongMethod, 404, 'NOT_FOUND')).toContain('DELETE /api/auth/login');
  });
});

/** Writes raw bytes to the server and reads what it answers until it closes the connection. */
function rawExchange(request: string): Promise<{ status: number; headers: string; body: unknown }> {
  const { port } = new URL(t.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
        headers: head,
        body: body ? JSON.parse(body) : null,
      });
    });
  });
}

describe('errors before any route runs', () => {
  it('answers a malformed percent-encoding in the path with the standard shape', async () => {
    const res = await rawExchange(
      `GET /api/images/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
    );
    expect(expectError(res, 400, 'VALIDATION_FAILED')).toMatch(/percent-encoding/);
    expect(res.headers).toMatch(/content-type: application\/json/i);
  });

  it('answers headers over the size limit with 431 HEADERS_TOO_LARGE', async () => {
    const res = await t.request('GET', '/api/auth/me', {
      headers: { cookie: `big=${'x'.repeat(20 * 1024)}` },
    });
    expect(expectError(res, 431, 'HEADERS_TOO_LARGE')).toMatch(/headers are larger/);
  });

  it('answers bytes that are not HTTP with a 400 in the standard shape', async () => {
    const res = await rawExchange('HELLO THERE\r\n\r\n');
    expect(expectError(res, 400, 'VALIDATION_FAILED')).toMatch(/not valid HTTP/);
  });
});

describe('server failures', () => {
  // A dedicated server whose database connection is gone, as when PostgreSQL goes away.
  let broken: TestServer;
  let brokenToken: string;
  beforeAll(async () => {
    broken = await startTestServer();
    ({ token: brokenToken } = await broken.signup());
    await broken.server.services.database.close();
  });
  afterAll(() => broken?.close());

  it('answers 500 INTERNAL with a generic message and no details', async () => {
    const attempts = [
      await broken.request('POST', '/api/auth/login', {
        json: { email: 'ada@example.com', password: 'long enough' },
      }),
      await broken.request('GET', '/api/auth/me', { token: brokenToken }),
      await broken.request('GET', '/api/images', { token: brokenToken }),
    ];
    const messages = attempts.map((res) => expectError(res, 500, 'INTERNAL'));
    expect(new Set(messages).size).toBe(1);
    expect(messages[0]).toMatch(/went wrong on the server/);
    expect(messages[0]).not.toMatch(/destroyed|pglite|pool|sql|kysely|database/i);
  });

  it('reports not ready while the database is gone, though the process is alive', async () => {
    const ready = await broken.request('GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ ok: false, database: false, storage: true });
    expect((await broken.request('GET', '/healthz')).status).toBe(200);
  });
});
