/**
 * tRPC glue: the request context (each context's ports, cookies, the session user), the three procedure
 * kinds, the cross-site guard for mutations, and the one mapping from model errors to TRPCErrors.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { CookieJar } from './http/cookies';
import { silentLog, type Log } from '../application/log';
import { defaultAuthSettings, type AuthSettings } from '../application/identity/auth-settings';
import { resolveSession } from '../application/identity/resolve-session';
import type { IdentityDeps } from '../application/identity/deps';
import type { AppPorts } from '../application/ports';
import { mayAdvanceOrders } from '@shop/domain/identity/account';
import { DomainError } from '@shop/domain/shared/errors';
import type { Limit } from '@shop/domain/shared/attempt-limit';
import { defaultGuestCartLimit } from '@shop/domain/shopping/guest-cart-limit';
import { toTrpcError } from './error-map';
import {
  defaultCheckoutSettings,
  type CheckoutSettings,
} from '../application/ordering/checkout-settings';
import { clearSessionCookie, sessionTokens } from './http/session-cookies';
import type { OrderingDeps } from '../application/ordering/deps';
import type { ShoppingDeps } from '../application/shopping/deps';

/** The request headers the mutation guard looks at; absent for in-process callers. */
export interface RequestInfo {
  contentType?: string | undefined;
  origin?: string | undefined;
  secFetchSite?: string | undefined;
  /** The client's address (X-Forwarded-For believed only from trusted proxies); for rate limits. */
  clientAddress?: string | undefined;
}

export interface CreateContextOptions {
  /** Every context's adapters, built once by the composition root (wiring.ts). */
  ports: AppPorts;
  cookies: CookieJar;
  request?: RequestInfo | null;
  allowedOrigins?: readonly string[];
  /** The request's logger (bound to its request id); silent when omitted. */
  log?: Log;
  /** Checkout's patience; `defaultCheckoutSettings` when omitted. */
  checkout?: Partial<CheckoutSettings>;
  /** Log-in/sign-up limits and the session idle timeout; `defaultAuthSettings` when omitted. */
  auth?: Partial<AuthSettings>;
  /** New guest carts per client address per window; `defaultGuestCartLimit` when omitted. */
  guestCartLimit?: Limit;
}

export async function createContext(opts: CreateContextOptions) {
  const auth: AuthSettings = { ...defaultAuthSettings, ...opts.auth };
  const {
    catalog,
    identity: identityPorts,
    ordering: orderingPorts,
    shopping: shoppingPorts,
    operations,
  } = opts.ports;
  const checkout: CheckoutSettings = { ...defaultCheckoutSettings, ...opts.checkout };
  const tokens = sessionTokens(opts.cookies);
  const { session, conflict } = await resolveSession(
    { ...identityPorts, idleDays: auth.sessionIdleDays },
    tokens,
  );
  if (conflict) {
    opts.log?.warn({ event: 'auth.session_conflict' }, 'cookies named two accounts; none believed');
  } else if (tokens.length > 0 && !session) {
    // Clearing is safe only when nothing live was presented: it deletes our own cookie.
    clearSessionCookie(opts.cookies);
  }
  const log = opts.log ?? silentLog;
  const clientAddress = opts.request?.clientAddress;
  const shopping: ShoppingDeps = {
    ...shoppingPorts,
    log,
    clientAddress: clientAddress ?? null,
    guestCartLimit: opts.guestCartLimit ?? defaultGuestCartLimit,
  };
  const identity: IdentityDeps = {
    ...identityPorts,
    ...(clientAddress ? { hasher: identityPorts.hasherFor(clientAddress) } : {}),
    log,
  };
  const ordering: OrderingDeps = { ...orderingPorts, log };
  return {
    ordering,
    identity,
    catalog,
    shopping,
    operations,
    cookies: opts.cookies,
    request: opts.request ?? null,
    allowedOrigins: opts.allowedOrigins ?? [],
    log,
    checkout,
    auth,
    session,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

/** Messages for errors raised by tRPC itself; internal errors never reveal their cause. */
const plainMessages: Partial<Record<TRPCError['code'], string>> = {
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again.',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
};

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    const zodError = error.cause instanceof z.ZodError ? error.cause : null;
    const message = zodError
      ? describeIssues(zodError)
      : (plainMessages[error.code] ?? shape.message);
    if (error.cause instanceof SyntaxError && error.code !== 'INTERNAL_SERVER_ERROR') {
      return {
        ...shape,
        message: 'The request body is not valid JSON',
        data: { ...data, zodError: null, issues: null },
      };
    }
    return {
      ...shape,
      message,
      data: {
        ...data,
        zodError: zodError ? z.flattenError(zodError) : null,
        issues:
          zodError?.issues.map(({ path, message }) => ({ path: path.map(String), message })) ??
          null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A plain HTML form on another site can only send form encodings and is marked cross-site by the
 * browser; mutations therefore require JSON and an allowed (or absent) Origin.
 */
function assertMutationAllowed(request: RequestInfo, allowedOrigins: readonly string[]): void {
  const contentType = request.contentType?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    throw new TRPCError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send mutations as application/json',
    });
  }
  const crossSite = request.secFetchSite?.toLowerCase() === 'cross-site';
  if (crossSite || (request.origin !== undefined && !allowedOrigins.includes(request.origin))) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site requests are not allowed' });
  }
}

const guarded = t.middleware(async ({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.request) assertMutationAllowed(ctx.request, ctx.allowedOrigins);
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError)
    throw toTrpcError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(guarded);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please log in first' });
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!mayAdvanceOrders(ctx.user.role))
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Admins only' });
  return next();
});
