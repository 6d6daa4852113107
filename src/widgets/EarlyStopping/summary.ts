// The figure's line under its pictures, from the run's picture and settings: the best epoch and
// its validation loss, where the rule stopped (or would have), and what the best weights are worth
// on the test grid against the weights the run ended with.
import type { EarlyStopPicture } from '../../models/generalisation/earlyStop/earlyStopRun.ts';
import { earlyStoppingStrings as s } from './strings.ts';

export interface SummarySettings {
  patience: number;
  stop: boolean;
}

export function summaryOf(p: EarlyStopPicture | null, { patience, stop }: SummarySettings, budget: number): string {
  if (!p || p.epoch === 0) return s.notStarted;
  if (p.bestEpoch === null || p.bestValLoss === null || p.bestTestLoss === null) return s.noFinite;
  const parts = [s.bestSoFar(p.bestEpoch, p.bestValLoss)];
  if (p.stopEpoch === null) parts.push(s.waiting(p.epoch - p.bestEpoch, patience));
  else parts.push(stop ? s.stoppedAt(p.stopEpoch) : s.wouldStop(p.stopEpoch));
  if (p.stopEpoch === null && p.epoch >= budget) parts.push(s.endedAt(p.epoch));
  if (p.restored) parts.push(s.restored(p.bestEpoch, p.bestTestLoss, p.restored.atEpoch, p.restored.testLoss));
  else if (p.stopEpoch !== null && stop) parts.push(s.kept(p.epoch, p.testLoss, p.bestEpoch, p.bestTestLoss));
  else parts.push(s.compare(p.epoch, p.testLoss, p.bestEpoch, p.bestTestLoss));
  // A later, lower validation loss than the rule's best: the rule gave up too soon.
  if (p.stopEpoch !== null && p.lowestEpoch !== null && p.lowestValLoss !== null && p.lowestEpoch > p.stopEpoch && p.lowestValLoss < p.bestValLoss) {
    parts.push(s.laterLowest(p.lowestEpoch, p.lowestValLoss));
  }
  return parts.join(' ');
}
