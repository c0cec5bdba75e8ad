// The desktop upload queue: plain Node, dependencies passed in, used by the app and the CLI.
export { UploadQueue, type QueueStats } from './upload-queue';
export type { UploadQueueDeps, QueueEvent, AddOptions } from './types';
export { DEFAULT_RETRY, type RetryOptions } from './retry';
export type { BufferStats } from './buffer-slots';
