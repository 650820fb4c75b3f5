/**
 * The owner a repository query filters by (a resident's appointments, a user's messages). Prisma
 * drops a filter whose value is `undefined`, so a missing owner would silently widen the query to
 * every owner's rows; an empty string is a caller's bug too. Either throws instead of answering.
 */
export class MissingOwnerError extends Error {
  constructor(field: string) {
    super(`${field} must be a non-empty id: a query filtered by its owner was called without one`);
    this.name = 'MissingOwnerError';
  }
}

export function ownerId(value: string | null | undefined, field = 'ownerId'): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MissingOwnerError(field);
  return value;
}
