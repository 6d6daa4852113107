// An activation function and its derivative side by side, with a movable input x: the value and
// the tangent there on the left, the slope on the right, saturated tails shaded on both. A second
// function can be drawn over the first (dashed, with triangle markers) to compare them.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { Band, DraggablePoint, Dots, LinePath, Plot, PlotText, RuleX, RuleY, classColor, useEngine } from '../kit/index.ts';
import { activationNames, paddedRange, tangentLine, type ActivationName, type Region } from './curves.ts';
import { fixed, readable } from '../kit/format.ts';
import { explorerStrings as s } from './strings.ts';
import { useActivationExplorer, X_RANGE, type ExplorerCurve } from './useActivationExplorer.ts';
import './activationExplorer.css';

const compareChoices = ['none', ...activationNames] as const;

export const activationExplorerSchema = {
  fn: choice(activationNames, 'sigmoid', () => s.linkLabels.fn),
  compare: choice(compareChoices, 'none', () => s.linkLabels.compare),
  x: number({ min: X_RANGE[0], max: X_RANGE[1], step: 0.05, default: 1, label: () => s.linkLabels.x }),
};

export type ActivationExplorerProps = Partial<StateOf<typeof activationExplorerSchema>>;

const WIDTH = 380;
const HEIGHT = 260;

/** A boundary to one decimal, without "−0.0". */
function tenth(v: number): string {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? '0' : fixed(r, 1);
}

/**
 * The shaded saturated tails with their label written inside the plot, from the plot's edge
 * inwards (a narrow band cannot hold its label), at the top or bottom, away from the curve.
 */
function SaturatedTails({ tails, domain, edgeValues }: { tails: Region[]; domain: [number, number]; edgeValues: [number, number] }) {
  const span = domain[1] - domain[0];
  const mid = (domain[0] + domain[1]) / 2;
  const labelY = (edge: number) => (edge > mid ? domain[0] + 0.05 * span : domain[1] - 0.09 * span);
  return (
    <>
      {tails.map((t, i) => {
        const left = t.from <= X_RANGE[0];
        return (
          <g key={i}>
            <Band x0={t.from} x1={t.to} />
            <PlotText x={left ? X_RANGE[0] + 0.15 : X_RANGE[1] - 0.15} y={labelY(edgeValues[left ? 0 : 1])} anchor={left ? 'start' : 'end'}>
              {s.saturated}
            </PlotText>
          </g>
        );
      })}
    </>
  );
}

function saturationText(c: ExplorerCurve): string {
  const name = s.names[c.name];
  if (c.tails.length === 0) return s.noSaturation(name);
  const where = c.tails.map((t: Region) =>
    t.from <= X_RANGE[0] && t.to >= X_RANGE[1] ? s.everywhere : t.from <= X_RANGE[0] ? s.below(tenth(t.to)) : s.above(tenth(t.from)),
  );
  return s.saturation(name, where.join(s.and));
}

const edges = (v: number[]): [number, number] => [v[0], v[v.length - 1]];

/** A short line in the curve's colour and dash, as a legend mark. */
function Swatch({ k }: { k: number }) {
  return (
    <svg width="28" height="12" aria-hidden="true" className="ae-swatch">
      <line x1="0" x2="28" y1="6" y2="6" stroke={classColor(k)} strokeWidth="3" strokeDasharray={k === 1 ? '6 4' : undefined} />
    </svg>
  );
}

