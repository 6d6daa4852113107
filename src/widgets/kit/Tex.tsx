// TeX typeset with KaTeX inside a widget's own (lazily loaded) chunk. Only for TeX the widgets
// build themselves from numbers and fixed names, never from typed text; trust stays off and a
// malformed formula shows as an error in place rather than throwing.
import katex from 'katex';
import { useMemo } from 'react';

export function Tex({ tex, display = true }: { tex: string; display?: boolean }) {
  const html = useMemo(() => katex.renderToString(tex, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore' }), [tex, display]);
  return display ? <div dangerouslySetInnerHTML={{ __html: html }} /> : <span dangerouslySetInnerHTML={{ __html: html }} />;
}
