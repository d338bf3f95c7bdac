import { hash, verify } from '@node-rs/argon2';
import { passwordQueue } from './password-queue';

/** OWASP's argon2id parameters; @node-rs/argon2 defaults to argon2id. */
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes through the bounded queue; rejects with QueueFullError when the server is saturated. */
export function hashPassword(password: string): Promise<string> {
  return passwordQueue.run(() => hash(password, argon2Options));
}

/** False for a wrong password or an unreadable hash; QueueFullError (not false) when saturated. */
export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return passwordQueue.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('dummy-password-for-timing', argon2Options);
  await verifyPassword(await dummyHash, password);
  return false;
}
