import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '~/lib/safe-next';
import { getMe } from '~/trpc/server';
import { LogInForm } from '~/app/_components/log-in-form';

export const metadata: Metadata = { title: 'Log in' };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LogInPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await getMe()) redirect(next);
  return (
    <>
      <h1>Log in</h1>
      <LogInForm next={next} />
    </>
  );
}
