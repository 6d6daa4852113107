// The character model's job on the training core, in Node on the cpu backend, driven as the page
// drives it: it builds a model for a text, steps, trains and pauses with plain snapshots (no NaN, a
// thinned curve that falls), sends the weights as plain arrays, streams a sample in chunks (the same text for the same id and weights), resets
// to the same run (the same weights after the first step), replaces the model on a new width, keeps
// the tensor count flat while it trains, and frees everything on dispose.
import { describe, expect, it } from 'vitest';
import { charJob, PUBLISH_EVERY, SAMPLE_LENGTH, type CharEvent } from '../../src/models/charLstm/charJob.ts';
import { harness, stepLosses } from './support.ts';

const TEXT = 'the cat sat on the mat. the dog sat on the log. '.repeat(20);
const SEED = 5;

async function started(onReady: (tensors: number) => void = () => {}) {
  const h = harness(charJob);
  await h.core.handle({ type: 'init', backend: 'cpu' });
  onReady(h.core.tensorCount());
  await h.core.handle({ type: 'setup', generation: 1, config: { text: TEXT, hidden: 16 }, seed: SEED, live: undefined });
  const events = () => h.of('event').map((m) => ({ generation: m.generation, ...(m.payload as CharEvent) }));
  const weights = () => events().filter((e): e is Extract<CharEvent, { kind: 'weights' }> & { generation: number } => e.kind === 'weights');
  const samples = () => events().filter((e): e is Extract<CharEvent, { kind: 'sample' }> & { generation: number } => e.kind === 'sample');
  return { ...h, events, weights, samples };
}

describe('the character model job', () => {
  it('trains, samples, resets, rebuilds and frees its tensors, sending only plain data', async () => {
    let baseline = -1;
    const h = await started((n) => (baseline = n));
    expect(h.of('ready')[0].info.backend).toBe('cpu');
    expect(h.of('built')[0]).toMatchObject({ generation: 1 });
    expect(h.lastSnapshot().snapshot).toMatchObject({ step: 0, state: 'paused', loss: null });

    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot.step).toBe(1);
    const firstStep = h.weights().at(-1)!;
    expect(firstStep).toMatchObject({ generation: 1, step: 1, hidden: 16 });
    expect(firstStep.chars).toHaveLength(new Set(TEXT).size);

    await h.core.handle({ type: 'play' });
    await h.until(() => h.weights().some((w) => w.step >= 3 * PUBLISH_EVERY));
    expect(h.of('snapshot').some((s) => s.snapshot.state === 'running')).toBe(true);
    await h.core.handle({ type: 'pause' });
    const paused = h.lastSnapshot();
    expect(paused.snapshot.state).toBe('paused');
    expect(paused.snapshot.step).toBeGreaterThanOrEqual(3 * PUBLISH_EVERY);
    // The curve holds each step once, in order, every value finite, and it falls.
    expect(paused.steps.length).toBe(paused.losses.length);
    expect(paused.steps.every((s, i) => i === 0 || s > paused.steps[i - 1])).toBe(true);
    expect(paused.losses.every(Number.isFinite)).toBe(true);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(paused.losses.slice(-5))).toBeLessThan(mean(paused.losses.slice(0, 5)));
    // The weights: plain arrays, published on pause with the paused step.
    const weights = h.weights().at(-1)!;
    expect(weights.step).toBe(paused.snapshot.step);
    const tensor = Object.values(weights.weights)[0];
    expect(Array.isArray(tensor.values) || ArrayBuffer.isView(tensor.values)).toBe(true);

    // The tensor count stays flat over more training.
    const before = h.core.tensorCount();
    const at = paused.snapshot.step;
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.step >= at + 20);
    await h.core.handle({ type: 'pause' });
    expect(h.core.tensorCount()).toBe(before);

    // A sample streams back in chunks until done, every character from the text; the same id from
    // the same weights gives the same text.
    await h.core.handle({ type: 'request', payload: { id: 7, temperature: 0.5 } });
    await h.until(() => h.samples().some((s) => s.id === 7 && s.done));
    const chunks = h.samples().filter((s) => s.id === 7);
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.at(-1)!.text;
    expect(Array.from(text)).toHaveLength(SAMPLE_LENGTH);
    expect(Array.from(text).every((c) => TEXT.includes(c))).toBe(true);
    expect(chunks[0].step).toBe(h.lastSnapshot().snapshot.step);
    expect(h.core.tensorCount()).toBe(before);
    await h.core.handle({ type: 'request', payload: { id: 7, temperature: 0.5 } });
    await h.until(() => h.samples().filter((s) => s.id === 7 && s.done).length === 2);
    expect(h.samples().filter((s) => s.id === 7 && s.done)[1].text).toBe(text);

    // Reset: step 0, an empty curve; a sample under way stops (the page clears its samples on a
    // fresh model) and frees its tensors.
    await h.core.handle({ type: 'request', payload: { id: 8, temperature: 1 } });
    await h.core.handle({ type: 'reset' });
    const heard = h.samples().filter((s) => s.id === 8).length;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.samples().filter((s) => s.id === 8)).toHaveLength(heard);
    expect(h.core.tensorCount()).toBeLessThanOrEqual(before);
    expect(h.lastSnapshot()).toMatchObject({ losses: [], steps: [], snapshot: { step: 0, state: 'paused' } });
    // The same seed, the same run: the first step after a reset gives the first step's weights again.
    await h.core.handle({ type: 'step' });
    expect(h.weights().at(-1)).toMatchObject({ generation: 1, step: 1 });
    expect(h.weights().at(-1)!.weights).toEqual(firstStep.weights);

    // A new width replaces the model; later messages carry the new generation.
    await h.core.handle({ type: 'setup', generation: 2, config: { text: TEXT, hidden: 8 }, seed: SEED, live: undefined });
    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot()).toMatchObject({ generation: 2, snapshot: { step: 1 } });
    expect(h.weights().at(-1)).toMatchObject({ generation: 2, hidden: 8 });

    await h.core.handle({ type: 'play' });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
    // After dispose nothing more is sent.
    const count = h.messages.length;
    await h.core.handle({ type: 'play' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.messages.length).toBe(count);
    expect(h.of('error')).toEqual([]);
  }, 90_000);

  it('gives the same losses for the same seed, resets included, and others for another seed', async () => {
    const a = await started();
    const b = await started();
    const first = await stepLosses(a, 5);
    expect(await stepLosses(b, 5)).toEqual(first);
    await a.core.handle({ type: 'reset' });
    expect(await stepLosses(a, 5)).toEqual(first);
    await b.core.handle({ type: 'setup', generation: 2, config: { text: TEXT, hidden: 16 }, seed: SEED + 1, live: undefined });
    expect(await stepLosses(b, 5)).not.toEqual(first);
    await a.core.handle({ type: 'dispose' });
    await b.core.handle({ type: 'dispose' });
  });

  it('reports a setup sent before the engine is ready as an error, not a crash', async () => {
    const h = harness(charJob);
    await h.core.handle({ type: 'setup', generation: 1, config: { text: TEXT, hidden: 8 }, seed: SEED, live: undefined });
    expect(h.of('error')[0].message).toMatch(/not ready/);
    expect(h.of('built')).toEqual([]);
    await h.core.handle({ type: 'dispose' });
  });
});
