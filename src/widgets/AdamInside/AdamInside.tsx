// One parameter inside Adam: the reader picks a stream of gradients and its scale, and Adam's β₁,
// β₂, ε and η; the engine's optim.Adam takes 100 steps. With the bias correction switched off, the
// step shown is the uncorrected formula on the engine's m and v (adamSteps.ts says why). A table
// gives the first ten steps in numbers, two plots all of them, and the chosen step t is written
// out in the update rule. The default η is 0.1 rather than PyTorch's 0.001: the step is about η
// either way, and −0.1 reads at a glance where −1×10⁻³ does not (a chapter may set η itself).
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/index.ts';
import { shortNumber, significant } from '../kit/format.ts';
import { MomentsPlot, StepsPlot } from './AdamPlots.tsx';
import { STEPS, streams, type Stream } from './adamSteps.ts';
import { AdamTable } from './AdamTable.tsx';
import { adamStrings as s } from './strings.ts';
import { useAdamInside } from './useAdamInside.ts';
import './adamInside.css';

export const adamInsideSchema = {
  stream: choice(streams, 'constant', () => s.linkLabels.stream),
  scale: number({ min: 1e-3, max: 1e3, default: 1, label: () => s.linkLabels.scale }),
  learningRate: number({ min: 1e-4, max: 1, default: 0.1, label: () => s.linkLabels.learningRate }),
  beta1: number({ min: 0, max: 0.999, default: 0.9, label: () => s.linkLabels.beta1 }),
  // β₂ below ½ lets v fall to 0 between sparse gradients, and the step to m/ε: not Adam any more.
  beta2: number({ min: 0.5, max: 0.9999, default: 0.999, label: () => s.linkLabels.beta2 }),
  eps: number({ min: 1e-10, max: 1, default: 1e-8, label: () => s.linkLabels.eps }),
  biasCorrection: boolean(true, () => s.linkLabels.biasCorrection),
  step: integer({ min: 1, max: STEPS, default: 1, label: () => s.linkLabels.step }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type AdamInsideProps = Partial<StateOf<typeof adamInsideSchema>>;

/** A log slider's position to a value with two significant digits. */
const fromLog = (v: number) => Number((10 ** v).toPrecision(2));
/** β from a slider on −log₁₀(1 − β): 1 − β with two significant digits (0.9, 0.99, 0.995, 0.999 …). */
const betaFrom = (v: number) => Number((1 - fromLog(-v)).toPrecision(6));
const betaSlider = (beta: number) => -Math.log10(1 - beta);

export default function AdamInside({ presenting, ...initial }: AdamInsideProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(adamInsideSchema, initial);
  const { stream, scale, learningRate, beta1, beta2, eps, biasCorrection, step: t, seed } = state;
  const engine = useEngine();
  const result = useAdamInside(engine.ready, { stream, scale, seed, learningRate, beta1, beta2, eps });
  const eta = shortNumber(learningRate);

  const controls = (
    <>
      <Controls presenting={presenting}>
        <Select label={s.stream} value={stream} options={streams.map((v) => ({ value: v, label: s.streamNames[v] }))} onChange={(v: Stream) => setState({ stream: v })} />
        <Slider label={s.scale} value={Math.log10(scale)} min={-3} max={3} step={0.25} format={(v) => shortNumber(fromLog(v))} onChange={(v) => setState({ scale: fromLog(v) })} />
        {stream === 'noisy' ? <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} /> : null}
        <Checkbox label={s.correction} checked={biasCorrection} onChange={(v) => setState({ biasCorrection: v })} />
        <Slider label={s.step} value={t} min={1} max={STEPS} step={1} format={(v) => String(v)} onChange={(v) => setState({ step: Math.round(v) })} />
      </Controls>
      <p className="fig-note">{s.streamLine(s.streamRules[stream], shortNumber(scale))}</p>
      <details className="ai-settings">
        <summary>{s.settingsSummary(eta, shortNumber(beta1), shortNumber(beta2), shortNumber(eps))}</summary>
        <Controls presenting={presenting}>
          <Slider label={s.learningRate} value={Math.log10(learningRate)} min={-4} max={0} step={0.25} format={() => eta} onChange={(v) => setState({ learningRate: fromLog(v) })} />
          <Slider label={s.beta1} value={betaSlider(beta1)} min={0} max={3} step={0.1} format={() => shortNumber(beta1)} onChange={(v) => setState({ beta1: betaFrom(v) })} />
          <Slider label={s.beta2} value={betaSlider(beta2)} min={Math.log10(2)} max={4} step={0.1} format={() => shortNumber(beta2)} onChange={(v) => setState({ beta2: betaFrom(v) })} />
          <Slider label={s.eps} value={Math.log10(eps)} min={-10} max={0} step={1} format={() => shortNumber(eps)} onChange={(v) => setState({ eps: 10 ** Math.round(v) })} />
        </Controls>
      </details>
    </>
  );

  const root = presenting ? 'ai ai-presenting fig-presenting' : 'ai figure-first';
  if (engine.error) return <div className={root}>{controls}<p role="alert">{s.engineFailed(engine.error)}</p></div>;
  if (!result) return <div className={root}>{controls}<p>{s.starting}</p></div>;
  if (result.error !== null) return <div className={root}>{controls}<p role="alert">{s.computeFailed(result.error)}</p></div>;

  const { run } = result;
  const i = t - 1;
  const taken = biasCorrection ? run.stepCorrected[i] : run.stepUncorrected[i];
  const units = (v: number) => significant(v / learningRate, 4);
  // What leaving the correction out does to the step at t (ε aside): m̂/√v̂ times this.
  const factor = (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t);
  const width = presenting ? 520 : 380;
  const height = presenting ? 280 : 200;

  return (
    <div className={root}>
      {controls}
      <div className="ai-body figure-pass">
        <div className="ai-numbers">
          <AdamTable run={run} t={t} corrected={biasCorrection} />
          <div className="ai-rule" role="status">
            <p className="fig-formula">
              {biasCorrection
                ? s.stepCorrected(t, eta, shortNumber(run.mHat[i]), shortNumber(run.vHat[i]), shortNumber(eps), shortNumber(taken))
                : s.stepUncorrected(t, eta, shortNumber(run.m[i]), shortNumber(run.v[i]), shortNumber(eps), shortNumber(taken))}
            </p>
            <p>
              {biasCorrection ? s.inUnits(units(taken)) : s.withoutCorrection(units(taken), units(run.stepCorrected[i]), significant(factor, 3), factor > 1)}
              {scale !== 1 ? ` ${s.scaleNote(shortNumber(scale))}` : null}
            </p>
          </div>
        </div>
        <div className="ai-plots figure-pin">
          <MomentsPlot run={run} t={t} width={width} height={height} />
          <StepsPlot run={run} t={t} corrected={biasCorrection} eta={learningRate} width={width} height={height} />
        </div>
      </div>
    </div>
  );
}
