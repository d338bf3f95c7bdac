import type { AccountProfile } from '@shop/domain/identity/account';

export function userView(user: AccountProfile) {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export type UserView = ReturnType<typeof userView>;
