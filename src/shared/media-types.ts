// The image types every side accepts, and the file extension each is stored under.
import { z } from 'zod';

export const IMAGE_MEDIA_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heif': 'heic',
  'image/gif': 'gif',
  'image/tiff': 'tiff',
} as const;

export type ImageMediaType = keyof typeof IMAGE_MEDIA_TYPES;

export const imageMediaTypeSchema = z.enum(
  Object.keys(IMAGE_MEDIA_TYPES) as [ImageMediaType, ...ImageMediaType[]],
  { error: `must be one of ${Object.keys(IMAGE_MEDIA_TYPES).join(', ')}` },
);

export function extensionFor(type: ImageMediaType): string {
  return IMAGE_MEDIA_TYPES[type];
}
