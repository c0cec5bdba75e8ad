// What crosses the worker boundary: the task, and an answer that keeps a coded error's code
// (structured cloning keeps only an Error's name and message).
import type { ErrorCode } from '../../shared/errors';
import type { PipelineOptions, ProcessedImage } from '../types';

export interface ImageTask {
  /** A file path, or the bytes themselves. */
  input: string | Uint8Array;
  options?: PipelineOptions;
}

export type ImageTaskAnswer =
  { ok: true; image: ProcessedImage } | { ok: false; code: ErrorCode; message: string };
