// The reader's controls for a live-training figure, the same in every figure: train or pause, one
// step, reset; a status line (step, loss, speed); a line while the engine starts or if it could
// not; and, when a run diverges or fails, a notice (an alert) with the way back. Native buttons in
// a labelled group, so the keyboard and screen readers work as usual; larger when presenting.
import type { ReactNode } from 'react';
import type { TrainingJob } from './useTrainingJob.ts';
import { stopText, trainingStrings as s } from './strings.ts';
import './training.css';

export interface TrainingBarProps {
  job: Pick<TrainingJob<unknown, unknown, unknown>, 'training' | 'engine' | 'maxSteps' | 'failure'>;
  presenting?: boolean;
  /** Show the loss in the status line (off where the figure shows several losses itself). */
  showLoss?: boolean;
  /** Examples per step: the speed is then given in examples a second rather than steps. */
  examplesPerStep?: number;
  /** Show the speed in the status line (off where the figure gives its own, in its own unit). */
  showSpeed?: boolean;
  /** The figure's own measures, appended to the status line (a sentence from its catalogue). */
  detail?: string | null;
  /** What the reader could change after a divergence (a sentence from the figure's catalogue). */
  advice?: string;
  /** A second way back after a divergence (a safer setting), beside the reset. */
  recovery?: { label: string; onClick: () => void };
  /** The figure's own buttons, after the bar's. */
  children?: ReactNode;
}

export function TrainingBar({ job, presenting = false, showLoss = true, examplesPerStep, showSpeed = true, detail, advice, recovery, children }: TrainingBarProps) {
  const { training, engine, maxSteps, failure } = job;
  const snap = training.snapshot;
  const ready = engine.ready && snap !== null;
  const diverged = snap?.state === 'diverged';
  const stopped = diverged || snap?.state === 'failed' || failure !== null;
  const finished = maxSteps !== null && (snap?.step ?? 0) >= maxSteps;
  const rate = showSpeed && training.running && snap && snap.stepsPerSecond > 0 ? (examplesPerStep ? s.examplesPerSecond(snap.stepsPerSecond * examplesPerStep) : s.stepsPerSecond(snap.stepsPerSecond)) : null;
  const status = snap ? s.join([s.stepText(snap.step), showLoss && snap.loss !== null ? s.lossPart(snap.loss) : '', rate ?? '', detail ?? ''].filter((part) => part !== '')) : null;

  return (
    <div className={presenting ? 'training training-presenting' : 'training'}>
      <div className="training-bar" role="group" aria-label={s.group}>
        <button type="button" onClick={training.running ? training.pause : training.play} disabled={!ready || (!training.running && (stopped || finished))}>
          {training.running ? s.pause : s.play}
        </button>
        <button type="button" onClick={training.stepOnce} disabled={!ready || training.running || stopped || finished}>
          {s.step}
        </button>
        <button type="button" title={s.resetHint} onClick={training.reset} disabled={!ready}>
          {s.reset}
        </button>
        {children}
      </div>
      {engine.error ? (
        <p className="training-alert" role="alert">
          {s.engineFailed(engine.error)}
        </p>
      ) : !ready ? (
        <p className="training-status">{s.starting}</p>
      ) : (
        <p className="training-status" aria-live="off">
          {status}
        </p>
      )}
      {finished && !stopped ? (
        <p className="training-note" aria-live="polite">
          {s.finished(maxSteps)}
        </p>
      ) : null}
      {stopped ? (
        <div className="training-alert" role="alert">
          <p>
            {diverged ? s.diverged(stopText(snap.stop, null)) : s.failed(stopText(snap?.stop ?? null, failure))}
            {advice && diverged ? ` ${advice}` : null}
          </p>
          <button type="button" onClick={training.reset} disabled={!ready}>
            {s.divergedReset}
          </button>
          {recovery && diverged ? (
            <button type="button" onClick={recovery.onClick}>
              {recovery.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * A short line under a control saying what changing it does to a run: takes effect at the next
 * step, or starts training again. The figure decides which; the words are the kit's.
 */
export function LiveHint({ applies }: { applies: 'live' | 'restart' }) {
  return <p className="training-hint">{applies === 'live' ? s.appliesLive : s.restarts}</p>;
}
