// The one component map: every tag a chapter uses resolves here (chapters import nothing).
// Widgets are added with `defineWidget`, which keeps each widget's code in its own chunk.
import type { ComponentType } from 'react';
import { Kbd, Note, TryThis, Warning } from './callouts.tsx';
import { H2, H3, H4, Table } from './headings.tsx';
import { Mermaid } from './Mermaid.tsx';
import { ChapterLink } from './links.tsx';

// Each tag takes its own props; MDX passes whatever the chapter wrote, checked by the content tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ComponentMap = Record<string, ComponentType<any>>;

/** Tags chapters write by name (<Note>, <Mermaid> from ```mermaid fences, widgets). */
export const bookComponents: ComponentMap = {
  Note,
  Warning,
  TryThis,
  Kbd,
  Mermaid,
};

/** Plain Markdown elements the book renders its own way. */
export const elementComponents: ComponentMap = {
  h2: H2,
  h3: H3,
  h4: H4,
  table: Table,
  a: ChapterLink,
};

/** Everything a chapter may resolve through, as MDX's `components` prop takes it. */
export const components: ComponentMap = { ...elementComponents, ...bookComponents };
