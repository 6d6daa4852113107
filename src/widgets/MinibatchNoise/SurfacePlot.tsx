// The left view: the loss surface over (w, b) as contours, the minimum, the point the reader
// drags, the full-batch step as a thick arrow and the mini-batch steps as thin ones; optionally two
// paths of gradient descent from the point.
import { Contours, DraggablePoint, Plot, usePlotScales } from '../kit/index.ts';
import { classColors } from '../kit/palette.ts';
import { Arrows, HaloPath, type ArrowStyle } from './arrows.tsx';
import type { GradientPicture } from './gradients.ts';
import { B_RANGE, ETA, W_RANGE } from './problem.ts';
import { minibatchStrings as s } from './strings.ts';
import { SURFACE } from './surface.ts';
import type { Paths } from './useMinibatchNoise.ts';

/** Vermilion and sky blue (Okabe–Ito): apart for every common colour-vision deficiency. */
export const FULL_STYLE: ArrowStyle = { color: classColors[1], halo: '#ffffff', width: 4 };
export const MINI_STYLE: ArrowStyle = { color: classColors[5], halo: '#10243a', width: 1.6 };
export const FULL_PATH_STYLE: ArrowStyle = { ...FULL_STYLE, width: 2.5 };
export const MINI_PATH_STYLE: ArrowStyle = { ...MINI_STYLE, width: 2 };

/** The least-squares line: a cross, black over white so that it shows on any band. */
function MinimumMark({ at }: { at: { w: number; b: number } }) {
  const { x, y, textPx } = usePlotScales();
  const px = x(at.w);
  const py = y(at.b);
  const h = (6 * textPx) / 12;
  const d = `M${px - h},${py - h}L${px + h},${py + h}M${px - h},${py + h}L${px + h},${py - h}`;
  return (
    <g aria-hidden="true">
      <path d={d} stroke="#ffffff" strokeWidth={5} />
      <path d={d} stroke="#000000" strokeWidth={2.5} />
    </g>
  );
}

/** A black ring under the draggable point, whose own outline follows the theme's text colour. */
function PointRing({ at }: { at: { w: number; b: number } }) {
  const { x, y, textPx } = usePlotScales();
  return <circle cx={x(at.w)} cy={y(at.b)} r={(8 * textPx) / 12} fill="none" stroke="#000000" strokeWidth={2} aria-hidden="true" />;
}

const step = (from: readonly [number, number], g: readonly [number, number]): [number, number] => [from[0] - ETA * g[0], from[1] - ETA * g[1]];

export interface SurfacePlotProps {
  size: { width: number; height: number };
  surface: number[] | null;
  levels: number[];
  picture: GradientPicture | null;
  paths: Paths | null;
  point: { w: number; b: number };
  minimum: { w: number; b: number };
  description: string;
  presenting?: boolean;
  onMove: (w: number, b: number) => void;
}

export function SurfacePlot({ size, surface, levels, picture, paths, point, minimum, description, presenting = false, onMove }: SurfacePlotProps) {
  const from: [number, number] = [point.w, point.b];
  return (
    <Plot
      {...size}
      x={{ domain: W_RANGE, label: s.wAxis }}
      y={{ domain: B_RANGE, label: s.bAxis }}
      title={s.surfaceTitle}
      description={description}
      grid={false}
      interactive
      margin={{ left: 44, bottom: 40 }}
    >
      {surface ? <Contours values={surface} cols={SURFACE.cols} rows={SURFACE.rows} thresholds={levels} /> : null}
      <MinimumMark at={minimum} />
      <PointRing at={point} />
      <DraggablePoint x={point.w} y={point.b} step={0.05} radius={presenting ? 8 : 5.5} color="#ffffff" label={s.pointLabel} onMove={onMove} />
      {/* Over the point, so that short arrows (near the minimum) still show; they let the pointer through to it. */}
      <g pointerEvents="none">
        {paths ? (
          <>
            <HaloPath points={paths.full} style={FULL_PATH_STYLE} dashed />
            <HaloPath points={paths.mini} style={MINI_PATH_STYLE} />
          </>
        ) : picture ? (
          <>
            <Arrows from={from} tips={picture.arrows.map((g) => step(from, g))} style={MINI_STYLE} />
            <Arrows from={from} tips={[step(from, picture.full)]} style={FULL_STYLE} />
          </>
        ) : null}
      </g>
    </Plot>
  );
}
