// The widgets' training loop: repeatable runs, play/pause/step/reset, divergence as a state (never
// NaN on screen), failures reported, and a run carried across a change of backend.
import * as tf from '@tensorflow/tfjs-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { engineInfo, initEngine, reportBackendLost } from '../../src/engine/backend';
import { toTensors, toyDataset } from '../../src/engine/data';
import { mseLoss } from '../../src/engine/losses';
import { Linear, Sequential, Tanh } from '../../src/engine/nn';
import { Adam, SGD, type Optimizer } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { tensor as tensorOf, type Tensor } from '../../src/engine/tensor';
import { describeStop } from '../../src/engine/loopStop';
import { timeoutScheduler, TrainingLoop, type TrainingSnapshot } from '../../src/engine/train';

const inBrowser = typeof window !== 'undefined';

// In Chromium the WebAssembly binaries are served by the test server; in Node tfjs finds its own.
const wasmPaths = inBrowser
  ? {
      'tfjs-backend-wasm-simd.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url')).default,
      'tfjs-backend-wasm.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url')).default,
      'tfjs-backend-wasm-threaded-simd.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url')).default,
    }
  : undefined;

function mlp(seed: number): Sequential {
  const rng = new Random(seed);
  return new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
}

interface Rig {
  model: Sequential;
  opt: Optimizer;
  data: { x: Tensor; y: Tensor };
  loop: TrainingLoop;
  frames: TrainingSnapshot[];
  dispose(): Promise<void>;
}

function rig(opts: { seed?: number; lr?: number; stepsPerFrame?: number; maxSteps?: number; adam?: boolean } = {}): Rig {
  const model = mlp(opts.seed ?? 1);
  const opt: Optimizer = opts.adam ? new Adam(model, { lr: opts.lr ?? 0.01 }) : new SGD(model, { lr: opts.lr ?? 0.05 });
  const data = toTensors(toyDataset('bumps', { n: 64, seed: 3 }));
  const frames: TrainingSnapshot[] = [];
  const loop = new TrainingLoop({
    step: () => {
      opt.zeroGrad();
      const loss = mseLoss(model.forward(data.x), data.y);
      loss.backward();
      opt.step();
      return { loss };
    },
    stepsPerFrame: opts.stepsPerFrame ?? 10,
    maxSteps: opts.maxSteps,
    scheduler: timeoutScheduler,
    keep: () => [model, opt, data.x, data.y],
    onFrame: (s) => frames.push(s),
  });
  return {
    model,
    opt,
    data,
    loop,
    frames,
    async dispose() {
      await loop.dispose();
      model.dispose();
      opt.dispose();
      data.x.dispose();
      data.y.dispose();
    },
  };
}

/** Resolves with the first snapshot (from now on) that satisfies `pred`. */
function until(r: { frames: TrainingSnapshot[] }, pred: (s: TrainingSnapshot) => boolean, timeoutMs = 30_000): Promise<TrainingSnapshot> {
  const start = r.frames.length;
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => {
      const hit = r.frames.slice(start).find(pred);
      if (hit) return resolve(hit);
      if (Date.now() - t0 > timeoutMs) return reject(new Error(`no snapshot matched within ${timeoutMs} ms; last: ${JSON.stringify(r.frames.at(-1))}`));
      setTimeout(poll, 5);
    };
    poll();
  });
}

function weights(model: Sequential): number[][] {
  return model.parameters().map((p) => Array.from(p.value.dataSync()));
}

const everyNumberFinite = (s: TrainingSnapshot) =>
  (s.loss === null || Number.isFinite(s.loss)) && s.frameLosses.every(Number.isFinite) && Object.values(s.metrics).every(Number.isFinite);

