import type { SessionUser } from '@govpocket/shared';
import type { Logger } from '../logger';

/** What every request carries on ctx.state. */
export type AppState = {
  requestId: string;
  log: Logger;
  /** Set by the authenticate middleware when the request carries a live session token. */
  user?: SessionUser;
  sessionToken?: string;
};
