// The Lab's main picture: the network's output over the plane (or its curve along x₁) with the
// training points filled and the test points outlined, the training and test loss as curves, and
// the measures in words. With the reader's own data, a click adds a point and a click on a point
// removes it.
import { useMemo, useState, type MouseEvent } from 'react';
import { Checkbox, NumberField, Select } from '../../book/controls.tsx';
import { CURVE_SAMPLES, lineGrid, OUTPUT_GRID, UNIT_GRID, UNIT_SAMPLES } from '../../models/lab/picture.ts';
import type { LabView } from '../../models/lab/labJob.ts';
import { EXTENT, MAX_CLASSES, type LabData, type LabPoint } from '../../models/lab/spec.ts';
import { divergingColor, Dots, LinePath, Plot, usePlotScales } from '../kit/index.ts';
import { percent, significant } from '../kit/format.ts';
import { divergingCell, surfaceCell, targetRange } from './draw.ts';
import { pointsList, pointsOf, type LabState } from './labState.ts';
import { SurfaceImage } from './SurfaceImage.tsx';
import { labStrings as s } from './strings.ts';

const DOMAIN: [number, number] = [-EXTENT, EXTENT];
const CURVE_X = lineGrid(CURVE_SAMPLES).map((p) => p.x1);
const UNIT_X = lineGrid(UNIT_SAMPLES).map((p) => p.x1);
/** Validation points are drawn as training points, faded: set aside from the training share. */
const VALIDATION_OPACITY = 0.4;

/** A click this close to one of the reader's points (in data units) removes it. */
const HIT = 0.35;

/** Regression points, coloured by their target on the surface's scale. */
function ValueDots({ points, range, hollow, opacity = 1 }: { points: readonly LabPoint[]; range: number; hollow: boolean; opacity?: number }) {
  const { x, y } = usePlotScales();
  return (
    <g className="plot-dots" opacity={opacity}>
      {points.map((p, i) => (
        <circle key={i} cx={x(p.x1)} cy={y(p.x2)} r={4} fill={hollow ? 'var(--bg, #fff)' : divergingColor(p.y / range)} stroke={hollow ? divergingColor(p.y / range) : 'var(--marker-halo, #fff)'} strokeWidth={hollow ? 2 : 1} />
      ))}
    </g>
  );
}

/** A transparent layer over the drawing area that turns a click into plane coordinates. */
function ClickLayer({ onClick }: { onClick: (x1: number, x2: number) => void }) {
  const { inner, toData } = usePlotScales();
  const click = (e: MouseEvent) => {
    const at = toData(e.clientX, e.clientY);
    if (at) onClick(at[0], at[1]);
  };
  return <rect className="lab-click" x={inner.left} y={inner.top} width={inner.width} height={inner.height} fill="transparent" onClick={click} />;
}

const fmt = (v: number) => significant(v, 3, { trailingZeros: true });

export interface OutputPanelProps {
  state: LabState;
  data: LabData | null;
  view: LabView | null;
  step: number;
  presenting: boolean;
  onPoints: (points: number[]) => void;
  /** A hidden unit the reader points at: its map is drawn instead of the output's. */
  unit: { values: Float32Array; name: string } | null;
}

