import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '~/trpc/server';
import { ChangePasswordForm } from '~/app/_components/change-password-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const me = await requireUser('/account');
  return (
    <>
      <h1>Your account</h1>
      <dl className="details">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>Email</dt>
        <dd>{me.email}</dd>
      </dl>
      <p>
        <Link href="/orders">Your orders</Link>
      </p>
      <section aria-labelledby="change-password-heading">
        <h2 id="change-password-heading">Change password</h2>
        <ChangePasswordForm />
      </section>
    </>
  );
}
