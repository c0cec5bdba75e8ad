// libheif reports failures as heif_error values (a code, a subcode and an English message for
// developers); this turns them into the pipeline's coded errors, keeping the original as cause.
import type { HeifError } from 'libheif-js/libheif-wasm/libheif-bundle.js';
import type { CodedError } from '../../shared/errors';
import { imageErrors } from '../image-errors';

// libheif's enum heif_error_code and heif_suberror_code (heif_error.h).
const UNSUPPORTED_FILETYPE = 3;
const UNSUPPORTED_FEATURE = 4;
const MEMORY_ALLOCATION_ERROR = 6;
const PLUGIN_LOADING_ERROR = 11;
const SECURITY_LIMIT_EXCEEDED = 1000;

export function isHeifError(value: unknown): value is HeifError {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export function translateHeifError(error: HeifError): CodedError {
  const code = error.code.value;
  const cause = new Error(`libheif: ${error.message.trim()} (${code}.${error.subcode.value})`);
  if (error.subcode.value === SECURITY_LIMIT_EXCEEDED || code === MEMORY_ALLOCATION_ERROR) {
    return imageErrors.pixelLimit(cause);
  }
  // A codec or feature this build does not have: the file may be fine, so say what to do.
  if (
    code === UNSUPPORTED_FILETYPE ||
    code === UNSUPPORTED_FEATURE ||
    code === PLUGIN_LOADING_ERROR
  ) {
    return imageErrors.heicNotReadable(cause);
  }
  return imageErrors.corrupt(cause);
}
