// What a page of the book (the Lab, the glossary, the questions, the decks) does on arrival: it
// says its content is rendered, then starts where the reader should be: where they were (Back),
// at the link's #anchor (a shared link may end in `#widget-lab`; the frame has its id by now, its
// layout effect), or at the top, with focus on its heading when reached by a link or Back, so a
// screen reader announces the new page. Chapters do more (diagrams drawn later): ChapterPage.tsx.
import { useEffect } from 'react';
import { markContentRendered } from './pageReady.ts';
import { focusPageHeading, lastNavigationKind, scrollToHash, takeRestoredScroll } from './router.ts';

export function usePageArrival(): void {
  useEffect(() => {
    markContentRendered();
    const kind = lastNavigationKind();
    const restored = kind === 'pop' ? takeRestoredScroll() : null;
    if (restored !== null) window.scrollTo(0, restored);
    else if (kind === 'initial') {
      scrollToHash(location.hash);
      return;
    } else if (!scrollToHash(location.hash)) window.scrollTo(0, 0);
    focusPageHeading();
  }, []);
}
