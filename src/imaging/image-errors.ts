// Every failure of the pipeline as a CodedError with a sentence a person can act on, and the
// translation of sharp/libvips errors, whose messages are internals and never reach a user.
import { CodedError } from '../shared/errors';
import type { SniffedType } from './types';

const SUPPORTED_LIST = 'JPEG, PNG, WebP, AVIF, HEIF, GIF or TIFF';

function fileSize(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Number((bytes / 2 ** 20).toFixed(1))} MB`;
  if (bytes >= 2 ** 10) return `${Number((bytes / 2 ** 10).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

function pixelCount(pixels: number): string {
  return pixels >= 1e6
    ? `${Number((pixels / 1e6).toFixed(1))} megapixels`
    : `${pixels.toLocaleString('en-US')} pixels`;
}

export const imageErrors = {
  unsupportedType: () =>
    new CodedError('UNSUPPORTED_TYPE', `This file is not a supported image (${SUPPORTED_LIST}).`),
  cameraRaw: () =>
    new CodedError(
      'UNSUPPORTED_TYPE',
      'This is a camera raw file, which this app does not read. Export it as JPEG or TIFF ' +
        'from your photo editor and try again.',
    ),
  heicNotReadable: (cause: unknown) =>
    new CodedError(
      'UNSUPPORTED_TYPE',
      'This HEIC photo uses a compression this app cannot read. Export it as JPEG and try again.',
      { cause },
    ),
  corrupt: (cause?: unknown) =>
    new CodedError('CORRUPT_IMAGE', 'The image is damaged or truncated and cannot be read.', {
      cause,
    }),
  emptyFile: () =>
    new CodedError('CORRUPT_IMAGE', 'The file is empty, so there is no image to read.'),
  tooManyPixels: (width: number, height: number, frames: number, limit: number) =>
    new CodedError(
      'IMAGE_TOO_LARGE',
      frames > 1
        ? `This animation has ${frames} frames of ${width} × ${height} pixels, more than the ` +
            `${pixelCount(limit)} it may have in total. Shorten or shrink it and try again.`
        : `The image is ${width} × ${height} pixels (${pixelCount(width * height)}), more than ` +
            `the limit of ${pixelCount(limit)}. Reduce its dimensions and try again.`,
    ),
  pixelLimit: (cause: unknown) =>
    new CodedError(
      'IMAGE_TOO_LARGE',
      'The image has more pixels than the allowed limit. Reduce its dimensions and try again.',
      { cause },
    ),
  fileTooLarge: (size: number, limit: number) =>
    new CodedError(
      'FILE_TOO_LARGE',
      // Rounded, a file just over the limit reads as "200 MB, more than the 200 MB limit".
      (fileSize(size) === fileSize(limit)
        ? `The file is just over the ${fileSize(limit)} limit. `
        : `The file is ${fileSize(size)}, more than the ${fileSize(limit)} limit. `) +
        'Save it smaller and try again.',
    ),
  notFound: (cause?: unknown) =>
    new CodedError(
      'FILE_NOT_FOUND',
      'The file was not found. Check that it was not moved, renamed or deleted.',
      { cause },
    ),
  // There is no dedicated code for an unreadable file; to the person it is as unavailable as
  // a missing one, and the message says what to fix.
  noPermission: (cause: unknown) =>
    new CodedError(
      'FILE_NOT_FOUND',
      'The file cannot be opened because permission was denied. Check that you can read it.',
      { cause },
    ),
  notAFile: () =>
    new CodedError('NOT_A_FILE', 'This is a folder or a special file, not an image file.'),
  specialFile: () =>
    new CodedError(
      'NOT_A_FILE',
      'This is a named pipe, socket or device, not an image file, so it was not read.',
    ),
  linkedFolder: () =>
    new CodedError(
      'NOT_A_FILE',
      'This is a link to a folder. Linked folders are not followed, so nothing in it was ' +
        'uploaded; add that folder itself.',
    ),
  brokenLink: (cause: unknown) =>
    new CodedError(
      'FILE_NOT_FOUND',
      'This is a link to a file that no longer exists. Upload the file itself, or fix the link.',
      { cause },
    ),
  linkLoop: (cause: unknown) =>
    new CodedError(
      'FILE_NOT_FOUND',
      'This link points back to itself in a loop, so there is no file behind it. Fix the link.',
      { cause },
    ),
  // Node reads names as UTF-8; a name written in another encoding (Latin-1 from an old zip or
  // disk) comes back altered and no longer opens.
  undecodableName: (cause: unknown) =>
    new CodedError(
      'FILE_NOT_FOUND',
      'The file name is not valid UTF-8 (it may come from an older system), so the file ' +
        'cannot be opened by that name. Rename it and try again.',
      { cause },
    ),
};

/** Errors from the file system while opening or reading an input file. */
export function translateFsError(error: unknown): CodedError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return imageErrors.notFound(error);
  if (code === 'EISDIR') return imageErrors.notAFile();
  if (code === 'EACCES' || code === 'EPERM') return imageErrors.noPermission(error);
  if (code === 'ELOOP') return imageErrors.linkLoop(error);
  return imageErrors.corrupt(error);
}

/**
 * sharp reports everything as a plain Error with a libvips message. The input was already
 * sniffed as an image we support, so an unrecognised failure means the data is damaged; the
 * original error stays attached as `cause` for logs.
 */
export function translateSharpError(error: unknown, source?: SniffedType): CodedError {
  if (error instanceof CodedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit|too large for the \w+ format/i.test(message)) {
    return imageErrors.pixelLimit(error);
  }
  if (/input file is missing/i.test(message)) return imageErrors.notFound(error);
  if (
    source?.mime === 'image/heif' &&
    /not been built in|unsupported codec|unsupported feature|no decoder/i.test(message)
  ) {
    return imageErrors.heicNotReadable(error);
  }
  return imageErrors.corrupt(error);
}
