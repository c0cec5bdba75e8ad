// GET /api/client-config: public, and names the origin every signed URL of this server uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('GET /api/client-config', () => {
  it('answers without a token with the store origin of its signed URLs', async () => {
    const res = await t.request('GET', '/api/client-config');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['storeOrigin']);
    const { token } = await t.signup();
    const presigned = await t.request('POST', '/api/images/presign-upload', {
      token,
      json: { filename: 'a.png', contentType: 'image/png', size: 10 },
    });
    expect(new URL(presigned.body.url).origin).toBe(res.body.storeOrigin);
    const signed = await t.request(
      'GET',
      `/api/images/signed-url?key=${encodeURIComponent(presigned.body.key)}`,
      { token },
    );
    // Not registered yet, so no GET URL; the avatar route signs one for the profile image.
    expect(signed.status).toBe(404);
  });
});
