// Every word the softmax figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';

export const softmaxStrings = catalogue('SoftmaxTemperature', {
  logit: (i: number) => `Logit z${sub(i)}`,
  temperature: 'Temperature T',
  addClass: 'Add a class',
  removeClass: 'Remove the last class',
  shift: 'Add 1 to all logits',
  shiftHint: 'Add the same number to every logit and see that no probability changes',
  shiftBlocked: (limit: number) => `Adding 1 would take a logit above ${limit}, the largest this figure allows.`,
  shifted: (change: string) =>
    `Every logit went up by 1, and the largest change in any probability was ${change}: nothing changed beyond float32 rounding. ` +
    'The factor e¹ appears in every term on the top and on the bottom of softmax, and cancels.',
  barLabel: (i: number) => `class ${i}`,
  xAxis: 'class',
  yAxis: 'probability',
  chartTitle: 'Softmax probabilities',
  chartDescription: (t: string, items: string, total: string, entropy: string) =>
    `Bars of the probability of each class at temperature ${t}: ${items}. They sum to ${total}; entropy ${entropy} nats.`,
  item: (i: number, z: string, p: string) => `class ${i} (logit ${z}) ${p}`,
  scaled: (values: string) => `Logits divided by the temperature, z / T = ${values}`,
  total: (v: string) => `Sum of the probabilities: ${v}`,
  entropy: (h: string, max: string, k: number) => `Entropy: ${h} nats (at most ln ${k} = ${max}, when every class gets 1/${k})`,
  coldHint: 'Low temperature sharpens the distribution towards the largest logit (T → 0 gives all probability to it).',
  hotHint: 'High temperature flattens it towards the uniform 1/k (T → ∞).',
  plainHint: 'At T = 1 this is the ordinary softmax.',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { logits: 'logits', temperature: 'temperature' },
});

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
/** A whole number as subscript digits (z₁). */
export function sub(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => SUBSCRIPTS[Number(d)]);
}
