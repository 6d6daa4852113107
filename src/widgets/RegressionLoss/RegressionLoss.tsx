// Fitting a line with three losses: the points and their residuals (squares for a squared
// penalty, bars for an absolute one), the three losses side by side, and the chosen loss as a
// landscape over (slope, intercept) with the current line on it and gradient descent's path.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, Select, Slider } from '../../book/controls.tsx';
import { classColor } from '../kit/palette.ts';
import { contourLevels, Contours, DraggablePoint, LinePath, Plot, PlotText, usePlotScales } from '../kit/index.ts';
import { deltaBand, residualShapes } from './draw.ts';
import { DELTA_RANGE, INTERCEPT_RANGE, REGRESSION_LOSSES, residuals, SLOPE_RANGE, SURFACE_GRID, X_DOMAIN, Y_DOMAIN, type Line, type Point, type RegressionLossName } from './regression.ts';
import { fixed } from '../kit/format.ts';
import { lossNames, regressionStrings as s, shortLossNames } from './strings.ts';
import { useRegressionLoss, type RegressionLossProps } from './useRegressionLoss.ts';
import './regressionLoss.css';

const DATA_SIZE = { width: 380, height: 320 };
const SURFACE_SIZE = { width: 340, height: 320 };
const LINE_COLOR = classColor(1);
const RESIDUAL_COLOR = classColor(0);

function Residuals({ points, line, loss, delta }: { points: Point[]; line: Line; loss: RegressionLossName; delta: number }) {
  const { x, y, inner } = usePlotScales();
  const shapes = residualShapes(points, line, loss, delta, x, y, { left: inner.left, right: inner.left + inner.width });
  return (
    <g className="rl-residuals" aria-hidden="true">
      {shapes.map((r, i) => (
        <rect
          key={i}
          className={`rl-residual rl-${r.kind}`}
          x={r.x}
          y={r.y}
          width={Math.max(0, r.width)}
          height={Math.max(0, r.height)}
          fill={RESIDUAL_COLOR}
          fillOpacity={r.kind === 'square' ? 0.22 : 0.75}
          stroke={RESIDUAL_COLOR}
        />
      ))}
    </g>
  );
}

/** The current line on the surface: an open circle; the grid's lowest cell: a cross. */
function Marker({ at, kind }: { at: [number, number]; kind: 'current' | 'minimum' }) {
  const { x, y } = usePlotScales();
  const px = x(at[0]);
  const py = y(at[1]);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  return kind === 'current' ? (
    <circle cx={px} cy={py} r={7} fill="none" stroke={LINE_COLOR} strokeWidth={3} />
  ) : (
    <path d={`M${px - 6},${py - 6}L${px + 6},${py + 6}M${px - 6},${py + 6}L${px + 6},${py - 6}`} stroke="var(--text, #000)" strokeWidth={2.5} />
  );
}

