/** What an account may do; the same words as the database's `Role`, so rows pass straight in. */
export type Role = 'CUSTOMER' | 'ADMIN';

/** An account as the shop shows and checks it: never its password hash. */
export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
}
