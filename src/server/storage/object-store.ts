// The few storage operations the API needs, over any S3-compatible store.
import {
  CopyObjectCommand,
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

export interface ListedObject {
  key: string;
  lastModified: Date;
}

/** How a browser should treat a signed GET's answer, whatever the object's stored metadata says. */
export interface ResponseOverrides {
  contentType: string;
  contentDisposition: string;
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
    private readonly options: {
      checksums: boolean;
      /** Sign `If-None-Match: *` into PUT URLs, so a URL can create its object once. */
      conditionalWrites: boolean;
    },
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
    const conditional = this.options.conditionalWrites;
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.size,
      ChecksumSHA256: checksum,
      // A replayed URL must not replace what the first PUT stored (S3 answers 412).
      IfNoneMatch: conditional ? '*' : undefined,
    });
    const signedAt = input.signedAt ?? new Date();
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresInSeconds,
      signingDate: signedAt,
      signableHeaders: new Set([
        'content-type',
        'content-length',
        ...(conditional ? ['if-none-match'] : []),
      ]),
      // Kept as a header (not hoisted into the query) so the store checks the body against it.
      unhoistableHeaders: checksum ? new Set(['x-amz-checksum-sha256']) : undefined,
    });
    const headers: Record<string, string> = {
      'content-type': input.contentType,
      'content-length': String(input.size),
    };
    if (conditional) headers['if-none-match'] = '*';
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
    response?: ResponseOverrides,
  ): Promise<{ url: string; expiresAt: Date }> {
    const url = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: response?.contentType,
        ResponseContentDisposition: response?.contentDisposition,
      }),
      { expiresIn: expiresInSeconds },
    );
    return { url, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
  }

  /** The first `bytes` bytes of an object (fewer when it is smaller), for sniffing its type. */
  async readStart(key: string, bytes: number): Promise<Buffer> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      const body = await out.Body!.transformToByteArray();
      // A store that ignores Range sends everything: keep only what was asked for.
      return Buffer.from(body.subarray(0, bytes));
    } catch (error) {
      throw storageError('read an uploaded file', error);
    }
  }

  /** A server-side copy (the bytes never pass through the API server). */
  async copy(from: string, to: string): Promise<void> {
    const source = `${this.bucket}/${from}`.split('/').map(encodeURIComponent).join('/');
    try {
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: source }),
      );
    } catch (error) {
      throw storageError('store the uploaded file', error);
    }
  }

  /** One page of the objects under `prefix`, in key order after `startAfter`. */
  async listPage(input: {
    prefix: string;
    startAfter?: string | undefined;
    limit: number;
  }): Promise<{ objects: ListedObject[]; done: boolean }> {
    const page = await this.client.send(
      new ListObjectsV2Command({
        Bucket: this.bucket,
        Prefix: input.prefix,
        StartAfter: input.startAfter,
        MaxKeys: input.limit,
      }),
    );
    const objects = (page.Contents ?? []).flatMap((item) =>
      item.Key ? [{ key: item.Key, lastModified: item.LastModified ?? new Date(0) }] : [],
    );
    return { objects, done: !page.IsTruncated };
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
