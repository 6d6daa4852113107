// Two networks of the same shape trained side by side on the same points: one with no activation
// between its layers, one with tanh or ReLU. The linear one can only ever draw a straight
// boundary, and its three weight matrices multiply out to one, which the figure prints.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { data } from '../../engine/index.ts';
import type { ClassificationSetName } from '../../engine/data/index.ts';
import { symbol } from 'd3-shape';
import { classColor, classSymbols, Dots, HeatMap, LinePath, LossCurve, Plot, useEngine } from '../kit/index.ts';
import { fmt } from '../ActivationExplorer/strings.ts';
import { boundaryLine, labelledDots, percent } from './draw.ts';
import { MAX_HIDDEN, MIN_HIDDEN, netActivations, type NetActivation } from './models.ts';
import { linearStrings as s } from './strings.ts';
import { EXTENT, GRID, useLinearVsNonlinear, type Panel } from './useLinearVsNonlinear.ts';
import './linearVsNonlinear.css';

export const linearVsNonlinearSchema = {
  dataset: choice(data.classificationSets, 'circle', 'data set'),
  hidden: integer({ min: MIN_HIDDEN, max: MAX_HIDDEN, default: 8, label: 'units per hidden layer' }),
  activation: choice(netActivations, 'tanh'),
};

export type LinearVsNonlinearProps = Partial<StateOf<typeof linearVsNonlinearSchema>>;

const SIZE = 300;
const AXIS = [-EXTENT, EXTENT] as const;

function PanelView({ panel, name, shape, dots, boundary, onReset }: {
  panel: Panel;
  name: string;
  shape: string;
  dots: { x: number; y: number; cls: number }[];
  boundary: boolean;
  onReset: () => void;
}) {
  const { training, picture } = panel;
  const snap = training.snapshot;
  const step = snap?.step ?? 0;
  const stopped = snap && (snap.state === 'diverged' || snap.state === 'failed');
  const acc = picture ? s.accuracy(percent(picture.accuracy)) : s.notTrained;
  const line = boundary && picture?.collapsed ? boundaryLine(picture.collapsed, EXTENT) : null;
  return (
    <div className="lvn-panel">
      <h4 className="lvn-panel-title">{name}</h4>
      <p className="lvn-shape">{shape}</p>
      <Plot
        width={SIZE}
        height={SIZE}
        x={{ domain: AXIS, label: s.x1 }}
        y={{ domain: AXIS, label: s.x2 }}
        title={s.surfaceTitle(name)}
        description={s.surfaceDescription({ name, step, accuracy: acc, shape })}
        margin={{ left: 40, bottom: 36 }}
      >
        {picture ? <HeatMap values={picture.surface} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
        {line ? <LinePath points={line} color="var(--text)" width={2} dashed /> : null}
        <Dots points={dots} size={36} />
      </Plot>
      <p className="lvn-metrics" aria-live="off">
        {s.steps(step)} · {snap?.loss != null ? s.loss(fmt(snap.loss)) : s.notTrained} · {acc}
      </p>
      {stopped ? (
        <div role="alert" className="lvn-alert">
          <p>{s.diverged(snap.reason ?? '')}</p>
          <button type="button" onClick={onReset}>
            {s.divergedReset}
          </button>
        </div>
      ) : null}
      <LossCurve series={[{ name, losses: training.losses, steps: training.lossSteps }]} width={SIZE} height={150} log title={s.lossTitle(name)} />
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
  return `[${W.map((w) => fmt(w)).join(', ')}]ᵀ`;
}

export default function LinearVsNonlinear({ presenting, ...initial }: LinearVsNonlinearProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(linearVsNonlinearSchema, initial);
  const { dataset, hidden, activation } = state;
  const engine = useEngine();
  const nets = useLinearVsNonlinear(engine.ready, dataset, hidden, activation);
  const dots = labelledDots(nets.set.x, nets.set.y);
  const nonlinearName = s.activationNames[activation];
  const collapsed = nets.linear.picture?.collapsed ?? null;

  return (
    <div className={presenting ? 'lvn lvn-presenting' : 'lvn'}>
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
      <div className="lvn-buttons">
        <button type="button" onClick={nets.running ? nets.pause : nets.play} disabled={!engine.ready}>
          {nets.running ? s.pause : s.play}
        </button>
        <button type="button" onClick={nets.stepOnce} disabled={!engine.ready || nets.running}>
          {s.step}
        </button>
        <button type="button" title={s.resetHint} onClick={nets.reset} disabled={!engine.ready}>
          {s.reset}
        </button>
      </div>
      {engine.error ? <p role="alert">{s.engineFailed(engine.error)}</p> : !engine.ready ? <p>{s.starting}</p> : null}
      <div className="lvn-panels">
        <PanelView
          panel={nets.linear}
          name={s.linearTitle}
          shape={s.shape(hidden, s.identity)}
          dots={dots}
          boundary
          onReset={nets.reset}
        />
        <PanelView
          panel={nets.nonlinear}
          name={s.nonlinearTitle(nonlinearName)}
          shape={s.shape(hidden, nonlinearName)}
          dots={dots}
          boundary={false}
          onReset={nets.reset}
        />
      </div>
      <p className="lvn-legend">
        <ClassMark cls={0} /> {s.legendClass0} <ClassMark cls={1} /> {s.legendClass1}. {s.boundaryNote}
      </p>
      {collapsed ? (
        <div className="lvn-collapse" aria-live="off">
          <h4>{s.collapseTitle}</h4>
          <p className="lvn-formula">{s.collapse(matrixText(collapsed.W), fmt(collapsed.b))}</p>
          <p>{s.collapseGap(collapsed.gap === 0 ? '0' : fmt(collapsed.gap), nets.set.x.length)}</p>
        </div>
      ) : null}
    </div>
  );
}
