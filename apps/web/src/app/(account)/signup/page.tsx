import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '~/lib/safe-next';
import { getMe } from '~/trpc/server';
import { SignUpForm } from '~/app/_components/sign-up-form';

export const metadata: Metadata = { title: 'Sign up' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getMe()) redirect(next);
  return (
    <>
      <h1>Create your account</h1>
      <SignUpForm next={next} />
    </>
  );
}
