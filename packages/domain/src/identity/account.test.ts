import { describe, expect, it } from 'vitest';
import { WrongCurrentPassword } from '../shared/errors';
import { Account, mayAdvanceOrders, type AccountState } from './account';
import type { PasswordHasher } from './password-hasher';

/** A stand-in hasher: the hash of `p` is `hashed:p`. */
const hasher: PasswordHasher = {
  hash: (password) => Promise.resolve(`hashed:${password}`),
  verify: (hash, password) => Promise.resolve(hash === `hashed:${password}`),
  verifyAgainstDummy: () => Promise.resolve(false),
};

const at = new Date('2025-06-01T12:00:00Z');
const stored: AccountState = {
  id: 'u1',
  name: 'Ada',
  email: 'ada@shop.test',
  role: 'CUSTOMER',
  passwordHash: 'hashed:old password',
};

describe('registering an account', () => {
  it('opens a customer account with a normalized email and records AccountRegistered', () => {
    const account = Account.register({
      id: 'u1',
      name: ' Ada ',
      email: ' Ada@Shop.Test',
      passwordHash: 'h',
      at,
    });
    expect(account.profile()).toEqual({
      id: 'u1',
      name: 'Ada',
      email: 'ada@shop.test',
      role: 'CUSTOMER',
    });
    expect(account.isAdmin).toBe(false);
    expect(account.pullEvents()).toEqual([
      {
        type: 'AccountRegistered',
        version: 1,
        data: { accountId: 'u1', email: 'ada@shop.test' },
        occurredAt: at,
      },
    ]);
    expect(account.pullEvents()).toEqual([]);
  });

  it('records nothing when loaded from storage', () => {
    expect(Account.rehydrate(stored).pullEvents()).toEqual([]);
  });
});

describe('changing the password', () => {
  it('stores the new hash and records PasswordChanged once the current password matched', async () => {
    const account = Account.rehydrate(stored);
    await account.changePassword({
      currentPassword: 'old password',
      newPassword: 'new password',
      hasher,
      at,
    });
    expect(account.passwordHash).toBe('hashed:new password');
    expect(account.pullEvents()).toMatchObject([
      { type: 'PasswordChanged', data: { accountId: 'u1' } },
    ]);
  });

  it('changes nothing when the current password is wrong', async () => {
    const account = Account.rehydrate(stored);
    await expect(
      account.changePassword({ currentPassword: 'guess', newPassword: 'x', hasher, at }),
    ).rejects.toThrow(WrongCurrentPassword);
    expect(account.passwordHash).toBe('hashed:old password');
    expect(account.pullEvents()).toEqual([]);
  });
});

describe('Rule 8 — only an admin moves an order into shipping', () => {
  it('lets an admin advance orders', () => {
    const admin = Account.rehydrate({ ...stored, role: 'ADMIN' });
    expect(admin.isAdmin).toBe(true);
    expect(admin.mayAdvanceOrders).toBe(true);
    expect(mayAdvanceOrders('ADMIN')).toBe(true);
  });

  it('refuses a customer, and a new account is always a customer', () => {
    expect(Account.rehydrate(stored).mayAdvanceOrders).toBe(false);
    expect(mayAdvanceOrders('CUSTOMER')).toBe(false);
    const fresh = Account.register({
      id: 'u2',
      name: 'B',
      email: 'b@shop.test',
      passwordHash: 'h',
      at,
    });
    expect(fresh.role).toBe('CUSTOMER');
    expect(fresh.mayAdvanceOrders).toBe(false);
  });
});
