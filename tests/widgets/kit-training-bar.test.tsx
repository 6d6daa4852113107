// The kit's training bar, rendered to markup in Node: its buttons in a labelled group, enabled as
// the run allows; the status line; the engine's line; a diverged or failed run's notice as an
// alert, in the kit's words for each way a loop stops, with the reset; the end of a run.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LoopStop, TrainingSnapshot } from '../../src/engine/index.ts';
import { LiveHint, TrainingBar, type TrainingBarProps } from '../../src/widgets/kit/training/TrainingBar.tsx';
import { stopText, trainingStrings as s } from '../../src/widgets/kit/training/strings.ts';

const noop = () => {};
const snapshot = (over: Partial<TrainingSnapshot> = {}): TrainingSnapshot => ({
  state: 'paused',
  step: 1234,
  loss: 0.123456,
  frameLosses: [],
  metrics: {},
  stepsPerSecond: 0,
  stop: null,
  reason: null,
  backend: 'cpu',
  ...over,
});

function render(snap: TrainingSnapshot | null, over: Partial<TrainingBarProps['job']> = {}, props: Partial<TrainingBarProps> = {}): string {
  const job: TrainingBarProps['job'] = {
    training: { snapshot: snap, losses: [], lossSteps: [], running: snap?.state === 'running', play: noop, pause: noop, stepOnce: noop, reset: noop },
    engine: { ready: snap !== null, error: null },
    maxSteps: null,
    failure: null,
    ...over,
  };
  return renderToStaticMarkup(<TrainingBar job={job} {...props} />);
}

/** Each button's label and whether it is disabled, in order. */
const buttons = (html: string) => [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].map((m) => ({ label: m[2], disabled: m[1].includes('disabled') }));

describe('TrainingBar', () => {
  it('while the engine starts: the group, its buttons disabled, and the starting line', () => {
    const html = render(null);
    expect(html).toContain(`role="group" aria-label="${s.group}"`);
    expect(buttons(html)).toEqual([
      { label: s.play, disabled: true },
      { label: s.step, disabled: true },
      { label: s.reset, disabled: true },
    ]);
    expect(html).toContain(s.starting);
  });

  it('when the engine could not start: an alert saying why', () => {
    const html = render(null, { engine: { ready: false, error: 'no backend' } });
    expect(html).toMatch(/role="alert"[^>]*>The compute engine could not start: no backend/);
  });

  it('paused and running: the status line with step, loss, speed and the figure’s own words', () => {
    const paused = render(snapshot(), {}, { detail: 'accuracy 90%' });
    expect(paused).toContain('Step 1,234 · loss 0.123 · accuracy 90%');
    expect(buttons(paused).every((b) => !b.disabled)).toBe(true);
    const running = render(snapshot({ state: 'running', stepsPerSecond: 1520.4 }), {}, { showLoss: false });
    expect(running).toContain('Step 1,234 · 1,520 steps a second');
    expect(buttons(running)[0]).toEqual({ label: s.pause, disabled: false });
    expect(buttons(running)[1].disabled).toBe(true);
    expect(render(snapshot({ state: 'running', stepsPerSecond: 10 }), {}, { examplesPerStep: 32 })).toContain('320 examples a second');
  });

  it('diverged: an alert in the kit’s words with the figure’s advice, a reset and a second way back', () => {
    const stop: LoopStop = { code: 'lossGrew', step: 12, loss: 81234.5, factor: 10, firstLoss: 0.7 };
    const html = render(snapshot({ state: 'diverged', stop }), {}, { advice: 'Lower the rate.', recovery: { label: 'Use a safe rate', onClick: noop } });
    expect(html).toMatch(/role="alert"/);
    expect(html).toContain('Training diverged: the loss grew to 8.12×10⁴, over 10 times its first value, at step 12. Lower the rate.');
    expect(buttons(html).map((b) => b.label)).toEqual([s.play, s.step, s.reset, s.divergedReset, 'Use a safe rate']);
    expect(buttons(html).slice(0, 2).every((b) => b.disabled)).toBe(true);
  });

  it('failed: the loop’s stop or the job’s own failure, with a reset and no advice', () => {
    const step = render(snapshot({ state: 'failed', stop: { code: 'stepFailed', message: 'shape mismatch' } }), {}, { advice: 'Lower the rate.' });
    expect(step).toContain('Training stopped: a training step failed (shape mismatch).');
    expect(step).not.toContain('Lower the rate.');
    const job = render(snapshot({ state: 'failed' }), { failure: 'no such data set' });
    expect(job).toContain('Training stopped: the model&#x27;s code failed (no such data set).');
    expect(buttons(job).map((b) => b.label)).toContain(s.divergedReset);
  });

  it('says each way a loop stops in words, never a code', () => {
    const stops: LoopStop[] = [
      { code: 'nonFiniteLoss', step: 3, loss: NaN, nan: true },
      { code: 'nonFiniteLoss', step: 3, loss: Infinity, nan: false },
      { code: 'lossGrew', step: 5, loss: 1e9, factor: 10000, firstLoss: 1 },
      { code: 'weightsNotFinite', step: 9 },
      { code: 'stepFailed', message: 'boom' },
      { code: 'noBackend', message: 'no WebGL' },
    ];
    const texts = stops.map((stop) => stopText(stop, null));
    expect(new Set(texts).size).toBe(stops.length);
    for (const t of texts) expect(t).not.toMatch(/nonFinite|lossGrew|weightsNot|stepFailed|noBackend|undefined/);
    expect(texts[0]).toContain('NaN (not a number) at step 3');
    expect(texts[1]).toContain('infinite at step 3');
    expect(texts[2]).toContain('10,000 times');
  });

  it('at the end of a run: training and stepping disabled, and a note saying how to go on', () => {
    const html = render(snapshot({ step: 1000 }), { maxSteps: 1000 });
    expect(html).toContain(s.finished(1000));
    expect(buttons(html).map((b) => b.disabled)).toEqual([true, true, false]);
  });
});

describe('LiveHint', () => {
  it('says whether a change applies at the next step or starts again', () => {
    expect(renderToStaticMarkup(<LiveHint applies="live" />)).toContain(s.appliesLive);
    expect(renderToStaticMarkup(<LiveHint applies="restart" />)).toContain(s.restarts);
  });
});
