// Public surface of the image pipeline, shared by the server upload route, the desktop upload
// queue and the CLI. Plain Node: no Electron or server imports.
export { processImage } from './process-image';
export { sniffImageType } from './sniff';
export { sniffFile, DEFAULT_MAX_FILE_BYTES, type SniffLimits } from './sniff-file';
export { randomKeyPart, sha256Hex } from './digest';
export { pipelineOptionsSchema } from './options';
export { SUPPORTED_MIME_TYPES } from './types';
export type {
  ImageMime,
  OutputFormat,
  PipelineOptions,
  ProcessedImage,
  ProcessedVariant,
  SniffedType,
} from './types';
