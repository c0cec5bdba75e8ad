// Which server URLs the desktop app and the CLI will send a sign-in to. Over plain http:// the
// bearer token (and the password, at sign-in) would cross the network in clear, so http:// is
// accepted only for a server on this computer; anything else must be https://.
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Why `raw` cannot be used as a server URL, or undefined when it can. */
export function serverUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL; use e.g. https://images.example.com or http://127.0.0.1:8787.`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') {
    return `The server URL must start with https:// (or http:// for a server on this computer), not "${url.protocol}".`;
  }
  if (isLoopbackHost(url.hostname)) return undefined;
  return `Use https:// for ${url.host}: over http:// your password and sign-in token would cross the network unencrypted. http:// is only accepted for a server on this computer (127.0.0.1, ::1 or localhost).`;
}

export const serverUrlSchema = z.string().superRefine((value, ctx) => {
  const problem = serverUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
