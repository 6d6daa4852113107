// Gradient descent on a quadratic and its learning rate: the reader sets the curvature λ, the rate
// η and the start w₀; the engine takes the steps; the figure draws them on the loss curve and as
// the distance to the minimum, names the regime from the multiplier 1 − ηλ, and shows where η
// stands against 1/λ (one step) and 2/λ (the edge). A run that diverges is cut where it does, with
// a button back to η = 1/λ.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, LogSlider, NumberField, Slider } from '../../book/controls.tsx';
import { integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { DistancePlot, LossPlot } from './DescentPlots.tsx';
import { lossAt, multiplierOf, regimeOf, SLOW_BELOW, TARGET } from './descent.ts';
import { RATE_RANGE, RateStrip, regimeColors } from './RateStrip.tsx';
import { rateStrings as s } from './strings.ts';
import { useLearningRateExplorer } from './useLearningRateExplorer.ts';
import './learningRateExplorer.css';

const CURVATURE: [number, number] = [0.1, 10];
const START: [number, number] = [-5, 5];
const STEPS: [number, number] = [5, 100];

export const learningRateExplorerSchema = {
  // The chapter's bowl: λ = 4, w₀ = 1, w* = 0, so the bound 2/λ is 0.5.
  curvature: number({ min: CURVATURE[0], max: CURVATURE[1], default: 4, label: () => s.linkLabels.curvature }),
  // No grid for η: the buttons set 1/λ and 2/λ exactly, whatever λ is.
  learningRate: number({ min: RATE_RANGE[0], max: RATE_RANGE[1], default: 0.1, label: () => s.linkLabels.learningRate }),
  start: number({ min: START[0], max: START[1], step: 0.1, default: 1, label: () => s.linkLabels.start }),
  steps: integer({ min: STEPS[0], max: STEPS[1], default: 30, label: () => s.linkLabels.steps }),
};

export type LearningRateExplorerProps = Partial<StateOf<typeof learningRateExplorerSchema>>;


export default function LearningRateExplorer({ presenting, ...initial }: LearningRateExplorerProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(learningRateExplorerSchema, initial);
  const { curvature, learningRate, start, steps } = state;
  const engine = useEngine();
  const result = useLearningRateExplorer(engine.ready, curvature, learningRate, start, steps);

  const product = learningRate * curvature;
  const regime = regimeOf(product);
  const r = multiplierOf(learningRate, curvature);
  const eta = shortNumber(learningRate);
  const best = 1 / curvature;
  const edge = 2 / curvature;

  const controls = (
    <>
      <Controls presenting={presenting}>
        <LogSlider
          label={s.curvature}
          value={curvature}
          min={CURVATURE[0]}
          max={CURVATURE[1]}
          format={shortNumber}
          onChange={(v) => setState({ curvature: v })}
        />
        <LogSlider
          label={s.learningRate}
          value={learningRate}
          min={RATE_RANGE[0]}
          max={RATE_RANGE[1]}
          format={() => eta}
          onChange={(v) => setState({ learningRate: v })}
        />
        <NumberField label={s.exactRate} value={learningRate} min={RATE_RANGE[0]} max={RATE_RANGE[1]} step={0.01} onChange={(v) => setState({ learningRate: v })} />
        <Slider label={s.start} value={start} min={START[0]} max={START[1]} step={0.1} format={(v) => shortNumber(v)} onChange={(v) => setState({ start: Math.round(v * 10) / 10 })} />
        <Slider label={s.steps} value={steps} min={STEPS[0]} max={STEPS[1]} step={1} format={(v) => String(v)} onChange={(v) => setState({ steps: Math.round(v) })} />
      </Controls>
      <div className="fig-buttons">
        <button type="button" onClick={() => setState({ learningRate: best })} aria-pressed={Math.abs(product - 1) < 1e-9}>
          {s.bestRate(shortNumber(best))}
        </button>
        <button type="button" onClick={() => setState({ learningRate: edge })} disabled={edge > RATE_RANGE[1]} aria-pressed={regime === 'edge'}>
          {s.edgeRate(shortNumber(edge))}
        </button>
      </div>
      <RateStrip
        curvature={curvature}
        eta={learningRate}
        presenting={presenting}
        description={s.stripDescription(eta, shortNumber(SLOW_BELOW / curvature), shortNumber(best), shortNumber(edge), s.regimeNames[regime])}
      />
    </>
  );

  const root = presenting ? 'lrx lrx-presenting fig-presenting' : 'lrx';
  if (engine.error) return <div className={root}>{controls}<p role="alert">{s.engineFailed(engine.error)}</p></div>;
  if (!result) return <div className={root}>{controls}<p>{s.starting}</p></div>;
  if (result.error !== null) return <div className={root}>{controls}<p role="alert">{s.computeFailed(result.error)}</p></div>;

  const { run } = result;
  const last = run.w.length - 1;
  const d0 = Math.abs(run.w[0] - TARGET);
  const width = presenting ? 520 : 380;
  const height = presenting ? 320 : 230;

  return (
    <div className={`${root} lrx-layout${presenting ? '' : ' figure-first'}`}>
      <div className={presenting ? 'lrx-side fig-column' : 'lrx-side'}>
        {controls}
        <div className="lrx-status" role="status" style={{ borderColor: regimeColors[regime] }}>
          <p>
            <strong>{s.regimeLine(s.regimeNames[regime], shortNumber(product))}</strong> {s.regimeExplanations[regime]}
          </p>
          <p>{s.multiplier(eta, shortNumber(curvature), shortNumber(r))}</p>
          {d0 === 0 ? (
            <p>{s.atMinimum}</p>
          ) : run.divergedAt !== null ? (
            <div className="lrx-diverged">
              <p>{s.diverged(run.divergedAt, shortNumber(Math.abs(run.w[last] - TARGET)), shortNumber(d0))}</p>
              <button type="button" onClick={() => setState({ learningRate: best })}>
                {s.backToBest(shortNumber(best))}
              </button>
            </div>
          ) : (
            <p>
              {run.measuredMultiplier !== null ? s.measured(shortNumber(run.measuredMultiplier)) : null}{' '}
              {s.after(last, shortNumber(run.w[last]), shortNumber(run.loss[last]), shortNumber(lossAt(run.w[0], curvature)))}
            </p>
          )}
        </div>
      </div>
      <div className="lrx-plots figure-pass">
        <div className="figure-pin">
          <LossPlot run={run} curvature={curvature} eta={learningRate} width={width} height={height} />
        </div>
        <DistancePlot run={run} multiplier={r} steps={steps} width={width} height={height} />
      </div>
    </div>
  );
}
