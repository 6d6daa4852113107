// Arrow-key moves of a point on the neuron's plane: each lands on the grid of the control's step.

/** Clamps v to [lo, hi] and rounds it to the grid of `step` (for arrow-key moves). */
export function snapTo(v: number, lo: number, hi: number, step: number): number {
  const snapped = Math.round(v / step) * step;
  return Number(Math.min(hi, Math.max(lo, snapped)).toFixed(6));
}
