// The landing page: what the book is, whom it is for, and the chapters with their summaries.
import { useEffect } from 'react';
import { chapters } from './chapters.ts';
import { markContentRendered } from './pageReady.ts';
import { chapterHref, focusPageHeading, lastNavigationKind } from './router.ts';
import { BOOK_TAGLINE, BOOK_TITLE } from './site.ts';
import { chapterNumber } from './Sidebar.tsx';

const audiences = [
  {
    who: 'Students',
    what: 'Read a chapter, then change a learning rate, a layer or a dataset in its widgets and watch what training does. Every formula sits next to a model that obeys it.',
  },
  {
    who: 'Instructors',
    what: 'Put any widget full-screen in front of a class with Present (or the p key), link straight to a section, and step through chapters with [ and ].',
  },
  {
    who: 'Self-learners',
    what: 'Go at your own pace: the chapters build on each other, “Try this” boxes suggest experiments, and nothing needs installing — the models train on your own machine.',
  },
];

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
        <h1 tabIndex={-1}>{BOOK_TITLE}</h1>
        <p className="lede">{BOOK_TAGLINE}</p>
        <p>
          Deep learning is easier to understand when you can see it move. This book explains neural networks from a single
          neuron upwards, and each idea comes with an interactive figure backed by a small autograd engine written for
          the book, running on your GPU when there is one.
        </p>
        {book[0] ? (
          <p>
            <a className="button-link" href={chapterHref(book[0].slug)}>
              Start reading: {book[0].title}
            </a>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="audiences">
        <h2 id="audiences">Who it is for</h2>
        <ul className="audience-list">
          {audiences.map((a) => (
            <li key={a.who}>
              <h3>{a.who}</h3>
              <p>{a.what}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="contents">
        <h2 id="contents">Chapters</h2>
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
