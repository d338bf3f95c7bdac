import type { SessionUser } from '../../models/session.model';

export function userView(user: SessionUser) {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export type UserView = ReturnType<typeof userView>;
