// Types of the modules the book's Vite plugins generate (src/book/build/vitePlugins.ts).

declare module 'virtual:book/chapters' {
  /** One entry per chapter; `load` resolves to a compiled chapter (see ChapterModule in chapters.ts). */
  export const chapters: {
    slug: string;
    order: number;
    title: string;
    summary: string;
    testOnly: boolean;
    /** The worked-value keys of its checked exercises. */
    exercises: string[];
    load: () => Promise<unknown>;
  }[];
}

declare module 'virtual:book/test-components' {
  import type { ComponentType } from 'react';
  // Widgets take their own props; the map is checked where it is used, as for any MDX tag.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each widget takes its own props, checked where the map is used
  export const testComponents: Record<string, ComponentType<any>>;
}
