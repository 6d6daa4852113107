// The training worker's message handler in Node on the cpu backend: it starts the engine, builds a
// model for a text, steps, trains and pauses with plain snapshots (no NaN, a thinned curve), sends
// the weights as plain arrays, streams a sample in chunks, resets, replaces the model on a new
// width, keeps the tensor count flat while it trains, and frees everything on dispose.
import { describe, expect, it } from 'vitest';
import { createCharWorkerCore, PUBLISH_EVERY, SAMPLE_LENGTH, type FromWorker } from '../../src/models/charLstm/charWorkerCore.ts';

const TEXT = 'the cat sat on the mat. the dog sat on the log. '.repeat(20);

function harness() {
  const messages: FromWorker[] = [];
  const core = createCharWorkerCore((m) => messages.push(structuredClone(m)));
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const lastSnapshot = () => of('snapshot').at(-1)!;
  async function until(pred: () => boolean, ms = 50_000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting for the worker core');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { messages, core, of, lastSnapshot, until };
}

describe('createCharWorkerCore', () => {
  it('trains, samples, resets, rebuilds and frees its tensors, sending only plain data', async () => {
    const h = harness();
    await h.core.handle({ type: 'init', backend: 'cpu' });
    expect(h.of('ready')[0].info.backend).toBe('cpu');
    const baseline = h.core.tensorCount();

    await h.core.handle({ type: 'setup', generation: 1, text: TEXT, hidden: 16 });
    const built = h.of('built')[0];
    expect(built).toMatchObject({ generation: 1, batch: 4 });
    expect(built.vocab).toBe(new Set(TEXT).size);
    expect(h.lastSnapshot().snapshot).toMatchObject({ step: 0, state: 'paused', loss: null });

    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot.step).toBe(1);
    const firstStep = h.of('weights').at(-1)!;
    expect(firstStep).toMatchObject({ generation: 1, step: 1, hidden: 16 });

    await h.core.handle({ type: 'play' });
    await h.until(() => h.of('weights').some((w) => w.step >= 3 * PUBLISH_EVERY));
    const running = h.of('snapshot').filter((s) => s.snapshot.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    await h.core.handle({ type: 'pause' });
    const paused = h.lastSnapshot();
    expect(paused.snapshot.state).toBe('paused');
    expect(paused.snapshot.step).toBeGreaterThanOrEqual(3 * PUBLISH_EVERY);
    // The curve holds each step once, in order, every value finite.
    expect(paused.steps.length).toBe(paused.losses.length);
    expect(new Set(paused.steps).size).toBe(paused.steps.length);
    expect(paused.steps.every((s, i) => i === 0 || s > paused.steps[i - 1])).toBe(true);
    expect(paused.losses.every(Number.isFinite)).toBe(true);
    const head = paused.losses.slice(0, 5).reduce((a, b) => a + b, 0) / 5;
    const tail = paused.losses.slice(-5).reduce((a, b) => a + b, 0) / 5;
    expect(tail).toBeLessThan(head);
    // The weights: plain arrays, published on pause with the paused step.
    const weights = h.of('weights').at(-1)!;
    expect(weights.step).toBe(paused.snapshot.step);
    const first = Object.values(weights.weights)[0];
    expect(Array.isArray(first.values) || ArrayBuffer.isView(first.values)).toBe(true);

    // The tensor count stays flat over more training.
    const before = h.core.tensorCount();
    const at = paused.snapshot.step;
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.step >= at + 20);
    await h.core.handle({ type: 'pause' });
    expect(h.core.tensorCount()).toBe(before);

    // A sample streams back in chunks until done, every character from the text.
    await h.core.handle({ type: 'sample', id: 7, temperature: 0.5 });
    await h.until(() => h.of('sample').some((s) => s.id === 7 && s.done));
    const chunks = h.of('sample').filter((s) => s.id === 7);
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.map((c) => c.text).join('');
    expect(Array.from(text).length).toBe(SAMPLE_LENGTH);
    expect(Array.from(text).every((c) => TEXT.includes(c))).toBe(true);
    expect(chunks[0].step).toBe(h.lastSnapshot().snapshot.step);
    expect(h.core.tensorCount()).toBe(before);

    // Reset: step 0, an empty curve; a sample under way is told it is done.
    await h.core.handle({ type: 'sample', id: 8, temperature: 1 });
    await h.core.handle({ type: 'reset' });
    expect(h.of('sample').some((s) => s.id === 8 && s.done)).toBe(true);
    expect(h.lastSnapshot()).toMatchObject({ losses: [], steps: [], snapshot: { step: 0, state: 'paused' } });
    // The same seed, the same run: the first step after a reset gives the first step's weights again.
    await h.core.handle({ type: 'step' });
    expect(h.of('weights').at(-1)).toMatchObject({ generation: 1, step: 1 });
    expect(h.of('weights').at(-1)!.weights).toEqual(firstStep.weights);

    // A new width replaces the model; later messages carry the new generation.
    await h.core.handle({ type: 'setup', generation: 2, text: TEXT, hidden: 8 });
    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot()).toMatchObject({ generation: 2, snapshot: { step: 1 } });
    expect(h.of('weights').at(-1)).toMatchObject({ generation: 2, hidden: 8 });

    await h.core.handle({ type: 'play' });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
    expect(h.core.tensorCount()).toBe(baseline);
    // After dispose nothing more is sent.
    const count = h.messages.length;
    await h.core.handle({ type: 'play' });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.messages.length).toBe(count);
    expect(h.of('error')).toEqual([]);
  });

  it('reports a message sent before the engine is ready as an error, not a crash', async () => {
    const h = harness();
    await h.core.handle({ type: 'setup', generation: 1, text: TEXT, hidden: 8 });
    expect(h.of('error')[0].message).toMatch(/not ready/);
    expect(h.of('built')).toEqual([]);
    await h.core.handle({ type: 'dispose' });
  });
});
