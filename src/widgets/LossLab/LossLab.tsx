// The same small network trained live with MSE, cross-entropy or hinge loss: the decision surface
// with the data, the training curve of each loss's last run on one plot, and the accuracy.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { Dots, FigureTable, HeatMap, LiveHint, Plot, TrainingBar } from '../kit/index.ts';
import { LossCurves } from './LossCurves.tsx';
import { EXTENT, GRID_SIZE, LAB_DATASETS, LAB_LOSSES, LARGE_LR, LR_RANGE, rateFromSlider, sliderFromRate } from './lab.ts';
import { fixed, percent, significant } from '../kit/format.ts';
import { datasetNames, labLossDetails, labLossNames, lossLabStrings as s, labLossShort } from './strings.ts';
import { useLossLab, type LossLabProps } from './useLossLab.ts';
import './lossLab.css';

const formatRate = (lr: number) => significant(lr, 2);

export default function LossLab({ presenting, ...props }: LossLabProps & WidgetRenderProps) {
  const { state, setState, set, job, view, runs } = useLossLab(props);
  const snapshot = job.training.snapshot;
  const stopped = snapshot?.state === 'diverged' || snapshot?.state === 'failed';
  const dots = set.x.map(([x, y], i) => ({ x, y, cls: set.y[i] }));

  return (
    <div className={presenting ? 'll ll-presenting' : 'll figure-first'}>
      <Controls presenting={presenting}>
        <Select label={s.dataset} value={state.dataset} options={LAB_DATASETS.map((d) => ({ value: d, label: datasetNames[d] }))} onChange={(v) => setState({ dataset: v })} />
        <Select label={s.loss} value={state.loss} options={LAB_LOSSES.map((l) => ({ value: l, label: labLossNames[l] }))} onChange={(v) => setState({ loss: v })} />
        <Slider
          label={s.rate}
          value={sliderFromRate(state.lr)}
          min={Math.log10(LR_RANGE[0])}
          max={Math.log10(LR_RANGE[1])}
          step={0.1}
          format={(v) => formatRate(rateFromSlider(v))}
          onChange={(v) => setState({ lr: rateFromSlider(v) })}
        />
        <LiveHint applies="live" />
      </Controls>
      <TrainingBar job={job} presenting={presenting} detail={view ? s.accuracy(view.accuracy) : null} advice={s.divergedAdvice} />
      <p className="ll-model fig-note">
        {s.model} {labLossDetails[state.loss]}
      </p>
      {state.lr >= LARGE_LR && !stopped ? <p className="ll-note fig-note">{s.largeRate}</p> : null}

      <div className="ll-plots figure-pass">
        <div className="figure-pin">
          <Plot
            width={340}
            height={320}
            x={{ domain: EXTENT, label: s.x1 }}
            y={{ domain: EXTENT, label: s.x2 }}
            title={s.surfaceTitle}
            description={s.surfaceDescription(state.dataset, view?.accuracy ?? null, state.loss)}
            grid={false}
          >
            {view ? <HeatMap values={view.surface} cols={GRID_SIZE} rows={GRID_SIZE} colorDomain={[0, 1]} /> : null}
            <Dots points={dots} size={36} />
          </Plot>
        </div>
        <div>
          <LossCurves runs={runs} current={state.loss} />
          <p className="ll-note">{s.curvesNote}</p>
        </div>
      </div>

      <FigureTable caption={s.runsCaption} columns={s.runsColumns} className="ll-runs">
        {LAB_LOSSES.map((loss) => {
          const run = runs[loss];
          const last = run?.losses.length ? run.losses[run.losses.length - 1] : NaN;
          return (
            <tr key={loss} className={loss === state.loss ? 'll-current' : undefined}>
              <th scope="row">{labLossShort[loss]}</th>
              <td>{run?.steps.length ? run.steps[run.steps.length - 1] : s.noRun}</td>
              <td>{run?.losses.length ? fixed(run.losses[0], 3) : s.noRun}</td>
              <td>{run ? fixed(last, 3) : s.noRun}</td>
              <td>{run?.accuracy != null ? percent(run.accuracy, 0) : s.noRun}</td>
            </tr>
          );
        })}
      </FigureTable>
    </div>
  );
}
