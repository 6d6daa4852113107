// Fixed markup the build made (a paragraph with nothing interactive in it, a typeset formula,
// highlighted code), placed as HTML inside its element: see build/rehypeStaticHtml.ts. In `vite
// dev` and in tests the string is a prop; in the built site it is the chapter's `k`-th, found in
// the page (staticHtmlStore.ts). Only the build writes these props.
import { createContext, createElement, useContext } from 'react';
import { staticHtmlOf } from './staticHtmlStore.ts';

const ELEMENTS = new Set(['span', 'code', 'p', 'ul', 'ol', 'li', 'blockquote']);

/** The slug of the chapter being rendered, for its fixed markup. */
export const ChapterSlug = createContext('');

export function StaticHtml({ as, className, html, k }: { as: string; className?: string; html?: string; k?: number }) {
  const slug = useContext(ChapterSlug);
  const markup = html ?? (k === undefined ? '' : staticHtmlOf(slug, k));
  return createElement(ELEMENTS.has(as) ? as : 'span', { className, 'data-s': k, dangerouslySetInnerHTML: { __html: markup } });
}
