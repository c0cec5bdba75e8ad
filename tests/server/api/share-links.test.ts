// Share links and downloads through POST /api/images/signed-urls: a chosen lifetime up to the
// 7 days SigV4 allows (bounded and validated), and an attachment disposition that makes a
// browser save the original under its own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';
import { uploadImage } from '../upload-helpers';

let t: TestServer;
let member: Awaited<ReturnType<TestServer['signup']>>;

beforeAll(async () => {
  t = await startTestServer();
  member = await t.signup();
});
afterAll(() => t.close());

const sign = (json: Record<string, unknown>) =>
  t.request('POST', '/api/images/signed-urls', { token: member.token, json });

describe('share links', () => {
  it('signs an original for 7 days, and the URL says so', async () => {
    const { image, data } = await uploadImage(t, member.token, { seed: 21 });
    const res = await sign({ ids: [image.id], variant: 'original', expiresIn: 604_800 });
    expect(res.status).toBe(200);
    const { url, expiresAt } = res.body.urls[image.id];
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('604800');
    const lifetime = new Date(expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(604_800_000 - 60_000);
    expect(lifetime).toBeLessThanOrEqual(604_800_000);
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(bytes.equals(data)).toBe(true);
  });

  it('asks the store to answer with an attachment named after the file', async () => {
    const { image, data } = await uploadImage(t, member.token, { seed: 22 });
    const res = await sign({ ids: [image.id], variant: 'original', disposition: 'attachment' });
    const answer = await fetch(res.body.urls[image.id].url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="?${image.filename.replace('.', '\\.')}"?$`),
    );
    expect(Buffer.from(await answer.arrayBuffer()).equals(data)).toBe(true);
    // Without it, the same image is shown inline as before.
    const shown = await sign({ ids: [image.id], variant: 'original' });
    expect((await fetch(shown.body.urls[image.id].url)).headers.get('content-disposition')).toMatch(
      /^inline;/,
    );
  });

  it.each([
    [604_801, 'at most 7 days'],
    [59, 'at least 60 seconds'],
    [3600.5, '"expiresIn"'],
    ['3600', 'expiresIn'],
  ])('refuses a lifetime of %s with a sentence naming the limit', async (expiresIn, words) => {
    const { image } = await uploadImage(t, member.token, { seed: 23 });
    const res = await sign({ ids: [image.id], variant: 'original', expiresIn });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain(words);
  });

  it('refuses an unknown disposition', async () => {
    const { image } = await uploadImage(t, member.token, { seed: 24 });
    const res = await sign({ ids: [image.id], disposition: 'download' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
