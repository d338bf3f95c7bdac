import type { User } from '../../domain/identity/user';

export function userView(user: User) {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export type UserView = ReturnType<typeof userView>;
