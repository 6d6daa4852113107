// The one component map: every tag a chapter uses resolves here (chapters import nothing).
// Widgets are added with `defineWidget`, which keeps each widget's code in its own chunk.
import type { ComponentType } from 'react';
import { Kbd, Note, Predict, TryThis, Warning } from './callouts.tsx';
import { H2, H3, H4, Table } from './headings.tsx';
import { Mermaid } from './Mermaid.tsx';
import { ChapterLink } from './links.tsx';
import { CodeBlock } from './CodeBlock.tsx';
import { CodeTab, InCode } from './codeTabs.tsx';
import { Exercise, Hint, Solution } from './exercises.tsx';
import { StaticHtml } from './StaticHtml.tsx';
import { Computed } from './worked.tsx';
import { Term } from './glossary/Term.tsx';

// The book's widgets, one registry file per chapter (src/widgets/registry/<chapter>.ts); each
// widget's code is its own lazy chunk, so the registries themselves are small.
// Each registry module exports one object of `defineWidget(...)` components, named after its chapter.
// (strings.ts beside them holds the figures' titles, not components.)
const registries = import.meta.glob<Record<string, ComponentMap>>(['../widgets/registry/*.ts', '!../widgets/registry/strings.ts'], { eager: true });
export const widgetComponents: ComponentMap = Object.assign({}, ...Object.values(registries).flatMap((m) => Object.values(m)));

// Each tag takes its own props; MDX passes whatever the chapter wrote, checked by the content tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each tag takes its own props, checked by the content tests
export type ComponentMap = Record<string, ComponentType<any>>;

/** Tags chapters write by name (<Note>, <Mermaid> from ```mermaid fences, widgets). */
export const bookComponents: ComponentMap = {
  Note,
  Warning,
  TryThis,
  Predict,
  Kbd,
  Mermaid,
  Computed,
  Exercise,
  Hint,
  Solution,
  InCode,
  CodeTab,
  Term,
  StaticHtml,
  ...widgetComponents,
};

/** Plain Markdown elements the book renders its own way. */
export const elementComponents: ComponentMap = {
  h2: H2,
  h3: H3,
  h4: H4,
  table: Table,
  a: ChapterLink,
  pre: CodeBlock,
};

/** Everything a chapter may resolve through, as MDX's `components` prop takes it. */
export const components: ComponentMap = { ...elementComponents, ...bookComponents };
