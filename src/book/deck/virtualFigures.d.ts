// The type of the module the book's Vite plugin makes with src/book/deck/figureIndex.ts (whose
// `ChapterFigures` this repeats: an ambient module cannot import a relative path).
declare module 'virtual:book/figures' {
  type PropValue = string | number | boolean | PropValue[] | { [key: string]: PropValue };
  export const figureChapters: {
    slug: string;
    figures: { id: string; component: string; section: string; props: Record<string, PropValue> }[];
  }[];
}