export default function ActivationExplorer({ presenting, ...initial }: ActivationExplorerProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(activationExplorerSchema, initial);
  const { fn, compare, x } = state;
  const engine = useEngine();
  const curves = useActivationExplorer(engine.ready, fn, compare, x);

  const options = activationNames.map((a) => ({ value: a, label: s.names[a] }));
  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.fn} value={fn} options={options} onChange={(v: ActivationName) => setState({ fn: v })} />
      <Select
        label={s.compare}
        value={compare}
        options={[{ value: 'none' as const, label: s.none }, ...options]}
        onChange={(v: ActivationName | 'none') => setState({ compare: v })}
      />
      <Slider label={s.x} value={x} min={X_RANGE[0]} max={X_RANGE[1]} step={0.05} format={(v) => readable(v, 2)} onChange={(v) => setState({ x: v })} />
    </Controls>
  );

  if (engine.error) return <div className="ae">{controls}<p role="alert">{s.engineFailed(engine.error)}</p></div>;
  if (!curves) return <div className="ae">{controls}<p>{s.starting}</p></div>;

  const primary = curves[0];
  const xs = readable(x, 2);
  const valueDomain = paddedRange(curves.flatMap((c) => c.curve.y));
  const slopeDomain = paddedRange(curves.flatMap((c) => c.curve.slope));
  const curveNames = curves.map((c) => s.names[c.name]).join(s.and);
  const kinked = curves.find((c) => (c.name === 'relu' || c.name === 'leakyRelu') && x === 0);
  const moveTo = (nx: number) => setState({ x: Math.round(nx * 20) / 20 });

  return (
    <div className={presenting ? 'ae ae-presenting' : 'ae'}>
      {controls}
      <div className="ae-plots">
        <Plot
          width={WIDTH}
          height={HEIGHT}
          x={{ domain: X_RANGE, label: s.xAxis }}
          y={{ domain: valueDomain, label: s.valueAxis }}
          title={s.valueTitle}
          description={s.valueDescription({
            curves: curveNames,
            x: xs,
            values: curves.map((c) => s.readout(s.names[c.name], xs, readable(c.at.y), readable(c.at.slope))).join('; '),
            saturated: curves.map(saturationText).join(' '),
          })}
          interactive
        >
          <SaturatedTails tails={primary.tails} domain={valueDomain} edgeValues={edges(primary.curve.y)} />
          <RuleY y={0} dashed={false} color="var(--border)" />
          {curves.map((c, k) => (
            <LinePath key={c.name} points={c.curve.x.map((v, i) => [v, c.curve.y[i]] as const)} color={classColor(k)} width={k === 0 ? 2.5 : 2} dashed={k === 1} />
          ))}
          {curves.map((c, k) => (
            <LinePath key={`t-${c.name}`} points={tangentLine(x, c.at.y, c.at.slope, X_RANGE[0], X_RANGE[1])} color={classColor(k)} width={1.25} dashed />
          ))}
          {curves.length > 1 ? <Dots points={[{ x, y: curves[1].at.y, cls: 1 }]} size={70} /> : null}
          <DraggablePoint
            x={x}
            y={primary.at.y}
            axis="x"
            step={0.05}
            color={classColor(0)}
            label={s.pointLabel(s.names[primary.name])}
            onMove={(nx) => moveTo(nx)}
          />
        </Plot>
        <Plot
          width={WIDTH}
          height={HEIGHT}
          x={{ domain: X_RANGE, label: s.xAxis }}
          y={{ domain: slopeDomain, label: s.slopeAxis }}
          title={s.slopeTitle}
          description={s.slopeDescription({
            curves: curveNames,
            peak: curves.map((c) => s.peak(s.names[c.name], readable(c.peakSlope))).join('; '),
            x: xs,
            slopes: curves.map((c) => `${s.names[c.name]} ${readable(c.at.slope)}`).join(', '),
          })}
        >
          <SaturatedTails tails={primary.tails} domain={slopeDomain} edgeValues={edges(primary.curve.slope)} />
          <RuleY y={0} dashed={false} color="var(--border)" />
          <RuleX x={x} />
          {curves.map((c, k) => (
            <LinePath key={c.name} points={c.curve.x.map((v, i) => [v, c.curve.slope[i]] as const)} color={classColor(k)} width={k === 0 ? 2.5 : 2} dashed={k === 1} />
          ))}
          <Dots points={curves.map((c, k) => ({ x, y: c.at.slope, cls: k }))} size={70} />
        </Plot>
      </div>
      <ul className="ae-readout" aria-live="polite">
        {curves.map((c, k) => (
          <li key={c.name}>
            <Swatch k={k} /> <strong>{s.readout(s.names[c.name], xs, readable(c.at.y), readable(c.at.slope))}</strong>
            <br />
            <span className="ae-formula">{s.formulas[c.name]}.</span> {saturationText(c)}
          </li>
        ))}
      </ul>
      {kinked ? <p className="ae-note">{s.kinkNote(s.names[kinked.name], readable(kinked.at.slope))}</p> : null}
      <p className="ae-hint">{s.keysHint}</p>
    </div>
  );
}
