// Two networks of the same shape trained side by side on the same points, step for step: one with
// no activation between its layers, one with tanh or ReLU. The linear one can only ever draw a
// straight boundary, and its three weight matrices multiply out to one, which the figure prints.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { data } from '../../engine/index.ts';
import type { ClassificationSetName } from '../../engine/data/index.ts';
import { useMemo } from 'react';
import { symbol } from 'd3-shape';
import { classColor, classSymbols, Dots, HeatMap, LinePath, LossCurve, Plot, TrainingBar, useTrainingJob } from '../kit/index.ts';
import { readable } from '../kit/format.ts';
import { percent } from '../kit/format.ts';
import { boundaryLine, labelledDots } from './draw.ts';
import { EXTENT, GRID, linearVsNonlinearJob, linearVsNonlinearSet, type PanelPicture } from './linearVsNonlinearJob.ts';
import { MAX_HIDDEN, MIN_HIDDEN, netActivations, SEED, type NetActivation } from './models.ts';
import { linearStrings as s } from './strings.ts';
import './linearVsNonlinear.css';

export const linearVsNonlinearSchema = {
  dataset: choice(data.classificationSets, 'circle', () => s.linkLabels.dataset),
  hidden: integer({ min: MIN_HIDDEN, max: MAX_HIDDEN, default: 8, label: () => s.linkLabels.hidden }),
  activation: choice(netActivations, 'tanh', () => s.linkLabels.activation),
};

export type LinearVsNonlinearProps = Partial<StateOf<typeof linearVsNonlinearSchema>>;

const SIZE = 300;
const AXIS = [-EXTENT, EXTENT] as const;

interface Panel {
  picture: PanelPicture | null;
  loss: number | null;
  losses: number[];
  lossSteps: number[];
}

/** A network's decision surface under its name: the picture the controls move (pinned on a phone). */
function SurfaceView({ panel, step, name, shape, dots, boundary }: { panel: Panel; step: number; name: string; shape: string; dots: { x: number; y: number; cls: number }[]; boundary: boolean }) {
  const { picture } = panel;
  const acc = picture ? s.accuracy(percent(picture.accuracy, 1)) : s.notTrained;
  const line = boundary && picture?.collapsed ? boundaryLine(picture.collapsed, EXTENT) : null;
  return (
    <div className="lvn-panel">
      <h4 className="lvn-panel-title">{name}</h4>
      <Plot
        width={SIZE}
        height={SIZE}
        x={{ domain: AXIS, label: s.x1, ticks: 3 }}
        y={{ domain: AXIS, label: s.x2, ticks: 3 }}
        title={s.surfaceTitle(name)}
        description={s.surfaceDescription({ name, step, accuracy: acc, shape })}
        margin={{ left: 40, bottom: 36 }}
      >
        {picture ? <HeatMap values={picture.surface} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
        {line ? <LinePath points={line} color="var(--text)" width={2} dashed /> : null}
        <Dots points={dots} size={36} />
      </Plot>
    </div>
  );
}

/** A network's shape, its step, loss and accuracy, and its loss curve. */
function PanelNumbers({ panel, step, name, shape }: { panel: Panel; step: number; name: string; shape: string }) {
  const { picture } = panel;
  const acc = picture ? s.accuracy(percent(picture.accuracy, 1)) : s.notTrained;
  return (
    <div className="lvn-panel">
      <p className="lvn-shape">
        <span className="lvn-shape-name">{name}: </span>
        {shape}
      </p>
      <p className="lvn-metrics" aria-live="off">
        {s.steps(step)} · {panel.loss !== null ? s.loss(readable(panel.loss)) : s.notTrained} · {acc}
      </p>
      <LossCurve series={[{ name, losses: panel.losses, steps: panel.lossSteps }]} width={SIZE} height={150} log title={s.lossTitle(name)} />
    </div>
  );
}

/** The marker of a class as the plot draws it (same shape and colour), for the legend. */
function ClassMark({ cls }: { cls: number }) {
  return (
    <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true" className="lvn-mark">
      <path d={symbol(classSymbols[cls], 60)() ?? ''} fill={classColor(cls)} />
    </svg>
  );
}

function matrixText(W: number[]): string {
  return `[${W.map((w) => readable(w)).join(', ')}]ᵀ`;
}

export default function LinearVsNonlinear({ presenting, ...initial }: LinearVsNonlinearProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(linearVsNonlinearSchema, initial);
  const { dataset, hidden, activation } = state;
  const set = useMemo(() => linearVsNonlinearSet(dataset), [dataset]);
  const job = useTrainingJob(linearVsNonlinearJob, { config: { dataset, hidden, activation }, seed: SEED });
  const { training, view } = job;
  const snap = training.snapshot;
  const step = snap?.step ?? 0;
  const linear: Panel = { picture: view?.linear ?? null, loss: snap?.loss ?? null, losses: training.losses, lossSteps: training.lossSteps };
  const nonlinearCurve = job.curves.nonlinear;
  const nonlinear: Panel = { picture: view?.nonlinear ?? null, loss: snap?.metrics.nonlinear ?? null, losses: nonlinearCurve?.values ?? [], lossSteps: nonlinearCurve?.steps ?? [] };
  const dots = labelledDots(set.x, set.y);
  const nonlinearName = s.activationNames[activation];
  const collapsed = linear.picture?.collapsed ?? null;
  const linearShape = s.shape(hidden, s.identity);
  const nonlinearShape = s.shape(hidden, nonlinearName);

  return (
    <div className={presenting ? 'lvn lvn-presenting' : 'lvn figure-first'}>
      <Controls presenting={presenting}>
        <Select
          label={s.dataset}
          value={dataset}
          options={data.classificationSets.map((d) => ({ value: d, label: s.datasetNames[d] }))}
          onChange={(v: ClassificationSetName) => setState({ dataset: v })}
        />
        <Slider label={s.hidden} value={hidden} min={MIN_HIDDEN} max={MAX_HIDDEN} step={1} format={(v) => String(v)} onChange={(v) => setState({ hidden: Math.round(v) })} />
        <Select
          label={s.activation}
          value={activation}
          options={netActivations.map((a) => ({ value: a, label: s.activationNames[a] }))}
          onChange={(v: NetActivation) => setState({ activation: v })}
        />
      </Controls>
      <TrainingBar job={job} presenting={presenting} showLoss={false} />
      <div className="lvn-panels lvn-surfaces figure-pin">
        <SurfaceView panel={linear} step={step} name={s.linearTitle} shape={linearShape} dots={dots} boundary />
        <SurfaceView panel={nonlinear} step={step} name={s.nonlinearTitle(nonlinearName)} shape={nonlinearShape} dots={dots} boundary={false} />
      </div>
      <div className="lvn-panels">
        <PanelNumbers panel={linear} step={step} name={s.linearTitle} shape={linearShape} />
        <PanelNumbers panel={nonlinear} step={step} name={s.nonlinearTitle(nonlinearName)} shape={nonlinearShape} />
      </div>
      <p className="lvn-legend">
        <ClassMark cls={0} /> {s.legendClass0} <ClassMark cls={1} /> {s.legendClass1}. {s.boundaryNote}
      </p>
      {collapsed ? (
        <div className="lvn-collapse" aria-live="off">
          <h4>{s.collapseTitle}</h4>
          <p className="lvn-formula">{s.collapse(matrixText(collapsed.W), readable(collapsed.b))}</p>
          <p>{s.collapseGap(collapsed.gap === 0 ? '0' : readable(collapsed.gap), set.x.length)}</p>
        </div>
      ) : null}
    </div>
  );
}
