// TRUST_PROXY: behind a load balancer, per-IP limits must see each client, not the balancer;
// without it, a client cannot dodge a limit by claiming another address in X-Forwarded-For.
// Uses the anonymous avatar presign budget (20 a minute per IP).
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';

const BUDGET = 20;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function presignAvatar(t: TestServer, forwardedFor: string) {
  return t.request('POST', '/api/images/presign-upload', {
    headers: { 'x-forwarded-for': forwardedFor },
    json: { filename: 'me.png', contentType: 'image/png', size: 1234, purpose: 'avatar' },
  });
}

async function spend(t: TestServer, forwardedFor: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i += 1) statuses.push((await presignAvatar(t, forwardedFor)).status);
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('off (the default): X-Forwarded-For is ignored, so a new claimed address gets no new budget', async () => {
    server = await startTestServer();
    expect(await spend(server, '203.0.113.1', BUDGET)).toEqual(Array(BUDGET).fill(200));
    expect((await presignAvatar(server, '203.0.113.2')).status).toBe(429);
  });

  it('naming the proxy: each client behind it has a budget of its own', async () => {
    // The test client connects from loopback, so loopback plays the load balancer.
    server = await startTestServer({ TRUST_PROXY: '127.0.0.1' });
    expect(await spend(server, '203.0.113.1', BUDGET)).toEqual(Array(BUDGET).fill(200));
    const limited = await presignAvatar(server, '203.0.113.1');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await presignAvatar(server, '203.0.113.2')).status).toBe(200);
  });

  it('a hop count trusts that many proxies from the right of X-Forwarded-For', async () => {
    server = await startTestServer({ TRUST_PROXY: '1' });
    // One trusted hop: the address the proxy appended (the last one) is the client's.
    expect(await spend(server, '198.51.100.9, 203.0.113.1', BUDGET)).toEqual(
      Array(BUDGET).fill(200),
    );
    // A client forging the first entry still lands on its real (last) address.
    expect((await presignAvatar(server, '198.51.100.77, 203.0.113.1')).status).toBe(429);
    expect((await presignAvatar(server, '198.51.100.9, 203.0.113.2')).status).toBe(200);
  });
});
