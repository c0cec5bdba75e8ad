// HTTP from a chosen loopback source address (any 127.x.y.z works on Linux), so per-IP limits
// can be exercised by several "clients" in one test file without sharing a budget.
import http from 'node:http';
import type { TestServer } from './test-server';

let next = 0;

/** A loopback address no other caller in this file has used (127.0.1.1, 127.0.1.2, ...). */
export function freshClientIp(): string {
  next += 1;
  return `127.0.${1 + Math.floor(next / 250)}.${1 + (next % 250)}`;
}

export interface ClientResponse {
  status: number;
  body: any;
  headers: http.IncomingHttpHeaders;
}

/** Like `t.request`, but the connection comes from `ip`. */
export function requestFrom(
  t: TestServer,
  ip: string,
  method: string,
  url: string,
  options: { token?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<ClientResponse> {
  const target = new URL(url, t.baseUrl);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload = options.json === undefined ? undefined : JSON.stringify(options.json);
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        headers,
        localAddress: ip,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