export function OutputPanel({ state, data, view, step, presenting, onPoints, unit }: OutputPanelProps) {
  const [showTest, setShowTest] = useState(true);
  const [discrete, setDiscrete] = useState(false);
  const [newClass, setNewClass] = useState(0);
  const [newTarget, setNewTarget] = useState(0.5);
  const size = presenting ? 540 : 360;
  const own = state.set === 'own';
  const ownPoints = pointsOf(state);
  const regression = data?.task === 'regression';
  const range = regression && data ? targetRange([...data.train, ...data.test].map((p) => p.y)) : 1;
  const measures = view
    ? [s.measures(fmt(view.trainLoss), fmt(view.testLoss)), view.trainAccuracy !== null ? s.accuracies(percent(view.trainAccuracy, 1), view.testAccuracy === null ? '–' : percent(view.testAccuracy, 1)) : ''].join(' ')
    : '';

  const addOrRemove = (x1: number, x2: number) => {
    const near = ownPoints.findIndex((p) => Math.hypot(p.x1 - x1, p.x2 - x2) < HIT);
    const next = near >= 0 ? ownPoints.filter((_, i) => i !== near) : [...ownPoints, { x1, x2, y: regression ? newTarget : newClass }];
    onPoints(pointsList(next));
  };

  const curve = data?.oneDimensional ?? false;
  const cell = unit && !curve ? divergingCell(unit.values, 1) : view && !curve ? surfaceCell(view.surface, { range, classes: data?.classes, discrete: discrete && !regression }) : null;
  const fit = unit ? null : view?.surface.kind === 'curve' ? view.surface.values : null;
  const unitCurve = unit && curve ? UNIT_X.map((x, i) => [x, unit.values[i]] as const) : null;
  const what = curve ? s.surfaceCurve : view?.surface.kind === 'classes' ? s.surfaceClasses(data?.classes ?? 0) : regression ? s.surfaceValue : s.surfaceProbability;
  // The points change with the data, not with training: drawn once, not at every picture.
  const marks = useMemo(() => {
    const dots = (points: readonly LabPoint[]) => points.map((p) => ({ x: p.x1, y: curve ? p.y : p.x2, cls: regression ? 0 : p.y }));
    const size = presenting ? 70 : 40;
    return regression && !curve ? (
      <>
        <ValueDots points={data?.train ?? []} range={range} hollow={false} />
        <ValueDots points={data?.validation ?? []} range={range} hollow={false} opacity={VALIDATION_OPACITY} />
        {showTest ? <ValueDots points={data?.test ?? []} range={range} hollow /> : null}
      </>
    ) : (
      <>
        <Dots points={dots(data?.train ?? [])} size={size} />
        <Dots points={dots(data?.validation ?? [])} size={size} opacity={VALIDATION_OPACITY} />
        {showTest ? <Dots points={dots(data?.test ?? [])} size={size} hollow /> : null}
      </>
    );
  }, [data, curve, regression, range, presenting, showTest]);
  const yDomain: [number, number] = curve ? [-Math.max(1.5, range * 1.2), Math.max(1.5, range * 1.2)] : DOMAIN;

  return (
    <div className="lab-output-panel">
      {own ? (
        <div className="lab-own">
          <p className="lab-help">{s.ownHelp}</p>
          {regression ? (
            <NumberField label={s.ownTarget} value={newTarget} min={-EXTENT} max={EXTENT} step={0.1} onChange={setNewTarget} />
          ) : (
            <Select label={s.ownClass} value={String(newClass)} options={Array.from({ length: MAX_CLASSES }, (_, k) => String(k))} onChange={(v) => setNewClass(Number(v))} />
          )}
        </div>
      ) : null}
      <div className="lab-surface-plot" style={{ ['--lab-plot-max' as string]: `${size}px` }}>
        <Plot
          width={size}
          height={size}
          x={{ domain: DOMAIN, label: s.x1 }}
          y={{ domain: yDomain, label: curve ? s.y : s.x2 }}
          title={unit ? s.unitOnPlot(unit.name) : curve ? s.curveTitle : s.outputTitle}
          description={unit ? s.unitOnPlotDescription(unit.name, step) : s.outputDescription(what, step, measures)}
          interactive={own}
          margin={{ left: 40, bottom: 36, right: 8 }}
        >
          {cell && view ? <SurfaceImage key={String(discrete)} size={unit ? UNIT_GRID : OUTPUT_GRID} colour={cell} version={unit ? unit.values : view} /> : null}
          {unitCurve ? <LinePath points={unitCurve} width={3} dashed /> : null}
          {fit ? <LinePath points={CURVE_X.map((x, i) => [x, fit[i]] as const)} width={3} /> : null}
          {own ? <ClickLayer onClick={addOrRemove} /> : null}
          {marks}
        </Plot>
      </div>
      <div className="lab-row">
        <Checkbox label={s.showTest} checked={showTest} onChange={setShowTest} />
        {regression ? null : <Checkbox label={s.discretize} checked={discrete} onChange={setDiscrete} />}
      </div>
      <p className="lab-measures" aria-live="off">
        {measures}
      </p>
    </div>
  );
}
