import { changePasswordInput, logInInput, signUpInput } from '@shop/contract/auth';
import { changePassword } from '../../application/identity/change-password';
import { logIn } from '../../application/identity/log-in';
import { logOut } from '../../application/identity/log-out';
import { signUp } from '../../application/identity/sign-up';
import { startSession } from '../../application/identity/start-session';
import {
  DomainError,
  EmailAlreadyRegistered,
  ServerBusy,
  TooManyAttempts,
} from '@shop/domain/shared/errors';
import type { AccountProfile } from '@shop/domain/identity/account';
import { mergeGuestCart } from '../../application/shopping/merge-guest-cart';
import { protectedProcedure, publicProcedure, router, type Context } from '../trpc';
import { userView } from '../presenters/user.presenter';
import { guestCartCookie } from '../http/cart-cookie';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookies';

/**
 * Security events for the log: what was refused and why, with the email, account or address it
 * concerned, never a password or token. `what` names the action: `login`, `password_change`, `signup`.
 */
function logRefusal(ctx: Context, what: string, error: unknown, fields: Record<string, unknown>) {
  if (error instanceof ServerBusy) {
    ctx.log.warn({ event: 'auth.password_queue_full', action: what, ...fields }, 'server busy');
  } else if (error instanceof TooManyAttempts) {
    ctx.log.warn(
      { event: `auth.${what}_throttled`, ...fields, retryAfterSeconds: error.retryAfterSeconds },
      `${what} refused: too many attempts`,
    );
  } else if (error instanceof DomainError && !(error instanceof EmailAlreadyRegistered)) {
    ctx.log.warn({ event: `auth.${what}_failed`, ...fields }, `${what} failed`);
  }
}

/** Signs the browser in as `user`: a fresh session cookie, and its guest cart moved over. */
async function beginSession(ctx: Context, user: AccountProfile) {
  const guestCartToken = ctx.cookies.get(guestCartCookie);
  const token = await startSession(
    {
      ...ctx.identity,
      mergeGuestCart: (tokenHash, userId) => mergeGuestCart(ctx.shopping, tokenHash, userId),
    },
    { userId: user.id, replacedSessionId: ctx.session?.id ?? null, guestCartToken },
  );
  setSessionCookie(ctx.cookies, token);
  if (guestCartToken) ctx.cookies.clear(guestCartCookie);
  return userView(user);
}

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.session ? userView(ctx.session.user) : null)),

  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    const clientAddress = ctx.request?.clientAddress;
    try {
      const user = await signUp({ ...ctx.identity, limits: ctx.auth }, input, clientAddress);
      return await beginSession(ctx, user);
    } catch (error) {
      logRefusal(ctx, 'signup', error, { clientAddress });
      throw error;
    }
  }),

  logIn: publicProcedure.input(logInInput).mutation(async ({ ctx, input }) => {
    const clientAddress = ctx.request?.clientAddress;
    let user;
    try {
      user = await logIn({ ...ctx.identity, limits: ctx.auth }, input, clientAddress);
    } catch (error) {
      logRefusal(ctx, 'login', error, { email: input.email, clientAddress });
      throw error;
    }
    ctx.log.info({ event: 'auth.login', userId: user.id }, 'logged in');
    return beginSession(ctx, user);
  }),

  logOut: publicProcedure.mutation(async ({ ctx }) => {
    await logOut(ctx.identity, ctx.session?.id ?? null);
    clearSessionCookie(ctx.cookies);
    return { ok: true as const };
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    try {
      const token = await changePassword({ ...ctx.identity, limits: ctx.auth }, ctx.user.id, input);
      setSessionCookie(ctx.cookies, token);
    } catch (error) {
      logRefusal(ctx, 'password_change', error, { userId: ctx.user.id });
      throw error;
    }
    ctx.log.info({ event: 'auth.password_changed', userId: ctx.user.id }, 'password changed');
    return { ok: true as const };
  }),
});
