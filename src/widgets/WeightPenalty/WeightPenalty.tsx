// Weight penalties seen at work: a small network trained live on 40 noisy points with six pure-noise
// inputs, under no penalty, L2 weight decay, or L1 (by soft-thresholding, or added to the loss).
// The decision surface, a histogram of every weight with the exact zeros apart, the size of each
// input's weights, and the training and test losses. λ and η apply at the next step.
import { useId, useMemo, useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { BarChart, Contours, Dots, HeatMap, LiveHint, LossCurve, Plot, TrainingBar, useTrainingJob, useWideFigure } from '../kit/index.ts';
import { percent, significant } from '../kit/format.ts';
import { EXTENT, NOISE_INPUTS, penaltyData, SIGNAL_INPUTS } from '../../models/generalisation/penalty/data.ts';
import { penaltyKinds, type PenaltyKind } from '../../models/generalisation/penalty/network.ts';
import { GRID } from '../../models/generalisation/penalty/picture.ts';
import { penaltyJob, TEST_CURVE } from '../../models/generalisation/penalty/penaltyJob.ts';
import { lambdaFromPosition, LAMBDA_MAX, LAMBDA_STEP, LR_MAX, LR_MIN, positionOfLambda, POSITION_OFF, roundRate, TEST_SHOWN, collapsed, CHARTS } from './settings.ts';
import { penaltyStrings as s } from './strings.ts';
import { WeightHistogram } from './WeightHistogram.tsx';
import './weightPenalty.css';

/** Wide enough for the three charts in a row: 40rem at the page's 16-px rem (as in weightPenalty.css); 75rem when presenting. */
const WIDE_FIGURE = 640;
const WIDE_PRESENTING = 1200;

export const weightPenaltySchema = {
  penalty: choice(penaltyKinds, 'l1prox', () => s.linkLabels.penalty),
  lambda: number({ min: 0, max: LAMBDA_MAX, default: 0.01, label: () => s.linkLabels.lambda }),
  learningRate: number({ min: LR_MIN, max: LR_MAX, default: 0.5, label: () => s.linkLabels.learningRate }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
  /** The one chart a narrow figure shows (a wide one shows all three). */
  chart: choice(CHARTS, 'weights', () => s.linkLabels.chart),
};

export type WeightPenaltyProps = Partial<StateOf<typeof weightPenaltySchema>>;

const two = (v: number) => significant(v, 2);

export default function WeightPenalty({ presenting, ...initial }: WeightPenaltyProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(weightPenaltySchema, initial);
  const { penalty, lambda, learningRate, seed, chart } = state;
  const job = useTrainingJob(penaltyJob, { config: { penalty }, seed, live: { lambda, learningRate } });
  const { training, view, curves } = job;
  const step = training.snapshot?.step ?? 0;
  const diverged = training.snapshot?.state === 'diverged';
  const switchName = useId();
  const points = useMemo(() => {
    const data = penaltyData(seed);
    return {
      train: data.train.x.map((p, i) => ({ x: p[0], y: p[1], cls: data.train.y[i] })),
      test: data.test.x.slice(0, TEST_SHOWN).map((p, i) => ({ x: p[0], y: p[1], cls: data.test.y[i] })),
    };
  }, [seed]);

  const picture = diverged ? null : view;
  const accuracy = picture ? s.accuracy(percent(picture.train.accuracy, 0), percent(picture.test.accuracy, 0)) : s.notTrained;
  const testAccuracy = picture ? s.testAccuracy(percent(picture.test.accuracy, 0)) : null;
  const inputNames = s.inputNames;
  const inputs = picture?.inputs ?? [];
  const noiseOff = inputs.slice(SIGNAL_INPUTS, SIGNAL_INPUTS + NOISE_INPUTS).filter((v) => v.size === 0).length;
  const root = useRef<HTMLDivElement>(null);
  const wide = useWideFigure(root, presenting ? WIDE_PRESENTING : WIDE_FIGURE);
  const side = presenting ? 460 : 280;
  // Three charts in a row are narrow: taller for their width than the one a phone shows.
  const chartHeight = presenting ? (wide ? 135 : 120) : wide ? 230 : 170;
  const testCurve = curves[TEST_CURVE];

  return (
    <div ref={root} className={presenting ? 'wp wp-presenting' : 'wp figure-first'}>
      <div className="wp-top figure-pass">
        <div className={presenting ? 'wp-controls fig-column' : 'wp-controls'}>
          <Controls presenting={presenting}>
            <Select label={s.penalty} value={penalty} options={penaltyKinds.map((k) => ({ value: k, label: s.penaltyNames[k] }))} onChange={(v: PenaltyKind) => setState({ penalty: v })} />
            <Slider
              label={s.lambda}
              value={positionOfLambda(lambda)}
              min={POSITION_OFF}
              max={Math.log10(LAMBDA_MAX)}
              step={LAMBDA_STEP}
              format={(p) => (lambdaFromPosition(p) === 0 ? s.lambdaOff : two(lambdaFromPosition(p)))}
              onChange={(p) => setState({ lambda: lambdaFromPosition(p) })}
            />
            <Slider
              label={s.learningRate}
              value={Math.log10(learningRate)}
              min={Math.log10(LR_MIN)}
              max={Math.log10(LR_MAX)}
              step={0.05}
              format={(v) => two(roundRate(10 ** v))}
              onChange={(v) => setState({ learningRate: roundRate(10 ** v) })}
            />
            <LiveHint applies="live" />
          </Controls>
          <p className="wp-rule">
            <code>{s.rules[penalty]}</code>
          </p>
          <TrainingBar
            job={job}
            presenting={presenting}
            detail={testAccuracy}
            showSpeed={false}
            advice={s.divergedAdvice}
            recovery={learningRate !== 0.5 ? { label: s.divergedRecovery, onClick: () => setState({ learningRate: 0.5 }) } : undefined}
          />
          <p className="wp-zeros" aria-live="polite">
            {picture ? s.zeroLine(picture.norms.zeros, picture.norms.total) : '\u00a0'}
            {picture && step > 0 && collapsed(picture) ? <span className="wp-collapsed">{s.verdictCollapsed}</span> : null}
          </p>
        </div>
        <div className="figure-pin">
          <div className="wp-surface" style={{ width: side }}>
            <Plot width={side} height={side} x={{ domain: EXTENT, label: s.x1 }} y={{ domain: EXTENT, label: s.x2 }} title={s.surfaceTitle} description={s.surfaceDescription({ step, accuracy, penalty: s.penaltyNames[penalty] })} margin={{ left: 40, bottom: 36 }}>
              {picture ? <HeatMap values={picture.surface} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
              {picture ? <Contours values={picture.surface} cols={GRID} rows={GRID} thresholds={[0.5]} fill={false} /> : null}
              <Dots points={points.test} size={presenting ? 40 : 24} hollow />
              <Dots points={points.train} size={presenting ? 90 : 60} />
            </Plot>
            <p className="wp-key">{s.surfaceKey}</p>
          </div>
        </div>
      </div>
      <fieldset className="wp-switch">
        <legend className="visually-hidden">{s.chartChoice}</legend>
        {CHARTS.map((c) => (
          <label key={c}>
            <input type="radio" name={`${switchName}-chart`} value={c} checked={chart === c} onChange={() => setState({ chart: c })} /> {s.chartNames[c]}
          </label>
        ))}
      </fieldset>
      <div className="wp-charts">
        <div className="wp-chart" data-shown={chart === 'weights'}>
          <h5 className="wp-chart-title">{s.histogramTitle}</h5>
          {picture ? <WeightHistogram histogram={picture.histogram} width={300} height={chartHeight} /> : null}
        </div>
        <div className="wp-chart" data-shown={chart === 'inputs'}>
          <h5 className="wp-chart-title">{s.inputsHeading}</h5>
          {picture ? (
            <BarChart
              bars={inputs.map((v, i) => ({ label: inputNames[i], value: v.size, color: i < SIGNAL_INPUTS ? 0 : 2 }))}
              width={300}
              height={chartHeight}
              y={{ label: s.inputsY }}
              xLabel={s.inputsX}
              title={s.inputsTitle}
              description={s.inputsDescription(inputs.map((v, i) => s.inputValue(inputNames[i], v.size === 0 ? '0' : two(v.size), v.zeros)).join(', '), noiseOff)}
              format={(v) => (v === 0 ? '0' : two(v))}
            />
          ) : null}
        </div>
        <div className="wp-chart" data-shown={chart === 'loss'}>
          <h5 className="wp-chart-title">{s.lossHeading}</h5>
          <LossCurve
            series={[
              { name: s.trainSeries, losses: training.losses, steps: training.lossSteps },
              { name: s.testSeries, losses: testCurve?.values ?? [], steps: testCurve?.steps ?? [] },
            ]}
            width={300}
            height={chartHeight}
            log
            title={s.lossTitle}
          />
        </div>
      </div>
    </div>
  );
}
