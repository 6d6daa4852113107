// The component map pages render with: the book's own, plus, in test builds only, the test
// widgets (the virtual module is empty in every other build).
import { testComponents } from 'virtual:book/test-components';
import { components, type ComponentMap } from './components.tsx';

export const pageComponents: ComponentMap = { ...components, ...testComponents };
