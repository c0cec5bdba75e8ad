// Direct access to the web preview's embedded S3 emulator, so tests can check what really is
// (and is no longer) stored, independently of what the UI says.
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../../src/server/storage/s3-client';
import { EMBEDDED_BUCKET, EMBEDDED_CREDENTIALS } from '../../../src/server/storage/embedded-s3';

export class Bucket {
  private readonly client: S3Client;

  constructor(
    endpoint: string,
    readonly name = EMBEDDED_BUCKET,
  ) {
    this.client = createS3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: EMBEDDED_CREDENTIALS,
      stripBucketTrailingSlash: true,
    });
  }

  /** Every key in the bucket (optionally under a prefix), sorted. */
  async keys(prefix?: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.name, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  /** The stored bytes of one object. */
  async bytes(key: string): Promise<Buffer> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
    return Buffer.from(await answer.Body!.transformToByteArray());
  }

  close(): void {
    this.client.destroy();
  }
}
