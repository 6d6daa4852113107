// What training shows, as four small figures and a table: the network's prediction over the plane,
// the loss curve, each layer's gradient norm, each ReLU layer's share of active units, and the
// inputs' means and standard deviations as the network receives them.
import { BarChart, Dots, FigureTable, HeatMap, LossCurve, Plot, type LossSeries } from '../kit/index.ts';
import { magnitude, percent } from '../kit/format.ts';
import { accuracyText, statText } from './verdictText.ts';
import type { DoctorSet } from '../../models/doctor/cases.ts';
import type { Evidence } from '../../models/doctor/diagnosis.ts';
import { EXTENT, GRID } from '../../models/doctor/doctorJob.ts';
import { doctorStrings as s } from './strings.ts';

interface EvidencePanelsProps {
  set: DoctorSet;
  points: readonly (readonly number[])[];
  labels: readonly number[];
  /** P(class 1) over the grid, or null before the first picture. */
  surface: readonly number[] | null;
  evidence: Evidence;
  /** The loss curves to draw: the run's, and the broken run's beside a fixed one. */
  series: readonly LossSeries[];
  presenting: boolean;
}

/** Non-finite cells (never expected: a diverged run sends no picture) are drawn as undecided. */
const safe = (values: readonly number[]) => values.map((v) => (Number.isFinite(v) ? v : 0.5));

/** The inputs' means and standard deviations, as the network receives them. */
export function InputsTable({ inputs }: { inputs: Evidence['inputs'] }) {
  return (
    <div className="doc-inputs">
      <FigureTable caption={s.inputsCaption} columns={s.inputColumns}>
        {inputs.means.map((m, j) => (
          <tr key={j}>
            <th scope="row">{s.featureNames[j]}</th>
            <td>{statText(m)}</td>
            <td>{statText(inputs.stds[j])}</td>
          </tr>
        ))}
      </FigureTable>
    </div>
  );
}

export function EvidencePanels({ set, points, labels, surface, evidence, series, presenting }: EvidencePanelsProps) {
  const dots = points.map((p, i) => ({ x: p[0], y: p[1], cls: labels[i] }));
  // Design sizes: the drawings fill their column (two a row) and keep these proportions; CSS caps
  // their heights on a wide page. The bar charts are tall for their width so that a phone's half
  // column still has room for their axis labels.
  const w = presenting ? 420 : 340;
  const k = w / 340;
  // Before the first step the charts stand empty (no value, a dash), so that nothing moves once training starts.
  const grads = evidence.grads ?? [Number.NaN, Number.NaN, Number.NaN];
  const active = evidence.active ?? [Number.NaN, Number.NaN];
  const layerNames = s.layerNames;
  const listed = (values: readonly number[], write: (v: number) => string) => values.map((v, i) => s.layerValue(s.layerName(layerNames[i]), write(v))).join(', ');
  const gradText = evidence.grads ? s.gradDescription(listed(evidence.grads, magnitude)) : s.noStep;
  const activeText = evidence.active ? s.activeDescription(listed(evidence.active, (v) => percent(v, 0))) : s.noStep;
  return (
    <section className="doc-figures" aria-label={s.figuresLabel}>
      <div className="doc-panel doc-surface">
        <p className="doc-panel-title">{s.surfaceTitle}</p>
        <Plot
          width={260 * k}
          height={260 * k}
          x={{ domain: EXTENT, label: s.x1 }}
          y={{ domain: EXTENT, label: s.x2 }}
          title={s.surfaceTitle}
          description={s.surfaceDescription(s.setNames[set], evidence.steps, s.accuracy(accuracyText(evidence.accuracy)))}
          margin={{ left: 34, bottom: 34, top: 8, right: 8 }}
        >
          {surface ? <HeatMap values={safe(surface)} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
          <Dots points={dots} size={presenting ? 26 : 18} />
        </Plot>
      </div>
      <div className="doc-panel">
        <p className="doc-panel-title">{s.lossTitle}</p>
        <LossCurve series={series} width={w} height={Math.round(260 * k)} log title={s.lossTitle} />
      </div>
      <div className="doc-panel">
        <p className="doc-panel-title">{s.gradTitle}</p>
        <BarChart
          bars={grads.map((g, i) => ({ label: layerNames[i], value: g, color: i }))}
          width={w}
          height={Math.round(300 * k)}
          // The panel's title names the axis: a rotated title would meet the widest tick labels (0.001).
          y={{ label: '', log: true, domain: gradientAxis(grads) }}
          xLabel={s.layerAxis}
          title={s.gradTitle}
          description={gradText}
          format={magnitude}
        />
      </div>
      <div className="doc-panel">
        <p className="doc-panel-title">{s.activeTitle}</p>
        <BarChart
          bars={active.map((a, i) => ({ label: layerNames[i], value: a, color: i }))}
          width={w}
          height={Math.round(300 * k)}
          y={{ label: s.activeAxis, domain: [0, 1] }}
          xLabel={s.layerAxis}
          title={s.activeTitle}
          description={activeText}
          format={(v) => percent(v, 0)}
        />
      </div>
    </section>
  );
}

/**
 * The gradient chart's axis: whole decades from a third of the smallest non-zero norm to three
 * times the largest, at least two of them, so that a handful of labels fit a phone's short axis. A
 * norm of exactly 0 has no place on a log axis: its bar is empty and its label says 0.
 */
export function gradientAxis(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [1e-3, 10];
  const lo = Math.floor(Math.log10(Math.min(...positive) / 3));
  let hi = Math.ceil(Math.log10(Math.max(...positive) * 3));
  if (hi - lo < 2) hi = lo + 2;
  // 1e-4 exactly, where 10 ** -4 is 0.00009999…
  return [Number(`1e${lo}`), Number(`1e${hi}`)];
}
