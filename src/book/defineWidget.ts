// `defineWidget` lives with the frame it wraps widgets in; this module is the short import path.
export { defineWidget, type WidgetDefinition, type WidgetRenderProps } from './WidgetFrame.tsx';