export default function RegressionLoss({ presenting, ...props }: RegressionLossProps & WidgetRenderProps) {
  const w = useRegressionLoss(props);
  const { state, line, points, values, surface, minimum, fit } = w;
  const chosen = values ? values[state.loss] : NaN;
  const worst = Math.max(0, ...residuals(points, line).map(Math.abs));
  const band = deltaBand(line, state.delta, X_DOMAIN);
  const baseCount = points.length - (state.outlier ? 1 : 0);

  return (
    <div className={presenting ? 'rl rl-presenting' : 'rl figure-first'}>
      <Controls presenting={presenting}>
        <Select
          label={s.loss}
          value={state.loss}
          options={REGRESSION_LOSSES.map((l) => ({ value: l, label: lossNames[l] }))}
          onChange={(v) => w.update({ loss: v })}
        />
        <Slider label={s.slope} value={state.slope} min={SLOPE_RANGE[0]} max={SLOPE_RANGE[1]} step={0.05} format={(v) => fixed(v, 2, { minus: '-' })} onChange={(v) => w.update({ slope: v })} />
        <Slider
          label={s.intercept}
          value={state.intercept}
          min={INTERCEPT_RANGE[0]}
          max={INTERCEPT_RANGE[1]}
          step={0.05}
          format={(v) => fixed(v, 2, { minus: '-' })}
          onChange={(v) => w.update({ intercept: v })}
        />
        <Slider label={s.delta} value={state.delta} min={DELTA_RANGE[0]} max={DELTA_RANGE[1]} step={0.05} format={(v) => fixed(v, 2, { minus: '-' })} onChange={(v) => w.update({ delta: v })} />
        <Checkbox label={s.outlier} checked={state.outlier} onChange={(v) => w.update({ outlier: v })} />
      </Controls>
      <div className="rl-buttons">
        {fit?.status === 'running' ? (
          <button type="button" onClick={w.stopFit}>
            {s.stop}
          </button>
        ) : (
          <button type="button" onClick={w.startFit} disabled={!w.engine.ready || points.length === 0}>
            {s.fit}
          </button>
        )}
        <button type="button" onClick={w.resetPoints}>
          {s.resetPoints}
        </button>
        <span className="rl-status" aria-live="polite">
          {w.engine.error
            ? s.engineFailed(w.engine.error)
            : !w.engine.ready
              ? s.starting
              : fit
                ? fit.status === 'left'
                  ? s.fitDiverged
                  : fit.status === 'failed'
                    ? s.fitFailed(fit.why ?? '')
                    : fit.status === 'running'
                      ? fit.step === 0
                        ? s.fitStarting
                        : s.fitStatus(fit.step, state.loss, fit.loss)
                      : s.fitDone(fit.step, state.loss, fit.loss)
                : null}
        </span>
      </div>

      <div className="rl-plots figure-pass">
        <figure className="rl-figure figure-pin">
          <Plot
            {...DATA_SIZE}
            x={{ domain: X_DOMAIN, label: s.xAxis }}
            y={{ domain: Y_DOMAIN, label: s.yAxis }}
            title={s.dataTitle}
            description={s.dataDescription(points.length, line.slope, line.intercept, state.loss, chosen, worst)}
            interactive
          >
            {state.loss === 'huber' ? (
              <g aria-hidden="true">
                <LinePath points={band.upper} color={LINE_COLOR} width={1} dashed />
                <LinePath points={band.lower} color={LINE_COLOR} width={1} dashed />
              </g>
            ) : null}
            <Residuals points={points} line={line} loss={state.loss} delta={state.delta} />
            <LinePath points={[[X_DOMAIN[0], line.slope * X_DOMAIN[0] + line.intercept], [X_DOMAIN[1], line.slope * X_DOMAIN[1] + line.intercept]]} color={LINE_COLOR} width={3} />
            {points.map((p, i) => (
              <DraggablePoint
                key={i}
                x={p.x}
                y={p.y}
                radius={i === baseCount ? 7 : 5}
                color={i === baseCount ? classColor(3) : classColor(0)}
                step={0.1}
                label={i === baseCount ? s.outlierLabel : s.pointLabel(i)}
                onMove={(nx, ny) => w.movePoint(i, { x: nx, y: ny })}
              />
            ))}
          </Plot>
          <figcaption className="rl-caption">
            {state.loss === 'huber' ? s.residualKey.huber(state.delta) : s.residualKey[state.loss]} {s.dragHint}
          </figcaption>
        </figure>

        <figure className="rl-figure">
          <Plot
            {...SURFACE_SIZE}
            x={{ domain: SLOPE_RANGE, label: s.slopeAxis }}
            y={{ domain: INTERCEPT_RANGE, label: s.interceptAxis }}
            title={s.surfaceTitle(state.loss)}
            description={minimum ? s.surfaceDescription(state.loss, line.slope, line.intercept, chosen, minimum) : s.starting}
            grid={false}
          >
            {surface ? <Contours values={surface} cols={SURFACE_GRID.cols} rows={SURFACE_GRID.rows} thresholds={contourLevels(surface)} /> : null}
            {fit && fit.path.length > 1 ? <LinePath points={fit.path} color="var(--text, #000)" width={1.5} dashed /> : null}
            {minimum ? <Marker at={[minimum.slope, minimum.intercept]} kind="minimum" /> : null}
            {minimum ? (
              <PlotText x={minimum.slope} y={minimum.intercept + 0.5} anchor="middle">
                {s.minimumLabel}
              </PlotText>
            ) : null}
            <Marker at={[line.slope, line.intercept]} kind="current" />
          </Plot>
        </figure>
      </div>

      <table className="rl-values">
        <caption>{s.valuesCaption}</caption>
        <tbody>
          <tr>
            {REGRESSION_LOSSES.map((l) => (
              <td key={l} className={l === state.loss ? 'rl-chosen' : undefined}>
                <span className="rl-value-name">{shortLossNames[l]}</span>
                <output className="rl-value">{values ? fixed(values[l], 3, { minus: '-' }) : '…'}</output>
                {l === state.loss ? <span className="rl-value-note">{s.chosen}</span> : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {points.length === 0 ? <p role="alert">{s.noPoints}</p> : null}
    </div>
  );
}
