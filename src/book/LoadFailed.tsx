// What a page says when its code could not be loaded (a network failure): why, and a link to the
// same address, which loads the page again. Leaving it forgets the failure, so that the next visit
// by a link tries again (loads.ts).
import { useEffect, useRef } from 'react';
import { Sentence } from './Sentence.tsx';
import { navStrings as s } from './strings.ts';

export function LoadFailed({ text, error, href, forget }: { text: string; error: Error; href: string; forget: () => void }) {
  // On leaving; the page, and so what it forgets, is one per address.
  const onLeave = useRef(forget);
  useEffect(() => () => onLeave.current(), []);
  return (
    <div className="chapter-error" role="alert">
      <p>
        <Sentence text={text} parts={{ error: error.message }} />
      </p>
      <p>
        <a href={href}>{s.tryAgain}</a>
      </p>
    </div>
  );
}
