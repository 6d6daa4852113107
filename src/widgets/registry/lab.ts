// The Lab, the book's playground: its own page (/lab/) and a figure a chapter can embed with a
// preset and hidden controls (`<Lab preset="overfit" hide_export />`).
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { LabProps } from '../Lab/Lab.tsx';

export const labWidgets = {
  Lab: defineWidget<LabProps>({
    name: 'Lab',
    title: () => widgetTitles.Lab,
    // In a chapter's column the Lab stacks its network under its pictures; its own page, wider,
    // reserves less (styles/lab.css).
    height: { wide: 2560, narrow: 2240 },
    load: () => import('../Lab/Lab.tsx'),
  }),
};
