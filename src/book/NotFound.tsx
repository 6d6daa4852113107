import { useEffect } from 'react';
import { markContentRendered } from './pageReady.ts';
import { landingHref } from './router.ts';
import { Sentence } from './Sentence.tsx';
import { navStrings as s } from './strings.ts';

export function NotFound() {
  useEffect(() => markContentRendered(), []);
  return (
    <div className="not-found">
      <h1 tabIndex={-1}>{s.notFoundHeading}</h1>
      <p>
        <Sentence text={s.notFoundText} parts={{ link: <a href={landingHref()}>{s.notFoundLink}</a> }} />
      </p>
    </div>
  );
}
