// Measures the network whenever a setting changes. The hook owns the weights (a WeightBank of engine
// tensors, kept while the seed, width and scheme stay, so that moving the multiplier, the depth or
// the activation draws nothing new) and hands React plain reports.
//
// Work is done in timer callbacks, never during a render: weights a layer at a time in slices of
// about SLICE_MS (orthogonal ones take a tenth of a second each at width 256), and the pass itself
// at once when the last one was quick, else after a short pause, so that a slider being dragged
// repaints between passes and only its latest value is measured (at 50 layers of 512 a pass takes
// a few hundred ms on WebAssembly, seconds on the plain-JavaScript backend).
import { useEffect, useRef, useState } from 'react';
import { WeightBank, type InitConfig } from './initialisation.ts';
import { reportFromBank, type InitReport } from './report.ts';

const SLICE_MS = 40;
/** A pass slower than this is followed by PAUSE_MS before the next one. */
const QUICK_MS = 50;
const PAUSE_MS = 60;

export interface LabState {
  report: InitReport | null;
  /** Weights still being drawn for the asked depth. */
  drawing: { done: number; total: number } | null;
  /** The report shown is for other settings than the current ones (a pass is on its way). */
  stale: boolean;
  error: string | null;
}

const keyOf = (c: InitConfig) => `${c.activation}|${c.scheme}|${c.depth}|${c.width}|${c.scale}|${c.seed}`;

export function useInitialisationLab(ready: boolean, backend: string | null, config: InitConfig): LabState {
  const bank = useRef<WeightBank | null>(null);
  const lastMs = useRef(0);
  const [state, setState] = useState<{ key: string; report: InitReport | null; drawing: LabState['drawing']; error: string | null }>({
    key: '',
    report: null,
    drawing: null,
    error: null,
  });
  const key = keyOf(config);

  // A new backend holds none of the old one's tensors: the weights are drawn again (same seed, same numbers).
  useEffect(
    () => () => {
      dropBank(bank);
    },
    [backend],
  );

  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      try {
        if (!bank.current?.fits(config)) {
          dropBank(bank);
          bank.current = new WeightBank(config.seed, config.width, config.scheme);
        }
        const b = bank.current;
        const start = performance.now();
        while (b.layers.length < config.depth && performance.now() - start < SLICE_MS) b.drawLayer();
        if (b.layers.length < config.depth) {
          setState((st) => ({ ...st, drawing: { done: b.layers.length, total: config.depth } }));
          timer = setTimeout(run, 0);
          return;
        }
        const t0 = performance.now();
        const report = reportFromBank(b, config);
        lastMs.current = performance.now() - t0;
        setState({ key, report, drawing: null, error: null });
      } catch (e) {
        setState((st) => ({ ...st, key, drawing: null, error: e instanceof Error ? e.message : String(e) }));
      }
    };
    timer = setTimeout(run, lastMs.current > QUICK_MS ? PAUSE_MS : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the settings by their key; the config object is new at every render
  }, [ready, backend, key]);

  useEffect(() => () => dropBank(bank), []);

  return { report: state.report, drawing: state.drawing, stale: state.key !== key, error: state.key === key ? state.error : null };
}

function dropBank(bank: { current: WeightBank | null }): void {
  try {
    bank.current?.dispose();
  } catch {
    // Tensors of a backend that is gone: nothing left to free.
  }
  bank.current = null;
}
