// The landing page: what the book is, the way to the Lab, whom the book is for, and the chapters
// with their summaries.
import { useEffect } from 'react';
import { chapters } from './chapters.ts';
import { markContentRendered } from './pageReady.ts';
import { ProgressSummary } from './ProgressSummary.tsx';
import { chapterHref, focusPageHeading, labHref, lastNavigationKind } from './router.ts';
import { chapterNumber } from './Sidebar.tsx';
import { landingStrings as s, siteStrings } from './strings.ts';

export function Landing() {
  useEffect(() => {
    if (lastNavigationKind() !== 'initial') {
      window.scrollTo(0, 0);
      focusPageHeading();
    }
    markContentRendered();
  }, []);
  const book = chapters.filter((c) => !c.testOnly);
  return (
    <div className="landing">
      <header className="landing-hero">
        <h1 tabIndex={-1}>{siteStrings.bookTitle}</h1>
        <p className="lede">{siteStrings.tagline}</p>
        <p>{s.intro}</p>
        {book[0] ? (
          <p>
            <a className="button-link" href={chapterHref(book[0].slug)}>
              {s.startReading(book[0].title)}
            </a>
          </p>
        ) : null}
      </header>
      <section className="landing-lab" aria-labelledby="the-lab">
        <h2 id="the-lab">{s.labHeading}</h2>
        <p>{s.labText}</p>
        <p>
          <a className="landing-lab-link" href={labHref()}>
            {s.labLink}
          </a>
        </p>
      </section>
      <ProgressSummary />
      <section aria-labelledby="audiences">
        <h2 id="audiences">{s.audiencesHeading}</h2>
        <ul className="audience-list">
          {s.audiences.map((a) => (
            <li key={a.who}>
              <h3>{a.who}</h3>
              <p>{a.what}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="contents">
        <h2 id="contents">{s.chaptersHeading}</h2>
        <ol className="chapter-cards">
          {book.map((chapter) => (
            <li key={chapter.slug}>
              <a href={chapterHref(chapter.slug)}>
                <span className="chapter-num">{chapterNumber(chapter)}</span>
                <span className="chapter-card-title">{chapter.title}</span>
              </a>
              <p>{chapter.summary}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
