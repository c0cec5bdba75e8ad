// The embedded default store: a signature-verifying S3 emulator on loopback, data under DATA_DIR.
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';

/** The emulator's fixed credentials; it runs on loopback only, so they guard nothing real. */
export const EMBEDDED_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const EMBEDDED_BUCKET = 'image-desk';

export interface EmbeddedS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  close(): Promise<void>;
}

export async function startEmbeddedS3(options: {
  dataDir: string;
  port: number;
  bucket?: string;
}): Promise<EmbeddedS3> {
  const directory = path.join(options.dataDir, 's3');
  const bucket = options.bucket ?? EMBEDDED_BUCKET;
  await fs.mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    directory,
    close: () => server.close(),
  };
}
