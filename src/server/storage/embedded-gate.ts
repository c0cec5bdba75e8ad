// The front door of the embedded S3 emulator. The emulator verifies a signature only when a
// request carries one, so on its own anything that reaches its loopback port could list, read,
// overwrite or delete every object unsigned (and a web page could create objects with a form
// POST). This gate lets through only requests signed (SigV4) with the store's own access key;
// the emulator then checks the signature itself. It also marks every answer `nosniff`, so a
// browser never second-guesses the type an object was served with.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** The access key a SigV4 request claims, from its Authorization header or its query. */
export function signingAccessKey(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const match = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\//.exec(header);
    return match?.[1];
  }
  const query = new URL(request.url ?? '/', 'http://store').searchParams;
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !query.has('X-Amz-Signature')) {
    return undefined;
  }
  return query.get('X-Amz-Credential')?.split('/')[0];
}

function accessDenied(response: ServerResponse, message: string): void {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`;
  response.writeHead(403, {
    'content-type': 'application/xml',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  });
  response.end(body);
}

/** Wraps the emulator's request handler: SigV4 with `accessKeyId` or 403, nosniff always. */
export function signedRequestsOnly(
  accessKeyId: string,
  emulator: RequestListener,
): RequestListener {
  return (request, response) => {
    const claimed = signingAccessKey(request);
    if (claimed === undefined) {
      // Drain what a form POST or unsigned PUT sent, so the client reads the answer.
      request.resume();
      return accessDenied(
        response,
        'Requests to this store must be signed (AWS Signature Version 4).',
      );
    }
    if (claimed !== accessKeyId) {
      request.resume();
      return accessDenied(response, 'The access key is not valid for this store.');
    }
    const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
    response.writeHead = ((...args: unknown[]) => {
      response.setHeader('x-content-type-options', 'nosniff');
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    emulator(request, response);
  };
}
