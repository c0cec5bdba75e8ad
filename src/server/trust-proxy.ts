// TRUST_PROXY: which hops in front of the server may say who the client is (X-Forwarded-For),
// so per-IP limits and logs see the client's address behind a load balancer rather than the
// balancer's. Off by default: with no proxy, a client could otherwise claim any address.
import net from 'node:net';

/** What Fastify's `trustProxy` accepts that we allow: off, a hop count, or proxy addresses. */
export type TrustProxy = false | number | string[];

/** proxy-addr's names for whole address ranges (Fastify resolves them). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Reads TRUST_PROXY. Returns the parsed value, or a sentence saying what is wrong. `true`
 * (trust every hop) is refused: any client could then choose the address it is limited by.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === 'off' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 32 ? hops : { error: 'must be a hop count from 0 to 32' };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isAddressOrRange(entry));
  if (bad.length === 0) return entries;
  return {
    error:
      value === 'true'
        ? 'must be a hop count or a list of proxy addresses (trusting every hop would let any client choose its address)'
        : `must be a hop count or a comma-separated list of proxy IPs, CIDR ranges or loopback/linklocal/uniquelocal (not ${bad.map((b) => `"${b}"`).join(', ')})`,
  };
}
