// Liveness, readiness (database and bucket) and the OpenAPI document generated from the schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

describe('health', () => {
  it('answers /healthz', async () => {
    const res = await t.request('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('reports ready when the database and the bucket answer', async () => {
    const res = await t.request('GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: true, storage: true });
  });

  it('reports 503 while the store does not answer, and ready again once it does', async () => {
    const emulator = t.server.services.storage.embedded!;
    await emulator.pause();
    try {
      const down = await t.request('GET', '/readyz');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({ ok: false, database: true, storage: false });
      // Liveness is about the process, which is fine.
      expect((await t.request('GET', '/healthz')).status).toBe(200);
    } finally {
      await emulator.resume();
    }
    const up = await t.request('GET', '/readyz');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ ok: true, database: true, storage: true });
  });
});

type Json = Record<string, any>;

/** Resolves a local "#/..." reference in the document. */
function resolveRef(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

function bodySchema(doc: Json, path: string, method: string, type = 'application/json'): Json {
  const schema = doc.paths[path]?.[method]?.requestBody?.content?.[type]?.schema;
  expect(schema, `${method.toUpperCase()} ${path} documents a ${type} body`).toBeDefined();
  return schema.$ref ? (resolveRef(doc, schema.$ref) as Json) : schema;
}

describe('OpenAPI document', () => {
  let doc: Json;
  beforeAll(async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = res.body;
  });

  it('is a well-formed OpenAPI 3.x document', () => {
    expect(doc.openapi).toMatch(/^3\.[01]\.\d+$/);
    expect(typeof doc.info?.title).toBe('string');
    expect(typeof doc.info?.version).toBe('string');
    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      expect(path, 'path templates use {name}, not :name').not.toMatch(/\/:/);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries<Json>(item)) {
        expect(methods).toContain(method);
        const where = `${method.toUpperCase()} ${path}`;
        const responses = Object.entries<Json>(op.responses ?? {});
        expect(responses.length, `${where} documents responses`).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status, where).toMatch(/^([1-5]XX|[1-5]\d\d|default)$/);
          expect(typeof response.description, `${where} ${status} has a description`).toBe(
            'string',
          );
        }
        for (const name of templated) {
          const param = (op.parameters ?? []).find((p: Json) => p.in === 'path' && p.name === name);
          expect(param, `${where} documents path parameter ${name}`).toMatchObject({
            required: true,
          });
        }
        for (const requirement of op.security ?? []) {
          for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme);
        }
      }
    }
    for (const ref of collectRefs(doc)) {
      expect(resolveRef(doc, ref), `${ref} resolves`).toBeDefined();
    }
  });

  it('lists every API route', () => {
    const expected: Array<[string, string]> = [
      ['post', '/api/auth/signup'],
      ['post', '/api/auth/login'],
      ['get', '/api/auth/me'],
      ['get', '/api/auth/me/avatar-url'],
      ['post', '/api/images/presign-upload'],
      ['post', '/api/images/presign-batch'],
      ['post', '/api/images'],
      ['get', '/api/images'],
      ['get', '/api/images/gallery'],
      ['get', '/api/images/signed-url'],
      ['post', '/api/images/bulk-delete'],
      ['get', '/api/images/{id}'],
      ['patch', '/api/images/{id}'],
      ['delete', '/api/images/{id}'],
      ['get', '/api/images/{id}/signed-url'],
      ['get', '/api/albums'],
      ['post', '/api/albums'],
      ['patch', '/api/albums/{id}'],
      ['delete', '/api/albums/{id}'],
      ['post', '/api/images/upload'],
      ['get', '/healthz'],
      ['get', '/readyz'],
    ];
    const missing = expected.filter(([method, path]) => !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
  });

  it('describes request bodies from the shared zod schemas', () => {
    const signup = bodySchema(doc, '/api/auth/signup', 'post');
    expect(signup.type).toBe('object');
    expect([...signup.required].sort()).toEqual(['email', 'password', 'username']);
    expect(signup.properties.password).toMatchObject({ type: 'string', minLength: 8 });
    expect(signup.properties.email).toMatchObject({ type: 'string', format: 'email' });
    expect(signup.properties).toHaveProperty('avatarKey');

    const login = bodySchema(doc, '/api/auth/login', 'post');
    expect([...login.required].sort()).toEqual(['email', 'password']);

    const presign = bodySchema(doc, '/api/images/presign-upload', 'post');
    expect(presign.required).toEqual(expect.arrayContaining(['filename', 'contentType', 'size']));
    expect(presign.properties.purpose.enum).toEqual(['image', 'thumbnail', 'avatar']);
    expect(presign.properties.contentType.enum).toContain('image/png');

    const batch = bodySchema(doc, '/api/images/presign-batch', 'post');
    expect(batch.properties.files).toMatchObject({ type: 'array', maxItems: 100 });

    const register = bodySchema(doc, '/api/images', 'post');
    expect(register.required).toEqual(
      expect.arrayContaining(['key', 'filename', 'contentType', 'size']),
    );

    const upload = bodySchema(doc, '/api/images/upload', 'post', 'multipart/form-data');
    expect(upload.required).toEqual(['image']);
    expect(upload.properties.image).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('documents the error shape and which routes need a bearer token', () => {
    const signup = doc.paths['/api/auth/signup'].post;
    const conflict = signup.responses['409'].content['application/json'].schema;
    const error = resolveRef(doc, conflict.$ref) as Json;
    expect(error.properties.error.required).toEqual(['code', 'message']);
    expect(error.properties.error.properties.code.enum).toContain('EMAIL_TAKEN');
    expect(signup.security).toEqual([]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/images'].get.security).toEqual([{ bearerAuth: [] }]);
  });
});
