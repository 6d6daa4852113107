// A multilayer perceptron and the chapter's CNN, trained side by side on the same batches: their
// parameter counts (from the engine's modules) and their test accuracy as training goes on.
import { useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select } from '../../book/controls.tsx';
import { choice, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { FigureTable, LinePath, Plot, RetryAlert, seriesColors, TrainingBar } from '../kit/index.ts';
import { useOnScreen } from '../kit/useOnScreen.ts';
import { count, fixed, percent } from '../kit/format.ts';
import { versusStrings as s } from './strings.ts';
import { EXAMPLES_PER_STEP, MAX_SAMPLES, useMlpVsCnn } from './useMlpVsCnn.ts';
import '../kit/figure.css';

const HIDDEN = ['16', '32', '64', '128', '256'] as const;

export const mlpVsCnnSchema = {
  hidden: choice(HIDDEN, '64', 'hidden units'),
};

export type MlpVsCnnProps = Partial<StateOf<typeof mlpVsCnnSchema>>;

export default function MlpVsCnn({ presenting, ...initial }: MlpVsCnnProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(mlpVsCnnSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(root);
  const hidden = Number(state.hidden);
  const v = useMlpVsCnn(visible, hidden);
  const snap = v.job.training.snapshot;
  // The table holds the latest full measurement (early points use fewer digits).
  const last = v.points.findLast((p) => !p.early);

  let status = null;
  if (v.loadState === 'waiting') status = <p>{s.waiting}</p>;
  else if (v.loadState === 'loading') status = <p>{s.loading}</p>;
  else if (v.loadState !== 'ready')
    status = <RetryAlert message={s.loadFailed(v.loadState)} onRetry={v.retry} />;

  const mlpLoss = snap?.metrics.mlpLoss;
  const cnnLoss = snap?.loss ?? undefined;
  const fmtLoss = (x: number | undefined) => (x === undefined || x === null ? s.none : fixed(x, 3));
  const fmtAcc = (x: number | undefined) => (x === undefined ? s.none : percent(x, 1));

  return (
    <div ref={root} className={presenting ? 'mv fig-presenting' : 'mv figure-first'}>
      <Controls presenting={presenting}>
        <Select label={s.hidden} value={state.hidden} options={HIDDEN.map((h) => ({ value: h, label: h }))} onChange={(h: (typeof HIDDEN)[number]) => setState({ hidden: h })} />
      </Controls>
      {status}
      <TrainingBar job={v.job} presenting={presenting} showLoss={false} examplesPerStep={EXAMPLES_PER_STEP} />
      <FigureTable caption={s.tableCaption(v.samples)} columns={s.columns}>
        <tr>
          <th scope="row">{s.names.mlp}</th>
          <td>{s.describe.mlp(hidden)}</td>
          <td>{v.params ? count(v.params.mlp) : s.none}</td>
          <td>{fmtAcc(last?.mlp)}</td>
          <td>{fmtLoss(mlpLoss)}</td>
        </tr>
        <tr>
          <th scope="row">{s.names.cnn}</th>
          <td>{s.describe.cnn}</td>
          <td>{v.params ? count(v.params.cnn) : s.none}</td>
          <td>{fmtAcc(last?.cnn)}</td>
          <td>{fmtLoss(cnnLoss)}</td>
        </tr>
      </FigureTable>
      {v.params ? <p className="fig-note">{s.ratio(fixed(v.params.mlp / v.params.cnn, 1))}</p> : null}
      <div className="fig-plot figure-pin">
        <Plot
          width={420}
          height={220}
          x={{ domain: [0, MAX_SAMPLES], label: s.xAxis }}
          y={{ domain: [0, 1], label: s.yAxis, format: (x) => `${Math.round(x * 100)}%` }}
          title={s.plotTitle}
          description={s.plotDescription(v.points.map((p) => s.point(p.samples, p.mlp, p.cnn)).join('; '))}
        >
          <LinePath points={v.points.map((p) => [p.samples, p.mlp] as const)} color={seriesColors[1]} dashed />
          <LinePath points={v.points.map((p) => [p.samples, p.cnn] as const)} color={seriesColors[0]} />
        </Plot>
        <ul className="plot-legend">
          <li>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColors[1]} strokeWidth="3" strokeDasharray="6 4" />
            </svg>{' '}
            {s.names.mlp}
          </li>
          <li>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColors[0]} strokeWidth="3" />
            </svg>{' '}
            {s.names.cnn}
          </li>
        </ul>
      </div>
    </div>
  );
}
