// The few storage operations the API needs, over any S3-compatible store.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { CodedError } from '../../shared/errors';

export interface PresignedPut {
  url: string;
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface ObjectInfo {
  size: number;
  contentType: string | undefined;
}

function storageError(action: string, cause: unknown): CodedError {
  return new CodedError(
    'STORAGE_UNAVAILABLE',
    `The image store could not ${action}. Try again in a moment.`,
    { cause },
  );
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

export class ObjectStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    private readonly options: { checksums: boolean },
  ) {}

  /**
   * Signs a PUT that the store accepts only with this exact type and length (and SHA-256 where
   * the store verifies checksums), so a client cannot swap in a different or larger object.
   */
  async presignPut(input: {
    key: string;
    contentType: string;
    size: number;
    sha256Hex?: string | undefined;
    expiresInSeconds: number;
    /**
     * When the signature says it was made; default now. Signing in the past yields a URL that
     * has already expired, so the store's refusal can be tested without waiting for one to.
     */
    signedAt?: Date;
  }): Promise<PresignedPut> {
    const checksum =
      this.options.checksums && input.sha256Hex
        ? Buffer.from(input.sha256Hex, 'hex').toString('base64')
        : undefined;
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.size,
      ChecksumSHA256: checksum,
    });
    const signedAt = input.signedAt ?? new Date();
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresInSeconds,
      signingDate: signedAt,
      signableHeaders: new Set(['content-type', 'content-length']),
      // Kept as a header (not hoisted into the query) so the store checks the body against it.
      unhoistableHeaders: checksum ? new Set(['x-amz-checksum-sha256']) : undefined,
    });
    const headers: Record<string, string> = {
      'content-type': input.contentType,
      'content-length': String(input.size),
    };
    if (checksum) headers['x-amz-checksum-sha256'] = checksum;
    return {
      url,
      headers,
      expiresAt: new Date(signedAt.getTime() + input.expiresInSeconds * 1000),
    };
  }

  async presignGet(
    key: string,
    expiresInSeconds: number,
  ): Promise<{ url: string; expiresAt: Date }> {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: key }),
      { expiresIn: expiresInSeconds },
    );
    return { url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
  }

  /**
   * The origin every signed URL points at: signing is the one way to get it right for every
   * endpoint, path-style or virtual-hosted bucket. Nothing is fetched; the URL is discarded.
   */
  async presignedOrigin(): Promise<string> {
    return new URL((await this.presignGet('origin-probe', 60)).url).origin;
  }

  /** null when the object does not exist; throws STORAGE_UNAVAILABLE when the store fails. */
  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw storageError('check an uploaded file', error);
    }
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          ContentLength: body.length,
        }),
      );
    } catch (error) {
      throw storageError('save the image', error);
    }
  }

  /** Deletes each key; deleting a missing key succeeds, so retries are safe. */
  async delete(keys: readonly string[]): Promise<void> {
    try {
      await Promise.all(
        keys.map((key) =>
          this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
        ),
      );
    } catch (error) {
      throw storageError('delete the image', error);
    }
  }

  async listKeys(prefix?: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}
