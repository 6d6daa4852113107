// The Lab's page: what the Lab is, then the Lab itself across the whole content column, which is
// wider here than a chapter's (styles/lab.css). The Lab is the same widget a chapter embeds, in the
// same frame, named `lab` so that its links read `?w.lab=…`.
import { widgetComponents } from './components.tsx';
import { labPageStrings as s } from './strings.ts';
import { usePageArrival } from './usePageArrival.ts';

/** The name the page gives its Lab, the `lab` of its links' `w.lab` and of `#widget-lab`. */
export const LAB_FIGURE_ID = 'lab';

export function LabPage() {
  usePageArrival();
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
