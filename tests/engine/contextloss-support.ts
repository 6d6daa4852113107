// What the context-loss tests share: the WebAssembly binaries as the test server serves them, a
// small model training in a loop, and a wait for the snapshot a test expects.
import { toTensors, toyDataset } from '../../src/engine/data';
import { mseLoss } from '../../src/engine/losses';
import { Linear, Sequential, Tanh } from '../../src/engine/nn';
import { Adam } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { timeoutScheduler, TrainingLoop, type TrainingSnapshot } from '../../src/engine/train';

export async function wasmPaths(): Promise<Record<string, string>> {
  return {
    'tfjs-backend-wasm-simd.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url')).default,
    'tfjs-backend-wasm.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url')).default,
    'tfjs-backend-wasm-threaded-simd.wasm': (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url')).default,
  };
}

export interface TrainingRun {
  model: Sequential;
  loop: TrainingLoop;
  frames: TrainingSnapshot[];
  /** Resolves with the first snapshot that satisfies `pred`; rejects after a minute. */
  until(pred: (s: TrainingSnapshot) => boolean): Promise<TrainingSnapshot>;
  dispose(): Promise<void>;
}

/** A 2-16-1 tanh network fitting the 'bumps' toy set with Adam, five steps a frame. */
export function trainingRun(): TrainingRun {
  const rng = new Random(3);
  const model = new Sequential(new Linear(2, 16, { rng }), new Tanh(), new Linear(16, 1, { rng }));
  const opt = new Adam(model, { lr: 0.02 });
  const data = toTensors(toyDataset('bumps', { n: 64, seed: 1 }));
  const frames: TrainingSnapshot[] = [];
  const loop = new TrainingLoop({
    step: () => {
      opt.zeroGrad();
      const loss = mseLoss(model.forward(data.x), data.y);
      loss.backward();
      opt.step();
      return { loss };
    },
    stepsPerFrame: 5,
    scheduler: timeoutScheduler,
    keep: () => [model, opt, data.x, data.y],
    onFrame: (s) => frames.push(s),
  });
  const until = (pred: (s: TrainingSnapshot) => boolean) =>
    new Promise<TrainingSnapshot>((resolve, reject) => {
      const t0 = performance.now();
      const poll = () => {
        const hit = frames.find(pred);
        if (hit) resolve(hit);
        else if (performance.now() - t0 > 60_000) reject(new Error(`timed out; last snapshot ${JSON.stringify(frames.at(-1))}`));
        else setTimeout(poll, 10);
      };
      poll();
    });
  const dispose = async () => {
    await loop.dispose();
    opt.dispose();
    model.dispose();
    data.x.dispose();
    data.y.dispose();
  };
  return { model, loop, frames, until, dispose };
}
