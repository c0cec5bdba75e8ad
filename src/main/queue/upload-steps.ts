// The steps one file goes through: process with sharp, presign, PUT, register. Each step is
// safe to repeat, which is what makes resuming after a pause, a 403 or a crash exact.
import path from 'node:path';
import { processImage, randomKeyPart, type ProcessedImage } from '../../imaging';
import type { PresignRequest } from '../../shared/api';
import { CodedError } from '../../shared/errors';
import { imageMediaTypeSchema } from '../../shared/media-types';
import type { Settings } from '../../shared/settings';
import { ApiError } from '../services/api-error';
import { putObject } from '../services/put-object';
import type { DurableItem, ItemOptions, ItemOutput } from './durable-item';
import type { SourceFile } from './source-file';
import { withRetry } from './retry';
import type { Variant, WorkerContext } from './worker-context';

/** A URL with less life left than this is presigned again rather than sent and refused. */
const EXPIRY_MARGIN_MS = 2_000;

export function pipelineOptions(settings: Settings): ItemOptions {
  const { maxEdge, format, quality, keepMetadata } = settings;
  return { maxEdge, format, quality, keepMetadata };
}

export function drawHints(): NonNullable<DurableItem['hints']> {
  return { original: randomKeyPart(), thumbnail: randomKeyPart() };
}

/** New keys next round. Whatever was stored under the old ones is never registered: the
 * server's orphan sweeper deletes such pending uploads after their expiry plus a grace period
 * (the client cannot delete objects it did not register). */
export function dropUpload(item: DurableItem): void {
  item.upload = null;
  if (item.hints) item.hints = drawHints();
}

export function urlStillValid(item: DurableItem): boolean {
  return item.upload !== null && Date.parse(item.upload.expiresAt) - Date.now() > EXPIRY_MARGIN_MS;
}

function toOutput(processed: ProcessedImage, sourceSha256: string): ItemOutput {
  const type = imageMediaTypeSchema.safeParse(processed.original.contentType);
  if (!type.success || processed.thumbnail.contentType !== 'image/webp') {
    throw new CodedError('UNSUPPORTED_TYPE', 'This image cannot be stored in a supported format.');
  }
  const { sha256, size, extension, width, height } = processed.original;
  const { takenAt, thumbhash } = processed;
  return {
    original: {
      sha256,
      size,
      contentType: type.data,
      extension,
      width,
      height,
      ...(takenAt ? { takenAt } : {}),
      thumbhash,
      sourceSha256,
    },
    thumbnail: { sha256: processed.thumbnail.sha256, size: processed.thumbnail.size },
  };
}

function sameOutput(a: ItemOutput, b: ItemOutput): boolean {
  return a.original.sha256 === b.original.sha256 && a.thumbnail.sha256 === b.thumbnail.sha256;
}

/** Runs sharp in a CPU slot on the source's bytes, read once by readSourceFile. */
export async function processStep(
  ctx: WorkerContext,
  item: DurableItem,
  source: SourceFile,
  signal: AbortSignal,
): Promise<ProcessedImage> {
  // Presigned keys promise exact bytes, so an item holding keys re-processes with the options
  // it was first processed with; otherwise the current settings apply.
  const options = item.upload && item.options ? item.options : pipelineOptions(ctx.settings());
  const processed = await ctx.cpu.add(
    async () => {
      signal.throwIfAborted();
      ctx.setState(item, 'processing');
      item.sourceSize = source.data.length;
      return processImage(source.data, { ...options, maxFileBytes: ctx.maxFileBytes });
    },
    { signal },
  );
  signal.throwIfAborted();
  const output = toOutput(processed, source.sha256);
  if (item.output && !sameOutput(item.output, output)) {
    // The file or the settings changed since: the old keys and the batch claim are for other
    // bytes. Start over with a fresh duplicate check.
    dropUpload(item);
    ctx.claims.release(item.id);
    item.hints = null;
  }
  item.options = options;
  item.output = output;
  ctx.persist(item);
  return processed;
}

/** The name the gallery shows: the source's name with the stored format's extension. */
export function uploadFilename(sourcePath: string, extension: string): string {
  const printable = [...path.parse(sourcePath).name].filter((c) => {
    const code = c.charCodeAt(0);
    return code >= 0x20 && code !== 0x7f;
  });
  // Cut by characters, not UTF-16 units, so an emoji at the cut is not split in half; no space
  // is left dangling before the extension.
  const base = [...printable.join('').trim()].slice(0, 240).join('').trimEnd() || 'image';
  return `${base}.${extension}`;
}

function presignFiles(item: DurableItem): PresignRequest[] {
  const output = item.output!;
  const hints = item.hints!;
  const filename = uploadFilename(item.path, output.original.extension);
  return [
    {
      filename,
      contentType: output.original.contentType,
      size: output.original.size,
      sha256: output.original.sha256,
      purpose: 'image',
      keyHint: hints.original,
    },
    {
      filename: uploadFilename(item.path, 'webp'),
      contentType: 'image/webp',
      size: output.thumbnail.size,
      sha256: output.thumbnail.sha256,
      purpose: 'thumbnail',
      keyHint: hints.thumbnail,
    },
  ];
}

