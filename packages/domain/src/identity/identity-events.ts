import type { DomainEvent } from '../shared/events';

/** A new account was opened (sign-up). */
export type AccountRegistered = DomainEvent<
  'AccountRegistered',
  { accountId: string; email: string }
>;

/** The account's password was replaced; its sessions end with it. */
export type PasswordChanged = DomainEvent<'PasswordChanged', { accountId: string }>;

export type IdentityEvent = AccountRegistered | PasswordChanged;
