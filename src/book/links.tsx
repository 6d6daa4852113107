// Links written in a chapter. A root-absolute link (`/chapters/losses/#mse`) is given the site's
// base path, so the book works when deployed under a sub-path (`BASE_PATH=/book/`), and the page's
// locale, so a chapter in one locale links to the others in the same; relative, in-page and
// external links pass through unchanged.
import type { AnchorHTMLAttributes } from 'react';
import { currentLocale, localeHref } from '../i18n/index.ts';

// Read here rather than from router.ts, which pulls in the chapter list: the content checks import
// the component map in Node without the build's virtual modules.
const BASE = import.meta.env.BASE_URL;

export function withBase(href: string | undefined): string | undefined {
  if (!href || !href.startsWith('/') || href.startsWith('//')) return href;
  if (BASE !== '/' && href.startsWith(BASE)) return href;
  const path = href.slice(1);
  // A page of the book (the landing page, a chapter, the Lab, the glossary…) in the page's locale;
  // a file as it is.
  return /^(chapters\/|lab\/|glossary\/|faq\/|deck\/|[?#]|$)/.test(path) ? localeHref(BASE, path, currentLocale()) : BASE + path;
}

const unescapeAttribute = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The root-absolute links of a chapter's fixed markup (build/rehypeStaticHtml.ts), given the base
 * path and locale as `withBase` gives them; other links, and markup without links, as they are.
 */
export function withBaseInHtml(html: string): string {
  if (!html.includes(' href="/')) return html;
  return html.replace(/ href="(\/[^"]*)"/g, (_, href: string) => ` href="${escapeAttribute(withBase(unescapeAttribute(href))!)}"`);
}

export function ChapterLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...props} href={withBase(props.href)} />;
}