/** Presigns through the batcher, then writes the keys to disk before any byte is sent. */
export async function presignStep(
  ctx: WorkerContext,
  item: DurableItem,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [original, thumbnail] = await ctx.presigner.request(presignFiles(item), signal);
      if (!original || !thumbnail)
        throw new ApiError('INTERNAL', 'The server presigned too few files.');
      item.upload = {
        key: original.key,
        thumbnailKey: thumbnail.key,
        // The earlier expiry of the two decides when both must be presigned again.
        expiresAt:
          original.expiresAt < thumbnail.expiresAt ? original.expiresAt : thumbnail.expiresAt,
        original: { url: original.url, headers: original.headers, sent: false },
        thumbnail: { url: thumbnail.url, headers: thumbnail.headers, sent: false },
      };
      break;
    } catch (error) {
      // Only after a crash: the hints were sent once already and the server never reissues a
      // key. Draw new ones; the keys issued the first time expire unused.
      if (error instanceof ApiError && error.code === 'KEY_ALREADY_USED' && attempt < 3) {
        item.hints = drawHints();
        continue;
      }
      throw error;
    }
  }
  // If the process dies mid-PUT, the restart must know these keys to register or re-send
  // them instead of uploading a second copy under new keys.
  ctx.flush(item);
}

/** PUTs whatever is not stored yet; 'resign' when the store refused the URL (expired). */
export async function putStep(
  ctx: WorkerContext,
  item: DurableItem,
  processed: ProcessedImage,
  signal: AbortSignal,
): Promise<'ok' | 'resign'> {
  if (!urlStillValid(item)) return 'resign';
  const upload = item.upload!;
  try {
    await ctx.network().add(
      async () => {
        for (const variant of ['original', 'thumbnail'] as const satisfies Variant[]) {
          if (upload[variant].sent) continue;
          await withRetry(
            () => {
              ctx.progress(item, variant, 0);
              return putObject(upload[variant], processed[variant].data, {
                signal,
                onProgress: (loaded) => ctx.progress(item, variant, loaded),
              });
            },
            ctx.retry,
            signal,
          );
          upload[variant].sent = true;
          ctx.progress(item, variant, 0);
          ctx.persist(item);
        }
      },
      { signal },
    );
    return 'ok';
  } catch (error) {
    if (error instanceof ApiError && error.code === 'AUTH_EXPIRED' && error.status === 403) {
      return 'resign';
    }
    throw error;
  }
}

export type RegisterResult =
  | { type: 'done'; imageId: string; key: string }
  /** The store does not have both objects: send them again (same keys while the URL lives). */
  | { type: 'missing'; error: ApiError }
  /** The server no longer knows the keys (expired and swept) or discarded the objects. */
  | { type: 'stale'; error: ApiError };

/**
 * One call registers the original and its thumbnail; a repeat returns the same image.
 * `wrapUp` (a cancel) lets the attempt in flight answer but stops retrying.
 */
export async function registerStep(
  ctx: WorkerContext,
  item: DurableItem,
  signals: { abort: AbortSignal; wrapUp: AbortSignal },
): Promise<RegisterResult> {
  const output = item.output!;
  const upload = item.upload!;
  const body = {
    key: upload.key,
    thumbnailKey: upload.thumbnailKey,
    filename: uploadFilename(item.path, output.original.extension),
    contentType: output.original.contentType,
    size: output.original.size,
    width: output.original.width,
    height: output.original.height,
    sha256: output.original.sha256,
    ...(output.original.takenAt ? { takenAt: output.original.takenAt } : {}),
    ...(output.original.thumbhash ? { thumbhash: output.original.thumbhash } : {}),
    ...(output.original.sourceSha256 ? { sourceSha256: output.original.sourceSha256 } : {}),
    ...(item.albumId ? { albumId: item.albumId } : {}),
  };
  let image: { id: string; key: string } | undefined;
  try {
    await withRetry(
      async () => {
        ({ image } = await ctx.api().register(body, signals.abort));
      },
      ctx.retry,
      AbortSignal.any([signals.abort, signals.wrapUp]),
    );
  } catch (error) {
    // An answer that arrived just as the retry loop was told to stop still counts.
    if (image) return { type: 'done', imageId: image.id, key: image.key };
    if (error instanceof ApiError && error.code === 'OBJECT_MISSING') {
      return { type: 'missing', error };
    }
    if (
      error instanceof ApiError &&
      (error.code === 'KEY_NOT_PRESIGNED' || error.code === 'OBJECT_MISMATCH')
    ) {
      return { type: 'stale', error };
    }
    throw error;
  }
  return { type: 'done', imageId: image!.id, key: image!.key };
}
