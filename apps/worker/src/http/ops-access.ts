/**
 * Who may see `/admin/*` on the worker: an admin the back office sent here. `GET
 * /admin/queues/login?ticket=…` turns a valid ticket (signed by the API, one minute, used once)
 * into an HttpOnly, SameSite=Strict session cookie for `/admin` (one hour); any other `/admin/*`
 * request without a valid session gets a plain 401. The login answers a page that moves on to the
 * board itself: a Strict cookie set while following a link from another site would not be sent on
 * a redirect, but is on the worker's own next navigation.
 */
import type { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Logger } from '../log';
import { checkOpsSession, checkOpsTicket, opsSessionSeconds, signOpsSession } from './ops-ticket';

export const opsBoardPath = '/admin/queues';
const loginPath = `${opsBoardPath}/login`;
const sessionCookie = 'shop_ops_session';

const refusedTicket =
  'This link to the queues is invalid, expired or already used. Open Queues again from the back office.';
const noSession =
  'The queues are for admins: open Queues from the back office to sign in here (the sign-in lasts an hour).';

const onwardPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Queues</title>
<meta http-equiv="refresh" content="0;url=${opsBoardPath}"></head>
<body><p><a href="${opsBoardPath}">Open the queues</a></p></body></html>`;

export function guardOps(
  app: Hono,
  { secret, log }: { secret: string; log?: Pick<Logger, 'info' | 'warn'> },
): void {
  const seenNonces = new Map<string, number>();
  const guard = createMiddleware(async (c, next) => {
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
    c.header('x-frame-options', 'DENY');
    c.header('x-content-type-options', 'nosniff');
    if (c.req.path === loginPath) return next();
    const session = checkOpsSession(getCookie(c, sessionCookie) ?? '', secret);
    if (!session) return c.text(noSession, 401);
    await next();
  });
  app.use('/admin/*', guard);
  app.get(loginPath, (c) => {
    const check = checkOpsTicket(c.req.query('ticket') ?? '', secret, seenNonces);
    if (!check.ok) {
      log?.warn(
        { event: 'ops.login_refused', reason: check.reason },
        'queue board: ticket refused',
      );
      return c.text(refusedTicket, 401);
    }
    setCookie(c, sessionCookie, signOpsSession(check.payload.sub, secret), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/admin',
      maxAge: opsSessionSeconds,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    log?.info({ event: 'ops.login', admin: check.payload.sub }, 'queue board: admin signed in');
    return c.html(onwardPage);
  });
}
