// Four networks of the same depth and width trained side by side on the spiral from the same
// starting weights: plain, plain with normalisation, residual, and residual with normalisation.
// Their training losses, the gradient each block receives (vanishing towards the input in the
// plain network, level in the residual one), and a table of where each stands; a network that
// diverges stops and says so while the others go on.
import { useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, LogSlider, NumberField, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { NORMS, type NormKind } from '../../models/residual/deepNets.ts';
import { OPTIMIZERS, type RaceOptimizer } from '../../models/residual/residualRace.ts';
import { DEFAULT_RACE, DEFAULT_SEED } from '../../models/residual/residualNumbers.ts';
import { FigureTable, LiveHint, TrainingBar, useOnScreen } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { GradientPlot, LossPlot, NetMark } from './ResidualCharts.tsx';
import { plainVsResidualStrings as s } from './strings.ts';
import { usePlainVsResidual } from './usePlainVsResidual.ts';
import '../kit/figure.css';
import './plainVsResidual.css';

export const MIN_BLOCKS = 2;
export const MAX_BLOCKS = 50;
export const MIN_WIDTH = 16;
export const MAX_WIDTH = 64;
export const RATE_MIN = 1e-4;
export const RATE_MAX = 1;
/** Each optimiser's usual rate here: picking an optimiser sets its rate. */
export const DEFAULT_RATES: Record<RaceOptimizer, number> = { adam: DEFAULT_RACE.learningRate, momentum: 0.05 };

export const plainVsResidualSchema = {
  blocks: integer({ min: MIN_BLOCKS, max: MAX_BLOCKS, default: DEFAULT_RACE.blocks, label: () => s.linkLabels.blocks }),
  width: integer({ min: MIN_WIDTH, max: MAX_WIDTH, default: DEFAULT_RACE.width, label: () => s.linkLabels.width }),
  norm: choice(NORMS, DEFAULT_RACE.norm, () => s.linkLabels.norm),
  optimizer: choice(OPTIMIZERS, DEFAULT_RACE.optimizer, () => s.linkLabels.optimizer),
  learningRate: number({ min: RATE_MIN, max: RATE_MAX, default: DEFAULT_RACE.learningRate, label: () => s.linkLabels.learningRate }),
  seed: integer({ min: 1, max: 9999, default: DEFAULT_SEED, label: () => s.linkLabels.seed }),
};

export type PlainVsResidualProps = Partial<StateOf<typeof plainVsResidualSchema>>;


export default function PlainVsResidual({ presenting = false, ...initial }: PlainVsResidualProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(plainVsResidualSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(root);
  const { job, results, step } = usePlainVsResidual(visible, state, state.seed);
  const normName = s.norms[state.norm];
  const names = results.map((r) => s.names[r.name](normName));
  const when = step > 0 ? s.atStep(step) : s.atStart;
  const stopped = results.filter((r) => r.stop);
  const allStopped = results.every((r) => r.divergedBy !== null);
  const toDefaults = () => setState({ ...DEFAULT_RACE });

  return (
    <div ref={root} className={presenting ? 'pvr fig-presenting' : 'pvr figure-first'}>
      <div className="pvr-plots figure-pass">
        <div className="fig-plot figure-pin">
          <h4 className="pvr-heading">{s.lossTitle}</h4>
          <LossPlot results={results} names={names} presenting={presenting} />
        </div>
        <div className="fig-plot">
          <h4 className="pvr-heading">{s.gradientTitle}</h4>
          <GradientPlot results={results} names={names} presenting={presenting} when={when} />
        </div>
      </div>
      <div className="pvr-side">
        <div className="pvr-status">
          <TrainingBar job={job} presenting={presenting} showLoss={false} advice={s.allDiverged} recovery={{ label: s.defaults, onClick: toDefaults }} />
          <FigureTable caption={s.tableCaption(when)} columns={s.columns}>
            {results.map((r, k) => (
              <tr key={r.name}>
                <th scope="row">
                  <span className="pvr-name">
                    <NetMark k={k} size={22} />
                    <span>{names[k]}</span>
                  </span>
                </th>
                {r.divergedBy !== null ? (
                  <td colSpan={3}>{r.stop ? s.diverged(r.stop.step) : s.divergedBy(r.divergedBy)}</td>
                ) : (
                  <>
                    <td>{r.lastLoss === null ? s.none : s.loss(r.lastLoss)}</td>
                    <td>{r.accuracy === null ? s.none : s.accuracy(r.accuracy)}</td>
                    <td>{r.ratio === null ? s.none : s.ratio(r.ratio)}</td>
                  </>
                )}
              </tr>
            ))}
          </FigureTable>
          {stopped.length > 0 && !allStopped ? (
            <div className="pvr-diverged" role="status">
              <p>{s.divergedNote(stopped.map((r) => names[results.indexOf(r)]).join(', '))}</p>
              <button type="button" onClick={toDefaults}>
                {s.defaults}
              </button>
            </div>
          ) : null}
          <p className="pvr-block">{s.blockFormula(2 * state.blocks + 2)}</p>
        </div>
        <Controls presenting={presenting}>
          <Slider label={s.blocks} value={state.blocks} min={MIN_BLOCKS} max={MAX_BLOCKS} step={1} format={(v) => s.blocksValue(v)} onChange={(v) => setState({ blocks: Math.round(v) })} />
          <Slider label={s.width} value={state.width} min={MIN_WIDTH} max={MAX_WIDTH} step={8} format={(v) => s.widthValue(v)} onChange={(v) => setState({ width: Math.round(v) })} />
          <Select label={s.norm} value={state.norm} options={NORMS.map((k) => ({ value: k, label: s.norms[k] }))} onChange={(k: NormKind) => setState({ norm: k })} />
          <Select
            label={s.optimizer}
            value={state.optimizer}
            options={OPTIMIZERS.map((k) => ({ value: k, label: s.optimizers[k] }))}
            onChange={(k: RaceOptimizer) => setState({ optimizer: k, learningRate: DEFAULT_RATES[k] })}
          />
          <LogSlider
            label={s.learningRate}
            value={state.learningRate}
            min={RATE_MIN}
            max={RATE_MAX}
            format={shortNumber}
            onChange={(v) => setState({ learningRate: v })}
          />
          <NumberField label={s.seed} value={state.seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
          <LiveHint applies="restart" />
        </Controls>
      </div>
    </div>
  );
}
