// Who may use the bridge: whoever opened the per-run link (a cookie, or the token in a header for
// tools), from the bridge's own origin. A page from any other origin, including another port on
// 127.0.0.1 (same site, different origin), is refused before the IPC router is reached.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const TOKEN_HEADER = 'x-bridge-token';

export interface BridgeAuth {
  readonly token: string;
  /** Cookies ignore ports, so the name carries one: two previews on one machine stay apart. */
  readonly cookieName: string;
  /** `name=token; HttpOnly; SameSite=Strict; Path=/` */
  cookie(): string;
  isToken(candidate: string | undefined): boolean;
  /** undefined when allowed, else the sentence for the 403 answer. */
  refusal(request: FastifyRequest): string | undefined;
}

/** 256 random bits, URL-safe. */
export function newBridgeToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function createBridgeAuth(token: string, port: number): BridgeAuth {
  const expected = digest(token);
  const cookieName = `image-desk-bridge-${port}`;
  /** The bridge is reached as 127.0.0.1 (the printed URL) or localhost; nothing else. */
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const isToken = (candidate: string | undefined) =>
    typeof candidate === 'string' && crypto.timingSafeEqual(digest(candidate), expected);

  return {
    token,
    cookieName,
    cookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    isToken,
    refusal(request) {
      const headerToken = request.headers[TOKEN_HEADER];
      const viaHeader = isToken(typeof headerToken === 'string' ? headerToken : undefined);
      if (!viaHeader && !isToken(readCookie(request.headers.cookie, cookieName)))
        return 'Open the link that `npm run web` printed: this browser has no valid bridge token.';
      // Browsers say where a request comes from; only the bridge's own pages may use it.
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none')
        return 'Requests from other sites may not use the bridge.';
      const host = request.headers.host;
      if (!host || !origins.has(`http://${host}`))
        return 'The bridge answers only on 127.0.0.1 and localhost.';
      if (SAFE_METHODS.has(request.method)) return undefined;
      const origin = request.headers.origin;
      // A tool holding the token in a header is not a browser (browsers cannot set that header
      // cross-origin without a CORS preflight, which the bridge never grants).
      if (origin === undefined && viaHeader) return undefined;
      if (origin !== `http://${host}`) return 'Requests from other origins may not use the bridge.';
      return undefined;
    },
  };
}

export function sendForbidden(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(403)
    .header('cache-control', 'no-store')
    .send({ error: { code: 'FORBIDDEN', message } });
}
