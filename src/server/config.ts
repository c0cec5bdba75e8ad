// Server configuration: read once from the environment and validated at boot, so a bad value
// stops the server with a message that names the variable instead of failing later.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * A whole number written in decimal digits. An empty variable counts as unset (so it takes the
 * default); "0x10", "1e3" or "8080.5" are refused rather than quietly read as something else.
 */
function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const message =
    max === Number.MAX_SAFE_INTEGER
      ? `must be a whole number of at least ${min}`
      : `must be a whole number from ${min} to ${max}`;
  const schema = z.number({ error: message }).int(message).min(min, message).max(max, message);
  const read = (v: unknown) => {
    if (v === undefined || v === '') return undefined;
    return typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
  };
  return {
    default: (fallback: number) => z.preprocess(read, schema.default(fallback)),
    optional: () => z.preprocess(read, schema.optional()),
  };
}

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no'], {
  error: 'must be one of true, false, 1, 0, yes, no',
});
const optionalFlag = z.preprocess(
  emptyAsUndefined,
  flag.transform((v) => v === 'true' || v === '1' || v === 'yes').optional(),
);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const text = (fallback: string) => z.preprocess(emptyAsUndefined, z.string().default(fallback));

const envSchema = z
  .object({
    PORT: wholeNumber(0, 65535).default(8787),
    HOST: text('127.0.0.1'),
    DATA_DIR: text('./.data'),
    PUBLIC_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
    LOG_LEVEL: z.preprocess(
      emptyAsUndefined,
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'must be one of fatal, error, warn, info, debug, trace, silent',
        })
        .default('info'),
    ),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
        .refine((v) => URL.canParse(v), 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    S3_BUCKET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
        .optional(),
    ),
    S3_REGION: text('us-east-1'),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, httpUrl.optional()),
    S3_FORCE_PATH_STYLE: optionalFlag,
    S3_CHECKSUMS: optionalFlag,
    S3_CONDITIONAL_WRITES: optionalFlag,
    S3_EMBEDDED_PORT: wholeNumber(0, 65535).optional(),
    S3_EMBEDDED_ACCESS_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9]{3,128}$/, 'must be 3 to 128 letters and digits')
        .default('S3RVER'),
    ),
    S3_EMBEDDED_SECRET_KEY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\S{6,128}$/, 'must be 6 to 128 characters without spaces')
        .default('S3RVER'),
    ),
    JWT_SECRET: z.preprocess(
      emptyAsUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
    PRESIGN_TTL_SECONDS: wholeNumber(10, 300).default(300),
    SIGNED_URL_TTL_SECONDS: wholeNumber(10, 3600).default(300),
    // Sizes are stored in 32-bit integer columns.
    MAX_UPLOAD_BYTES: wholeNumber(1024, 2_147_483_647).default(50 * 1024 * 1024),
    MAX_AVATAR_BYTES: wholeNumber(1024, 2_147_483_647).default(2 * 1024 * 1024),
    PENDING_GRACE_SECONDS: wholeNumber(0).default(600),
    SWEEP_INTERVAL_SECONDS: wholeNumber(1, 24 * 60 * 60).default(300),
    LOGIN_MAX_ATTEMPTS: wholeNumber(1, 10_000).default(10),
    IMAGE_WORKERS: wholeNumber(1, 64).optional(),
    REFRESH_TOKEN_DAYS: wholeNumber(1, 365).default(30),
    TRASH_DAYS: wholeNumber(1, 3650).default(30),
    MAX_DECODE_PIXELS: wholeNumber(1_000_000, 2_000_000_000).default(100_000_000),
    SIGNUP_MODE: z.preprocess(
      emptyAsUndefined,
      z
        .enum(['open', 'invite', 'closed'], { error: 'must be one of open, invite, closed' })
        .optional(),
    ),
    SIGNUP_MAX_PER_HOUR: wholeNumber(1, 1_000_000).default(10),
    INVITE_TTL_HOURS: wholeNumber(1, 90 * 24).default(7 * 24),
    // Summed image sizes can pass 2 GiB, so unlike MAX_UPLOAD_BYTES this is not capped at 32 bits.
    USER_QUOTA_BYTES: wholeNumber(1).optional(),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseTrustProxy(value);
        if (typeof parsed === 'object' && !Array.isArray(parsed)) {
          ctx.addIssue({ code: 'custom', message: parsed.error });
          return z.NEVER;
        }
        return parsed;
      }),
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
    // An endpoint without a bucket would silently fall back to the embedded emulator.
    if (env.S3_ENDPOINT && !env.S3_BUCKET) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required when S3_ENDPOINT is set (without it the embedded store is used)',
      });
    }
    if (!env.S3_BUCKET && env.S3_EMBEDDED_PORT === undefined && env.PORT === 65535) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_EMBEDDED_PORT'],
        message: 'must be set when PORT is 65535 (the embedded store listens on PORT+1 by default)',
      });
    }
    if (!env.S3_BUCKET && env.S3_EMBEDDED_PORT && env.S3_EMBEDDED_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['S3_EMBEDDED_PORT'],
        message: 'must differ from PORT',
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
    /** Presigned PUTs carry If-None-Match: * (a URL creates its object once). */
    conditionalWrites: boolean;
    embeddedPort: number;
    /** Credentials of the embedded emulator (it refuses requests not signed with them). */
    embeddedCredentials: { accessKeyId: string; secretAccessKey: string };
  };
  jwtSecret: string | undefined;
  presignTtlSeconds: number;
  signedUrlTtlSeconds: number;
  maxUploadBytes: number;
  maxAvatarBytes: number;
  pendingGraceSeconds: number;
  sweepIntervalSeconds: number;
  loginMaxAttempts: number;
  /** How long a sign-in lasts without use (each refresh starts it again). */
  refreshTokenDays: number;
  /** Days an image stays in the trash before the server deletes it for good. */
  trashDays: number;
  /** Images the server processes at once (multipart uploads); undefined = one per core but one. */
  imageWorkers: number | undefined;
  /** Pixels × decoded frames one upload may decode (a decompression bomb's budget). */
  maxDecodePixels: number;
  /**
   * Who may create an account: anyone (open), holders of an admin's invite (invite), or nobody
   * (closed; not even with an invite). The first account on an empty database is always allowed.
   */
  signupMode: SignupMode;
  /** Sign-up (and password-reset) attempts per client address per hour. */
  signupMaxPerHour: number;
  inviteTtlHours: number;
  /** Bytes of images (plus live pending uploads) a member may hold; undefined = unlimited. */
  userQuotaBytes: number | undefined;
  /** Proxies allowed to name the client (X-Forwarded-For); false = the socket's address. */
  trustProxy: TrustProxy;
}

