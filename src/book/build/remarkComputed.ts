// Worked numbers into chapters, at build time: `\computed{key}` in math, `<Computed of="key" />` in
// prose (given a `value` attribute here), and `<Exercise answer="key">` (given `answerValue`). The
// numbers come from src/worked/, computed by the engine in Node; an unknown key fails the build
// with the chapter's line. Runs before KaTeX, so math sees plain numbers.
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import type { Node } from 'unist';
import { tsImport } from 'tsx/esm/api';
import path from 'node:path';
import type { ComputedValue } from '../../worked/index.ts';
import { formatWorked } from '../../worked/define.ts';

const WORKED_INDEX = path.resolve(import.meta.dirname, '../../worked/index.ts');

let loading: Promise<Map<string, ComputedValue>> | null = null;

/** Every worked value, computed once per process (the engine on CPU, loaded through tsx). */
export function workedValueTable(): Promise<Map<string, ComputedValue>> {
  loading ??= tsImport(WORKED_INDEX, import.meta.url).then(
    (m: { computeWorkedValues: () => Promise<Map<string, ComputedValue>> }) => m.computeWorkedValues(),
  );
  return loading;
}

const COMPUTED_MACRO = /\\computed\{([^{}]*)\}/g;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type HastLike = { type: string; value?: string; children?: HastLike[] };

function stringAttribute(node: JsxElement, name: string): string | null {
  const attr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  return attr && typeof attr.value === 'string' ? attr.value : null;
}

function numberAttribute(node: JsxElement, name: string): number | null {
  const attr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr || attr.value === null || attr.value === undefined) return null;
  const raw = typeof attr.value === 'string' ? attr.value : attr.value.value;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : null;
}

function setAttribute(node: JsxElement, name: string, value: string): void {
  node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === name));
  node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/** Whether the tree has a `\\computed{}`, a `<Computed>` or an `<Exercise answer=…>`. */
function usesWorkedValues(node: { type: string; value?: unknown; name?: unknown; attributes?: unknown; children?: unknown[] }): boolean {
  if ((node.type === 'math' || node.type === 'inlineMath') && typeof node.value === 'string' && node.value.includes('\\computed')) return true;
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node.name === 'Computed' || (node.name === 'Exercise' && stringAttribute(node as JsxElement, 'answer') !== null))) return true;
  return (node.children ?? []).some((child) => usesWorkedValues(child as typeof node));
}

export function remarkComputed() {
  return async (tree: Root, file: VFile) => {
    // A page with no worked number (a test page, the landing text) never starts the engine.
    if (!usesWorkedValues(tree)) return;
    const table = await workedValueTable();
    const lookup = (key: string, node: Node) => {
      const found = table.get(key.trim());
      if (!found) {
        const known = [...table.keys()].filter((k) => k.split('.')[0] === key.split('.')[0]);
        file.fail(`unknown computed value "${key}"${known.length ? ` (this chapter has: ${known.join(', ')})` : ''}`, node);
      }
      return found;
    };
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        const math = node as unknown as Node & { value: string; data?: { hChildren?: HastLike[] } };
        const substitute = (tex: string) =>
          tex.replace(COMPUTED_MACRO, (_, key: string) => {
            const v = lookup(key, math)!;
            // In TeX a bare comma is punctuation with a space after it: `{,}` keeps 109{,}386 tight.
            return formatWorked(v.value, v.digits).replace('\u2212', '-').replace(/,/g, '{,}');
          });
        math.value = substitute(math.value);
        // remark-math also copies the TeX into data.hChildren as it parses, and that copy is what
        // rehype-katex typesets: substitute there too.
        const rewrite = (h: HastLike) => {
          if (h.type === 'text' && typeof h.value === 'string') h.value = substitute(h.value);
          h.children?.forEach(rewrite);
        };
        math.data?.hChildren?.forEach(rewrite);
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const el = node as JsxElement;
        if (el.name === 'Computed') {
          const key = stringAttribute(el, 'of');
          if (!key) file.fail('<Computed> needs of="<chapter>.<key>"', el);
          const v = lookup(key!, el)!;
          setAttribute(el, 'value', formatWorked(v.value, numberAttribute(el, 'digits') ?? v.digits));
        }
        const answer = stringAttribute(el, 'answer');
        if (el.name === 'Exercise' && answer !== null) {
          const v = lookup(answer, el)!;
          setAttribute(el, 'answerValue', String(v.value));
          setAttribute(el, 'answerText', formatWorked(v.value, v.digits));
        }
      }
      for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
    };
    walk(tree);
  };
}
