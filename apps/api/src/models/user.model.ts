import type { ChangePasswordInput, LogInInput, SignUpInput } from '@shop/contract/auth';
import { ShopError, invalidCredentials } from './errors';
import { hasPrismaCode, type Db } from '../infrastructure/db/transactions';
import {
  clearLogInAttempts,
  clearPasswordChangeAttempts,
  countLogInAttempt,
  countPasswordChangeAttempt,
  countSignUpAttempt,
  defaultAuthLimits,
  uncountLogInAttempt,
  uncountPasswordChangeAttempt,
  type AuthLimits,
} from './login-throttle.model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { QueueFullError } from './password-queue';
import { replaceAllSessions, type SessionUser } from './session.model';

const userFields = { id: true, name: true, email: true, role: true } as const;

export interface SignUpOptions {
  /** The caller's address when it came over HTTP; sign-ups are limited per address. */
  clientAddress?: string | null | undefined;
  limits?: AuthLimits;
}

export async function signUp(
  db: Db,
  input: SignUpInput,
  options: SignUpOptions = {},
): Promise<SessionUser> {
  if (options.clientAddress) {
    const limits = options.limits ?? defaultAuthLimits;
    await countSignUpAttempt(db, options.clientAddress, limits.signUp);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: userFields,
    });
  } catch (error) {
    if (hasPrismaCode(error, 'P2002')) {
      throw new ShopError('CONFLICT', 'An account with this email already exists');
    }
    throw error;
  }
}

/** Runs a password check; when the hashing queue refuses it, the attempt is given back. */
async function checkOrGiveBack(check: () => Promise<boolean>, giveBack: () => Promise<void>) {
  try {
    return await check();
  } catch (error) {
    if (error instanceof QueueFullError) await giveBack();
    throw error;
  }
}

/**
 * Unknown email and wrong password fail alike, in about the same time. The attempt is counted
 * before the password is checked, so at most `limits.logIn.max` passwords are ever verified per
 * email per window, however the attempts arrive; a success clears the count.
 */
export async function logIn(
  db: Db,
  input: LogInInput,
  limits: AuthLimits = defaultAuthLimits,
): Promise<SessionUser> {
  await countLogInAttempt(db, input.email, limits.logIn);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { ...userFields, passwordHash: true },
  });
  const valid = await checkOrGiveBack(
    () =>
      user ? verifyPassword(user.passwordHash, input.password) : verifyAgainstDummy(input.password),
    () => uncountLogInAttempt(db, input.email),
  );
  if (!user || !valid) throw invalidCredentials();
  await clearLogInAttempts(db, input.email);
  const { passwordHash: _hash, ...sessionUser } = user;
  return sessionUser;
}

/**
 * Checks the current password (counted per account like log-ins), stores the new one and returns
 * the token of a fresh session.
 */
export async function changePassword(
  db: Db,
  userId: string,
  input: ChangePasswordInput,
  limits: AuthLimits = defaultAuthLimits,
): Promise<string> {
  await countPasswordChangeAttempt(db, userId, limits.changePassword);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const valid = await checkOrGiveBack(
    () => verifyPassword(user.passwordHash, input.currentPassword),
    () => uncountPasswordChangeAttempt(db, userId),
  );
  if (!valid) throw new ShopError('BAD_REQUEST', 'Your current password is not correct');
  const passwordHash = await hashPassword(input.newPassword);
  const token = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return replaceAllSessions(tx, userId);
  });
  await clearPasswordChangeAttempts(db, userId);
  return token;
}
