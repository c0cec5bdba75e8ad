// A bounded pool of worker threads for image work. sharp decodes on Node's shared libuv thread
// pool, which also runs password hashing and file I/O: unbounded image work there starves every
// other request (four large animated GIFs froze sign-in for most of a minute). The pool runs at
// most `threads` images at once, queues up to `maxQueue` more, and refuses the rest with
// SERVER_BUSY; a task that throws costs its image, not the process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { CodedError } from '../../shared/errors';
import { defaultImageThreads } from '../concurrency';
import type { PipelineOptions, ProcessedImage } from '../types';
import type { ImageTask, ImageTaskAnswer } from './image-task';

export interface ImagePool {
  process(input: string | Buffer, options?: PipelineOptions): Promise<ProcessedImage>;
  close(): Promise<void>;
}

export interface ImagePoolOptions {
  /** Images processed at once. Default: defaultImageThreads() (a core and a libuv thread spare). */
  threads?: number;
  /** Images waiting beyond those; more are refused with SERVER_BUSY. Default 4 per thread. */
  maxQueue?: number;
  /** A worker that failed outside any task (it could not start, for one). */
  onWorkerError?: (error: unknown) => void;
}

/** The compiled worker next to a bundle, or the TypeScript one through tsx from sources. */
function workerFilename(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? path.join(path.dirname(here), 'image-worker-dev.mjs')
    : path.join(path.dirname(here), 'image-worker.js');
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function createImagePool(options: ImagePoolOptions = {}): ImagePool {
  const threads = options.threads ?? defaultImageThreads();
  const pool = new Piscina<ImageTask, ImageTaskAnswer>({
    filename: workerFilename(),
    minThreads: 1,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    maxQueue: options.maxQueue ?? threads * 4,
    // A worker left idle gives its memory back (decoded images are large).
    idleTimeout: 30_000,
  });
  // Unhandled, Piscina's 'error' event would end the process; a task's own failure reaches its
  // caller instead.
  pool.on('error', (error: unknown) => options.onWorkerError?.(error));
  return {
    async process(input, pipelineOptions) {
      let answer: ImageTaskAnswer;
      try {
        answer = await pool.run({
          input: typeof input === 'string' ? input : new Uint8Array(input),
          options: pipelineOptions,
        });
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message)) {
          throw new CodedError(
            'SERVER_BUSY',
            'The server is processing many images right now. Try again in a minute.',
            { cause: error },
          );
        }
        throw error;
      }
      if (!answer.ok) throw new CodedError(answer.code, answer.message);
      // Structured cloning turns Buffers into plain Uint8Arrays: views, not copies, make them
      // Buffers again.
      const { original, thumbnail } = answer.image;
      return {
        ...answer.image,
        original: { ...original, data: asBuffer(original.data) },
        thumbnail: { ...thumbnail, data: asBuffer(thumbnail.data) },
      };
    },
    close: () => pool.close(),
  };
}
