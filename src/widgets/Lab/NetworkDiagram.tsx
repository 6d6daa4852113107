// The network drawn as TensorFlow Playground draws it: a column of inputs, one column per hidden
// layer, the output; every unit a small map of what it computes over the plane; every weight a line
// whose thickness is its size and whose colour (and dash) its sign. Inputs are toggled by clicking
// them; a unit (or a line into it) opens its parameters for typing; hovering or focusing a unit
// reads its bias and weights out. Laid out in design units and scaled to the width it has.
import { useId, useMemo, useState, type CSSProperties } from 'react';
import { featureValue } from '../../models/lab/features.ts';
import type { ParameterAddress } from '../../models/lab/network.ts';
import type { LabView } from '../../models/lab/labJob.ts';
import { OUTPUT_GRID, planeGrid, UNIT_GRID } from '../../models/lab/picture.ts';
import { FEATURES, type LabFeature } from '../../models/lab/spec.ts';
import { classColor, weightColor } from '../kit/index.ts';
import { significant } from '../kit/format.ts';
import { divergingCell, linkWidth, surfaceCell } from './draw.ts';
import { CURVE_FEATURES, featuresOf, layersOf, type LabState } from './labState.ts';
import { GridCanvas } from './SurfaceImage.tsx';
import { labStrings as s } from './strings.ts';
import { UnitEditor } from './UnitEditor.tsx';

const TILE = 40;
const GAP_X = 44;
const PITCH_Y = 52;
const LABELS = 72;
const TOP = 6;

const fmt = (v: number) => significant(v, 3, { trailingZeros: true });
const GRID_POINTS = planeGrid(UNIT_GRID);

/** Each feature over the plane, scaled to [−1, 1] by its largest value: the input column's maps. */
function featureMaps(): Record<LabFeature, Float32Array> {
  const out = {} as Record<LabFeature, Float32Array>;
  for (const f of FEATURES) {
    const v = Float32Array.from(GRID_POINTS, (p) => featureValue(f, p.x1, p.x2));
    const top = Math.max(1e-9, ...Array.from(v, Math.abs));
    out[f] = v.map((x) => x / top);
  }
  return out;
}

