// S3 client factory: the SDK settings that keep presigned URLs and streamed PUTs portable.
import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  /** Static credentials (the embedded emulator); otherwise the SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** The embedded emulator signs bucket-level paths without the trailing slash the SDK sends. */
  stripBucketTrailingSlash?: boolean;
}

export function createS3Client(options: S3ClientOptions): S3Client {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    // Without these the SDK adds a CRC32 of an empty body to presigned PUTs and sends streamed
    // bodies aws-chunked, which S3-compatible stores (the emulator included) store corrupted.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  if (options.stripBucketTrailingSlash) {
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { path?: string };
        if (request.path && /^\/[^/]+\/$/.test(request.path)) {
          request.path = request.path.slice(0, -1);
        }
        return next(args);
      },
      { step: 'build', name: 'stripBucketTrailingSlash' },
    );
  }
  return client;
}
