import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '@shop/domain/identity/password-hasher';
import { ServerBusy } from '@shop/domain/shared/errors';
import { passwordQueue, QueueFullError } from './password-queue';

/** OWASP's argon2id parameters; @node-rs/argon2 defaults to argon2id. */
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Hashes through the bounded queue, within `client`'s share of it when given; rejects with
 * QueueFullError when the server (or the client's share) is saturated.
 */
export function hashPassword(password: string, client?: string): Promise<string> {
  return passwordQueue.run(() => hash(password, argon2Options), client);
}

/** False for a wrong password or an unreadable hash; QueueFullError (not false) when saturated. */
export function verifyPassword(
  passwordHash: string,
  password: string,
  client?: string,
): Promise<boolean> {
  return passwordQueue.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, client);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string, client?: string): Promise<false> {
  dummyHash ??= hash('dummy-password-for-timing', argon2Options);
  await verifyPassword(await dummyHash, password, client);
  return false;
}

/** Busy is refused at once, before any password was checked: a queue refusal is `ServerBusy`. */
async function orBusy<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueFullError) throw new ServerBusy();
    throw error;
  }
}

/**
 * The domain's `PasswordHasher`: argon2id through the process's bounded queue, its work held
 * against `clientAddress`'s share of the queue (no share for callers without an address).
 */
export function argon2HasherFor(clientAddress?: string): PasswordHasher {
  return {
    hash: (password) => orBusy(() => hashPassword(password, clientAddress)),
    verify: (passwordHash, password) =>
      orBusy(() => verifyPassword(passwordHash, password, clientAddress)),
    verifyAgainstDummy: (password) => orBusy(() => verifyAgainstDummy(password, clientAddress)),
  };
}

export const argon2Hasher: PasswordHasher = argon2HasherFor();
