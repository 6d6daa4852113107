// Train a small CNN on MNIST in the page: an editable architecture, play/pause/step, loss and
// accuracy curves, samples per second, the first layer's filters, feature maps of a chosen test
// digit, a confusion matrix and a 5×5 grid of test digits with the model's answers.
import { memo, useMemo, useRef, useState, type ReactNode } from 'react';
import type { data } from '../../engine/index.ts';
import type { Inspection } from '../../models/mnist/inspect.ts';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { LinePath, LossCurve, Plot, RetryAlert, seriesColors, TrainingBar } from '../kit/index.ts';
import { MapGrid } from '../kit/MapGrid.tsx';
import { ARCHITECTURE_LIMITS, DEFAULT_ARCHITECTURE, layerShapes, type CnnArchitecture } from '../../models/mnist/cnnModel.ts';
import { DigitImage } from '../kit/DigitImage.tsx';
import { DEFAULT_RUN, type RunOptions } from '../../models/mnist/mnistTraining.ts';
import { count, fixed, percent } from '../kit/format.ts';
import { ConvolutionDetail, type DetailTarget } from './ConvolutionDetail.tsx';
import { detailStrings, trainerStrings as s } from './strings.ts';
import { useMnistTrainer, type TrainerView } from './useMnistTrainer.ts';
import { useOnScreen } from '../kit/useOnScreen.ts';
import { backendLabel } from '../../book/engineBoot.ts';
import '../kit/figure.css';
import './mnistTrainer.css';

const RATES = ['0.0005', '0.001', '0.002', '0.005', '0.01'] as const;
const BATCHES = ['16', '32', '64'] as const;
const KERNELS = ['3', '5'] as const;

export const mnistTrainerSchema = {
  filters1: integer({ min: ARCHITECTURE_LIMITS.filters1[0], max: ARCHITECTURE_LIMITS.filters1[1], default: DEFAULT_ARCHITECTURE.filters1, label: 'filters in layer 1' }),
  filters2: integer({ min: ARCHITECTURE_LIMITS.filters2[0], max: ARCHITECTURE_LIMITS.filters2[1], default: DEFAULT_ARCHITECTURE.filters2, label: 'filters in layer 2' }),
  kernel: choice(KERNELS, String(DEFAULT_ARCHITECTURE.kernel) as '5', 'kernel size'),
  lr: choice(RATES, String(DEFAULT_RUN.learningRate) as '0.002', 'learning rate'),
  batch: choice(BATCHES, String(DEFAULT_RUN.batchSize) as '32', 'batch size'),
  digit: integer({ min: 1, max: 2000, default: 1, label: 'test digit' }),
};

export type MnistTrainerProps = Partial<StateOf<typeof mnistTrainerSchema>>;

