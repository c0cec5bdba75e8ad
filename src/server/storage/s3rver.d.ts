// Minimal typings for the emulator, which ships none.
declare module '@20minutes/s3rver' {
  import type { RequestListener } from 'node:http';
  import type { AddressInfo } from 'node:net';
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string; configs?: Array<string | Buffer> }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Creates the configured buckets (what run() does before it listens). */
    configureBuckets(): Promise<void>;
    /** The Koa request handler (run() serves it on its own http server). */
    callback(): RequestListener;
    /** Its file store; the controllers call these after checking the request's signature. */
    store: {
      existsObject(bucket: string, key: string): Promise<boolean>;
      putObject(object: { bucket: string; key: string }): Promise<unknown>;
    };
  }
}

// The emulator's error type: thrown from its store, it is answered as S3 answers that error.
declare module '@20minutes/s3rver/lib/models/error.js' {
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string>);
  }
}

// The emulator's account registry: the only way to give it credentials other than S3RVER/S3RVER.
declare module '@20minutes/s3rver/lib/models/account.js' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  }
  export const DUMMY_ACCOUNT: AWSAccount;
}
