// Decides, from the header alone, how an image will be rendered: output format, whether its
// animation is kept, how colour is handled and which metadata survives; refuses pixel bombs
// before anything is decoded.
import type { Metadata } from 'sharp';
import { readExifSummary } from './exif';
import { iccColourSpace } from './icc';
import { imageErrors } from './image-errors';
import type { ResolvedOptions } from './options';
import { FORMATS, chooseFormat, type WritableFormat } from './output-format';
import type { SniffedType } from './types';

export interface RenderPlan {
  format: WritableFormat;
  /** Keep every frame (animated GIF/WebP written as GIF/WebP). */
  animated: boolean;
  /** CMYK sources are converted by sharp's output step, which honours their profile. */
  cmyk: boolean;
  /** Keep the source's RGB ICC profile (keepMetadata) instead of converting to sRGB. */
  keepIcc: boolean;
  /** The only EXIF written: Artist and Copyright, when keepMetadata asks for them. */
  exif?: { IFD0: Record<string, string> };
  /** JPEG has no alpha: transparent areas become white instead of black. */
  flatten: boolean;
}

function keptExif(meta: Metadata): RenderPlan['exif'] {
  const { artist, copyright } = readExifSummary(meta.exif);
  const fields: Record<string, string> = {};
  if (artist) fields.Artist = artist;
  if (copyright) fields.Copyright = copyright;
  return Object.keys(fields).length > 0 ? { IFD0: fields } : undefined;
}

export function planImage(
  meta: Metadata,
  source: SniffedType,
  options: ResolvedOptions,
): RenderPlan {
  const format = chooseFormat(options.format, source);
  const frames = meta.pages ?? 1;
  // Animation policy: an animated GIF or WebP stays animated when the output format can hold
  // frames (GIF, WebP); converting to JPEG or AVIF keeps the first frame. Multi-page TIFF and
  // HEIF sequences always keep their first (primary) image.
  const animatedSource = source.mime === 'image/gif' || source.mime === 'image/webp';
  const animated = animatedSource && frames > 1 && FORMATS[format].animates;

  // A kept animation is decoded whole, so its pixel budget covers every frame.
  const decodedFrames = animated ? frames : 1;
  if (meta.width * meta.height * decodedFrames > options.maxInputPixels) {
    throw imageErrors.tooManyPixels(meta.width, meta.height, decodedFrames, options.maxInputPixels);
  }

  const cmyk = meta.space === 'cmyk';
  return {
    format,
    animated,
    cmyk,
    keepIcc: options.keepMetadata && !cmyk && iccColourSpace(meta.icc) === 'RGB ',
    exif: options.keepMetadata ? keptExif(meta) : undefined,
    flatten: format === 'jpeg' && meta.hasAlpha === true,
  };
}
