import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_BASE } from './problem';
import { titleOf } from './problem-catalog';

/**
 * Errors Node's HTTP parser raises before any route runs (headers over 16 KiB, malformed request
 * lines, client timeouts) answered as problem+json like every other error, instead of Fastify's
 * default plain JSON.
 */
export function problemClientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, slug, detail] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request-timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-too-large', 'The request line and headers exceed the allowed size.']
        : [400, 'malformed-request', 'The request could not be parsed.'];
  const body = JSON.stringify({ type: PROBLEM_BASE + slug, title: titleOf(status), status, detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
