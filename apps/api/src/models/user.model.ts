import type { ChangePasswordInput, LogInInput, SignUpInput } from '@shop/contract/auth';
import { ShopError, invalidCredentials } from './errors';
import { hasPrismaCode, type Db } from './db';
import { assertNotThrottled, clearFailures, recordFailure } from './login-throttle.model';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { replaceAllSessions, type SessionUser } from './session.model';

const userFields = { id: true, name: true, email: true, role: true } as const;

export async function signUp(db: Db, input: SignUpInput): Promise<SessionUser> {
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

/** Unknown email and wrong password fail alike, in about the same time; failures are throttled. */
export async function logIn(db: Db, input: LogInInput): Promise<SessionUser> {
  await assertNotThrottled(db, input.email);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { ...userFields, passwordHash: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordFailure(db, input.email);
    throw invalidCredentials();
  }
  await clearFailures(db, input.email);
  const { passwordHash: _hash, ...sessionUser } = user;
  return sessionUser;
}

/** Checks the current password, stores the new one and returns the token of a fresh session. */
export async function changePassword(
  db: Db,
  userId: string,
  input: ChangePasswordInput,
): Promise<string> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ShopError('BAD_REQUEST', 'Your current password is not correct');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return replaceAllSessions(tx, userId);
  });
}
