// "In code" tabs from the real source: `<InCode source="src/models/neuron.ts" region="forward">`
// gets, as its first tab, the lines of that file between `// #region forward` and the matching
// `// #endregion`, so the code a chapter shows is the code its widget runs and cannot drift. The
// fenced blocks inside the tag become further tabs, named by their info string (```python PyTorch).
// A missing file or region, or anything but fenced code inside the tag, fails the build at the
// chapter's line.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export const ENGINE_TAB_LABEL = "This book's engine";

/** Lines between `// #region <name>` and its `// #endregion`, nested markers dropped, dedented. */
export function extractRegion(source: string, region: string): string | null {
  const lines = source.split(/\r?\n/);
  const marker = /^\s*\/\/\s*#(region|endregion)\b\s*(.*)$/;
  const start = lines.findIndex((l) => {
    const m = marker.exec(l);
    return m !== null && m[1] === 'region' && m[2].trim() === region;
  });
  if (start < 0) return null;
  const body: string[] = [];
  let depth = 1;
  for (const line of lines.slice(start + 1)) {
    const m = marker.exec(line);
    if (m) {
      depth += m[1] === 'region' ? 1 : -1;
      if (depth === 0) break;
      continue;
    }
    body.push(line);
  }
  if (depth !== 0) return null;
  while (body.length && body[0].trim() === '') body.shift();
  while (body.length && body[body.length - 1].trim() === '') body.pop();
  const indent = Math.min(...body.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return body.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

function attr(node: MdxJsxFlowElement, name: string): string | null {
  const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : null;
}

function tab(label: string, code: Code, source?: string): MdxJsxFlowElement {
  const attributes: MdxJsxAttribute[] = [{ type: 'mdxJsxAttribute', name: 'label', value: label }];
  if (source) attributes.push({ type: 'mdxJsxAttribute', name: 'source', value: source });
  return { type: 'mdxJsxFlowElement', name: 'CodeTab', attributes, children: [code] };
}

export function remarkInCode() {
  return (tree: Root, file: VFile) => {
    const walk = (node: { children?: RootContent[] }) => {
      for (const child of node.children ?? []) {
        if (child.type === 'mdxJsxFlowElement' && child.name === 'InCode') {
          const source = attr(child, 'source');
          const region = attr(child, 'region');
          if (!source || !region) file.fail('<InCode> needs source="src/…" and region="…"', child);
          const full = path.resolve(ROOT, source!);
          if (!full.startsWith(path.join(ROOT, 'src') + path.sep) || !existsSync(full)) {
            file.fail(`<InCode>: source file "${source}" does not exist under src/`, child);
          }
          const code = extractRegion(readFileSync(full, 'utf8'), region!);
          if (code === null) file.fail(`<InCode>: no region "${region}" (// #region ${region} … // #endregion) in ${source}`, child);
          const lang = /\.tsx$/.test(source!) ? 'tsx' : 'typescript';
          const tabs: MdxJsxFlowElement[] = [tab(ENGINE_TAB_LABEL, { type: 'code', lang, meta: null, value: code! }, source!)];
          for (const inner of child.children) {
            if (inner.type !== 'code') file.fail('<InCode> may hold only fenced code blocks (```python PyTorch)', inner);
            const c = inner as Code;
            const label = c.meta?.trim();
            if (!label) file.fail('a code block inside <InCode> needs a tab name after its language (```python PyTorch)', c);
            tabs.push(tab(label!, { ...c, meta: null }));
          }
          child.children = tabs;
          continue;
        }
        walk(child as { children?: RootContent[] });
      }
    };
    walk(tree);
  };
}
