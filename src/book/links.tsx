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
  // A page of the book (the landing page, a chapter) in the page's locale; a file as it is.
  return /^(chapters\/|[?#]|$)/.test(path) ? localeHref(BASE, path, currentLocale()) : BASE + path;
}

export function ChapterLink(props: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a {...props} href={withBase(props.href)} />;
}
