// Failures Fastify answers before any route or error handler runs, in the one error shape:
// - frameworkErrors: a malformed percent-encoding in the URL (FST_ERR_BAD_URL), an over-long
//   path parameter; otherwise Fastify replies with its own body.
// - clientErrorHandler: what Node's HTTP parser refuses (headers over http.maxHeaderSize, a
//   request that does not arrive in time, bytes that are not HTTP). No request object exists
//   yet, so the answer is written to the socket, as Fastify's default handler does.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/errors';
import { toHttpError } from './error-handler';

export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const answer = toHttpError(error, request);
  if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: answer.code }, answer.message);
  void reply.status(answer.status).send({ error: { code: answer.code, message: answer.message } });
}

function clientErrorAnswer(code: string | undefined): {
  status: number;
  code: ErrorCode;
  message: string;
} {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'HEADERS_TOO_LARGE',
        message: `The request headers are larger than this server reads (${Math.round(http.maxHeaderSize / 1024)} KiB in all). Send fewer or smaller headers, such as cookies.`,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'REQUEST_TIMEOUT',
        message: 'The request did not arrive in full in time. Try again.',
      };
    default:
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid HTTP, so the server could not read it.',
      };
  }
}

export function clientErrorHandler(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = clientErrorAnswer(error.code);
  this.log.info({ code: answer.code, parserError: error.code }, answer.message);
  if (socket.writable) {
    const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
    socket.write(
      `HTTP/1.1 ${answer.status} ${http.STATUS_CODES[answer.status]}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
