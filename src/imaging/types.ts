// Public types of the image pipeline, shared by the server upload route, the desktop queue and
// the CLI; kept free of sharp types so callers do not depend on the decoder.

export const SUPPORTED_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/heif',
  'image/gif',
  'image/tiff',
] as const;

export type ImageMime = (typeof SUPPORTED_MIME_TYPES)[number];

export interface SniffedType {
  mime: ImageMime;
  extension: string;
}

export type OutputFormat = 'original' | 'jpeg' | 'webp' | 'avif';

export interface PipelineOptions {
  /** Longest edge of the stored image; fit inside, never enlarged. Default 2560. */
  maxEdge?: number;
  /** Default 'original': keep the input format when we can write it (HEIF becomes JPEG). */
  format?: OutputFormat;
  /** Encoder quality 1-100 for JPEG, WebP and AVIF. Default 82. */
  quality?: number;
  /** Default false strips all metadata. true keeps an RGB ICC profile plus EXIF Artist and
   * Copyright only; GPS, camera serials, XMP and IPTC are always dropped. */
  keepMetadata?: boolean;
  /** Longest edge of the WebP thumbnail. Default 400. */
  thumbnailEdge?: number;
  /** Refuse images with more pixels than this (all frames of a kept animation). Default 100 M. */
  maxInputPixels?: number;
  /** Refuse files larger than this. Default 200 MiB. */
  maxFileBytes?: number;
}

export interface ProcessedVariant {
  data: Buffer;
  contentType: string;
  extension: string;
  /** Display size of one frame, after orientation. */
  width: number;
  height: number;
  size: number;
  /** Lowercase hex SHA-256 of `data`. */
  sha256: string;
}

export interface ProcessedImage {
  original: ProcessedVariant;
  thumbnail: ProcessedVariant;
  sourceType: SniffedType;
  /** True when the stored original keeps more than one frame. */
  animated: boolean;
  /** When the photo was taken (EXIF DateTimeOriginal with OffsetTimeOriginal), in the API's
   * ISO 8601 form; undefined when the file does not say. */
  takenAt?: string;
  /** ThumbHash of the oriented image (base64), the gallery's placeholder. */
  thumbhash: string;
}
