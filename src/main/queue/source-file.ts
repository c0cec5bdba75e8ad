// Reads a dropped file once, hashing its bytes as they arrive: the SHA-256 of the source (what
// the source lookup asks the server about) and the bytes the pipeline then works on, so the
// file is not read a second time. Only the 4 KiB sniffed first are read twice: that check
// refuses a non-image, a directory or an oversized file before anything larger is read.
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sniffFile } from '../../imaging';
import { imageErrors, translateFsError } from '../../imaging/image-errors';
import { CodedError } from '../../shared/errors';

export interface SourceFile {
  data: Buffer;
  sha256: string;
}

export async function readSourceFile(
  file: string,
  maxFileBytes: number,
  signal: AbortSignal,
): Promise<SourceFile> {
  await sniffFile(file, { maxFileBytes });
  const hash = crypto.createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of createReadStream(file, { signal }) as AsyncIterable<Buffer>) {
      size += chunk.length;
      // The file grew since it was checked: refuse it as the check would have.
      if (size > maxFileBytes) throw imageErrors.fileTooLarge(size, maxFileBytes);
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    // Anything the file system says (EACCES, EIO, ...) reads as the pipeline words it.
    throw error instanceof CodedError ? error : translateFsError(error);
  }
  return { data: Buffer.concat(chunks, size), sha256: hash.digest('hex') };
}
