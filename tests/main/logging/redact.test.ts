// Credentials never reach the log file: every shape a token, password or signed URL takes in
// this app's log lines (headers, JSON bodies, inspected errors, query strings) comes out redacted,
// and the rest of the line stays readable.
import { describe, expect, it } from 'vitest';
import { redactLogData, redactText } from '../../../src/main/logging/redact';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0IiwiZW1haWwiOiJhZGFAZXhhbXBsZS5jb20ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PRESIGNED =
  'https://photos.s3.eu-west-1.amazonaws.com/u/42/2026/harbour.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20260101%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=300&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&X-Amz-Signature=0123456789abcdef&X-Amz-SignedHeaders=host';

describe('redactText', () => {
  it.each([
    ['an authorization header', `authorization: Bearer ${JWT}`, 'authorization: [redacted]'],
    [
      'a header object as inspect writes it',
      `headers: { Authorization: 'Bearer abc.def', accept: 'application/json' }`,
      `headers: { Authorization: '[redacted]', accept: 'application/json' }`,
    ],
    [
      'a bare bearer credential',
      'retrying with Bearer abc123.def',
      'retrying with Bearer [redacted]',
    ],
    ['a JWT on its own', `session token ${JWT} restored`, 'session token [redacted] restored'],
    [
      'a JSON login body',
      '{"email":"ada@example.com","password":"correct horse battery"}',
      '{"email":"ada@example.com","password":"[redacted]"}',
    ],
    [
      'JSON escaped inside a string',
      String.raw`body: "{\"password\":\"s3cret\",\"email\":\"a@b.c\"}"`,
      String.raw`body: "{\"password\":\"[redacted]\",\"email\":\"a@b.c\"}"`,
    ],
    [
      'refresh tokens, whatever their spelling',
      'refreshToken: "rt-1" refresh_token=rt-2&scope=all',
      'refreshToken: "[redacted]" refresh_token=[redacted]&scope=all',
    ],
    [
      'a token in a query string',
      'GET http://127.0.0.1:8790/?token=d34db33f&x=1',
      'GET http://127.0.0.1:8790/?token=[redacted]&x=1',
    ],
    ['a cookie header', 'Cookie: bridge=abc; other=def', 'Cookie: [redacted]'],
  ])('removes %s', (_what, line, expected) => {
    expect(redactText(line)).toBe(expected);
  });

  it('keeps a presigned URL’s origin and path, and drops its whole query', () => {
    const line = redactText(`PUT ${PRESIGNED} failed with 403`);
    expect(line).toBe(
      'PUT https://photos.s3.eu-west-1.amazonaws.com/u/42/2026/harbour.jpg?[redacted] failed with 403',
    );
  });

  it('catches signing parameters outside a full URL too', () => {
    expect(redactText('query X-Amz-Signature=abc&X-Amz-Credential=AKIA%2F1')).toBe(
      'query X-Amz-Signature=[redacted]&X-Amz-Credential=[redacted]',
    );
  });

  it('leaves ordinary lines alone', () => {
    const lines = [
      'Uploaded 12 files to album "Spring" in 4.2 s',
      'the token count is 5; tokens: 3; passwordHash column migrated',
      'GET https://images.example.com/api/images?limit=50&cursor=abc 200',
      'update feed https://updates.example.com/image-desk/latest.yml: 404',
    ];
    for (const line of lines) expect(redactText(line)).toBe(line);
  });
});

describe('redactLogData', () => {
  it('writes objects and errors out, then redacts what they contain', () => {
    const error = Object.assign(new Error(`PUT ${PRESIGNED} failed`), {
      config: {
        headers: { Authorization: `Bearer ${JWT}` },
        data: JSON.stringify({ email: 'ada@example.com', password: 'hunter22' }),
      },
    });
    const [errorText, objectText, plain] = redactLogData([
      error,
      { user: 'ada', password: 'hunter22', nested: { refreshToken: 'rt-secret' } },
      'plain text',
    ]);
    const all = `${errorText}\n${objectText}`;
    for (const secret of [JWT, 'hunter22', 'rt-secret', '0123456789abcdef', 'AKIAEXAMPLE']) {
      expect(all).not.toContain(secret);
    }
    // What a person needs to read the line is still there.
    expect(errorText).toContain('harbour.jpg?[redacted] failed');
    expect(errorText).toContain('ada@example.com');
    expect(objectText).toContain("user: 'ada'");
    expect(plain).toBe('plain text');
  });
});
