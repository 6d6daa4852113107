// The HTML elements a chapter may write as plain lowercase JSX (WHATWG HTML Living Standard, §4,
// plus the SVG and MathML roots). Anything else lowercase is a typo or a component that should be
// capitalised: React would render it as an unknown element.
export const HTML_ELEMENTS = new Set(
  (
    'a abbr address area article aside audio b bdi bdo blockquote br button canvas caption cite code col colgroup ' +
    'data datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 ' +
    'header hgroup hr i iframe img input ins kbd label legend li main map mark menu meter nav noscript object ol ' +
    'optgroup option output p picture pre progress q rp rt ruby s samp search section select slot small source ' +
    'span strong sub summary sup table tbody td template textarea tfoot th thead time tr track u ul var video wbr ' +
    'svg math'
  ).split(' '),
);
