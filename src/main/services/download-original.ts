// "Download original" in the desktop app: ask where to save (the caller's dialog), then stream
// the stored original through a signed URL into that file. Plain Node, so tests run it as is.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { CodedError } from '../../shared/errors';
import type { ApiClient } from './api-client';

type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export async function downloadOriginal(
  api: Pick<ApiClient, 'getImage' | 'signedUrls'>,
  chooseSavePath: ChooseSavePath,
  id: string,
): Promise<{ saved: boolean; path: string | null }> {
  // The name comes from the server's record, not the renderer.
  const { image } = await api.getImage(id);
  const destination = await chooseSavePath(image.filename);
  if (!destination) return { saved: false, path: null };
  const { urls } = await api.signedUrls([id], 'original');
  const signed = urls[id];
  if (!signed) throw new CodedError('NOT_FOUND', 'This image is no longer in the gallery.');
  await downloadToFile(signed.url, destination);
  return { saved: true, path: destination };
}

/**
 * Streams `url` into `destination` through a temporary file beside it, renamed at the end, so a
 * failed or interrupted download never leaves half a file under the chosen name (nor replaces
 * a file that was there). Returns the bytes written.
 */
export async function downloadToFile(url: string, destination: string): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new CodedError(
      'NETWORK_ERROR',
      'The original could not be downloaded: storage did not answer. Check the connection and try again.',
      { cause: error },
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new CodedError(
      'STORAGE_UNAVAILABLE',
      `The original could not be downloaded: storage answered ${response.status}. Try again; if it keeps failing, tell your administrator.`,
    );
  }
  const temporary = path.join(
    path.dirname(destination),
    `.${path.basename(destination)}.${randomBytes(4).toString('hex')}.part`,
  );
  let bytes = 0;
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream);
    body.on('data', (chunk: Buffer) => (bytes += chunk.length));
    await pipeline(body, fs.createWriteStream(temporary, { flags: 'wx' }));
    await fs.promises.rename(temporary, destination);
    return bytes;
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw new CodedError(
      'NETWORK_ERROR',
      `The original could not be saved to ${destination}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
