// A catalogue's sentence with elements inside it: `<Sentence text={s.failed} parts={{ error: <strong>…</strong> }} />`
// renders "This figure stopped with an error: <strong>…</strong>" with the element where the
// sentence puts `{error}`.
import { createElement, Fragment, type ReactNode } from 'react';
import { fillPlaceholders } from '../i18n/index.ts';

export function Sentence({ text, parts }: { text: string; parts: Readonly<Record<string, ReactNode>> }) {
  // As separate children, not a list: the pieces have a fixed order and need no keys.
  return createElement(Fragment, null, ...fillPlaceholders<ReactNode>(text, parts));
}
