// Drives the training core in Node as a page would, keeping every message it sends (cloned, as a
// worker's would be), with a wait for a condition on them.
import { createTrainingCore, type CoreOptions } from '../../src/models/training/core.ts';
import type { AnyJobDefinition } from '../../src/models/training/job.ts';
import type { FromJob } from '../../src/models/training/protocol.ts';

export type Message = FromJob<unknown, unknown>;
export type Of<T extends Message['type']> = Extract<Message, { type: T }>;

export function harness(job: AnyJobDefinition, opts: CoreOptions = {}) {
  const messages: Message[] = [];
  /** While `trainTo` runs: the step at which the run is paused, from the snapshot that reaches it. */
  let stopAt: number | null = null;
  const core = createTrainingCore(
    job,
    (m) => {
      messages.push(structuredClone(m));
      if (stopAt !== null && m.type === 'snapshot' && m.snapshot.state === 'running' && m.snapshot.step >= stopAt) {
        stopAt = null;
        // Queued at once, so no tick runs between this snapshot and the pause (ticks are tasks).
        void core.handle({ type: 'pause' });
      }
    },
    opts,
  );
  const of = <T extends Message['type']>(type: T) => messages.filter((m): m is Of<T> => m.type === type);
  const lastSnapshot = () => of('snapshot').at(-1)!;
  async function until(pred: () => boolean, ms = 50_000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting for the training core');
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  /**
   * Plays until the run has taken at least `steps` steps, then pauses. The pause is queued from the
   * first snapshot at or past `steps`, not from a poll, so how far the run goes past `steps` does
   * not depend on how busy the machine is; with `snapshotEveryMs: 0` it stops within one tick.
   */
  async function trainTo(steps: number): Promise<void> {
    stopAt = steps;
    await core.handle({ type: 'play' });
    await until(() => lastSnapshot().snapshot.state !== 'running');
    stopAt = null;
  }
  return { messages, core, of, lastSnapshot, until, trainTo };
}

/**
 * The loss of every step of a run of `steps` steps, in order, taken one step at a time (each step
 * sends its own snapshot, whose frame holds that step's loss).
 */
export async function stepLosses(h: ReturnType<typeof harness>, steps: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    await h.core.handle({ type: 'step' });
    const snap = h.lastSnapshot().snapshot;
    if (snap.state !== 'paused') throw new Error(`the run stopped as ${snap.state}: ${snap.reason}`);
    out.push(...snap.frameLosses);
  }
  return out;
}
