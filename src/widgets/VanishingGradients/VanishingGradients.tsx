// Vanishing and exploding gradients, seen and felt: the gradient norm of every layer of a deep
// stack as depth, activation and initial weight scale change, and the same stack trained by plain
// gradient descent so that the reader sees it learn, stall at chance, or blow up.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { BarChart, LossCurve, TrainingBar, useTrainingJob } from '../kit/index.ts';
import { fixed, magnitude } from '../kit/format.ts';
import { logDomain } from '../../models/gradientDepth.ts';
import { gradientActivations, MAX_DEPTH, MAX_SCALE, MIN_DEPTH, MIN_SCALE, normsOf, type GradientActivation } from './deep.ts';
import { vanishingStrings as s } from './strings.ts';
import { vanishingJob } from './vanishingJob.ts';
import './vanishingGradients.css';

export const vanishingGradientsSchema = {
  activation: choice(gradientActivations, 'sigmoid', () => s.linkLabels.activation),
  depth: integer({ min: MIN_DEPTH, max: MAX_DEPTH, default: 10, label: () => s.linkLabels.depth }),
  scale: number({ min: MIN_SCALE, max: MAX_SCALE, step: 0.05, default: 1, label: () => s.linkLabels.scale }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
  live: boolean(false, () => s.linkLabels.live),
};

export type VanishingGradientsProps = Partial<StateOf<typeof vanishingGradientsSchema>>;

const STUCK_AFTER = 600;

export default function VanishingGradients({ presenting, ...initial }: VanishingGradientsProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(vanishingGradientsSchema, initial);
  const { activation, depth, scale, seed, live } = state;
  const job = useTrainingJob(vanishingJob, { config: { activation, depth, scale }, seed });
  const { training, view } = job;
  const snap = training.snapshot;
  const step = snap?.step ?? 0;
  const loss = snap?.loss ?? null;
  const accuracy = snap && snap.state !== 'diverged' ? (view?.accuracy ?? null) : null;
  const startNorms = view?.startNorms ?? null;
  const current = snap && snap.step > 0 ? normsOf(snap.metrics, depth) : null;
  const verdict =
    step === 0 ? s.verdictIdle : accuracy !== null && accuracy > 0.95 ? s.verdictLearnt : step >= STUCK_AFTER && loss !== null && loss > 0.6 ? s.verdictStuck : s.verdictRunning;

  const showingCurrent = live && current !== null;
  const norms = showingCurrent ? current : startNorms;
  let chart = null;
  if (norms) {
    const positive = norms.filter((v) => v > 0);
    const values = norms.map((v, i) => s.layerValue(i + 1, magnitude(v))).join(', ');
    const ratio = norms[norms.length - 1] > 0 ? norms[0] / norms[norms.length - 1] : null;
    const summary = ratio !== null && Number.isFinite(ratio) ? s.ratio(magnitude(ratio), norms.length) : '';
    chart = (
      <BarChart
        bars={norms.map((v, i) => ({ label: String(i + 1), value: v }))}
        width={presenting ? 640 : 520}
        height={presenting ? 320 : 260}
        y={positive.length ? { label: s.yAxis, log: true, domain: logDomain(norms) } : { label: s.yAxis }}
        xLabel={s.xAxis}
        title={s.chartTitle}
        description={s.chartDescription({ when: showingCurrent ? s.whenStep(step) : s.whenStart, values, summary })}
        format={(v) => (norms.length <= 8 ? magnitude(v) : '')}
      />
    );
  }

  return (
    <div className={presenting ? 'vg vg-presenting' : 'vg figure-first'}>
      <Controls presenting={presenting}>
        <Select
          label={s.activation}
          value={activation}
          options={gradientActivations.map((a) => ({ value: a, label: s.activationNames[a] }))}
          onChange={(v: GradientActivation) => setState({ activation: v })}
        />
        <Slider label={s.depth} value={depth} min={MIN_DEPTH} max={MAX_DEPTH} step={1} format={(v) => String(v)} onChange={(v) => setState({ depth: Math.round(v) })} />
        <Slider label={s.scale} value={scale} min={MIN_SCALE} max={MAX_SCALE} step={0.05} format={(v) => fixed(v, 2)} onChange={(v) => setState({ scale: v })} />
        <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
        <Checkbox label={s.live} checked={live} onChange={(v) => setState({ live: v })} />
      </Controls>
      <div className="vg-buttons fig-side">
        <button type="button" onClick={() => setState({ scale: 1 })} disabled={scale === 1}>
          {s.lecun}
        </button>
        <button type="button" onClick={() => setState({ scale: 1.41 })} disabled={scale === 1.41}>
          {s.he}
        </button>
      </div>
      <TrainingBar
        job={job}
        presenting={presenting}
        detail={accuracy !== null ? s.accuracy(`${Math.round(accuracy * 100)}%`) : null}
        advice={s.explodedAdvice}
        recovery={scale !== 1 ? { label: s.explodedReset, onClick: () => setState({ scale: 1 }) } : undefined}
      />
      <p className="vg-verdict fig-side" aria-live="polite">
        {verdict}
      </p>
      <div className="vg-main figure-pass">
        <div className="vg-chart figure-pin">
          <p className="vg-chart-title">{showingCurrent ? s.whenStepTitle(step) : s.whenStartTitle}</p>
          {chart}
        </div>
        <div className="vg-loss" style={{ width: presenting ? 420 : 320 }}>
          <LossCurve series={[{ name: s.lossSeries, losses: training.losses, steps: training.lossSteps }]} width={presenting ? 420 : 320} height={presenting ? 300 : 240} title={s.lossTitle} />
        </div>
      </div>
      <p className="vg-note">{s.method}</p>
    </div>
  );
}
