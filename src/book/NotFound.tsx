import { useEffect } from 'react';
import { markContentRendered } from './pageReady.ts';
import { landingHref } from './router.ts';

export function NotFound() {
  useEffect(() => markContentRendered(), []);
  return (
    <div className="not-found">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page at this address. It may have moved when the chapters were renumbered; the{' '}
        <a href={landingHref}>list of chapters</a> has every page of the book.
      </p>
    </div>
  );
}
