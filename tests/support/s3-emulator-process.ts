// Starts tests/support/s3-emulator-main.ts as a child process: an S3-compatible store that is not
// part of the server, as AWS S3 or MinIO would be.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface EmulatorProcess {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Server environment that points at this store. */
  serverEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'image-desk-s3-process-'));
  const credentials = {
    accessKeyId: `key${crypto.randomBytes(6).toString('hex')}`,
    secretAccessKey: crypto.randomBytes(18).toString('base64url'),
  };
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 's3-emulator-main.ts'),
      dataDir,
      credentials.accessKeyId,
      credentials.secretAccessKey,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no endpoint printed:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`emulator exited (${code}):\n${output}`)));
  });
  return {
    endpoint,
    bucket: 'image-desk',
    credentials,
    serverEnv: {
      S3_BUCKET: 'image-desk',
      S3_ENDPOINT: endpoint,
      // The SDK's default credential chain reads these, as it would on a real deployment.
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      JWT_SECRET: crypto.randomBytes(32).toString('base64url'),
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
