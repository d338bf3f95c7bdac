import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="error-state">
      <h1>Page not found</h1>
      <p>
        We couldn&apos;t find what you were looking for. It may have been removed, or the link may
        be wrong.
      </p>
      <p>
        <Link href="/">Browse the catalog</Link>
      </p>
    </div>
  );
}
