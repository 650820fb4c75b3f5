import type { Middleware } from 'koa';
import type { FakeContext } from '../fake-context';
import { queryValue } from '../http/json-input';
import { newAccessToken } from '../identifiers';
import type { AccessTokenRecord } from '../state';
import { wxErrors } from './wx-error';

const lifetimeMs = 7200 * 1000;
/** A superseded classic token keeps working this long, so a fleet can roll over without errors. */
const classicGraceMs = 5 * 60 * 1000;
const forceRefreshSpacingMs = 30 * 1000;
const forceRefreshesPerDay = 20;
const dayMs = 86_400_000;

export type TokenGrant = { access_token: string; expires_in: number };

export function checkAppCredentials(fake: FakeContext, input: { appid?: string; secret?: string; grantType?: string; expectedGrantType: string }): void {
  if (!input.appid) throw wxErrors.missingAppid();
  if (input.appid !== fake.options.appid) throw wxErrors.invalidAppid();
  if (!input.secret) throw wxErrors.missingAppSecret();
  if (input.secret !== fake.options.secret) throw wxErrors.invalidAppSecret();
  if (input.grantType !== input.expectedGrantType) throw wxErrors.invalidGrantType();
}

function issue(fake: FakeContext, kind: AccessTokenRecord['kind']): AccessTokenRecord {
  const now = fake.clock.now();
  const record: AccessTokenRecord = { token: newAccessToken(), kind, issuedAt: now, expiresAt: now + lifetimeMs };
  fake.state.accessTokens.set(record.token, record);
  fake.state.currentTokens[kind] = record.token;
  return record;
}

function grant(fake: FakeContext, record: AccessTokenRecord): TokenGrant {
  return { access_token: record.token, expires_in: Math.max(0, Math.floor((record.expiresAt - fake.clock.now()) / 1000)) };
}

function supersede(fake: FakeContext, token: string | undefined, graceMs: number): void {
  const previous = token === undefined ? undefined : fake.state.accessTokens.get(token);
  if (previous && previous.invalidAfter === undefined) previous.invalidAfter = fake.clock.now() + graceMs;
}

/** GET /cgi-bin/token: every call mints a new token; the previous one dies 5 minutes later. */
export function issueClassicToken(fake: FakeContext): TokenGrant {
  supersede(fake, fake.state.currentTokens.classic, classicGraceMs);
  return grant(fake, issue(fake, 'classic'));
}

/**
 * POST /cgi-bin/stable_token: the same token while it is valid. A forced refresh (at most 20 a day,
 * 30 s apart) kills the previous stable token at once. Stable and classic tokens are independent.
 */
export function issueStableToken(fake: FakeContext, forceRefresh: boolean): TokenGrant {
  const now = fake.clock.now();
  const current = fake.state.currentTokens.stable === undefined ? undefined : fake.state.accessTokens.get(fake.state.currentTokens.stable);
  if (!forceRefresh && current && current.expiresAt > now) return grant(fake, current);
  if (forceRefresh) {
    const recent = fake.state.forcedStableRefreshes.filter((at) => now - at < dayMs);
    const last = recent.at(-1);
    if (recent.length >= forceRefreshesPerDay || (last !== undefined && now - last < forceRefreshSpacingMs)) throw wxErrors.quotaLimit();
    fake.state.forcedStableRefreshes.push(now);
  }
  supersede(fake, fake.state.currentTokens.stable, 0);
  return grant(fake, issue(fake, 'stable'));
}

export function assertAccessToken(fake: FakeContext, token: string | undefined): void {
  if (!token) throw wxErrors.missingAccessToken();
  const record = fake.state.accessTokens.get(token);
  const now = fake.clock.now();
  if (!record || (record.invalidAfter !== undefined && now >= record.invalidAfter)) throw wxErrors.invalidCredential();
  if (now >= record.expiresAt) throw wxErrors.accessTokenExpired();
}

/** Guards the APIs that take `?access_token=`. */
export function requireAccessToken(fake: FakeContext): Middleware {
  return async (ctx, next) => {
    assertAccessToken(fake, queryValue(ctx.query, 'access_token'));
    await next();
  };
}
