import type { Duplex } from 'node:stream';

/**
 * A request Node cannot parse (a bad request target, a raw 0xFF in the path, a broken header line,
 * headers too large) never reaches the app: Node would answer an empty 400 or 431 itself. The BFF
 * and the H5 static server answer it with their own body instead, through this one writer.
 */
export type UnparsedRequestStatus = 400 | 408 | 431;

const statusByCode: Record<string, UnparsedRequestStatus> = { HPE_HEADER_OVERFLOW: 431, ERR_HTTP_REQUEST_TIMEOUT: 408, HPE_REQUEST_TIMEOUT: 408 };
const reasons: Record<UnparsedRequestStatus, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** Writes the answer `render` gives for the status and closes; a socket that cannot take one is destroyed. */
export function answerUnparsedRequest(
  error: Error & { code?: string },
  socket: Duplex,
  render: (status: UnparsedRequestStatus) => { headers: Record<string, string>; body: string },
): void {
  if (error.code === 'ECONNRESET' || !socket.writable || Reflect.get(socket, '_httpMessage')) {
    socket.destroy();
    return;
  }
  const status = statusByCode[error.code ?? ''] ?? 400;
  const { headers, body } = render(status);
  const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${reasons[status]}\r\n${lines.join('')}\r\n${body}`);
}
