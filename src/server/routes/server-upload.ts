// Multipart upload for clients that cannot presign: streamed to a temp file under a size cap,
// then processed, stored and registered by the same pipeline the desktop app uses.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idSchema, imageResponseSchema } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { currentViewer } from '../plugins/authenticate';
import type { Services } from '../services';
import { bearerAuth, errorResponses } from './schemas';

const fieldsSchema = z.object({
  albumId: idSchema.optional(),
  title: z.string().trim().max(200).optional(),
});

interface ReceivedUpload {
  path: string;
  filename: string;
  fields: z.infer<typeof fieldsSchema>;
}

async function receive(
  request: FastifyRequest,
  tmpDir: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let received: { path: string; filename: string } | undefined;
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
      received = { path: target, filename: path.basename(part.filename || 'image') };
      await pipeline(part.file, createWriteStream(target, { mode: 0o600 }));
    }
  } catch (error) {
    if (received) await fs.rm(received.path, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new CodedError(
        'FILE_TOO_LARGE',
        `The file is larger than ${(maxBytes / 1024 / 1024).toFixed(0)} MiB, the most this server accepts.`,
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
    throw new CodedError('VALIDATION_FAILED', `body.${issue.path.join('.')}: ${issue.message}`);
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
          tags: ['images'],
          summary:
            'Upload through the server (multipart field "image", optional albumId and title)',
          security: bearerAuth,
          consumes: ['multipart/form-data'],
          response: { 201: imageResponseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const viewer = currentViewer(request);
        const upload = await receive(request, tmpDir, maxUploadBytes);
        try {
          const image = await services.serverUploads.ingest(viewer.id, {
            path: upload.path,
            filename: upload.filename,
            albumId: upload.fields.albumId,
            title: upload.fields.title,
          });
          request.log.info({ imageId: image.id }, 'image uploaded through the server');
          return await reply.status(201).send({ image });
        } finally {
          await fs.rm(upload.path, { force: true });
        }
      },
    );
  });
}
