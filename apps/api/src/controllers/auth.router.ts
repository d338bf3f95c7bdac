import { changePasswordInput, logInInput, signUpInput } from '@shop/contract/auth';
import { deleteSession, sessionCookie } from '../models/session.model';
import { changePassword, logIn, signUp } from '../models/user.model';
import { protectedProcedure, publicProcedure, router } from '../trpc';
import { userView } from '../views/user.view';
import { setSessionCookie, startSession } from './session-cookies';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }) => (ctx.session ? userView(ctx.session.user) : null)),

  signUp: publicProcedure
    .input(signUpInput)
    .mutation(async ({ ctx, input }) =>
      userView(await startSession(ctx, await signUp(ctx.prisma, input))),
    ),

  logIn: publicProcedure
    .input(logInInput)
    .mutation(async ({ ctx, input }) =>
      userView(await startSession(ctx, await logIn(ctx.prisma, input))),
    ),

  logOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await deleteSession(ctx.prisma, ctx.session.id);
    ctx.cookies.clear(sessionCookie);
    return { ok: true as const };
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    setSessionCookie(ctx, await changePassword(ctx.prisma, ctx.user.id, input));
    return { ok: true as const };
  }),
});
