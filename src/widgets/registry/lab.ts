// The Lab, the book's playground: its own page (/lab/) and a figure a chapter can embed with a
// preset and hidden controls (`<Lab preset="overfit" hide_export />`).
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { LabProps } from '../Lab/Lab.tsx';

export const labWidgets = {
  Lab: defineWidget<LabProps>({
    name: 'Lab',
    title: () => widgetTitles.Lab,
    height: { wide: 1600, narrow: 1900 },
    load: () => import('../Lab/Lab.tsx'),
  }),
};
