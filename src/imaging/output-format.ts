// The formats the pipeline writes: which one a source is stored as, their content types and
// limits, and the encoder settings for each.
import type { Sharp } from 'sharp';
import type { OutputFormat, SniffedType } from './types';

export type WritableFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff';

interface FormatInfo {
  contentType: string;
  extension: string;
  /** Largest edge the encoder accepts; the resize target is clamped to it. */
  maxEdge: number;
  /** Whether sharp can write several frames in this format. */
  animates: boolean;
}

export const FORMATS: Record<WritableFormat, FormatInfo> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', maxEdge: 65535, animates: false },
  png: { contentType: 'image/png', extension: 'png', maxEdge: 65535, animates: false },
  webp: { contentType: 'image/webp', extension: 'webp', maxEdge: 16383, animates: true },
  avif: { contentType: 'image/avif', extension: 'avif', maxEdge: 16384, animates: false },
  gif: { contentType: 'image/gif', extension: 'gif', maxEdge: 65535, animates: true },
  tiff: { contentType: 'image/tiff', extension: 'tiff', maxEdge: 65535, animates: false },
};

const ORIGINAL_FORMAT: Record<SniffedType['mime'], WritableFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  // Browsers outside Apple's barely show HEIF, and sharp's bundled libheif cannot write HEVC.
  'image/heif': 'jpeg',
  'image/gif': 'gif',
  'image/tiff': 'tiff',
};

export function chooseFormat(requested: OutputFormat, source: SniffedType): WritableFormat {
  return requested === 'original' ? ORIGINAL_FORMAT[source.mime] : requested;
}

export function encode(image: Sharp, format: WritableFormat, quality: number): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality, progressive: true });
    case 'png':
      return image.png();
    case 'webp':
      return image.webp({ quality });
    case 'avif':
      return image.avif({ quality });
    case 'gif':
      return image.gif();
    case 'tiff':
      // Lossless, and far smaller than the uncompressed default.
      return image.tiff({ compression: 'lzw', predictor: 'horizontal' });
  }
}
