// Exercises at the end of a chapter. A numeric one names an engine-computed answer
// (`<Exercise answer="neurons.ex1" tolerance={0.01}>`; the build adds its value) and checks what the
// reader types within the tolerance; a conceptual one has no answer and a worked <Solution>. Hints
// and solutions are reveals (<details>), so they work before the page's script has loaded.
import { Children, isValidElement, useId, useState, type ReactNode } from 'react';
import { markExerciseSolved, progress } from './progress.ts';
import { useFixedText } from './StaticHtml.tsx';
import { exerciseStrings } from './strings.ts';

export function Hint({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

export function Solution({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

/** "−1,5", "1e-3", " 0.25 " → a number; anything else → null. */
export function parseAnswer(text: string): number | null {
  const dashed = text.trim().replace(/[\u2212\u2012\u2013]/g, '-');
  // Commas between groups of three digits are thousands (203,530, as the book prints large
  // numbers); any other comma between digits is a decimal comma (0,75).
  const cleaned = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(dashed)
    ? dashed.replace(/,/g, '')
    : dashed.replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : null;
}

type Verdict = 'correct' | 'high' | 'low' | 'nan' | null;

export function judgeAnswer(typed: string, answer: number, tolerance: number): Verdict {
  const v = parseAnswer(typed);
  if (v === null) return 'nan';
  if (Math.abs(v - answer) <= tolerance) return 'correct';
  return v > answer ? 'high' : 'low';
}

function AnswerCheck({ answerKey, answer, answerText, tolerance }: { answerKey: string; answer: number; answerText: string; tolerance: number }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [verdict, setVerdict] = useState<Verdict>(null);
  const message =
    verdict === 'correct'
      ? exerciseStrings.correct(answerText)
      : verdict === 'high'
        ? exerciseStrings.tooHigh
        : verdict === 'low'
          ? exerciseStrings.tooLow
          : verdict === 'nan'
            ? exerciseStrings.notANumber
            : '';
  return (
    <form
      className="exercise-answer"
      onSubmit={(e) => {
        e.preventDefault();
        const judged = judgeAnswer(typed, answer, tolerance);
        setVerdict(judged);
        if (judged === 'correct') markExerciseSolved(answerKey);
      }}
    >
      <label htmlFor={id}>{exerciseStrings.yourAnswer}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={typed}
        aria-describedby={`${id}-tol ${id}-verdict`}
        onChange={(e) => {
          setTyped(e.target.value.slice(0, 40));
          setVerdict(null);
        }}
      />
      <button type="submit">{exerciseStrings.check}</button>
      <span id={`${id}-tol`} className="exercise-tolerance">
        {exerciseStrings.tolerance(String(tolerance))}
      </span>
      <p id={`${id}-verdict`} className={`exercise-verdict exercise-verdict-${verdict ?? 'none'}`} aria-live="polite" data-verdict={verdict ?? ''}>
        {message}
      </p>
    </form>
  );
}

interface ExerciseProps {
  title?: string;
  /** In the built site, the number of the title's markup in the page instead (rehypeStaticHtml.ts). */
  titleK?: number;
  /** The computed key of a numeric answer (the build resolves it into `answerValue`). */
  answer?: string;
  answerValue?: string;
  answerText?: string;
  /** Absolute tolerance for a numeric answer. */
  tolerance?: number;
  children?: ReactNode;
}

export function Exercise({ title: given, titleK, answer, answerValue, answerText, tolerance = 0.01, children }: ExerciseProps) {
  const title = useFixedText(given, titleK);
  if (answer !== undefined && answerValue === undefined) throw new Error(`<Exercise answer="${answer}">: the build did not fill in its value`);
  const question: ReactNode[] = [];
  const hints: ReactNode[] = [];
  const solutions: ReactNode[] = [];
  const solvedBefore = progress.use().solved.includes(answer ?? '');
  Children.forEach(children, (child) => {
    if (isValidElement(child) && child.type === Hint) hints.push(child);
    else if (isValidElement(child) && child.type === Solution) solutions.push(child);
    else question.push(child);
  });
  return (
    <section className="exercise" aria-label={title ? exerciseStrings.exerciseNamed(title) : exerciseStrings.exercise} data-exercise={answer ?? ''}>
      <p className="exercise-title">
        <span className="exercise-number">{exerciseStrings.exercise}</span>
        {title ? (
          <span className="exercise-name" data-s={titleK}>
            {title}
          </span>
        ) : null}
        {answer !== undefined && solvedBefore ? <span className="exercise-solved">{exerciseStrings.solvedBefore}</span> : null}
      </p>
      <div className="exercise-question">{question}</div>
      {answerValue !== undefined ? (
        <AnswerCheck answerKey={answer ?? ''} answer={Number(answerValue)} answerText={answerText ?? answerValue} tolerance={Math.abs(tolerance)} />
      ) : null}
      {hints.map((hint, i) => (
        <details key={`h${i}`} className="exercise-hint">
          <summary>{exerciseStrings.hint(i + 1, hints.length)}</summary>
          {hint}
        </details>
      ))}
      {solutions.map((solution, i) => (
        <details key={`s${i}`} className="exercise-solution">
          <summary>{exerciseStrings.solution}</summary>
          {solution}
        </details>
      ))}
    </section>
  );
}