export type SignupMode = 'open' | 'invite' | 'closed';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      const value = env[name];
      // Secrets and URLs that may embed a password are named, never echoed.
      const secret =
        name === 'JWT_SECRET' || name === 'DATABASE_URL' || name === 'S3_EMBEDDED_SECRET_KEY';
      const shown = value === undefined || secret ? '' : ` (got "${value}")`;
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
      // AWS S3, MinIO, R2 and the embedded store honour it; off only for a store that refuses it.
      conditionalWrites: e.S3_CONDITIONAL_WRITES ?? true,
      embeddedPort: e.S3_EMBEDDED_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
      embeddedCredentials: {
        accessKeyId: e.S3_EMBEDDED_ACCESS_KEY,
        secretAccessKey: e.S3_EMBEDDED_SECRET_KEY,
      },
    },
    jwtSecret: e.JWT_SECRET,
    presignTtlSeconds: e.PRESIGN_TTL_SECONDS,
    signedUrlTtlSeconds: e.SIGNED_URL_TTL_SECONDS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    maxAvatarBytes: e.MAX_AVATAR_BYTES,
    pendingGraceSeconds: e.PENDING_GRACE_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    refreshTokenDays: e.REFRESH_TOKEN_DAYS,
    trashDays: e.TRASH_DAYS,
    imageWorkers: e.IMAGE_WORKERS,
    maxDecodePixels: e.MAX_DECODE_PIXELS,
    // A shared database or a real bucket means a server others can reach: closed unless the
    // operator opens it. The embedded default is one person's machine: open.
    signupMode: e.SIGNUP_MODE ?? (e.DATABASE_URL || e.S3_BUCKET ? 'closed' : 'open'),
    signupMaxPerHour: e.SIGNUP_MAX_PER_HOUR,
    inviteTtlHours: e.INVITE_TTL_HOURS,
    userQuotaBytes: e.USER_QUOTA_BYTES,
    trustProxy: e.TRUST_PROXY,
  };
}
