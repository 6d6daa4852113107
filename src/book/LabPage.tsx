// The Lab's page: what the Lab is, then the Lab itself across the whole content column, which is
// wider here than a chapter's (styles/lab.css). The Lab is the same widget a chapter embeds, in the
// same frame, named `lab` so that its links read `?w.lab=…`.
import { useEffect } from 'react';
import { widgetComponents } from './components.tsx';
import { markContentRendered } from './pageReady.ts';
import { focusPageHeading, lastNavigationKind, scrollToHash, takeRestoredScroll } from './router.ts';
import { labPageStrings as s } from './strings.ts';

/** The name the page gives its Lab, the `lab` of its links' `w.lab` and of `#widget-lab`. */
export const LAB_FIGURE_ID = 'lab';

export function LabPage() {
  useEffect(() => {
    markContentRendered();
    const kind = lastNavigationKind();
    const restored = kind === 'pop' ? takeRestoredScroll() : null;
    if (restored !== null) {
      window.scrollTo(0, restored);
    } else if (kind === 'initial') {
      // A shared link may end in `#widget-lab`; the frame has its id by now (its layout effect).
      scrollToHash(location.hash);
      return;
    } else if (!scrollToHash(location.hash)) {
      window.scrollTo(0, 0);
    }
    // Reached by a link or Back: move focus to the new page, so a screen reader announces it.
    focusPageHeading();
  }, []);
  // Looked up when rendered: a build whose registries have no Lab shows the page without it.
  const Lab = widgetComponents.Lab;
  return (
    <article className="page-lab" aria-labelledby="lab-title">
      <header className="page-lab-header">
        <h1 id="lab-title" tabIndex={-1}>
          {s.heading}
        </h1>
        <p>{s.intro}</p>
      </header>
      {Lab ? <Lab id={LAB_FIGURE_ID} /> : null}
    </article>
  );
}
