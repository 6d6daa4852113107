// The figures a deck can show: every named figure of every chapter (read at build time, see
// figureIndex.ts) whose component the book has, with its chapter, title and the chapter's props.
import type { ComponentType } from 'react';
import { figureChapters } from 'virtual:book/figures';
import { testComponents } from 'virtual:book/test-components';
import { widgetTitles } from '../../widgets/registry/strings.ts';
import { chapters } from '../chapters.ts';
import { widgetComponents, type ComponentMap } from '../components.tsx';
import { chapterHref } from '../router.ts';
import { frameElementId, widgetParamName } from '../urlState.ts';
import type { FigureLookup } from './deckLink.ts';
import type { PropValue } from './figureIndex.ts';

export interface Figure {
  chapter: string;
  id: string;
  component: string;
  section: string;
  props: Record<string, PropValue>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each widget takes its own props, the chapter's as written
  Component: ComponentType<any>;
}

export interface DeckChapter {
  slug: string;
  order: number;
  title: string;
  figures: Figure[];
}

// Widgets only (a tag such as <Note id=…> is not a figure); test builds add the test widgets.
const widgets: ComponentMap = { ...widgetComponents, ...testComponents };

export const deckChapters: DeckChapter[] = chapters.flatMap((meta) => {
  const found = figureChapters.find((c) => c.slug === meta.slug);
  const figures = (found?.figures ?? []).flatMap((f) => {
    const Component = widgets[f.component];
    return Component ? [{ chapter: meta.slug, ...f, Component }] : [];
  });
  return figures.length ? [{ slug: meta.slug, order: meta.order, title: meta.title, figures }] : [];
});

export function findFigure(chapter: string, id: string): Figure | undefined {
  return deckChapters.find((c) => c.slug === chapter)?.figures.find((f) => f.id === id);
}

export function chapterOf(slug: string): DeckChapter | undefined {
  return deckChapters.find((c) => c.slug === slug);
}

/** The figure's title as its frame shows it, in the page's locale. */
export function figureTitle(figure: Figure): string {
  return (widgetTitles as unknown as Record<string, string | undefined>)[figure.component] ?? figure.component;
}

/** A scene's heading: its own title, else its figure's, else the figure's name. */
export function sceneTitle(scene: { chapter: string; figure: string; title: string }): string {
  const figure = findFigure(scene.chapter, scene.figure);
  return scene.title || (figure ? figureTitle(figure) : scene.figure);
}

export const figureLookup: FigureLookup = (chapter, id) => {
  const found = chapterOf(chapter);
  if (!found) return 'no-chapter';
  return found.figures.some((f) => f.id === id) ? 'known' : 'no-figure';
};

/** The figure's address in its chapter, opening in this state (`encoded`, a link parameter's value). */
export function figureHref(figure: Figure, encoded: string | null): string {
  const search = encoded ? `?${widgetParamName(figure.id)}=${encoded}` : '';
  return new URL(`${chapterHref(figure.chapter)}${search}#${frameElementId(figure.id)}`, location.href).href;
}
