// Multipart upload for clients that cannot presign: streamed to a temp file under a size cap,
// then processed, stored and registered by the same pipeline the desktop app uses.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema, imageResponseSchema, imageTitleSchema } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { errorResponses } from '../openapi/error-responses';
import { operation } from '../openapi/operation';

const fieldsSchema = z.object({
  albumId: idSchema.optional(),
  // The same rules as a title set anywhere else (no control characters or direction overrides).
  title: imageTitleSchema.optional(),
});

interface ReceivedUpload {
  path: string;
  filename: string;
  sourceSha256: string;
  fields: z.infer<typeof fieldsSchema>;
}

/** "50 MiB", "1.5 MiB", "48.8 KiB": a limit below 1 MiB must not read as "0 MiB". */
function formatLimit(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MiB'] : [bytes / 1024, 'KiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/** The name as the image's filename: no directories or control characters, at most 255. */
function cleanFilename(raw: string | undefined): string {
  const base = path.basename((raw ?? '').replace(/\\/g, '/'));
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'image';
}

async function receive(
  request: FastifyRequest,
  tmpDir: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let received: { path: string; filename: string; sourceSha256: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'image' || received) {
        part.file.resume();
        continue;
      }
      const target = path.join(tmpDir, crypto.randomUUID());
      received = { path: target, filename: cleanFilename(part.filename), sourceSha256: '' };
      const out = createWriteStream(target, { mode: 0o600 });
      // Hashed on the way to disk: the source lookup needs the file's own SHA-256, and reading
      // the temporary file again for it would cost a second pass over up to 50 MiB.
      const hash = crypto.createHash('sha256');
      try {
        await pipeline(
          part.file,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              hash.update(chunk);
              yield chunk;
            }
          },
          out,
        );
        received.sourceSha256 = hash.digest('hex');
      } catch (error) {
        // The file may still be opening; removing it before it closes could leave it behind.
        if (!out.closed) await once(out, 'close');
        throw error;
      }
    }
  } catch (error) {
    if (received) await fs.rm(received.path, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new CodedError(
        'FILE_TOO_LARGE',
        `The file is larger than ${formatLimit(maxBytes)}, the most this server accepts. Save it smaller and try again.`,
      );
    }
    throw error;
  }
  if (!received) {
    throw new CodedError(
      'VALIDATION_FAILED',
      'Send the image file in the multipart field "image".',
    );
  }
  const parsed = fieldsSchema.safeParse(fields);
  if (!parsed.success) {
    await fs.rm(received.path, { force: true });
    const issue = parsed.error.issues[0]!;
    // Worded as the JSON routes word their validation errors.
    throw new CodedError(
      'VALIDATION_FAILED',
      `The form is not valid: "${issue.path.join('.')}" ${issue.message}.`,
    );
  }
  return { ...received, fields: parsed.data };
}

export async function setupServerUploadRoute(
  app: FastifyInstance,
  services: Services,
): Promise<void> {
  const { maxUploadBytes, dataDir } = services.config;
  const tmpDir = path.join(dataDir, 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });

  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 10, fieldSize: 4096, parts: 20 },
    });
    scope.post(
      '/api/images/upload',
      {
        onRequest: app.requireAuth,
        schema: {
          ...operation({
            id: 'uploadImage',
            summary:
              'Upload through the server (multipart field "image", optional albumId and title)',
            tag: 'images',
            access: 'bearer',
          }),
          consumes: ['multipart/form-data'],
          response: {
            201: imageResponseSchema,
            ...errorResponses(400, 401, 404, 413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const viewer = currentViewer(request);
        const upload = await receive(request, tmpDir, maxUploadBytes);
        let image;
        try {
          image = await services.serverUploads.ingest(viewer.id, {
            path: upload.path,
            filename: upload.filename,
            sourceSha256: upload.sourceSha256,
            albumId: upload.fields.albumId,
            title: upload.fields.title,
          });
        } finally {
          // Before answering, so a client that sees the answer sees the temp file gone too.
          await fs.rm(upload.path, { force: true });
        }
        request.log.info({ imageId: image.id }, 'image uploaded through the server');
        return reply.status(201).send({ image });
      },
    );
  });
}
