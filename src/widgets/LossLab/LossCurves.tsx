// The training curves of the last run of each loss, each divided by its first value, on one plot.
// Each loss keeps its colour, dash and end marker (circle, triangle, square), whichever is current.
import { Dots, LinePath, Plot, seriesColors } from '../kit/index.ts';
import { DIVERGENCE_FACTOR, LAB_LOSSES, normalisedCurve, type LabLoss } from './lab.ts';
import { lossLabStrings as s } from './strings.ts';
import type { Run } from './useLossLab.ts';

const LEGEND_SHAPES = ['M0,-4.5A4.5,4.5,0,1,1,0,4.5A4.5,4.5,0,1,1,0,-4.5Z', 'M0,-5.5L5,3.5L-5,3.5Z', 'M-4,-4H4V4H-4Z'];

export function LossCurves({ runs, current }: { runs: Partial<Record<LabLoss, Run>>; current: LabLoss }) {
  const curves = LAB_LOSSES.map((loss, k) => {
    const run = runs[loss];
    const values = run ? normalisedCurve(run.losses) : [];
    const points = values.map((v, i) => [run!.steps[i] ?? i, v] as [number, number]);
    return { loss, k, run, values, points };
  });
  const lastStep = Math.max(1, ...curves.map((c) => c.points[c.points.length - 1]?.[0] ?? 0));
  const top = Math.min(DIVERGENCE_FACTOR + 1, Math.max(1, ...curves.flatMap((c) => c.values.filter(Number.isFinite))));
  const description = s.curvesDescription(
    curves.filter((c) => c.points.length > 0).map((c) => s.curveSummary(c.loss, c.points[c.points.length - 1][0], c.values[c.values.length - 1])),
  );
  return (
    <div className="ll-curves">
      <Plot width={360} height={240} x={{ domain: [0, lastStep], label: s.stepAxis }} y={{ domain: [0, top * 1.05], label: s.curvesAxis }} title={s.curvesTitle} description={description}>
        {curves.map((c) => (
          <LinePath key={c.loss} points={c.points} color={seriesColors[c.k]} width={c.loss === current ? 3 : 2} dashed={c.k === 1} />
        ))}
        <Dots points={curves.filter((c) => c.points.length > 0).map((c) => ({ x: c.points[c.points.length - 1][0], y: Math.min(top, c.values[c.values.length - 1]), cls: c.k }))} size={60} />
      </Plot>
      <ul className="plot-legend">
        {curves.map((c) => (
          <li key={c.loss}>
            <svg width="30" height="12" aria-hidden="true">
              <line x1="0" x2="30" y1="6" y2="6" stroke={seriesColors[c.k]} strokeWidth="3" strokeDasharray={c.k === 1 ? '6 4' : undefined} />
              <path d={LEGEND_SHAPES[c.k]} transform="translate(15 6)" fill={seriesColors[c.k]} />
            </svg>{' '}
            {s.runName(c.loss, c.loss === current, !c.run)}
          </li>
        ))}
      </ul>
    </div>
  );
}
