import { changePasswordInput, logInInput, signUpInput } from '@shop/contract/auth';
import { ShopError } from '../../models/errors';
import { QueueFullError } from '../../models/password-queue';
import { RateLimitedError } from '../../models/rate-limit.model';
import { deleteSession, sessionCookie } from '../../models/session.model';
import { changePassword, logIn, signUp } from '../../models/user.model';
import { protectedProcedure, publicProcedure, router, type Context } from '../trpc';
import { userView } from '../presenters/user.presenter';
import { setSessionCookie, startSession } from '../http/session-cookies';

/**
 * Security events for the log: what was refused and why, with the email, account or address it
 * concerned, never a password or token. `what` names the action: `login`, `password_change`, `signup`.
 */
function logRefusal(ctx: Context, what: string, error: unknown, fields: Record<string, unknown>) {
  if (error instanceof RateLimitedError) {
    ctx.log.warn(
      { event: `auth.${what}_throttled`, ...fields, retryAfterSeconds: error.retryAfterSeconds },
      `${what} refused: too many attempts`,
    );
  } else if (error instanceof QueueFullError) {
    ctx.log.warn({ event: 'auth.password_queue_full', action: what, ...fields }, 'server busy');
  } else if (error instanceof ShopError && error.code !== 'CONFLICT') {
    ctx.log.warn({ event: `auth.${what}_failed`, ...fields }, `${what} failed`);
  }
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.session ? userView(ctx.session.user) : null)),

  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const clientAddress = ctx.request?.clientAddress;
    try {
      const user = await signUp(ctx.db, input, { clientAddress, limits: ctx.auth });
      return userView(await startSession(ctx, user));
    } catch (error) {
      logRefusal(ctx, 'signup', error, { clientAddress });
      throw error;
    }
  }),

  logIn: publicProcedure.input(logInInput).mutation(async ({ ctx, input }) => {
    let user;
    try {
      user = await logIn(ctx.db, input, ctx.auth);
    } catch (error) {
      logRefusal(ctx, 'login', error, { email: input.email });
      throw error;
    }
    ctx.log.info({ event: 'auth.login', userId: user.id }, 'logged in');
    return userView(await startSession(ctx, user));
  }),

  logOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await deleteSession(ctx.db, ctx.session.id);
    ctx.cookies.clear(sessionCookie);
    return { ok: true as const };
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    try {
      setSessionCookie(ctx, await changePassword(ctx.db, ctx.user.id, input, ctx.auth));
    } catch (error) {
      logRefusal(ctx, 'password_change', error, { userId: ctx.user.id });
      throw error;
    }
    ctx.log.info({ event: 'auth.password_changed', userId: ctx.user.id }, 'password changed');
    return { ok: true as const };
  }),
});
