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
  /** Stops answering (the port closes) until resume(); lets tests make the store really fail. */
  pause(): Promise<void>;
  /** Starts answering again on the same port, with the same data. */
  resume(): Promise<void>;
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
  const start = async (port: number) => {
    const server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket }],
    });
    const address = (await server.run()) as AddressInfo;
    return { server, port: address.port };
  };
  const first = await start(options.port);
  let running: S3rver | undefined = first.server;
  const stop = async () => {
    const server = running;
    running = undefined;
    await server?.close();
  };
  return {
    endpoint: `http://127.0.0.1:${first.port}`,
    bucket,
    directory,
    pause: stop,
    resume: async () => {
      if (!running) running = (await start(first.port)).server;
    },
    close: stop,
  };
}
