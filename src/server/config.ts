// Server configuration: read once from the environment and validated at boot, so a bad value
// stops the server with a message that names the variable instead of failing later.
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z
  .object({
    PORT: port.default(8787),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./.data'),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    S3_BUCKET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
        .optional(),
    ),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, flag.optional()),
    S3_CHECKSUMS: z.preprocess(emptyAsUndefined, flag.optional()),
    S3_EMBEDDED_PORT: z.preprocess(emptyAsUndefined, port.optional()),
    JWT_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
    PRESIGN_TTL_SECONDS: z.coerce.number().int().min(10).max(300).default(300),
    SIGNED_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(50 * 1024 * 1024),
    MAX_AVATAR_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    PENDING_GRACE_SECONDS: z.coerce.number().int().min(0).default(600),
    SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(300),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  })
  .superRefine((env, ctx) => {
    // With an external bucket several API servers may share one store, so they must share
    // the signing secret too; with the loopback emulator there is only ever one server.
    if (env.S3_BUCKET && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'is required when S3_BUCKET is set (servers that share a bucket share a secret)',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string | undefined;
  s3: {
    /** undefined = start the embedded emulator */
    bucket: string | undefined;
    region: string;
    endpoint: string | undefined;
    forcePathStyle: boolean;
    checksums: boolean;
    embeddedPort: number;
  };
  jwtSecret: string | undefined;
  presignTtlSeconds: number;
  signedUrlTtlSeconds: number;
  maxUploadBytes: number;
  maxAvatarBytes: number;
  pendingGraceSeconds: number;
  sweepIntervalSeconds: number;
  loginMaxAttempts: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      const value = env[name];
      const shown = value === undefined || name === 'JWT_SECRET' ? '' : ` (got "${value}")`;
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embeddedS3 = !e.S3_BUCKET;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    s3: {
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? (embeddedS3 || Boolean(e.S3_ENDPOINT)),
      // AWS S3 verifies x-amz-checksum-sha256 on presigned PUTs; the emulator ignores it.
      checksums: e.S3_CHECKSUMS ?? !embeddedS3,
      embeddedPort: e.S3_EMBEDDED_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
    },
    jwtSecret: e.JWT_SECRET,
    presignTtlSeconds: e.PRESIGN_TTL_SECONDS,
    signedUrlTtlSeconds: e.SIGNED_URL_TTL_SECONDS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxAvatarBytes: e.MAX_AVATAR_BYTES,
    pendingGraceSeconds: e.PENDING_GRACE_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
  };
}
