import { z } from 'zod';
import { text } from './text';

export const email = text()
  .trim()
  .toLowerCase()
  .max(254, 'Email is at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

/** A new password's length, in characters. */
export const passwordLength = { min: 8, max: 128 } as const;

const password = text()
  .min(passwordLength.min, `Password must be at least ${passwordLength.min} characters`)
  .max(passwordLength.max, `Password must be at most ${passwordLength.max} characters`);

export const signUpInput = z
  .object({
    name: text().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters'),
    email,
    password,
  })
  .refine((v) => v.password.trim().toLowerCase() !== v.email, {
    message: 'Password must not be your email address',
    path: ['password'],
  });
export type SignUpInput = z.infer<typeof signUpInput>;

export const logInInput = z.object({
  email,
  password: text().min(1, 'Password is required').max(128),
});
export type LogInInput = z.infer<typeof logInInput>;

export const changePasswordInput = z
  .object({
    currentPassword: text().min(1, 'Current password is required').max(128),
    newPassword: password,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'New password must differ from the current one',
    path: ['newPassword'],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
