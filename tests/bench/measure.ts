// Times one backend: for each model, warm-up steps, then the median of N timed steps for the
// engine and for raw TensorFlow.js, interleaved (engine, raw, engine, raw, …) so that a slow
// moment of a shared machine hits both sides alike.
import * as tf from '@tensorflow/tfjs-core';
import { buildPair, type ModelName } from './models';

export interface BenchRow {
  backend: string;
  model: ModelName;
  engineMs: number | null;
  rawMs: number | null;
  /** Why a side could not be measured (raw tfjs lacks a gradient kernel on this backend, say). */
  note?: string;
  /** Tensors the engine's steps and the model's disposal left behind (should be 0). */
  leaked: number;
}

export interface BenchPlan {
  warmup: number;
  steps: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const now = () => performance.now();

async function timed(step: () => Promise<number>): Promise<number> {
  const t0 = now();
  const loss = await step();
  const dt = now() - t0;
  if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss}`);
  return dt;
}

/** Runs an engine step and adds the tensors it left behind to `leak.count`. */
async function counted(step: () => Promise<number>, leak: { count: number }): Promise<number> {
  const before = tf.memory().numTensors;
  const loss = await step();
  leak.count += tf.memory().numTensors - before;
  return loss;
}

/** Measures `models` on the backend tfjs is using now. */
export async function measureBackend(models: ModelName[], plan: (m: ModelName) => BenchPlan, log: (line: string) => void = () => {}): Promise<BenchRow[]> {
  const backend = tf.getBackend();
  const rows: BenchRow[] = [];
  for (const model of models) {
    const before = tf.memory().numTensors;
    const pair = buildPair(model);
    const { warmup, steps } = plan(model);
    const engine: number[] = [];
    const raw: number[] = [];
    let rawError: string | undefined;
    let engineError: string | undefined;
    const leak = { count: 0 };
    const engineStep = () => counted(() => pair.engineStep(), leak);
    try {
      for (let i = 0; i < warmup; i++) await engineStep();
    } catch (e) {
      engineError = (e as Error).message;
    }
    try {
      for (let i = 0; i < warmup; i++) await pair.rawStep();
    } catch (e) {
      rawError = (e as Error).message.split('\n')[0];
    }
    for (let i = 0; i < steps; i++) {
      if (!engineError) engine.push(await timed(engineStep));
      if (!rawError) raw.push(await timed(() => pair.rawStep()));
    }
    // Raw tfjs leaks the tape's tensors when a gradient kernel is missing: count only what the
    // engine left, plus whatever survives disposing both models when raw tfjs ran cleanly.
    pair.dispose();
    if (!rawError) leak.count = tf.memory().numTensors - before;
    const row: BenchRow = {
      backend,
      model,
      engineMs: engineError ? null : median(engine),
      rawMs: rawError ? null : median(raw),
      leaked: leak.count,
    };
    const notes = [engineError && `engine failed: ${engineError}`, rawError && `raw tfjs cannot train it here: ${rawError}`].filter(Boolean);
    if (notes.length) row.note = notes.join('; ');
    log(`${backend} ${model}: engine ${fmt(row.engineMs)} ms, raw ${fmt(row.rawMs)} ms${row.note ? ` (${row.note})` : ''}`);
    rows.push(row);
  }
  return rows;
}

export function fmt(ms: number | null): string {
  return ms === null ? '—' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

export interface KernelCount {
  backend: string;
  model: ModelName;
  /** Kernels one training step runs, by kernel name (null: that side cannot train here). */
  engine: KernelTally | null;
  raw: KernelTally | null;
}

/** Per kernel name: how many ran and their summed time (null where the backend cannot time kernels). */
type KernelTally = Record<string, { count: number; ms: number | null }>;

async function kernelsOf(step: () => Promise<number>): Promise<KernelTally | null> {
  try {
    await step(); // warm-up: the first step creates optimiser state and compiles shaders
    const profile = await tf.profile(step);
    const tally: KernelTally = {};
    for (const k of profile.kernels) {
      const entry = (tally[k.name] ??= { count: 0, ms: 0 });
      entry.count += 1;
      // WebGL without a timer query reports an error object instead of a time.
      entry.ms = typeof k.kernelTimeMs === 'number' && entry.ms !== null ? entry.ms + k.kernelTimeMs : null;
    }
    return tally;
  } catch {
    return null;
  }
}

/** Counts (and, where the backend can, times) the kernels of one engine and one raw tfjs step of each model. */
export async function countKernels(models: ModelName[]): Promise<KernelCount[]> {
  const rows: KernelCount[] = [];
  for (const model of models) {
    const pair = buildPair(model);
    try {
      rows.push({ backend: tf.getBackend(), model, engine: await kernelsOf(() => pair.engineStep()), raw: await kernelsOf(() => pair.rawStep()) });
    } finally {
      pair.dispose();
    }
  }
  return rows;
}

/** A table of kernels per step, engine against raw tfjs, the largest differences in count first. */
export function kernelTable(row: KernelCount): string {
  const names = new Set([...Object.keys(row.engine ?? {}), ...Object.keys(row.raw ?? {})]);
  const count = (side: KernelTally | null, name: string) => side?.[name]?.count ?? 0;
  const cell = (side: KernelTally | null, name: string) => {
    if (!side) return '—';
    const entry = side[name];
    if (!entry) return '0';
    return entry.ms === null ? String(entry.count) : `${entry.count} (${fmt(entry.ms)} ms)`;
  };
  const total = (side: KernelTally | null) => {
    if (!side) return '—';
    const entries = Object.values(side);
    const ms = entries.every((e) => e.ms !== null) ? ` (${fmt(entries.reduce((a, e) => a + e.ms!, 0))} ms)` : '';
    return `${entries.reduce((a, e) => a + e.count, 0)}${ms}`;
  };
  const gap = (name: string) => Math.abs(count(row.engine, name) - count(row.raw, name));
  const lines = [`${row.backend} ${row.model}: kernels per step`, '| kernel | engine | tfjs |', '|---|---:|---:|'];
  for (const name of [...names].sort((a, b) => gap(b) - gap(a))) lines.push(`| ${name} | ${cell(row.engine, name)} | ${cell(row.raw, name)} |`);
  lines.push(`| total | ${total(row.engine)} | ${total(row.raw)} |`);
  return lines.join('\n');
}