describe('TrainingLoop', () => {
  beforeEach(async () => {
    await initEngine({ prefer: 'cpu', wasmPaths });
  });

  it('same seed, same weights after 100 steps on cpu; another seed, other weights', async () => {
    const runs: number[][][] = [];
    for (const seed of [11, 11, 12]) {
      const r = rig({ seed, maxSteps: 100, stepsPerFrame: 7 });
      r.loop.play();
      const done = await until(r, (s) => s.state === 'paused' && s.step === 100);
      expect(done.loss).toBeGreaterThan(0);
      runs.push(weights(r.model));
      await r.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it('reads back once per frame: one snapshot per frame with every step’s loss, falling', async () => {
    const r = rig({ stepsPerFrame: 25, maxSteps: 200 });
    r.loop.play();
    await until(r, (s) => s.state === 'paused' && s.step === 200);
    const running = r.frames.filter((s) => s.frameLosses.length > 0);
    expect(running).toHaveLength(8);
    expect(running.every((s) => s.frameLosses.length === 25)).toBe(true);
    const curve = running.flatMap((s) => s.frameLosses);
    expect(curve).toHaveLength(200);
    expect(curve[199]).toBeLessThan(curve[0]);
    expect(running.at(-1)!.loss).toBe(curve[199]);
    expect(running.at(-1)!.backend).toBe('cpu');
    await r.dispose();
  });

  it('pause stops, stepOnce runs exactly one step, reset clears and re-initialises', async () => {
    let resets = 0;
    const r = rig({ stepsPerFrame: 5 });
    const loop = new TrainingLoop({
      step: () => {
        r.opt.zeroGrad();
        const loss = mseLoss(r.model.forward(r.data.x), r.data.y);
        loss.backward();
        r.opt.step();
        return { loss, double: loss.detach() };
      },
      scheduler: timeoutScheduler,
      onFrame: (s) => r.frames.push(s),
      onReset: () => resets++,
    });
    await loop.stepOnce();
    await loop.stepOnce();
    expect(loop.snapshot()).toMatchObject({ state: 'paused', step: 2 });
    expect(loop.snapshot().metrics.double).toBe(loop.snapshot().loss);
    loop.play();
    expect(loop.snapshot().state).toBe('running');
    await until(r, (s) => s.step >= 6);
    loop.pause();
    const paused = loop.snapshot().step;
    await new Promise((res) => setTimeout(res, 50));
    // A frame under way when pausing may still land; nothing runs after it.
    const settled = loop.snapshot().step;
    expect(settled - paused).toBeLessThanOrEqual(1);
    await new Promise((res) => setTimeout(res, 50));
    expect(loop.snapshot().step).toBe(settled);
    await loop.reset();
    expect(resets).toBe(1);
    expect(loop.snapshot()).toMatchObject({ state: 'paused', step: 0, loss: null, frameLosses: [], stop: null, reason: null });
    await loop.dispose();
    await r.dispose();
  });

  it('"finished" ends the run at the same step whatever the steps per frame; play and step then run nothing', async () => {
    const ends: TrainingSnapshot[] = [];
    for (const stepsPerFrame of [1, 4, 7]) {
      let taken = 0;
      const frames: TrainingSnapshot[] = [];
      const loop = new TrainingLoop({
        step: () => {
          taken++;
          return { loss: mseLoss(tensorOf([taken]), tensorOf([0])) };
        },
        // Settled once nine steps are done.
        finished: () => taken >= 9,
        stepsPerFrame,
        scheduler: timeoutScheduler,
        onFrame: (s) => frames.push(s),
      });
      loop.play();
      await until({ frames }, (s) => s.state === 'paused');
      expect(taken).toBe(9);
      ends.push(loop.snapshot());
      loop.play();
      await until({ frames }, (s) => s.state === 'paused');
      await loop.stepOnce();
      expect(taken).toBe(9);
      // Every step's loss once (a paused loop reports its last frame again: counted by step).
      const byStep = new Map<number, number>();
      for (const f of frames) f.frameLosses.forEach((loss, i) => byStep.set(f.step - f.frameLosses.length + 1 + i, loss));
      expect([...byStep.entries()]).toEqual(Array.from({ length: 9 }, (_, i) => [i + 1, (i + 1) ** 2]));
      await loop.dispose();
    }
    expect(ends.map((s) => [s.step, s.loss, s.state])).toEqual(Array(3).fill([9, 81, 'paused']));
  });

  it('a huge learning rate gives state "diverged" with a coded reason, never NaN as a number', async () => {
    const r = rig({ lr: 1e4, stepsPerFrame: 5 });
    r.loop.play();
    const s = await until(r, (x) => x.state === 'diverged');
    expect(['nonFiniteLoss', 'lossGrew', 'weightsNotFinite']).toContain(s.stop?.code);
    // The step named is the one the counters reached, or the next one (whose loss was not kept).
    const at = (s.stop as { step: number }).step;
    expect(at === s.step || at === s.step + 1).toBe(true);
    expect(s.reason).toBe(describeStop(s.stop!));
    expect(s.reason).toMatch(/loss (became|grew)|weights stopped being finite/);
    for (const f of r.frames) expect(everyNumberFinite(f)).toBe(true);
    // Diverged runs do not resume by themselves; reset makes them playable again.
    r.loop.play();
    expect(r.loop.snapshot().state).toBe('diverged');
    await r.loop.reset();
    expect(r.loop.snapshot().state).toBe('paused');
    await r.dispose();
  });

  it('a failing step is reported as state "failed", not thrown', async () => {
    const before = tf.memory().numTensors;
    const loop = new TrainingLoop({
      step: () => {
        throw new Error('shapes do not match');
      },
      scheduler: timeoutScheduler,
    });
    await loop.stepOnce();
    expect(loop.snapshot()).toMatchObject({
      state: 'failed',
      stop: { code: 'stepFailed', message: 'shapes do not match' },
      reason: 'training step failed: shapes do not match',
    });
    await loop.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('moves to another backend mid-run without losing the weights or the optimiser state', async () => {
    const r = rig({ adam: true, stepsPerFrame: 10 });
    r.loop.play();
    await until(r, (s) => s.step >= 30);
    r.loop.pause();
    await new Promise((res) => setTimeout(res, 20));
    const before = weights(r.model);
    const state = JSON.stringify(r.opt.stateDict());
    const lossBefore = r.loop.snapshot().loss!;
    const info = await initEngine({ prefer: 'wasm' });
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(weights(r.model)).toEqual(before);
    expect(JSON.stringify(r.opt.stateDict())).toBe(state);
    const step = r.loop.snapshot().step;
    r.loop.play();
    const next = await until(r, (s) => s.step >= step + 10 && s.frameLosses.length > 0);
    expect(next.backend).toBe('wasm');
    // The curve continues where it was: the next losses are close to the last one, not a restart.
    expect(Math.abs(next.frameLosses[0] - lossBefore)).toBeLessThan(0.1 * lossBefore + 1e-3);
    r.loop.pause();
    await r.dispose();
  });

  it('a switch while the loop is running keeps the curve unbroken', async () => {
    const r = rig({ adam: true, stepsPerFrame: 5 });
    r.loop.play();
    await until(r, (s) => s.step >= 20);
    const switched = initEngine({ prefer: 'wasm', wasmPaths });
    const next = await until(r, (s) => s.backend === 'wasm' && s.step >= 40);
    expect((await switched).backend).toBe('wasm');
    r.loop.pause();
    expect(next.state).toBe('running');
    const steps = r.frames.map((s) => s.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const curve = r.frames.flatMap((s) => s.frameLosses);
    expect(curve.length).toBeGreaterThanOrEqual(40);
    // Adam at lr 0.01 moves the loss a little per step: no jump where the backend changed.
    // Adam moves the loss a little per step: the step where the backend changed moves it no more
    // than the steps just before it.
    const k = r.frames.filter((s) => s.backend === 'cpu').reduce((n, s) => n + s.frameLosses.length, 0);
    expect(k).toBeGreaterThanOrEqual(20);
    const jump = (i: number) => Math.abs(curve[i] - curve[i - 1]);
    const before = Math.max(jump(k - 1), jump(k - 2), jump(k - 3), jump(k - 4));
    expect(jump(k)).toBeLessThanOrEqual(2 * before + 1e-5);
    await r.dispose();
  });

  it('after a lost backend, restores the last read-back and keeps counting from it', async () => {
    await initEngine({ prefer: 'wasm' });
    const r = rig({ adam: true, stepsPerFrame: 10 });
    await r.loop.stepOnce();
    await r.loop.stepOnce();
    const committed = weights(r.model);
    const committedState = JSON.stringify(r.opt.stateDict());
    // Steps that happen after the last read-back (and so are never read) are lost with the backend.
    r.opt.zeroGrad();
    mseLoss(r.model.forward(r.data.x), r.data.y).backward();
    r.opt.step();
    r.opt.zeroGrad();
    expect(weights(r.model)).not.toEqual(committed);
    const info = await reportBackendLost('the test pulled the plug');
    expect(info).toMatchObject({ backend: 'cpu', choice: { code: 'moved', from: 'wasm' }, reason: 'the test pulled the plug: moved from wasm to cpu' });
    expect(engineInfo()).toBe(info);
    expect(tf.getBackend()).toBe('cpu');
    expect(weights(r.model)).toEqual(committed);
    expect(JSON.stringify(r.opt.stateDict())).toBe(committedState);
    expect(r.loop.snapshot().step).toBe(2);
    await r.loop.stepOnce();
    expect(r.loop.snapshot()).toMatchObject({ state: 'paused', step: 3, backend: 'cpu' });
    await r.dispose();
  });
});
