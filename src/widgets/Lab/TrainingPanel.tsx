// How the Lab trains: the loss (squared error only for a regression), the optimiser, the learning
// rate on a log scale, the penalty and its rate, and the seed of the starting weights.
import { memo } from 'react';
import { NumberField, Select, Slider } from '../../book/controls.tsx';
import { setTask } from '../../models/lab/data.ts';
import { LAB_OPTIMIZERS, LOSSES, REGULARIZERS } from '../../models/lab/spec.ts';
import { shortNumber } from '../kit/format.ts';
import { lossOf, pointsOf, type Hideable, type LabState } from './labState.ts';
import { labStrings as s } from './strings.ts';

const REG_RATES = ['0', '0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'] as const;
/** Early stopping's patience, in epochs, as the slider steps through it (0: off). */
const PATIENCE_STEPS = [0, 5, 10, 20, 50, 100, 200, 500] as const;
const nearestPatience = (p: number) => PATIENCE_STEPS.reduce((a, b) => (Math.abs(b - p) < Math.abs(a - p) ? b : a));
const LR_MIN = -4;
const LR_MAX = 1;

export const TrainingPanel = memo(function TrainingPanel({ state, hidden, onState }: { state: LabState; hidden: Set<Hideable>; onState: (update: Partial<LabState>) => void }) {
  const regression = setTask(state.set, pointsOf(state)) === 'regression';
  const rate = String(state.regRate);
  return (
    <fieldset className="lab-panel lab-training">
      <legend>{s.trainingHeading}</legend>
      {hidden.has('training') ? null : (
        <>
          {regression ? (
            <p className="lab-help">{s.lossOnlyMse}</p>
          ) : (
            <Select label={s.loss} value={lossOf(state)} options={LOSSES.map((v) => ({ value: v, label: s.losses[v] }))} onChange={(loss) => onState({ loss })} />
          )}
          <Select label={s.optimizer} value={state.optimizer} options={LAB_OPTIMIZERS.map((v) => ({ value: v, label: s.optimizers[v] }))} onChange={(optimizer) => onState({ optimizer })} />
          <Slider
            label={s.lr}
            value={Math.log10(state.lr)}
            min={LR_MIN}
            max={LR_MAX}
            step={0.05}
            format={(v) => shortNumber(Number((10 ** v).toPrecision(2)))}
            onChange={(v) => onState({ lr: Number((10 ** v).toPrecision(2)) })}
          />
          <div className="lab-row">
            <NumberField label={s.seed} value={state.seed} min={1} max={99999} integer onChange={(seed) => onState({ seed })} />
          </div>
          <p className="lab-help">{s.liveHint}</p>
        </>
      )}
      {hidden.has('regularization') ? null : (
        <>
          <Select label={s.reg} value={state.reg} options={REGULARIZERS.map((v) => ({ value: v, label: s.regs[v] }))} onChange={(reg) => onState({ reg })} />
          <Select
            label={s.regRate}
            value={rate as (typeof REG_RATES)[number]}
            options={(REG_RATES as readonly string[]).includes(rate) ? REG_RATES : [...REG_RATES, rate as (typeof REG_RATES)[number]]}
            onChange={(v) => onState({ regRate: Number(v) })}
          />
          <Slider
            label={s.patience}
            value={PATIENCE_STEPS.indexOf(nearestPatience(state.patience))}
            min={0}
            max={PATIENCE_STEPS.length - 1}
            step={1}
            format={(i) => s.patienceValue(Math.round(i) === PATIENCE_STEPS.indexOf(nearestPatience(state.patience)) ? state.patience : PATIENCE_STEPS[Math.round(i)])}
            onChange={(i) => onState({ patience: PATIENCE_STEPS[Math.round(i)] })}
          />
          <p className="lab-help">{s.patienceHelp}</p>
        </>
      )}
    </fieldset>
  );
});
