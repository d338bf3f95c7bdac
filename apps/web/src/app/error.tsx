'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/** Catches a failed page render (e.g. the API is unreachable) without losing the header. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="error-state" role="alert">
      <h1>Something went wrong</h1>
      <p>We could not load this page. Please try again in a moment.</p>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/">Back to the shop</Link>
      </p>
    </div>
  );
}
