// Chooses the store from config: an external S3 bucket, or the embedded emulator on loopback.
import type { ServerConfig } from '../config';
import { startEmbeddedS3, type EmbeddedS3 } from './embedded-s3';
import { ObjectStore } from './object-store';
import { createS3Client } from './s3-client';

export interface StorageHandle {
  store: ObjectStore;
  /** Set when the embedded emulator runs in this process. */
  embedded: Pick<EmbeddedS3, 'endpoint' | 'directory' | 'pause' | 'resume'> | undefined;
  close(): Promise<void>;
}

const storeOptions = (config: ServerConfig) => ({
  checksums: config.s3.checksums,
  conditionalWrites: config.s3.conditionalWrites,
});

export async function openStorage(config: ServerConfig): Promise<StorageHandle> {
  if (config.s3.bucket) {
    const client = createS3Client({
      region: config.s3.region,
      endpoint: config.s3.endpoint,
      forcePathStyle: config.s3.forcePathStyle,
      // Path-style stores answer bucket requests without the trailing slash too; some (the
      // emulator this app embeds, and stores built on it) verify signatures only that way.
      stripBucketTrailingSlash: Boolean(config.s3.endpoint) && config.s3.forcePathStyle,
    });
    return {
      store: new ObjectStore(client, config.s3.bucket, storeOptions(config)),
      embedded: undefined,
      close: async () => client.destroy(),
    };
  }
  const emulator = await startEmbeddedS3({
    dataDir: config.dataDir,
    port: config.s3.embeddedPort,
    credentials: config.s3.embeddedCredentials,
  });
  const client = createS3Client({
    region: config.s3.region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials: emulator.credentials,
    stripBucketTrailingSlash: true,
  });
  return {
    store: new ObjectStore(client, emulator.bucket, storeOptions(config)),
    embedded: {
      endpoint: emulator.endpoint,
      directory: emulator.directory,
      pause: () => emulator.pause(),
      resume: () => emulator.resume(),
    },
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
}
