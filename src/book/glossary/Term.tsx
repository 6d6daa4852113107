// A glossary term's first use in a chapter (written by remarkGlossary.ts): a link to the term on
// the glossary page. The build writes the very same markup into a chapter's fixed HTML wherever the
// term sits in a plain paragraph (build/rehypeStaticHtml.ts), so the term needs no script of its
// own; its card is the page's one card, opened by termCardController.ts.
import type { ReactNode } from 'react';
import { currentLocale, localeHref } from '../../i18n/index.ts';

import { termPath } from './termPath.ts';

/** The term's entry on the glossary page, in the page's locale. */
export function glossaryHref(term: string): string {
  return localeHref(import.meta.env.BASE_URL, termPath(term), currentLocale());
}

export function Term({ term, children }: { term: string; children?: ReactNode }) {
  return (
    <span className="term" data-term={term}>
      <a className="term-link" href={glossaryHref(term)}>
        {children}
      </a>
    </span>
  );
}
