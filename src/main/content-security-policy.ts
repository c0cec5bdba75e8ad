// The renderer's one Content-Security-Policy, sent as a header with every page of the app:// origin
// (Electron) and of the browser preview. Only the app's own scripts and styles; images from the
// app itself and from the one origin the backend's signed URLs point at (its S3 endpoint or
// bucket host, from GET /api/client-config), never a wildcard such as https: or any loopback
// port. No plugins, frames, workers or forms.

/** An origin as URL.origin writes it: scheme, host and port only, nothing CSP would read as more. */
const ORIGIN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

export function contentSecurityPolicy(imageOrigins: readonly string[] = []): string {
  for (const origin of imageOrigins) {
    // Origins come from a server; one carrying spaces or quotes would smuggle in directives.
    if (!ORIGIN.test(origin))
      throw new Error(`Not an origin for img-src: ${JSON.stringify(origin)}`);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data: blob:", ...imageOrigins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ');
}

/** Links the renderer may hand to the OS browser: plain http(s) only, never file: or custom schemes. */
export function isExternalLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
