// Validates pipeline options and fills in defaults. Options may come from a settings file or a
// request, so a bad value is reported as a sentence instead of reaching the encoder.
import { z } from 'zod';
import { CodedError } from '../shared/errors';
import { DEFAULT_MAX_FILE_BYTES } from './sniff-file';
import type { PipelineOptions } from './types';

function wholeNumber(label: string, min: number, max: number) {
  const error = `${label} must be a whole number from ${min} to ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

// 65535 is the largest edge JPEG and GIF can store; WebP and AVIF are capped further per format.
export const pipelineOptionsSchema = z.object({
  maxEdge: wholeNumber('The maximum size', 1, 65535).default(2560),
  format: z
    .enum(['original', 'jpeg', 'webp', 'avif'], {
      error: 'The output format must be original, jpeg, webp or avif',
    })
    .default('original'),
  quality: wholeNumber('The quality', 1, 100).default(82),
  keepMetadata: z.boolean({ error: 'Keep metadata must be true or false' }).default(false),
  thumbnailEdge: wholeNumber('The thumbnail size', 1, 16383).default(400),
  maxInputPixels: wholeNumber('The pixel limit', 1, Number.MAX_SAFE_INTEGER).default(100_000_000),
  maxFileBytes: wholeNumber('The file size limit', 1, Number.MAX_SAFE_INTEGER).default(
    DEFAULT_MAX_FILE_BYTES,
  ),
});

export type ResolvedOptions = z.output<typeof pipelineOptionsSchema>;

export function resolveOptions(options: PipelineOptions = {}): ResolvedOptions {
  const parsed = pipelineOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const reason = parsed.error.issues[0]?.message ?? 'a value is not valid';
  throw new CodedError('VALIDATION_FAILED', `The image settings are invalid: ${reason}.`);
}
