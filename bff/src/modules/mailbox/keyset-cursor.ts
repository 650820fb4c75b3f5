import { AppError } from '../../platform/errors/app-error';

/** Opaque keyset cursor: the (instant, id) of the last row shown, base64url JSON. */
export type CursorPosition = { at: Date; id: string };

export function encodeCursor({ at, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const at = new Date(parsed[0]);
      if (!Number.isNaN(at.getTime())) return { at, id: parsed[1] };
    }
  } catch {
    // fall through: a cursor we did not issue
  }
  throw new AppError('VALIDATION_FAILED', { message: '分页参数无效，请刷新后重试' });
}
