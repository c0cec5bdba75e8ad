// Decodes the primary image of an HEVC-coded HEIF (iPhone HEIC) with libheif-js, which sharp's
// prebuilt libvips cannot. The pixels come out upright as the container says (irot, imir and
// clap applied by libheif; an EXIF Orientation inside the file is not applied on top: HEIF makes
// the container authoritative). Every handle is freed whatever happens.
//
// libheif-js's HeifDecoder class is not used: it prints failures to stdout (the CLI's --json
// output), drops libheif's reason, allocates a handle for every top-level image and never frees
// its context. The embind functions below are the ones it wraps.
import type {
  DecodedImage,
  HeifContext,
  HeifImageHandle,
  LibHeif,
} from 'libheif-js/libheif-wasm/libheif-bundle.js';
import { imageErrors } from '../image-errors';
import { isHeifError, translateHeifError } from './libheif-errors';
import { withLibheif } from './libheif-instance';

export interface PixelSize {
  width: number;
  height: number;
  /** 3 for RGB, 4 when the image has an alpha channel. */
  channels: 3 | 4;
}

/** Where the decoded rows go: called once the size is known, before any decoding. */
export type PixelTarget = (size: PixelSize) => { buffer: Buffer; offset: number };

/**
 * Decodes the primary image (the file's `pitm`, not simply its first image) into the buffer
 * `target` provides, after checking its size against `maxPixels`: a header claiming a huge
 * image is refused before libheif allocates anything for it.
 */
export function decodeHevcPrimary(
  data: Uint8Array,
  maxPixels: number,
  target: PixelTarget,
): Promise<Buffer> {
  return withLibheif((lib) => {
    const context = lib.heif_context_alloc();
    if (!context) throw imageErrors.pixelLimit(new Error('libheif: no memory for a context'));
    try {
      return decodePrimary(lib, context, data, maxPixels, target);
    } finally {
      lib.heif_context_free(context);
    }
  });
}

function decodePrimary(
  lib: LibHeif,
  context: HeifContext,
  data: Uint8Array,
  maxPixels: number,
  target: PixelTarget,
): Buffer {
  const read = lib.heif_context_read_from_memory(context, data);
  if (read.code.value !== 0) throw translateHeifError(read);
  const handle = lib.heif_js_context_get_primary_image_handle(context);
  if (isHeifError(handle)) throw translateHeifError(handle);
  try {
    return decodeHandle(lib, handle, maxPixels, target);
  } finally {
    lib.heif_image_handle_release(handle);
  }
}

function decodeHandle(
  lib: LibHeif,
  handle: HeifImageHandle,
  maxPixels: number,
  target: PixelTarget,
): Buffer {
  // The size after the container's rotation, which is also what decoding produces.
  const width = lib.heif_image_handle_get_width(handle);
  const height = lib.heif_image_handle_get_height(handle);
  if (width * height > maxPixels) throw imageErrors.tooManyPixels(width, height, 1, maxPixels);
  const channels = lib.heif_image_handle_has_alpha_channel(handle) ? 4 : 3;
  const chroma =
    channels === 4
      ? lib.heif_chroma.heif_chroma_interleaved_RGBA
      : lib.heif_chroma.heif_chroma_interleaved_RGB;
  const decoded = lib.heif_js_decode_image2(
    handle,
    lib.heif_colorspace.heif_colorspace_RGB,
    chroma,
  );
  if (!decoded) throw imageErrors.corrupt(new Error('libheif: the image did not decode'));
  if (isHeifError(decoded)) throw translateHeifError(decoded);
  try {
    return copyRows(lib, decoded, { width, height, channels }, target);
  } finally {
    lib.heif_image_release(decoded.image);
  }
}

function copyRows(lib: LibHeif, decoded: DecodedImage, size: PixelSize, target: PixelTarget) {
  const interleaved = lib.heif_channel.heif_channel_interleaved.value;
  const plane = decoded.channels.find((channel) => channel.id.value === interleaved);
  if (!plane || plane.width !== size.width || plane.height !== size.height) {
    throw imageErrors.corrupt(new Error('libheif: decoded size differs from the header'));
  }
  const { buffer, offset } = target(size);
  const rowBytes = size.width * size.channels;
  // The plane is a view into WebAssembly memory: copy it out before the image is released.
  if (plane.stride === rowBytes) {
    buffer.set(plane.data.subarray(0, rowBytes * size.height), offset);
  } else {
    for (let y = 0; y < size.height; y++) {
      const row = plane.data.subarray(y * plane.stride, y * plane.stride + rowBytes);
      buffer.set(row, offset + y * rowBytes);
    }
  }
  return buffer;
}
