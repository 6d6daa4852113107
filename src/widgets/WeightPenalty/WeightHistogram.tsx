// The histogram of every weight: symmetric bins of the non-zero weights, and the weights that are
// exactly 0 as a bar of their own at 0 in another colour. The count axis is set by the bins, so a
// few hundred exact zeros do not flatten the rest: their bar then runs off the top, its count
// written on it.
import { Plot, usePlotScales } from '../kit/index.ts';
import { classColors } from '../kit/palette.ts';
import type { WeightHistogram as Histogram } from '../../models/generalisation/penalty/picture.ts';
import { penaltyStrings as s } from './strings.ts';

const BIN_COLOR = classColors[0];
const ZERO_COLOR = classColors[1];

function Bars({ histogram, top }: { histogram: Histogram; top: number }) {
  const { x, y, inner } = usePlotScales();
  const { edges, counts, zeros } = histogram;
  const bin = edges[1] - edges[0];
  const zeroLeft = x(-bin / 4);
  const zeroRight = x(bin / 4);
  const capped = zeros > top;
  return (
    <g>
      {counts.map((c, k) =>
        c > 0 ? <rect key={k} x={x(edges[k]) + 0.5} width={Math.max(1, x(edges[k + 1]) - x(edges[k]) - 1)} y={y(c)} height={Math.max(0, y(0) - y(c))} fill={BIN_COLOR} /> : null,
      )}
      {zeros > 0 ? (
        <g>
          <rect x={zeroLeft} width={Math.max(3, zeroRight - zeroLeft)} y={capped ? inner.top : y(zeros)} height={Math.max(0, y(0) - (capped ? inner.top : y(zeros)))} fill={ZERO_COLOR} stroke="var(--bg, #fff)" strokeWidth={1} />
          <text x={zeroRight + 4} y={(capped ? inner.top : y(zeros)) + 12} className="plot-mark-label">
            {String(zeros)}
          </text>
        </g>
      ) : null}
    </g>
  );
}

export function WeightHistogram({ histogram, width, height }: { histogram: Histogram; width: number; height: number }) {
  const range = histogram.edges[histogram.edges.length - 1];
  const binMax = Math.max(...histogram.counts);
  // Room for the tallest bin, and for the zero bar when it is not much taller.
  const top = Math.max(4, binMax * 1.15, histogram.zeros <= binMax * 2 ? histogram.zeros * 1.15 : 0);
  const description = s.histogramDescription({ zeros: histogram.zeros, total: histogram.total, range: String(range), bins: histogram.counts.join(', ') });
  return (
    <div className="wp-histogram">
      <Plot width={width} height={height} x={{ domain: [-range, range], label: s.histogramX, ticks: 5 }} y={{ domain: [0, top], label: s.histogramY, ticks: 4 }} title={s.histogramTitle} description={description}>
        <Bars histogram={histogram} top={top} />
      </Plot>
      <ul className="plot-legend" aria-hidden="true">
        <li>
          <span className="wp-swatch" style={{ background: BIN_COLOR }} /> {s.nonZero}
        </li>
        <li>
          <span className="wp-swatch" style={{ background: ZERO_COLOR }} /> {s.exactlyZero}
        </li>
      </ul>
    </div>
  );
}
