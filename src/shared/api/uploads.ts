// Contracts for presigned uploads: the client asks, the server decides the key and signs a PUT.
import { z } from 'zod';
import { imageMediaTypeSchema } from '../media-types';
import { filenameSchema, isoDateSchema, keyHintSchema, sha256Schema } from './common';

export const uploadPurposeSchema = z.enum(['image', 'thumbnail', 'avatar']);
export type UploadPurpose = z.infer<typeof uploadPurposeSchema>;

export const presignRequestSchema = z.object({
  filename: filenameSchema,
  contentType: imageMediaTypeSchema,
  size: z.number().int().positive('must be a positive number of bytes'),
  sha256: sha256Schema.optional(),
  purpose: uploadPurposeSchema.default('image'),
  keyHint: keyHintSchema.optional(),
});
export type PresignRequest = z.input<typeof presignRequestSchema>;

export const presignResponseSchema = z.object({
  key: z.string(),
  url: z.url(),
  method: z.literal('PUT'),
  /** Exactly the headers the client must send with the PUT, no more, no fewer. */
  headers: z.record(z.string(), z.string()),
  expiresAt: isoDateSchema,
});
export type PresignResponse = z.infer<typeof presignResponseSchema>;

export const MAX_PRESIGN_BATCH = 100;
export const presignBatchRequestSchema = z.object({
  files: z
    .array(presignRequestSchema)
    .min(1, 'must contain at least one file')
    .max(MAX_PRESIGN_BATCH, `must contain at most ${MAX_PRESIGN_BATCH} files`),
});
export type PresignBatchRequest = z.input<typeof presignBatchRequestSchema>;

export const presignBatchResponseSchema = z.object({ uploads: z.array(presignResponseSchema) });
export type PresignBatchResponse = z.infer<typeof presignBatchResponseSchema>;

export const signedUrlResponseSchema = z.object({ url: z.url(), expiresAt: isoDateSchema });
export type SignedUrlResponse = z.infer<typeof signedUrlResponseSchema>;
