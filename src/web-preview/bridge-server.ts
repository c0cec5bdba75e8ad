// The browser preview's HTTP side, on 127.0.0.1 only: the built renderer as static files (with
// the app's CSP), the one-time token link, and /bridge/*, which speaks the IPC contract (invoke,
// events, previews) plus file staging. Every /bridge/* request passes bridge-auth first.
import fs from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { CodedError } from '../shared/errors';
import { contentSecurityPolicy } from '../main/content-security-policy';
import type { IpcRouter } from '../main/ipc/router';
import { toHttpError } from '../server/plugins/error-handler';
import { createBridgeAuth, sendForbidden, TOKEN_HEADER, type BridgeAuth } from './bridge-auth';
import type { EventHub } from './event-hub';
import { checkStagedPaths } from './staged-paths';
import { MAX_STAGED_FILE_BYTES, MAX_STAGED_FILES, type StagingArea } from './staging';

export interface BridgeServerOptions {
  /** 0 picks a free port. */
  port: number;
  token: string;
  rendererDir: string;
  router: IpcRouter;
  hub: EventHub;
  staging: StagingArea;
  preview(itemId: string): Promise<Buffer | undefined>;
  /** Origins images may come from (the backend's store), for the page's CSP. */
  imageOrigins?: () => readonly string[];
  logLevel?: string;
  limits?: { fileBytes?: number; files?: number };
}

export interface BridgeServer {
  app: FastifyInstance;
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

/** queue:add with 10,000 long paths is the largest IPC message. */
const INVOKE_BODY_LIMIT = 64 * 2 ** 20;
const FIELD_BYTES = 8 * 1024;

const pathname = (request: FastifyRequest) => request.url.split('?')[0]!;

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  if (!fs.existsSync(`${options.rendererDir}/index.html`)) {
    throw new Error(
      `No built renderer in ${options.rendererDir} (index.html is missing). Run \`npm run web\` without WEB_SKIP_BUILD, or point WEB_RENDERER_DIR at a built renderer.`,
    );
  }
  const fileBytes = options.limits?.fileBytes ?? MAX_STAGED_FILE_BYTES;
  const maxFiles = options.limits?.files ?? MAX_STAGED_FILES;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'warn',
      base: { scope: 'web-preview' },
      redact: { paths: ['req.headers.cookie', `req.headers["${TOKEN_HEADER}"]`], censor: '[x]' },
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: req.url.replace(/token=[^&]*/g, 'token=[redacted]'),
        }),
      },
    },
    bodyLimit: INVOKE_BODY_LIMIT,
    forceCloseConnections: true,
  });
  app.removeContentTypeParser('text/plain');
  // Known once listening (port 0 picks one); until then every bridge request is refused.
  let auth: BridgeAuth | undefined = undefined;

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
    const path = pathname(request);
    if (path === '/' && request.url.includes('token=')) {
      const given = new URLSearchParams(request.url.split('?')[1]).get('token') ?? undefined;
      if (!auth?.isToken(given))
        return sendForbidden(reply, 'This link is not valid for this run of the web preview.');
      return reply
        .code(302)
        .header('set-cookie', auth.cookie())
        .header('cache-control', 'no-store')
        .header('location', '/')
        .send();
    }
    if (path.startsWith('/bridge/')) {
      const refusal = auth ? auth.refusal(request) : 'The bridge is starting.';
      if (refusal) return sendForbidden(reply, refusal);
      void reply.header('cache-control', 'no-store');
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, request);
    if (http.status >= 500) request.log.error({ err: error }, 'bridge request failed');
    void reply.status(http.status).send({ error: { code: http.code, message: http.message } });
  });

  await app.register(fastifyMultipart, {
    // Folder drops may name a file "holiday/day1/a.jpg"; staging sanitizes whatever arrives.
    preservePath: true,
    limits: {
      fileSize: fileBytes,
      files: maxFiles,
      fields: maxFiles,
      parts: maxFiles * 2,
      fieldSize: FIELD_BYTES,
    },
  });
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    index: 'index.html',
    setHeaders: (reply) => {
      reply.header(
        'content-security-policy',
        contentSecurityPolicy(options.imageOrigins?.() ?? []),
      );
      reply.header('cache-control', 'no-cache');
    },
  });

  // Browsers ask for it unprompted; a 404 would be noise in every page's console.
  const favicon = fs.existsSync(`${options.rendererDir}/favicon.ico`);
  app.get('/favicon.ico', (_request, reply) =>
    favicon ? reply.sendFile('favicon.ico') : reply.code(204).send(),
  );

  app.post<{ Params: { channel: string }; Body: unknown }>(
    '/bridge/invoke/:channel',
    async (request, reply) => {
      const body = request.body;
      if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)))
        throw new CodedError('VALIDATION_FAILED', 'Send a JSON object such as {"args": ...}.');
      const { channel } = request.params;
      const args = (body as { args?: unknown } | undefined)?.args;
      const envelope =
        checkStagedPaths(channel, args, options.staging) ??
        (await options.router.dispatch(channel, args));
      // Read after the answer was made: every event emitted before it has a number up to this.
      return reply.header('x-bridge-seq', String(options.hub.seq)).send(envelope);
    },
  );

  app.get('/bridge/events', (request, reply) => {
    reply.hijack();
    options.hub.attach(reply.raw);
  });

  app.get<{ Params: { itemId: string } }>('/bridge/preview/:itemId', async (request, reply) => {
    const image = await options.preview(request.params.itemId);
    if (!image) throw new CodedError('NOT_FOUND', 'No preview: that file is not in the queue.');
    return reply.type('image/webp').header('cache-control', 'private, max-age=3600').send(image);
  });

  app.post('/bridge/stage', async (request) => {
    if (!request.isMultipart())
      throw new CodedError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the files as multipart/form-data, each optionally preceded by a "relativePath" field.',
      );
    const batch = await options.staging.batch();
    try {
      let relativePath: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'relativePath') relativePath = String(part.value);
          continue;
        }
        await batch.write(relativePath ?? part.filename ?? '', part.file);
        relativePath = undefined;
        if (part.file.truncated)
          throw new CodedError(
            'FILE_TOO_LARGE',
            `${part.filename} is larger than ${Math.floor(fileBytes / 2 ** 20)} MiB, the most the preview stages.`,
          );
      }
      if (batch.paths.length === 0)
        throw new CodedError('VALIDATION_FAILED', 'The request carried no files to stage.');
      return { paths: batch.paths };
    } catch (error) {
      await batch.discard();
      if ((error as { code?: string }).code === 'FST_FILES_LIMIT')
        throw new CodedError(
          'PAYLOAD_TOO_LARGE',
          `At most ${maxFiles} files can be staged in one request.`,
        );
      throw error;
    }
  });

  const address = await app.listen({ port: options.port, host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  auth = createBridgeAuth(options.token, port);
  return {
    app,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      options.hub.close();
      await app.close();
    },
  };
}