export default function MnistTrainer({ presenting, ...initial }: MnistTrainerProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(mnistTrainerSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(root);
  const arch = useMemo<CnnArchitecture>(() => ({ filters1: state.filters1, filters2: state.filters2, kernel: Number(state.kernel) as 3 | 5 }), [state.filters1, state.filters2, state.kernel]);
  const run = useMemo<Omit<RunOptions, 'seed'>>(() => ({ batchSize: Number(state.batch), learningRate: Number(state.lr) }), [state.batch, state.lr]);
  const t = useMnistTrainer(visible, arch, run, state.digit - 1);
  const { job, history, view, inspection, mnist } = t;
  const { training } = job;
  const snap = training.snapshot;

  const controls = (
    <Controls presenting={presenting}>
      <Slider label={s.filters1} value={state.filters1} min={1} max={16} step={1} format={String} onChange={(v) => setState({ filters1: Math.round(v) })} />
      <Slider label={s.filters2} value={state.filters2} min={0} max={32} step={1} format={String} onChange={(v) => setState({ filters2: Math.round(v) })} />
      <Select label={s.kernel} value={state.kernel} options={KERNELS.map((k) => ({ value: k, label: s.kernelNames[k] }))} onChange={(v: (typeof KERNELS)[number]) => setState({ kernel: v })} />
      <Select label={s.learningRate} value={state.lr} options={RATES.map((r) => ({ value: r, label: r }))} onChange={(v: (typeof RATES)[number]) => setState({ lr: v })} />
      <Select label={s.batchSize} value={state.batch} options={BATCHES.map((b) => ({ value: b, label: b }))} onChange={(v: (typeof BATCHES)[number]) => setState({ batch: v })} />
      <NumberField label={s.digit} value={state.digit} min={1} max={2000} integer onChange={(v) => setState({ digit: v })} />
    </Controls>
  );

  const layers = layerShapes(arch);
  const layerText = layers
    .slice(1)
    .map((l) => `${l.label} → ${l.shape.join('×')}`)
    .join(', ');

  let status = null;
  if (t.dataState.status === 'error')
    status = <RetryAlert message={s.loadFailed(t.dataState.message)} onRetry={t.retry} />;
  else if (t.dataState.status === 'waiting') status = <p>{s.waiting}</p>;
  else if (t.dataState.status === 'loading') status = <p>{s.loading}</p>;

  const samplesPerSecond = (snap?.stepsPerSecond ?? 0) * run.batchSize;
  // The figures under the curves are the latest full measurement (early points use fewer digits).
  const last = history.findLast((p) => !p.early);
  const epochs = mnist ? t.samples / mnist.train.count : 0;

  const stats = (
    <dl className="mt-stats" aria-live="off" data-samples={t.samples} data-seconds={t.seconds.toFixed(1)} data-test-accuracy={last ? last.test.toFixed(4) : ''} data-samples-per-second={samplesPerSecond.toFixed(0)} data-steps-per-frame={job.stepsPerTick} data-test-samples={last ? last.samples : ''} data-test-seconds={last ? last.seconds.toFixed(1) : ''}>
      <div>
        <dt>{s.stats.samples}</dt>
        <dd>{count(t.samples)}</dd>
      </div>
      <div>
        <dt>{s.stats.epochs}</dt>
        <dd>{fixed(epochs, 1)}</dd>
      </div>
      <div>
        <dt>{s.stats.speed}</dt>
        <dd>{training.running ? count(Math.round(samplesPerSecond)) : s.none}</dd>
      </div>
      <div>
        <dt>{s.stats.time}</dt>
        <dd>{s.seconds(t.seconds)}</dd>
      </div>
      <div>
        <dt>{s.stats.test}</dt>
        <dd>{last ? s.percent(last.test) : s.none}</dd>
      </div>
      <div>
        <dt>{s.stats.train}</dt>
        <dd>{last ? s.percent(last.train) : s.none}</dd>
      </div>
    </dl>
  );

  // Fixed axes: 0–100%, and an image axis that doubles only when the run passes its end.
  const maxSamples = 8000 * 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, ...history.map((p) => p.samples)) / 8000)));
  const accuracyPlot = (
    <div className="fig-plot figure-pin">
      <Plot
        width={360}
        height={200}
        x={{ domain: [0, maxSamples], label: s.accuracyX }}
        y={{ domain: [0, 1], label: s.accuracyY, format: (v) => `${Math.round(v * 100)}%` }}
        title={s.accuracyTitle}
        description={s.accuracyDescription(history.map((p) => s.accuracyPoint(p.samples, p.test, p.train)).join('; '))}
      >
        <LinePath points={history.map((p) => [p.samples, p.test] as const)} color={seriesColors[0]} />
        <LinePath points={history.map((p) => [p.samples, p.train] as const)} color={seriesColors[1]} dashed />
      </Plot>
      <ul className="plot-legend">
        <li>
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColors[0]} strokeWidth="3" />
          </svg>{' '}
          {s.legendTest}
        </li>
        <li>
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColors[1]} strokeWidth="3" strokeDasharray="6 4" />
          </svg>{' '}
          {s.legendTrain}
        </li>
      </ul>
    </div>
  );

  return (
    <div ref={root} className={presenting ? 'mt fig-presenting' : 'mt figure-first'} data-mnist-trainer="">
      {controls}
      <TrainingBar job={job} presenting={presenting} showSpeed={false} advice={s.advice} />
      <p className="fig-note">{s.architecture(layerText, t.parameters ?? 0)}</p>
      {job.info ? <p className="fig-note" data-trains-in={job.inWorker ? 'worker' : 'page'}>{s.where(backendLabel(job.info), job.inWorker)}</p> : null}
      {status}
      {stats}
      <div className="mt-row figure-pass">
        <LossCurve series={[{ name: s.lossTitle, losses: training.losses, steps: training.lossSteps }]} width={360} height={200} title={s.lossTitle} log />
        {accuracyPlot}
      </div>
      {t.evaluating ? <p className="fig-note">{s.evaluating}</p> : null}
      <Inside view={view} inspection={inspection} mnist={mnist} arch={arch} digit={state.digit - 1} presenting={Boolean(presenting)} />
    </div>
  );
}

interface InsideProps {
  view: TrainerView | null;
  inspection: Inspection | null;
  mnist: data.Mnist | null;
  arch: CnnArchitecture;
  digit: number;
  presenting: boolean;
}

