// The desktop learns where a server's signed image URLs point (GET /api/client-config), so its
// Content-Security-Policy can allow images from exactly that origin, against real servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../src/main/services/api-client';
import { StoreOrigin } from '../../../src/main/services/store-origin';
import { startTestServer, type TestServer } from '../../server/test-server';

let first: TestServer;
let second: TestServer;
beforeAll(async () => {
  [first, second] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

const emulatorOrigin = (t: TestServer) =>
  new URL(t.server.services.storage.embedded!.endpoint).origin;

/** A StoreOrigin that asks real servers and records what it asked and what it announced. */
function observed() {
  const asked: string[] = [];
  const changes: (readonly string[])[] = [];
  const errors: string[] = [];
  const origin = new StoreOrigin({
    fetchOrigin: async (serverUrl) => {
      asked.push(serverUrl);
      return (await new ApiClient({ serverUrl, timeoutMs: 5_000 }).clientConfig()).storeOrigin;
    },
    onChange: (origins) => changes.push(origins),
    onError: (serverUrl) => errors.push(serverUrl),
  });
  return { origin, asked, changes, errors };
}

describe('StoreOrigin', () => {
  it('is the origin of the signed URLs the server hands out', async () => {
    const { origin, changes } = observed();
    expect(origin.current()).toEqual([]);
    await origin.refresh(first.baseUrl);
    expect(origin.current()).toEqual([emulatorOrigin(first)]);
    expect(changes).toEqual([[emulatorOrigin(first)]]);

    // The same origin a real presigned URL of that server carries.
    const presigned = await first.request('POST', '/api/images/presign-upload', {
      json: { filename: 'a.png', contentType: 'image/png', size: 10, purpose: 'avatar' },
    });
    expect(new URL(presigned.body.url).origin).toBe(origin.current()[0]);
  });

  it('asks a server once, and again when the app points at another server', async () => {
    const { origin, asked, changes } = observed();
    await origin.refresh(first.baseUrl);
    await origin.refresh(first.baseUrl);
    expect(asked).toEqual([first.baseUrl]);
    await origin.refresh(second.baseUrl);
    expect(asked).toEqual([first.baseUrl, second.baseUrl]);
    expect(origin.current()).toEqual([emulatorOrigin(second)]);
    expect(changes).toEqual([[emulatorOrigin(first)], [emulatorOrigin(second)]]);
  });

  it('keeps what it knew when a server does not answer, says so, and asks again next time', async () => {
    const { origin, asked, changes, errors } = observed();
    await origin.refresh(first.baseUrl);
    const down = 'http://127.0.0.1:9';
    await origin.refresh(down);
    expect(origin.current()).toEqual([emulatorOrigin(first)]);
    expect(errors).toEqual([down]);
    await origin.refresh(down);
    expect(asked.filter((url) => url === down)).toHaveLength(2);
    expect(changes).toHaveLength(1);
  });
});
