// Conditional writes for the embedded emulator, which ignores If-None-Match: a PUT that carries
// `If-None-Match: *` (signed into every presigned upload URL) stores its object only when no
// object has that key, else answers 412 PreconditionFailed, as S3 does. The check runs inside the
// emulator's store, after the emulator has verified the request's signature, and writes to one
// key are serialised so two concurrent replays cannot both pass it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, RequestListener } from 'node:http';
import S3Error from '@20minutes/s3rver/lib/models/error.js';

interface EmulatorStore {
  existsObject(bucket: string, key: string): Promise<boolean>;
  putObject(object: { bucket: string; key: string }): Promise<unknown>;
}

const currentRequest = new AsyncLocalStorage<IncomingMessage>();

/** Makes the request being served visible to the store (for its headers). */
export function withCurrentRequest(handler: RequestListener): RequestListener {
  return (request, response) => currentRequest.run(request, () => handler(request, response));
}

export function enforceIfNoneMatch(store: EmulatorStore): void {
  const put = store.putObject.bind(store);
  const writes = new Map<string, Promise<unknown>>();
  store.putObject = (object) => {
    if (currentRequest.getStore()?.headers['if-none-match'] !== '*') return put(object);
    const id = `${object.bucket}/${object.key}`;
    const settle = () => undefined;
    const attempt = (writes.get(id) ?? Promise.resolve()).then(settle, settle).then(async () => {
      if (await store.existsObject(object.bucket, object.key)) {
        throw new S3Error(
          'PreconditionFailed',
          'At least one of the pre-conditions you specified did not hold',
          { Condition: 'If-None-Match' },
        );
      }
      return put(object);
    });
    writes.set(id, attempt);
    const forget = () => {
      if (writes.get(id) === attempt) writes.delete(id);
    };
    attempt.then(forget, forget);
    return attempt;
  };
}
