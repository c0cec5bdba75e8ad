// Chooses what sharp renders from. sharp decodes every supported format itself, AVIF and
// AV1-coded HEIF included, except HEVC-coded HEIF (iPhone HEIC): its prebuilt libvips has no
// HEVC decoder. Those are decoded with libheif-js (which has HEVC and nothing else) into an
// uncompressed TIFF that carries the container's ICC profile (Display P3 on iPhones), so the
// usual conversion to sRGB applies.
//
// Which decoder gets a HEIF file: sharp's header names only its brand ('av1' for AVIF brands,
// 'hevc' for every other HEIF, even AV1 in a generic 'mif1' file), so AVIF brands go to sharp,
// and the rest to libheif-js, whose own verdict decides: when it says the codec is not built in,
// the file goes to sharp after all (a failed attempt costs a parse, a few milliseconds).
import { readFile } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { isCodedError } from '../../shared/errors';
import { iccColourSpace } from '../icc';
import { imageErrors, translateFsError } from '../image-errors';
import type { ResolvedOptions } from '../options';
import { decodeHevcPrimary } from './decode-hevc';
import { allocateRgbTiff } from './rgb-tiff';

function mayBeHevc(header: Metadata): boolean {
  return header.format === 'heif' && header.compression !== 'av1';
}

async function readWhole(file: string, maxFileBytes: number): Promise<Buffer> {
  const data = await readFile(file).catch((error: unknown) => {
    throw translateFsError(error);
  });
  // Sniffing checked the size, but the file may have grown since.
  if (data.length > maxFileBytes) throw imageErrors.fileTooLarge(data.length, maxFileBytes);
  return data;
}

/** The input itself, or for HEVC-coded HEIF its primary image as a TIFF in memory. */
export async function renderableInput(
  input: string | Buffer,
  header: Metadata,
  options: ResolvedOptions,
): Promise<string | Buffer> {
  if (!mayBeHevc(header)) return input;
  const data = typeof input === 'string' ? await readWhole(input, options.maxFileBytes) : input;
  // Only an RGB profile describes RGB pixels; any other is dropped and sRGB assumed.
  const icc = iccColourSpace(header.icc) === 'RGB ' ? header.icc : undefined;
  try {
    return await decodeHevcPrimary(data, options.maxInputPixels, ({ width, height, channels }) =>
      allocateRgbTiff(width, height, channels, icc),
    );
  } catch (error) {
    // libheif-js lacks this codec (AV1, for one): sharp may have it, and says so if not.
    if (isCodedError(error) && error.code === 'UNSUPPORTED_TYPE') return input;
    throw error;
  }
}
