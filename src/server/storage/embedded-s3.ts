// The embedded default store: a signature-verifying S3 emulator on loopback, data under DATA_DIR,
// behind a gate that refuses every request not signed with the store's own key
// (embedded-gate.ts), and honouring If-None-Match on PUT (embedded-conditional-writes.ts).
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import S3rver from '@20minutes/s3rver';
import { DUMMY_ACCOUNT } from '@20minutes/s3rver/lib/models/account.js';
import { enforceIfNoneMatch, withCurrentRequest } from './embedded-conditional-writes';
import { signedRequestsOnly } from './embedded-gate';

/** The emulator's default credentials (S3_EMBEDDED_ACCESS_KEY / S3_EMBEDDED_SECRET_KEY). */
export const EMBEDDED_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const EMBEDDED_BUCKET = 'image-desk';

export interface EmbeddedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface EmbeddedS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  credentials: EmbeddedCredentials;
  /** Stops answering (the port closes) until resume(); lets tests make the store really fail. */
  pause(): Promise<void>;
  /** Starts answering again on the same port, with the same data. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the store is reached by this server and by clients on this machine.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets of clients would otherwise hold the port open.
    server.closeAllConnections();
  });
}

export async function startEmbeddedS3(options: {
  dataDir: string;
  port: number;
  bucket?: string;
  credentials?: EmbeddedCredentials;
}): Promise<EmbeddedS3> {
  const directory = path.join(options.dataDir, 's3');
  const bucket = options.bucket ?? EMBEDDED_BUCKET;
  const credentials = options.credentials ?? EMBEDDED_CREDENTIALS;
  await fs.mkdir(directory, { recursive: true });
  // The emulator knows one account; the gate lets only this key's signatures reach it.
  DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const emulator = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  await emulator.configureBuckets();
  enforceIfNoneMatch(emulator.store);
  const handler = withCurrentRequest(
    signedRequestsOnly(credentials.accessKeyId, emulator.callback()),
  );

  const start = async (port: number) => {
    const server = http.createServer(handler);
    return { server, port: await listen(server, port) };
  };
  const first = await start(options.port);
  let running: http.Server | undefined = first.server;
  const stop = async () => {
    const server = running;
    running = undefined;
    if (server) await closeServer(server);
  };
  return {
    endpoint: `http://127.0.0.1:${first.port}`,
    bucket,
    directory,
    credentials,
    pause: stop,
    resume: async () => {
      if (!running) running = (await start(first.port)).server;
    },
    close: stop,
  };
}
