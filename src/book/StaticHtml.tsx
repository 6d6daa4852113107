// Fixed markup the build made (a paragraph with nothing interactive in it, a typeset formula,
// highlighted code), placed as HTML inside its element: see build/rehypeStaticHtml.ts. Its links to
// the book's pages take the site's base path and the page's locale here, as ChapterLink's do. In `vite
// dev` and in tests the string is a prop; in the built site it is the chapter's `k`-th, found in
// the page (staticHtmlStore.ts). Only the build writes these props.
import { createContext, createElement, useContext } from 'react';
import { Table } from './headings.tsx';
import { withBaseInHtml } from './links.tsx';
import { staticHtmlOf, textOfMarkup } from './staticHtmlStore.ts';

const ELEMENTS = new Set(['span', 'code', 'p', 'ul', 'ol', 'li', 'blockquote']);

/** The slug of the chapter being rendered, for its fixed markup. */
export const ChapterSlug = createContext('');

/**
 * A tag's words given as a prop (`vite dev`, tests) or, in the built site, as the number of fixed
 * markup holding them in the page (a diagram's source, an exercise's or a box's title): their text.
 */
export function useFixedText(text: string | undefined, k: number | undefined): string | undefined {
  const slug = useContext(ChapterSlug);
  return text ?? (k === undefined ? undefined : textOfMarkup(staticHtmlOf(slug, k)));
}

export function StaticHtml({ as, className, html, k }: { as: string; className?: string; html?: string; k?: number }) {
  const slug = useContext(ChapterSlug);
  const markup = withBaseInHtml(html ?? (k === undefined ? '' : staticHtmlOf(slug, k)));
  const props = { className, 'data-s': k, dangerouslySetInnerHTML: { __html: markup } };
  // A table keeps the frame that lets it scroll sideways on a phone (headings.tsx).
  if (as === 'table') return <Table {...props} />;
  return createElement(ELEMENTS.has(as) ? as : 'span', props);
}
