// Test-only widgets, merged into the component map in test builds only. They exercise the widget
// frame, the fuzz and the error boundary before (and besides) the book's own widgets.
import type { ComponentType } from 'react';
import { defineWidget } from '../../src/book/defineWidget.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test widget takes its own props
export const testComponents: Record<string, ComponentType<any>> = {
  ControlsLab: defineWidget({
    name: 'ControlsLab',
    title: () => 'Test: one neuron, every kind of control',
    height: { wide: 320, narrow: 480 },
    load: () => import('./ControlsLab.tsx'),
  }),
  ErrorProbe: defineWidget({
    name: 'ErrorProbe',
    title: () => 'Test: a figure that fails on request',
    height: 140,
    load: () => import('./ErrorProbe.tsx'),
  }),
};
