// The part of libheif-js 1.23's WebAssembly build that the HEVC decoder uses. The package ships
// types for its raw module only; these describe its embind functions (libheif's
// heif_emscripten.h), which return either a value or a heif_error.
declare module 'libheif-js/libheif-wasm/libheif-bundle.js' {
  /** An embind enum value; `value` is libheif's C enum number. */
  export interface HeifEnum {
    value: number;
  }

  export interface HeifError {
    code: HeifEnum;
    subcode: HeifEnum;
    message: string;
  }

  /** Opaque handles into the WebAssembly heap; each must be released. */
  export interface HeifContext {
    readonly __brand: 'heif_context';
  }
  export interface HeifImageHandle {
    readonly __brand: 'heif_image_handle';
  }
  export interface HeifImage {
    readonly __brand: 'heif_image';
  }

  export interface DecodedPlane {
    id: HeifEnum;
    width: number;
    height: number;
    stride: number;
    /** A view into the WebAssembly heap, valid until the image is released. */
    data: Uint8Array;
  }

  export interface DecodedImage {
    image: HeifImage;
    width: number;
    height: number;
    channels: DecodedPlane[];
  }

  export interface LibHeif {
    /** The instance's whole memory; it grows to the largest image decoded and never shrinks. */
    HEAPU8: Uint8Array;
    heif_get_version(): string;
    heif_context_alloc(): HeifContext | null;
    heif_context_free(context: HeifContext): void;
    heif_context_read_from_memory(context: HeifContext, data: Uint8Array): HeifError;
    heif_js_context_get_primary_image_handle(context: HeifContext): HeifImageHandle | HeifError;
    heif_image_handle_get_width(handle: HeifImageHandle): number;
    heif_image_handle_get_height(handle: HeifImageHandle): number;
    heif_image_handle_has_alpha_channel(handle: HeifImageHandle): number;
    heif_image_handle_release(handle: HeifImageHandle): void;
    /** Decodes synchronously, applying the container's transformations (irot, imir, clap). */
    heif_js_decode_image2(
      handle: HeifImageHandle,
      colorspace: HeifEnum,
      chroma: HeifEnum,
    ): DecodedImage | HeifError | null;
    heif_image_release(image: HeifImage): void;
    heif_colorspace: { heif_colorspace_RGB: HeifEnum };
    heif_chroma: { heif_chroma_interleaved_RGB: HeifEnum; heif_chroma_interleaved_RGBA: HeifEnum };
    heif_channel: { heif_channel_interleaved: HeifEnum };
  }

  /** Each call instantiates a new module with its own memory (the .wasm is inlined). */
  const createLibHeif: () => LibHeif;
  export default createLibHeif;
}
