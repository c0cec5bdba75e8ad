// GET /api/openapi.json as a contract other people build on: it passes Redocly's recommended
// rules, it tells the truth about tokens and error codes, and a client generated from it
// type-checks and runs the whole presigned upload flow.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { generateFetchClient } from '../../support/generated-client';
import { redoclyLint } from '../../support/redocly';
import { typeCheck } from '../../support/type-check';
import { startTestServer, type TestServer } from '../test-server';
import { makePng, sha256 } from '../upload-helpers';

type Json = Record<string, any>;

const ROOT = path.resolve(import.meta.dirname, '../../..');
// Inside the repository so the generated client resolves its imports; one folder per process,
// as the PGlite and PostgreSQL runs of this file may run side by side.
const workDir = path.join(ROOT, '.test-output', `openapi-${process.pid}-${crypto.randomUUID()}`);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

let t: TestServer;
let doc: Json;

beforeAll(async () => {
  await fs.mkdir(workDir, { recursive: true });
  t = await startTestServer();
  const res = await t.request('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(async () => {
  await t?.close();
  await fs.rm(workDir, { recursive: true, force: true });
});

function operations(): Array<{ method: string; path: string; op: Json }> {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

/** The error codes the document allows for this status of this operation. */
function documentedCodes(op: Json, status: number): string[] | undefined {
  const response = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
  const ref: string | undefined = response?.content?.['application/json']?.schema?.$ref;
  if (!ref) return undefined;
  const schema = doc.components.schemas[ref.replace('#/components/schemas/', '')];
  return schema.properties.error.properties.code.enum;
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules, warning only about the routes that read no input", async () => {
    const report = await redoclyLint(doc, workDir);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.errors).toBe(0);
    // The probes and the client config read nothing from the request: no client error to document.
    expect(report.problems.map((p) => `${p.ruleId} ${p.pointer}`).sort()).toEqual([
      'operation-4xx-response #/paths/~1api~1client-config/get/responses',
      'operation-4xx-response #/paths/~1healthz/get/responses',
      'operation-4xx-response #/paths/~1readyz/get/responses',
    ]);
  });

  it('names this server, or PUBLIC_URL when one is set', async () => {
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    // A second app over the same services, as a server started with PUBLIC_URL would build.
    const { services } = t.server;
    const publicUrl = 'https://images.example.org/desk/';
    const behindProxy = await buildApp({ ...services, config: { ...services.config, publicUrl } });
    try {
      const res = await behindProxy.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.json().servers).toEqual([
        { url: 'https://images.example.org/desk', description: expect.any(String) },
      ]);
    } finally {
      await behindProxy.close();
    }
  });

  it('says which operations need a token, and answers without one with a documented code', async () => {
    for (const { method, path, op } of operations()) {
      const url = path.replace(/\{[^}]+\}/g, crypto.randomUUID());
      const res = await t.request(method.toUpperCase(), url, op.requestBody ? { json: {} } : {});
      // [] is "no token"; an empty requirement {} among others is "or no token".
      const needsToken =
        op.security.length > 0 && op.security.every((r: Json) => Object.keys(r).length > 0);
      const where = `${method.toUpperCase()} ${path} (${res.status} ${JSON.stringify(res.body)})`;
      expect(res.status === 401, where).toBe(needsToken);
      if (res.status >= 400) {
        expect(documentedCodes(op, res.status), where).toContain(res.body.error.code);
      }
    }
  });

  it('documents the codes the server really sends for common mistakes', async () => {
    const admin = await t.signup({ email: 'taken@example.com' });
    const member = await t.signup();
    const mistakes: Array<[string, string, number, () => ReturnType<TestServer['request']>]> = [
      [
        'post',
        '/api/auth/signup',
        409,
        () =>
          t.request('POST', '/api/auth/signup', {
            json: { email: 'taken@example.com', password: 'correct horse', username: 'again' },
          }),
      ],
      [
        'post',
        '/api/images',
        415,
        () =>
          t.request('POST', '/api/images', {
            token: admin.token,
            body: 'not json',
            headers: { 'content-type': 'text/plain' },
          }),
      ],
      [
        'post',
        '/api/images',
        400,
        () =>
          t.request('POST', '/api/images', {
            token: admin.token,
            body: '{',
            headers: { 'content-type': 'application/json' },
          }),
      ],
      [
        'get',
        '/api/images/{id}',
        404,
        () => t.request('GET', `/api/images/${crypto.randomUUID()}`, { token: admin.token }),
      ],
      [
        'get',
        '/api/images',
        403,
        () => t.request('GET', `/api/images?owner=${admin.user.id}`, { token: member.token }),
      ],
    ];
    for (const [method, path, status, send] of mistakes) {
      const res = await send();
      const where = `${method.toUpperCase()} ${path} (${JSON.stringify(res.body)})`;
      expect(res.status, where).toBe(status);
      expect(documentedCodes(doc.paths[path][method], status), where).toContain(
        res.body.error.code,
      );
    }
  });
});

describe('a client generated from the document', () => {
  const clientDir = path.join(workDir, 'client');
  const flowFile = path.join(workDir, 'flow.ts');

  beforeAll(async () => {
    await generateFetchClient(doc, clientDir);
    await fs.copyFile(
      path.join(import.meta.dirname, 'fixtures/generated-client-flow.ts'),
      flowFile,
    );
  });

  it('type-checks together with code that uses it', () => {
    expect(typeCheck([flowFile])).toEqual([]);
  }, 60_000);

  it('runs signup, presign, PUT, register, list, signed URL, download and delete', async () => {
    const png = await makePng(40, 30, 7);
    const { runPresignedFlow } = (await import(/* @vite-ignore */ flowFile)) as {
      runPresignedFlow(baseUrl: string, file: unknown): Promise<Json>;
    };
    const result = await runPresignedFlow(t.baseUrl, {
      bytes: new Uint8Array(png),
      sha256: sha256(png),
      width: 40,
      height: 30,
    });
    expect(result.registered).toMatchObject({
      filename: 'pixel.png',
      contentType: 'image/png',
      size: png.length,
      width: 40,
      height: 30,
      sha256: sha256(png),
    });
    expect(result.listed.map((image: Json) => image.id)).toEqual([result.registered.id]);
    expect(result.downloaded.status).toBe(200);
    expect(result.downloaded.contentType).toBe('image/png');
    expect(Buffer.from(result.downloaded.bytes).equals(png)).toBe(true);
    expect(result.listedAfterDelete).toEqual([]);
  });
});
