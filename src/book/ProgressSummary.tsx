// The landing page's account of what the reader has done: chapters read, exercises solved, and a
// way to clear it. It is kept in this browser only; before the page's script runs (and on the
// server) it says so with nothing counted.
import { useState } from 'react';
import { chapters } from './chapters.ts';
import { clearProgress, progress, solvedAmong } from './progress.ts';
import { progressStrings as s } from './strings.ts';

export function ProgressSummary() {
  const done = progress.use();
  const [confirming, setConfirming] = useState(false);
  const book = chapters.filter((c) => !c.testOnly);
  const read = book.filter((c) => done.read.includes(c.slug)).length;
  const total = book.reduce((sum, c) => sum + c.exercises.length, 0);
  const solved = book.reduce((sum, c) => sum + solvedAmong(done, c.exercises), 0);
  const any = read > 0 || solved > 0;
  return (
    <section className="landing-progress" aria-labelledby="your-progress">
      <h2 id="your-progress">{s.heading}</h2>
      <p>{any ? s.summary(read, book.length, solved, total) : s.nothingYet}</p>
      <p className="landing-progress-note">{s.private}</p>
      {any ? (
        confirming ? (
          <p className="landing-progress-actions" role="group" aria-label={s.confirmQuestion}>
            <span>{s.confirmQuestion}</span>
            <button
              type="button"
              onClick={() => {
                clearProgress();
                setConfirming(false);
              }}
            >
              {s.confirmClear}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {s.keep}
            </button>
          </p>
        ) : (
          <p className="landing-progress-actions">
            <button type="button" onClick={() => setConfirming(true)}>
              {s.clear}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}
