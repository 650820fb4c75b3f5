/**
 * Errors that mean MySQL or Redis is unreachable rather than that the request was wrong. They
 * answer 503 with Retry-After, so clients retry instead of reporting a bug.
 */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR']);
const messagePatterns = [
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /enableOfflineQueue options is false/i,
  /MaxRetriesPerRequest/i,
  /pool timeout/i,
  /failed to retrieve a connection from pool/i,
  /Can't reach database server/i,
  /connect ECONNREFUSED/i,
];

export function isInfrastructureDown(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return false;
    const { code, message, name, cause } = current as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown };
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && messagePatterns.some((pattern) => pattern.test(message))) return true;
    current = cause;
  }
  return false;
}
