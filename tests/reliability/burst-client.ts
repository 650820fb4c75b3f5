import http from 'node:http';

/**
 * The client side of a burst: every request is sent with its Idempotency-Key and its answer is
 * recorded as the client saw it. A status of 0 means the connection broke (refused, reset, hung
 * up): the client cannot know whether the server acted, so the answer is unknown.
 */
export type BurstKind = 'booking' | 'letter';
export type BurstRequest = { kind: BurstKind; resident: number; token: string; key: string; target: number; body: object };
export type BurstAnswer = { status: number; body: unknown; error?: string };
export type Recorded = BurstRequest & { answer: BurstAnswer };

const pathOf = (kind: BurstKind): string => (kind === 'booking' ? '/appointments' : '/letters');

export function send(agent: http.Agent, baseUrl: string, request: BurstRequest): Promise<BurstAnswer> {
  const target = new URL(pathOf(request.kind), baseUrl);
  const payload = JSON.stringify(request.body);
  return new Promise((resolve) => {
    const outgoing = http.request(
      {
        agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
        headers: { Authorization: `Bearer ${request.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'Idempotency-Key': request.key },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) }));
        response.on('error', (error) => resolve({ status: 0, body: null, error: error.message }));
      },
    );
    outgoing.on('error', (error) => resolve({ status: 0, body: null, error: error.message }));
    outgoing.end(payload);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const isAcknowledged = (answer: BurstAnswer): boolean => answer.status >= 200 && answer.status < 300;
export const isUnknown = (answer: BurstAnswer): boolean => answer.status === 0;

/** `{ appointment: { id } }` or `{ letter: { id } }` → the id. */
export function entityIdOf(kind: BurstKind, answer: BurstAnswer): string {
  const entity: unknown = readField(answer.body, kind === 'booking' ? 'appointment' : 'letter');
  const id: unknown = readField(entity, 'id');
  if (typeof id !== 'string') throw new Error(`no ${kind} id in ${JSON.stringify(answer.body)}`);
  return id;
}

export function errorCodeOf(answer: BurstAnswer): string | null {
  const code: unknown = readField(readField(answer.body, 'error'), 'code');
  return typeof code === 'string' ? code : null;
}

function readField(value: unknown, field: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, field) : undefined;
}

/** `status code` counts, for the failure message and the log. */
export function tally(records: Recorded[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind, target, answer } of records) {
    const name = `${kind}@${target} ${answer.status}${answer.status === 0 ? '' : ` ${errorCodeOf(answer) ?? ''}`}`.trim();
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
