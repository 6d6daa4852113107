// Surfaces over the plane, sampled on a grid of cells: a heat map (a canvas of one pixel per cell,
// smoothed by the browser as it is scaled; used for decision surfaces) and contour lines
// (d3-contour; used for loss surfaces). Grid convention, shared with `gridCenters`: `values[j*cols+i]`
// is the value at the centre of cell (i, j), with i along x and j along y from the bottom.
import { useEffect, useMemo, useState } from 'react';
import { contours as d3contours } from 'd3-contour';
import { divergingRgb, sequentialColor } from '../palette.ts';
import { usePlotScales } from './Plot.tsx';
import { gridCenters, type Extent } from './grid.ts';

export { gridCenters, type Extent };

function useExtent(extent: Extent | undefined): Extent {
  const { x, y } = usePlotScales();
  const dx = x.domain();
  const dy = y.domain();
  return extent ?? { x: [dx[0], dx[1]], y: [dy[0], dy[1]] };
}

export interface HeatMapProps {
  values: ArrayLike<number>;
  cols: number;
  rows: number;
  /** Values at colorDomain[0] are blue, at colorDomain[1] vermilion, the middle light grey. */
  colorDomain?: readonly [number, number];
  extent?: Extent;
  opacity?: number;
}

/** Paints the grid on a small canvas and shows it as an image filling the extent. */
export function HeatMap({ values, cols, rows, colorDomain = [0, 1], extent, opacity = 0.75 }: HeatMapProps) {
  const { x, y } = usePlotScales();
  const e = useExtent(extent);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (cols < 1 || rows < 1 || values.length !== cols * rows || typeof document === 'undefined') {
      setUrl(null);
      return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(cols, rows);
    const [lo, hi] = colorDomain;
    const span = hi - lo || 1;
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) {
        const t = ((values[j * cols + i] - lo) / span) * 2 - 1;
        const [r, g, b] = divergingRgb(t);
        const o = ((rows - 1 - j) * cols + i) * 4; // canvas rows run top-down
        image.data[o] = r;
        image.data[o + 1] = g;
        image.data[o + 2] = b;
        image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
    setUrl(canvas.toDataURL());
  }, [values, cols, rows, colorDomain[0], colorDomain[1]]); // eslint-disable-line react-hooks/exhaustive-deps -- the colour domain by its two ends, not the array identity
  if (!url) return null;
  const left = x(e.x[0]);
  const top = y(e.y[1]);
  return (
    <image
      className="plot-heatmap"
      href={url}
      x={left}
      y={top}
      width={Math.abs(x(e.x[1]) - left)}
      height={Math.abs(y(e.y[0]) - top)}
      preserveAspectRatio="none"
      opacity={opacity}
    />
  );
}

export interface ContoursProps {
  values: ArrayLike<number>;
  cols: number;
  rows: number;
  /** Levels; a number asks d3 for about that many "nice" levels. */
  thresholds: number[] | number;
  extent?: Extent;
  /** Fill the bands between levels (cividis, low dark) as well as drawing the lines. */
  fill?: boolean;
}

export function Contours({ values, cols, rows, thresholds, extent, fill = true }: ContoursProps) {
  const { x, y } = usePlotScales();
  const e = useExtent(extent);
  const finiteValues = useMemo(() => Array.from(values, (v) => (Number.isFinite(v) ? v : Number.MAX_VALUE)), [values]);
  const bands = useMemo(() => {
    if (cols < 2 || rows < 2 || finiteValues.length !== cols * rows) return [];
    const generator = d3contours().size([cols, rows]);
    return (Array.isArray(thresholds) ? generator.thresholds(thresholds) : generator.thresholds(thresholds))(finiteValues);
  }, [finiteValues, cols, rows, thresholds]);
  const gx = (g: number) => x(e.x[0] + (g * (e.x[1] - e.x[0])) / cols);
  const gy = (g: number) => y(e.y[0] + (g * (e.y[1] - e.y[0])) / rows);
  return (
    <g className="plot-contours">
      {bands.map((band, k) => {
        const d = band.coordinates
          .map((polygon) => polygon.map((ring) => `M${ring.map(([a, b]) => `${gx(a).toFixed(1)},${gy(b).toFixed(1)}`).join('L')}Z`).join(''))
          .join('');
        return (
          <path
            key={k}
            d={d}
            fillRule="evenodd"
            fill={fill ? sequentialColor(bands.length > 1 ? k / (bands.length - 1) : 0) : 'none'}
            fillOpacity={fill ? 0.85 : 0}
            stroke="var(--bg, #fff)"
            strokeOpacity={0.6}
            strokeWidth={0.75}
          />
        );
      })}
    </g>
  );
}
