// pino options: structured logs that never carry tokens, passwords or URL signatures.
import { pino, type LoggerOptions, type Logger } from 'pino';

/** The one logger of a server: Fastify's request logs and the services' logs go through it. */
export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        '*.password',
        '*.token',
        'token',
        'password',
        // Database errors carry the statement's parameters (PGlite) and the failing row
        // (PostgreSQL's "Failing row contains (...)"), which can hold a password hash.
        'err.params',
        'err.detail',
        'err.cause.params',
        'err.cause.detail',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Query strings may hold cursors or keys but never secrets; signatures are dropped anyway.
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: req.url.replace(/X-Amz-Signature=[^&]+/gi, 'X-Amz-Signature=[redacted]'),
        ip: req.ip,
      }),
    },
  };
}
