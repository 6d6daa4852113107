// Questions and answers: what learners ask most, each answer a few sentences with links into the
// chapters' sections and figures. Each question is an anchor (`#<key>`), listed at the top.
import { ChapterLink } from '../links.tsx';
import { navStrings } from '../strings.ts';
import { answerParts } from './answerParts.ts';
import { faqStrings as s } from './strings.ts';
import '../../styles/reference-pages.css';

function Answer({ text }: { text: string }) {
  return (
    <p>
      {answerParts(text).map((part, i) =>
        'href' in part ? (
          <ChapterLink key={i} href={part.href}>
            {part.text}
          </ChapterLink>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

export default function FaqPage() {
  const questions = Object.entries(s.questions);
  return (
    <article className="faq-page" aria-labelledby="faq-title">
      <header className="chapter-header">
        <h1 id="faq-title" tabIndex={-1}>
          {navStrings.faq}
        </h1>
        <p className="chapter-summary">{s.intro}</p>
      </header>
      <nav className="faq-index" aria-label={s.questionsLabel}>
        <ol>
          {questions.map(([id, { question }]) => (
            <li key={id}>
              <a href={`#${id}`}>{question}</a>
            </li>
          ))}
        </ol>
      </nav>
      {questions.map(([id, { question, answer }]) => (
        <section key={id} className="faq-item" aria-labelledby={id}>
          <h2 id={id}>{question}</h2>
          <Answer text={answer} />
        </section>
      ))}
    </article>
  );
}