/** A unit's values along x₁ as a small line in its tile (a curve's network). */
function MiniCurve({ values }: { values: Float32Array }) {
  const n = values.length;
  const pts = Array.from(values, (v, i) => `${((i / (n - 1)) * 100).toFixed(1)},${(50 - Math.max(-1, Math.min(1, v)) * 45).toFixed(1)}`).join(' ');
  return (
    <svg className="lab-mini" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
      <line x1="0" x2="100" y1="50" y2="50" className="lab-mini-axis" />
      <polyline points={pts} fill="none" stroke="currentColor" strokeWidth="6" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export interface NetworkDiagramProps {
  state: LabState;
  outputs: number;
  view: LabView | null;
  presenting: boolean;
  canToggleFeatures: boolean;
  onState: (update: Partial<LabState>) => void;
  onSetParameter: (at: ParameterAddress, value: number) => void;
  /** The unit hovered or focused (its numbers are read out; a hidden unit's map fills the output plot). */
  inspected: UnitAddress | null;
  onInspect: (at: UnitAddress | null) => void;
}

/** A unit: its layer (0 = first hidden layer; the number of hidden layers = the output) and index. */
export interface UnitAddress {
  layer: number;
  unit: number;
}

/**
 * The diagram's box: its proportions, and a width at which it fits the screen's height (85% of it,
 * 72% presenting). As CSS variables, so that a phone, where the diagram stays in view over the
 * layer list (lab.css), can ask for less.
 */
function diagramBox(width: number, height: number, presenting: boolean): CSSProperties {
  return {
    aspectRatio: `${width} / ${height}`,
    '--diagram-aspect': width / height,
    '--diagram-max': `min(${presenting ? width * 2.2 : width * 1.3}px, ${((presenting ? 72 : 85) * width) / height}vh)`,
  } as CSSProperties;
}

export function NetworkDiagram({ state, outputs, view, presenting, canToggleFeatures, onState, onSetParameter, inspected, onInspect }: NetworkDiagramProps) {
  const maps = useMemo(() => featureMaps(), []);
  const [editing, setEditing] = useState<{ layer: number; unit: number; from: number | null } | null>(null);
  const [link, setLink] = useState<{ layer: number; from: number; unit: number } | null>(null);
  const inspectId = useId();
  const curve = state.set === 'curve';
  const used = featuresOf(state);
  // The input column: every feature that fits the data when the reader may toggle them, else the used ones.
  const shown = canToggleFeatures ? FEATURES.filter((f) => !curve || CURVE_FEATURES.includes(f)) : used;
  const layers = layersOf(state);
  const columns = [shown.length, ...layers.map((l) => l.units), outputs];
  const rows = Math.max(...columns);
  const width = LABELS + columns.length * TILE + (columns.length - 1) * GAP_X + 8;
  const height = TOP * 2 + rows * PITCH_Y - (PITCH_Y - TILE);
  const colX = (c: number) => LABELS + c * (TILE + GAP_X);
  const rowY = (c: number, r: number) => TOP + ((rows - columns[c]) * PITCH_Y) / 2 + r * PITCH_Y;
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;
  // The job's weights, once they have the network's present shape: after a change (a feature, a
  // layer, a unit) they reach the figure a moment later, and until then the figure reads none of
  // them (a stale row would name a feature that is no longer used).
  const given = view?.parameters ?? null;
  const params =
    given &&
    given.length === layers.length + 1 &&
    given.every((p, l) => p.weights.length === (l === 0 ? used.length : layers[l - 1].units) && p.biases.length === (l < layers.length ? layers[l].units : outputs))
      ? given
      : null;
  // The source row in the drawing of weight row i of layer l (inputs: the used feature's row).
  const sourceRow = (l: number, i: number) => (l === 0 ? shown.indexOf(used[i]) : i);
  const unitName = (l: number, u: number) => (l === layers.length ? s.outputUnitLabel(u + 1, outputs) : s.unitLabel(l + 1, u + 1));
  const sourceName = (l: number, i: number) => (l === 0 ? s.features[used[i]] : s.unitLabel(l, i + 1));

  const summary = (l: number, u: number) => {
    const p = params?.[l];
    if (!p) return unitName(l, u);
    const weights = p.weights.map((row, i) => s.weightFrom(sourceName(l, i), fmt(row[u]))).join(', ');
    return s.unitSummary(unitName(l, u), fmt(p.biases[u]), weights);
  };

  const links: React.ReactNode[] = [];
  for (let l = 0; l <= layers.length; l++) {
    const inputs = l === 0 ? used.length : layers[l - 1].units;
    for (let i = 0; i < inputs; i++) {
      const r0 = sourceRow(l, i);
      if (r0 < 0) continue;
      for (let u = 0; u < columns[l + 1]; u++) {
        const w = params?.[l]?.weights[i]?.[u] ?? 0;
        const x0 = colX(l) + TILE;
        const y0 = rowY(l, r0) + TILE / 2;
        const x1 = colX(l + 1);
        const y1 = rowY(l + 1, u) + TILE / 2;
        const d = `M${x0},${y0} C${(x0 + x1) / 2},${y0} ${(x0 + x1) / 2},${y1} ${x1},${y1}`;
        links.push(
          <g key={`${l}-${i}-${u}`} className="lab-link" onClick={() => setEditing({ layer: l, unit: u, from: i })} onMouseEnter={() => setLink({ layer: l, from: i, unit: u })} onMouseLeave={() => setLink(null)}>
            <path d={d} className="lab-link-hit" />
            <path d={d} fill="none" stroke={params ? weightColor(w) : 'var(--border, #999)'} strokeWidth={linkWidth(w)} strokeDasharray={w < 0 ? '4 3' : undefined} />
          </g>,
        );
      }
    }
  }

  const tileStyle = (c: number, r: number) => ({ left: pct(colX(c), width), top: pct(rowY(c, r), height), width: pct(TILE, width), height: pct(TILE, height) });
  const inspect = (layer: number, unit: number) => () => onInspect({ layer, unit });
  const leave = () => onInspect(null);
  const outputCell = view && !curve ? surfaceCell(view.surface, { classes: outputs }) : null;

  return (
    <>
      <div className="lab-diagram-wrap">
        <div className="lab-diagram" style={diagramBox(width, height, presenting)} role="group" aria-label={s.diagramLabel}>
          <svg className="lab-links" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none">
            {links}
          </svg>
          {shown.map((f, r) => {
            const on = used.includes(f);
            const label = s.features[f];
            return (
              <div key={f} className="lab-tile-slot" style={tileStyle(0, r)}>
                <span className="lab-feature-name" aria-hidden="true">
                  {label}
                </span>
                <button
                  type="button"
                  className={on ? 'lab-tile lab-feature lab-on' : 'lab-tile lab-feature'}
                  aria-pressed={canToggleFeatures ? on : undefined}
                  aria-label={canToggleFeatures ? s.featureToggle(label) : s.featureMapAlt(label)}
                  disabled={!canToggleFeatures}
                  onClick={() => onState({ [f]: !on } as Partial<LabState>)}
                >
                  <GridCanvas size={UNIT_GRID} colour={divergingCell(maps[f], 1)} version={f} className="lab-map" />
                </button>
              </div>
            );
          })}
          {layers.map((layer, l) =>
            Array.from({ length: layer.units }, (_, u) => {
              const values = view?.units[l]?.[u];
              return (
                <div key={`${l}-${u}`} className="lab-tile-slot" style={tileStyle(l + 1, u)}>
                  <button type="button" className="lab-tile" aria-label={unitName(l, u)} aria-describedby={inspectId} onMouseEnter={inspect(l, u)} onFocus={inspect(l, u)} onMouseLeave={leave} onBlur={leave} onClick={() => setEditing({ layer: l, unit: u, from: null })}>
                    {values ? curve ? <MiniCurve values={values} /> : <GridCanvas size={UNIT_GRID} colour={divergingCell(values, 1)} version={values} className="lab-map" /> : null}
                  </button>
                </div>
              );
            }),
          )}
          {Array.from({ length: outputs }, (_, u) => (
            <div key={`out-${u}`} className="lab-tile-slot" style={tileStyle(columns.length - 1, u)}>
              <button
                type="button"
                className="lab-tile lab-output-tile"
                style={outputs > 1 ? { borderColor: classColor(u) } : undefined}
                aria-label={unitName(layers.length, u)}
                aria-describedby={inspectId}
                onMouseEnter={inspect(layers.length, u)}
                onFocus={inspect(layers.length, u)}
                onMouseLeave={leave}
                onBlur={leave}
                onClick={() => setEditing({ layer: layers.length, unit: u, from: null })}
              >
                {outputs === 1 && view ? view.surface.kind === 'curve' ? <MiniCurve values={view.surface.values} /> : outputCell ? <GridCanvas size={OUTPUT_GRID} colour={outputCell} version={view} className="lab-map" /> : null : null}
                {outputs > 1 ? <span className="lab-class-name" style={{ background: classColor(u) }} /> : null}
              </button>
            </div>
          ))}
        </div>
        <p className="lab-inspect" id={inspectId} aria-live="off">
          {link && params ? s.linkTitle(sourceName(link.layer, link.from), unitName(link.layer, link.unit), fmt(params[link.layer]?.weights[link.from]?.[link.unit] ?? Number.NaN)) : inspected && params && inspected.unit < columns[inspected.layer + 1] ? summary(inspected.layer, inspected.unit) : s.inspectHint}
        </p>
      </div>
        {editing && params?.[editing.layer] && editing.unit < columns[editing.layer + 1] ? (
          <UnitEditor
            name={unitName(editing.layer, editing.unit)}
            sources={params[editing.layer].weights.map((_, i) => sourceName(editing.layer, i))}
            weights={params[editing.layer].weights.map((row) => row[editing.unit])}
            bias={params[editing.layer].biases[editing.unit]}
            focus={editing.from}
            onWeight={(from, value) => onSetParameter({ layer: editing.layer, kind: 'weight', from, to: editing.unit }, value)}
            onBias={(value) => onSetParameter({ layer: editing.layer, kind: 'bias', unit: editing.unit }, value)}
            onClose={() => setEditing(null)}
          />
        ) : null}
    </>
  );
}