/**
 * What the model has learnt: filters, feature maps, confusion matrix and the 25-digit grid. Memoised,
 * so that the frames of training (new loss points, counters) do not redraw it; it changes only with
 * each new evaluation or a new digit.
 */
const Inside = memo(function Inside({ view, inspection, mnist, arch, digit, presenting }: InsideProps) {
  const gridPixels = useMemo(() => (mnist ? Array.from({ length: 25 }, (_, i) => mnist.test.image(i)) : []), [mnist]);
  const digitPixels = useMemo(() => (mnist ? mnist.test.image(Math.min(digit, mnist.test.count - 1)) : new Float32Array(784)), [mnist, digit]);
  const [detail, setDetail] = useState<DetailTarget | null>(null);
  if (!view || !mnist) return <p className="fig-note">{s.notYet}</p>;
  // A filter or a first-layer map opens the two large, with the convolution worked out.
  const opener = (i: number, tile: ReactNode) =>
    inspection ? (
      <button key={i} type="button" className="mt-open" aria-label={detailStrings.open(i)} onClick={() => setDetail({ filter: i })}>
        {tile}
      </button>
    ) : (
      tile
    );
    const confusion = view.test.confusion;
    const mistakes = confusion
      .flatMap((row, tr) => row.map((n, p) => ({ tr, p, n })))
      .filter((m) => m.tr !== m.p && m.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 3)
      .map((m) => s.confusionMistake(m.tr, m.p, m.n))
      .join(', ');
    const maxOff = Math.max(1, ...confusion.flatMap((row, tr) => row.filter((_, p) => p !== tr)));
    const digitIndex = digit;
    return (
      <>
        <section className="fig-section">
          <h4>{s.filtersTitle}</h4>
          <div className="fig-tiles">
            {view.filters.map((f, i) =>
              opener(i, <DigitImage key={i} values={f} rows={arch.kernel} cols={arch.kernel} scale={(presenting ? 9 : 6) * (5 / arch.kernel)} mode="signed" label={s.filterLabel(i, arch.kernel)} />),
            )}
          </div>
        </section>
        {inspection ? (
          <section className="fig-section">
            <div className="mt-digit">
              <DigitImage values={digitPixels} rows={28} cols={28} scale={presenting ? 4 : 3} label={s.digitLabel(mnist.test.labels[digitIndex], digitIndex)} />
              <p className="fig-note">{s.probabilities(inspection.probabilities.map((p, c) => `${c}: ${percent(p, 0)}`).join(', '))}</p>
            </div>
            {inspection.layers.map((l, li) => (
              <div key={li}>
                <h4>{s.mapsTitle(li + 1, l.side)}</h4>
                <div className="fig-tiles">
                  {l.maps.map((m, i) => {
                    const tile = <DigitImage key={i} values={m} rows={l.side} cols={l.side} scale={(presenting ? 4.5 : 3) * (li === 0 ? 1 : 2)} mode="heat" label={s.mapLabel(li + 1, i)} />;
                    return li === 0 ? opener(i, tile) : tile;
                  })}
                </div>
              </div>
            ))}
            <ConvolutionDetail
              target={detail}
              inspection={inspection}
              image={digitPixels}
              title={(f) => detailStrings.title(f, mnist.test.labels[digitIndex], digitIndex)}
              presenting={presenting}
              onClose={() => setDetail(null)}
            />
          </section>
        ) : null}
        <div className="mt-row">
          <section className="fig-section">
            <h4>{s.confusionTitle}</h4>
            <p className="mt-axis">
              {s.confusionAxes}
            </p>
            <MapGrid
              values={confusion.map((row, tr) => row.map((n, p) => (p === tr ? n : n)))}
              cell={presenting ? 34 : 26}
              color="grey"
              lo={0}
              hi={maxOff}
              numbers
              format={(v) => String(v)}
              outlines={Array.from({ length: 10 }, (_, i) => ({ row: i, col: i, rows: 1, cols: 1, color: 2 }))}
              title={s.confusionTitle}
              description={s.confusionDescription(mistakes)}
            />
          </section>
          <section className="fig-section">
            <h4>{s.gridTitle}</h4>
            <ol className="mt-grid">
              {Array.from({ length: 25 }, (_, i) => {
                const label = mnist.test.labels[i];
                const pred = view.test.predictions[i];
                const wrong = pred !== label;
                return (
                  <li key={i} className={wrong ? 'mt-wrong' : undefined}>
                    <DigitImage values={gridPixels[i]} rows={28} cols={28} scale={presenting ? 2.4 : 1.8} label={s.gridItem(label, pred)} />
                    <span aria-hidden="true">
                      {pred}
                      {wrong ? ` ${s.wrongMark}` : ''}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      </>
    );
});
