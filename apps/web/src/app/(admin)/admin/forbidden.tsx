import Link from 'next/link';
import { getMe } from '~/trpc/server';

/** What a signed-in shopper who is not an admin sees in the back office, with status 403. */
export default async function Forbidden() {
  const me = await getMe();
  return (
    <>
      <h1>Access denied</h1>
      <p role="alert" className="form-error">
        Forbidden: the back office is for shop administrators only.
        {me ? ` You are logged in as ${me.email}.` : ''}
      </p>
      <p>
        <Link href="/">Back to the shop</Link>
      </p>
    </>
  );
}
