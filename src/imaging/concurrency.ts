// How many images to work on at once. sharp decodes and encodes on Node's libuv thread pool
// (UV_THREADPOOL_SIZE, 4 by default), which the same process also needs for file I/O, password
// hashing and DNS: image work may take all but one of those threads, and all but one core.
import os from 'node:os';

export function defaultImageThreads(): number {
  const libuvThreads = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(os.availableParallelism() - 1, libuvThreads - 1));
}
