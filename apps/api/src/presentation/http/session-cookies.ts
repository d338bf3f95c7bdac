/**
 * The session cookie: its name, its lifetime and the three things done with it. The application
 * hands tokens out and takes them in as plain strings; only this file knows they travel in a cookie.
 */
import type { CookieJar } from './cookies';
import { sessionMaxAgeSeconds } from '@shop/domain/identity/session';

export const sessionCookie = 'shop_session';

/** Every value the header carries: a cookie planted beside ours must not shadow it. */
export function sessionTokens(cookies: CookieJar): string[] {
  return cookies.getAll(sessionCookie);
}

export function setSessionCookie(cookies: CookieJar, token: string): void {
  cookies.set(sessionCookie, token, { maxAge: sessionMaxAgeSeconds });
}

export function clearSessionCookie(cookies: CookieJar): void {
  cookies.clear(sessionCookie);
}
