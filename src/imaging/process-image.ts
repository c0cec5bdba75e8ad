// The pipeline's entry point: check and sniff the input, plan from the header, decode HEVC HEIF
// with libheif (sharp cannot), then render the original and the thumbnail. Every failure leaves
// as a CodedError.
import type { Metadata } from 'sharp';
import { readExifSummary } from './exif';
import { renderableInput } from './heif/hevc-input';
import { translateSharpError } from './image-errors';
import { resolveOptions } from './options';
import { thumbHashOf } from './placeholder';
import { planImage } from './plan';
import { renderOriginal, renderThumbnail } from './render';
import { sharp } from './sharp-instance';
import { sniffBuffer, sniffFile } from './sniff-file';
import { takenAtFromExif } from './taken-at';
import type { PipelineOptions, ProcessedImage, SniffedType } from './types';

/** Reads only the header: dimensions, frames, colour space, profile and EXIF. */
function readHeader(input: string | Buffer): Promise<Metadata> {
  // No pixel limit here: nothing is decoded yet, and planImage refuses oversized images with
  // their real dimensions in the message.
  return sharp(input, { failOn: 'error', limitInputPixels: false }).metadata();
}

export async function processImage(
  input: string | Buffer,
  options?: PipelineOptions,
): Promise<ProcessedImage> {
  const resolved = resolveOptions(options);
  const sourceType: SniffedType =
    typeof input === 'string' ? await sniffFile(input, resolved) : sniffBuffer(input, resolved);
  try {
    const header = await readHeader(input);
    // Refuses pixel bombs from the header, before anything (libheif included) decodes them.
    const plan = planImage(header, sourceType, resolved);
    const pixels = await renderableInput(input, header, resolved);
    // One image at a time: running both pipelines together would double peak memory per image,
    // and the upload queue already runs several images in parallel.
    const original = await renderOriginal(pixels, plan, resolved);
    const thumbnail = await renderThumbnail(pixels, plan, resolved);
    const takenAt = takenAtFromExif(readExifSummary(header.exif));
    return {
      original,
      thumbnail,
      thumbhash: await thumbHashOf(thumbnail.data),
      sourceType,
      animated: plan.animated,
      ...(takenAt ? { takenAt } : {}),
    };
  } catch (error) {
    throw translateSharpError(error, sourceType);
  }
}
