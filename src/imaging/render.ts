// Builds and runs the sharp pipelines for the stored original and the WebP thumbnail of one
// image, from the file path (sharp streams it) or the upload buffer.
import type { OutputInfo, Sharp } from 'sharp';
import { sha256Hex } from './digest';
import type { ResolvedOptions } from './options';
import { FORMATS, encode, type WritableFormat } from './output-format';
import type { RenderPlan } from './plan';
import { sharp } from './sharp-instance';
import type { ProcessedVariant } from './types';

const THUMBNAIL_QUALITY = 75;

function openImage(input: string | Buffer, plan: RenderPlan, limit: number, animated: boolean) {
  // failOn 'error' rejects truncated and corrupt data (checked against PngSuite's x*.png and cut
  // JPEGs) but still accepts the harmless warnings many camera JPEGs trigger.
  const image = sharp(input, { failOn: 'error', limitInputPixels: limit, animated }).autoOrient();
  // Bringing the image to sRGB at load makes 16-bit images with an embedded (e.g. Display P3)
  // profile convert correctly; without it sharp drops their profile and keeps the raw values.
  // CMYK is the exception: sharp's output conversion through the embedded or built-in CMYK
  // profile is accurate, a load-time conversion is not.
  return plan.cmyk ? image : image.pipelineColourspace('srgb');
}

function fitInside(image: Sharp, edge: number): Sharp {
  return image.resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
}

function toVariant(
  data: Buffer,
  info: OutputInfo,
  format: WritableFormat,
  animated: boolean,
): ProcessedVariant {
  const { contentType, extension } = FORMATS[format];
  // An animation comes back as one tall strip of frames; report the size of one frame.
  const height = animated ? (info.pageHeight ?? info.height) : info.height;
  return {
    data,
    contentType,
    extension,
    width: info.width,
    height,
    size: data.length,
    sha256: sha256Hex(data),
  };
}

export async function renderOriginal(
  input: string | Buffer,
  plan: RenderPlan,
  options: ResolvedOptions,
): Promise<ProcessedVariant> {
  const edge = Math.min(options.maxEdge, FORMATS[plan.format].maxEdge);
  let image = fitInside(openImage(input, plan, options.maxInputPixels, plan.animated), edge);
  if (plan.flatten) image = image.flatten({ background: '#ffffff' });
  // sharp strips all metadata (EXIF with GPS and serials, XMP, IPTC) unless asked to keep some;
  // keepIccProfile keeps only the profile, withExif writes only the fields given.
  image = plan.keepIcc ? image.keepIccProfile() : image.toColourspace('srgb');
  if (plan.exif) image = image.withExif(plan.exif);
  const { data, info } = await encode(image, plan.format, options.quality).toBuffer({
    resolveWithObject: true,
  });
  return toVariant(data, info, plan.format, plan.animated);
}

/** Always a static, sRGB WebP of the first frame, the same way up as the original. */
export async function renderThumbnail(
  input: string | Buffer,
  plan: RenderPlan,
  options: ResolvedOptions,
): Promise<ProcessedVariant> {
  const image = fitInside(
    openImage(input, plan, options.maxInputPixels, false),
    options.thumbnailEdge,
  )
    .toColourspace('srgb')
    .webp({ quality: THUMBNAIL_QUALITY });
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return toVariant(data, info, 'webp', false);
}
