// Owns this thread's libheif-js WebAssembly instance: created on the first HEVC image (loading
// costs ~150 ms and 1.4 MB of code, so processes that never see one never pay it), reused after,
// and replaced when it can no longer be trusted or holds too much memory.
import type { LibHeif } from 'libheif-js/libheif-wasm/libheif-bundle.js';
import { isCodedError } from '../../shared/errors';

/**
 * A WebAssembly memory grows to the largest image decoded and never shrinks. A 12-megapixel
 * photo leaves ~90 MB; above this the instance is dropped after its decode so that one huge
 * photo does not pin hundreds of MB for the rest of a desktop session. A new instance costs
 * 20-60 ms (V8 keeps the compiled code).
 */
const KEEP_MEMORY_BYTES = 256 * 2 ** 20;

let current: Promise<LibHeif> | undefined;

async function createInstance(): Promise<LibHeif> {
  // The bundle variant inlines the .wasm in its JavaScript, so nothing has to be found on disk:
  // it loads the same from sources, from the server and CLI bundles and from the app's asar.
  const { default: createLibHeif } = await import('libheif-js/libheif-wasm/libheif-bundle.js');
  return createLibHeif();
}

function retire(instance: Promise<LibHeif>): void {
  if (current === instance) current = undefined;
}

/**
 * Runs `use` with this thread's instance. libheif's calls are synchronous, so nothing else runs
 * on the instance meanwhile.
 */
export async function withLibheif<T>(use: (lib: LibHeif) => T): Promise<T> {
  const instance = (current ??= createInstance());
  let lib: LibHeif;
  try {
    lib = await instance;
  } catch (error) {
    retire(instance);
    throw error;
  }
  try {
    return use(lib);
  } catch (error) {
    // A coded error is a verdict on the file; anything else is a trap inside WebAssembly (an
    // abort, an out-of-bounds access), after which the instance's state is unknown.
    if (!isCodedError(error)) retire(instance);
    throw error;
  } finally {
    if (lib.HEAPU8.byteLength > KEEP_MEMORY_BYTES) retire(instance);
  }
}

/** Bytes held by this thread's instance (0 before the first HEVC image); for tests and bench. */
export async function libheifMemoryBytes(): Promise<number> {
  return current ? (await current).HEAPU8.byteLength : 0;
}
