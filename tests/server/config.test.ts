// Server configuration from the environment: defaults, derived values, and bad values that stop
// the server with a message naming the variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

const SECRET = 'an-example-secret-that-is-long-enough-0123456789';

/** The ConfigError message for `env`; fails the test when the env is accepted. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig defaults', () => {
  it('serves on 127.0.0.1:8787 with data under ./.data and the embedded store on PORT+1', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./.data'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.s3).toEqual({
      bucket: undefined,
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: true,
      checksums: false,
      conditionalWrites: true,
      embeddedPort: 8788,
      embeddedCredentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
    expect(config.publicUrl).toBeUndefined();
    expect(config).toMatchObject({
      logLevel: 'info',
      presignTtlSeconds: 300,
      signedUrlTtlSeconds: 300,
      maxUploadBytes: 50 * 1024 * 1024,
      maxAvatarBytes: 2 * 1024 * 1024,
      loginMaxAttempts: 10,
      imageWorkers: undefined,
      maxDecodePixels: 100_000_000,
      trustProxy: false,
    });
  });

  it('opens sign-up on the embedded default and closes it once the server is shared', () => {
    expect(loadConfig({}).signupMode).toBe('open');
    expect(loadConfig({ DATABASE_URL: 'postgres://db.internal/app' }).signupMode).toBe('closed');
    expect(loadConfig({ S3_BUCKET: 'my-bucket', JWT_SECRET: SECRET }).signupMode).toBe('closed');
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db.internal/app', SIGNUP_MODE: 'invite' }).signupMode,
    ).toBe('invite');
    expect(loadConfig({ SIGNUP_MODE: 'closed' }).signupMode).toBe('closed');
    expect(configError({ SIGNUP_MODE: 'invite-only' })).toContain(
      'SIGNUP_MODE: must be one of open, invite, closed (got "invite-only")',
    );
  });

  it('reads the sign-up budget, the invite lifetime and the storage quota', () => {
    expect(loadConfig({})).toMatchObject({
      signupMaxPerHour: 10,
      inviteTtlHours: 168,
      userQuotaBytes: undefined,
    });
    // Beyond 32 bits: a quota is a sum of image sizes.
    expect(loadConfig({ USER_QUOTA_BYTES: '10737418240' }).userQuotaBytes).toBe(10 * 1024 ** 3);
    expect(configError({ USER_QUOTA_BYTES: '10GB' })).toContain('USER_QUOTA_BYTES');
    expect(configError({ SIGNUP_MAX_PER_HOUR: '0' })).toContain('SIGNUP_MAX_PER_HOUR');
  });

  it('reads TRUST_PROXY as off, a hop count, or a list of proxy addresses and ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'loopback,uniquelocal' }).trustProxy).toEqual([
      'loopback',
      'uniquelocal',
    ]);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', HOST: '', DATA_DIR: '', LOG_LEVEL: '', S3_BUCKET: '' });
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./.data'));
    expect(config.s3.bucket).toBeUndefined();
  });

  it('derives the embedded store port from PORT unless S3_EMBEDDED_PORT is given', () => {
    expect(loadConfig({ PORT: '9000' }).s3.embeddedPort).toBe(9001);
    expect(loadConfig({ PORT: '0' }).s3.embeddedPort).toBe(0);
    expect(loadConfig({ PORT: '9000', S3_EMBEDDED_PORT: '9100' }).s3.embeddedPort).toBe(9100);
  });

  it('resolves a relative DATA_DIR against the working directory', () => {
    expect(loadConfig({ DATA_DIR: 'var/data' }).dataDir).toBe(path.resolve('var/data'));
  });

  it('uses an external bucket with checksums, and path style only with a custom endpoint', () => {
    const aws = loadConfig({ S3_BUCKET: 'my-images', JWT_SECRET: SECRET });
    expect(aws.s3).toMatchObject({ bucket: 'my-images', forcePathStyle: false, checksums: true });
    expect(aws.jwtSecret).toBe(SECRET);
    const minio = loadConfig({
      S3_BUCKET: 'my-images',
      JWT_SECRET: SECRET,
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_CHECKSUMS: 'false',
    });
    expect(minio.s3).toMatchObject({ forcePathStyle: true, checksums: false });
  });
});

describe('bad configuration', () => {
  it('refuses unusable embedded store credentials without echoing the secret', () => {
    const message = configError({
      S3_EMBEDDED_ACCESS_KEY: 'with space',
      S3_EMBEDDED_SECRET_KEY: 'tiny',
    });
    expect(message).toContain('S3_EMBEDDED_ACCESS_KEY: must be 3 to 128 letters and digits');
    expect(message).toContain('S3_EMBEDDED_SECRET_KEY: must be 6 to 128 characters');
    expect(message).not.toContain('tiny');
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its address', () => {
    expect(configError({ TRUST_PROXY: 'true' })).toContain(
      'TRUST_PROXY: must be a hop count or a list of proxy addresses (trusting every hop would let any client choose its address)',
    );
  });

  it('refuses TRUST_PROXY entries that are not addresses or ranges, naming them', () => {
    const message = configError({ TRUST_PROXY: '10.0.0.0/33,proxy.internal' });
    expect(message).toContain('TRUST_PROXY: must be a hop count or a comma-separated list');
    expect(message).toContain('not "10.0.0.0/33", "proxy.internal"');
  });
  it.each(['abc', '70000', '-1', '80.5', '0x50', '1e3'])('refuses PORT=%s', (value) => {
    const message = configError({ PORT: value });
    expect(message).toMatch(/^\s*PORT: must be a whole number from 0 to 65535/m);
    expect(message).toContain(`"${value}"`);
  });

  it('requires JWT_SECRET with an external bucket', () => {
    expect(configError({ S3_BUCKET: 'my-images' })).toMatch(/JWT_SECRET: is required/);
  });

  it('refuses a short JWT_SECRET without echoing it', () => {
    const message = configError({ JWT_SECRET: 'too-short-secret' });
    expect(message).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(message).not.toContain('too-short-secret');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without echoing its password', () => {
    const message = configError({ DATABASE_URL: 'mysql://app:hunter2@db.example/images' });
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).not.toContain('hunter2');
    expect(configError({ DATABASE_URL: 'postgres://' })).toMatch(/DATABASE_URL/);
  });

  it('refuses an S3_ENDPOINT without S3_BUCKET instead of silently using the embedded store', () => {
    expect(configError({ S3_ENDPOINT: 'http://minio:9000' })).toMatch(/S3_BUCKET: is required/);
  });

  it('refuses an embedded store port that cannot be PORT+1 or equals PORT', () => {
    expect(configError({ PORT: '65535' })).toMatch(/S3_EMBEDDED_PORT/);
    expect(configError({ PORT: '9000', S3_EMBEDDED_PORT: '9000' })).toMatch(
      /S3_EMBEDDED_PORT: must differ from PORT/,
    );
  });

  it('names each bad variable when several are wrong', () => {
    const message = configError({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      S3_FORCE_PATH_STYLE: 'maybe',
      PRESIGN_TTL_SECONDS: '3600',
      PUBLIC_URL: 'ftp://images.example',
    });
    for (const name of [
      'PORT',
      'LOG_LEVEL',
      'S3_FORCE_PATH_STYLE',
      'PRESIGN_TTL_SECONDS',
      'PUBLIC_URL',
    ]) {
      expect(message).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
    }
  });
});
