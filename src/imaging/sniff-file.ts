// Checks an input (file path or in-memory upload) before any decoding: it exists, is a regular
// file, is within the size cap and starts with the bytes of a supported image.
import { open, stat } from 'node:fs/promises';
import { isCameraRaw } from './camera-raw';
import { notAFile, unreachable } from './file-problems';
import { imageErrors, translateFsError } from './image-errors';
import { SNIFF_BYTES, looksLikeDamagedPng, sniffImageType } from './sniff';
import type { SniffedType } from './types';

export const DEFAULT_MAX_FILE_BYTES = 200 * 2 ** 20;

export interface SniffLimits {
  maxFileBytes?: number;
}

function typeOrThrow(head: Buffer): SniffedType {
  if (head.length === 0) throw imageErrors.emptyFile();
  const type = sniffImageType(head);
  if (type) return type;
  if (isCameraRaw(head)) throw imageErrors.cameraRaw();
  throw looksLikeDamagedPng(head) ? imageErrors.corrupt() : imageErrors.unsupportedType();
}

function checkSize(size: number, maxFileBytes: number): void {
  if (size > maxFileBytes) throw imageErrors.fileTooLarge(size, maxFileBytes);
}

export async function sniffFile(file: string, limits: SniffLimits = {}): Promise<SniffedType> {
  const maxFileBytes = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  // stat before open: opening a FIFO or device for reading can block forever.
  const info = await stat(file).catch(async (error: unknown) => {
    throw await unreachable(file, error);
  });
  if (!info.isFile()) throw await notAFile(file, info);
  checkSize(info.size, maxFileBytes);

  const handle = await open(file, 'r').catch((error: unknown) => {
    throw translateFsError(error);
  });
  const head = Buffer.alloc(SNIFF_BYTES);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0));
  } catch (error) {
    throw translateFsError(error);
  } finally {
    await handle.close();
  }
  return typeOrThrow(head.subarray(0, bytesRead));
}

/** The same checks for an upload that is already in memory. */
export function sniffBuffer(data: Buffer, limits: SniffLimits = {}): SniffedType {
  checkSize(data.length, limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  return typeOrThrow(data.subarray(0, SNIFF_BYTES));
}
