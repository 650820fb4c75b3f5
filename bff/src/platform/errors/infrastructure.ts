/**
 * Errors that mean MySQL or Redis is unreachable rather than that the request was wrong. They
 * answer 503 with Retry-After, so clients retry instead of reporting a bug.
 */
const networkCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR',
  // The mariadb driver's own: the connection, not the statement, failed.
  'ER_CONNECTION_ALREADY_CLOSED', 'ER_SOCKET_UNEXPECTED_CLOSE', 'ER_CONNECTION_TIMEOUT', 'ER_CMD_CONNECTION_CLOSED',
  'ER_SOCKET_TIMEOUT', 'ER_GET_CONNECTION_TIMEOUT', 'ER_POOL_NO_CONNECTION',
]);
/** The same mariadb errors by number, as Prisma's driver adapter passes them on. */
const driverConnectionErrnos = new Set([45001, 45009, 45012, 45013, 45026, 45028, 45061]);
const messagePatterns = [
  /Connection is closed/i,
  /Stream isn't writeable/i,
  /enableOfflineQueue options is false/i,
  /MaxRetriesPerRequest/i,
  /pool timeout/i,
  /failed to retrieve a connection from pool/i,
  /Can't reach database server/i,
  /connect ECONNREFUSED/i,
  // Prisma's P2028 when no connection came within maxWait (the server is down or the pool is spent).
  /Unable to start a transaction in the given time/i,
];

type Inspectable = { code?: unknown; errno?: unknown; state?: unknown; sqlState?: unknown; message?: unknown; name?: unknown; cause?: unknown; meta?: unknown };

function isDownItself(error: Inspectable): boolean {
  const { code, errno, state, sqlState, message, name } = error;
  if (typeof code === 'string' && networkCodes.has(code)) return true;
  if ([code, errno].some((value) => typeof value === 'number' && driverConnectionErrnos.has(value))) return true;
  // SQLSTATE class 08: connection exception (08S01 is "communication link failure").
  if ([state, sqlState].some((value) => typeof value === 'string' && value.startsWith('08'))) return true;
  if (name === 'MaxRetriesPerRequestError') return true;
  return typeof message === 'string' && messagePatterns.some((pattern) => pattern.test(message));
}

/** Looks through causes and, for Prisma's errors, the driver adapter's error kept in `meta`. */
export function isInfrastructureDown(error: unknown): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: error, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value !== 'object' || value === null || depth > 5) continue;
    const current = value as Inspectable;
    if (isDownItself(current)) return true;
    pending.push({ value: current.cause, depth: depth + 1 });
    if (typeof current.meta === 'object' && current.meta !== null) pending.push({ value: Reflect.get(current.meta, 'driverAdapterError'), depth: depth + 1 });
  }
  return false;
}
