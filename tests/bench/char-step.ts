// The character model at batch 1 against a plain-JS scalar LSTM (char-reference.ts) on the same
// task: the recurrent-networks chapter's CharLSTM (one-hot characters → LSTM 128 → linear read-out,
// cross-entropy at every position), windows of 25 characters taken in turn from one seeded text,
// plain SGD at 0.01. Both sides start from the same weights and take the same windows, so after the
// warm-up their losses agree (checked); then each runs in turns of a quarter second, interleaved,
// for about a second in all. The figure is characters per second.
import { crossEntropy } from '../../src/engine/losses';
import { CharLSTM } from '../../src/models/charLstm/charModel';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { liveTensorCount, tidy } from '../../src/engine/tensor';
import { buildCharReference, trainWindow, type CharRefModel } from './char-reference';
import { fmtRate } from './lab-step';

/** The name `--models` knows this benchmark by. */
export const CHAR1_MODEL = 'char1';
export const CHAR1_TITLE = 'Character LSTM hidden 128, batch 1, 25 characters per window';

const VOCAB = 59;
const HIDDEN = 128;
const WINDOW = 25;
const LR = 0.01;
const WARMUP_WINDOWS = 4;
const ROUNDS = 4;
const ROUND_MS = 250;

export interface Char1Row {
  backend: string;
  engineCharsPerSecond: number | null;
  referenceCharsPerSecond: number;
  /** |engine − reference| of the last warm-up window's loss (float32 against float64). */
  lossGap: number | null;
  leaked: number;
  note?: string;
}

/** The windows of one seeded text, in turn: 26 ids each (25 inputs, each predicting the next). */
class Windows {
  private readonly text: number[];
  private at = 0;

  constructor(seed: number) {
    const rng = new Random(seed);
    this.text = Array.from({ length: 4000 }, () => rng.int(VOCAB));
  }

  next(): number[] {
    if (this.at + WINDOW + 1 > this.text.length) this.at = 0;
    const ids = this.text.slice(this.at, this.at + WINDOW + 1);
    this.at += WINDOW;
    return ids;
  }
}

const now = () => performance.now();

/** Runs `step` for about `ms` milliseconds; returns the steps taken. */
function runFor(step: () => void, ms: number): number {
  const t0 = now();
  let steps = 0;
  while (now() - t0 < ms) {
    step();
    steps++;
  }
  return steps;
}

/** Measures the engine's CharLSTM and the reference on the backend tfjs is using now. */
export function measureChar1(backend: string, log: (line: string) => void = () => {}): Char1Row {
  const before = liveTensorCount();
  const model = new CharLSTM(VOCAB, HIDDEN, new Random(7));
  const opt = new SGD(model, { lr: LR });
  const state = model.stateDict();
  const ref: CharRefModel = buildCharReference(VOCAB, HIDDEN, Object.values(state).map((a) => a.values));
  const engineWindows = new Windows(11);
  const refWindows = new Windows(11);
  const engineStep = () => {
    const ids = engineWindows.next();
    return tidy(() => {
      opt.zeroGrad();
      const loss = crossEntropy(model.forward([ids.slice(0, WINDOW)]), ids.slice(1));
      loss.backward();
      opt.step();
      return loss.item();
    });
  };
  const refStep = () => trainWindow(ref, refWindows.next(), LR);
  const notes: string[] = [];
  let engineLoss = NaN;
  let refLoss = NaN;
  for (let i = 0; i < WARMUP_WINDOWS; i++) {
    engineLoss = engineStep();
    refLoss = refStep();
  }
  const lossGap = Math.abs(engineLoss - refLoss);
  if (!(lossGap < 1e-3)) notes.push(`after ${WARMUP_WINDOWS} windows the two sides disagree (engine ${engineLoss}, reference ${refLoss})`);
  let [engineSteps, engineMs, refSteps, refMs] = [0, 0, 0, 0];
  for (let r = 0; r < ROUNDS; r++) {
    let t0 = now();
    engineSteps += runFor(engineStep, ROUND_MS);
    engineMs += now() - t0;
    t0 = now();
    refSteps += runFor(refStep, ROUND_MS);
    refMs += now() - t0;
  }
  opt.dispose();
  model.dispose();
  const row: Char1Row = {
    backend,
    engineCharsPerSecond: (1000 * engineSteps * WINDOW) / engineMs,
    referenceCharsPerSecond: (1000 * refSteps * WINDOW) / refMs,
    lossGap,
    leaked: liveTensorCount() - before,
  };
  if (notes.length) row.note = notes.join('; ');
  log(`${backend} ${CHAR1_MODEL}: engine ${fmtRate(row.engineCharsPerSecond)} chars/s, reference ${fmtRate(row.referenceCharsPerSecond)} chars/s`);
  return row;
}

export function char1Table(rows: { where: string; row: Char1Row }[]): string {
  const lines = [
    `| where | backend | engine chars/s | plain-JS reference chars/s | engine / reference | warm-up loss gap |`,
    `|---|---|---:|---:|---:|---:|`,
  ];
  for (const { where, row } of rows) {
    const ratio = row.engineCharsPerSecond === null ? 'n/a' : (row.engineCharsPerSecond / row.referenceCharsPerSecond).toFixed(3);
    lines.push(
      `| ${where} | ${row.backend} | ${fmtRate(row.engineCharsPerSecond)} | ${fmtRate(row.referenceCharsPerSecond)} | ${ratio} | ${row.lossGap === null ? '—' : row.lossGap.toExponential(1)} |`,
    );
  }
  return lines.join('\n');
}
