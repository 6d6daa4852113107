// Random labels (Zhang et al. 2017): the same network, trained the same way on the same MNIST
// digits, once with their true labels and once with a share of them redrawn at random. Both learn
// their training labels by heart (the random ones more slowly); only the true labels carry over to
// digits the networks have not seen. The reader sets the share redrawn, the training set, the
// width, the rate and the seed; the first training digits show the labels the second network gets.
import { useMemo, useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, LogSlider, NumberField, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { BATCH_SIZE, TEST_DIGITS, type RandomLabelsConfig, type RandomLabelsView } from '../../models/generalisation/randomLabels/randomLabelsJob.ts';
import { LiveHint, RetryAlert, TrainingBar, useOnScreen } from '../kit/index.ts';
import { DigitImage } from '../kit/DigitImage.tsx';
import { shortNumber } from '../kit/format.ts';
import { AccuracyPlot, Legend, NetMark } from './AccuracyCharts.tsx';
import { randomLabelsStrings as s } from './strings.ts';
import { useRandomLabels } from './useRandomLabels.ts';
import '../kit/figure.css';
import './randomLabels.css';

const IMAGES = ['250', '500', '1000', '2000'] as const;
const HIDDEN = ['64', '128', '256', '512'] as const;
export const RATE_MIN = 1e-4;
export const RATE_MAX = 1e-2;
const MAX_IMAGES = Number(IMAGES[IMAGES.length - 1]);

export const randomLabelsSchema = {
  fraction: integer({ min: 0, max: 100, default: 100, label: () => s.linkLabels.fraction }),
  images: choice(IMAGES, '1000', () => s.linkLabels.images),
  hidden: choice(HIDDEN, '256', () => s.linkLabels.hidden),
  learningRate: number({ min: RATE_MIN, max: RATE_MAX, default: 0.001, label: () => s.linkLabels.learningRate }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type RandomLabelsProps = Partial<StateOf<typeof randomLabelsSchema>>;


export default function RandomLabels({ presenting = false, ...initial }: RandomLabelsProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(randomLabelsSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(root);
  const config = useMemo<RandomLabelsConfig>(
    () => ({ images: Number(state.images), hidden: Number(state.hidden), fraction: state.fraction / 100, learningRate: state.learningRate }),
    [state.images, state.hidden, state.fraction, state.learningRate],
  );
  const { book, job, strip, view } = useRandomLabels(visible, config, state.seed, MAX_IMAGES);
  const history = view?.history ?? [];
  const step = job.training.snapshot?.step ?? 0;
  const epoch = Math.floor(step / Math.ceil(config.images / BATCH_SIZE));

  let status = null;
  if (book.status === 'waiting') status = <p className="fig-note">{s.waiting}</p>;
  else if (book.status === 'loading') status = <p className="fig-note">{s.loading}</p>;
  else if (book.status === 'failed') status = <RetryAlert message={s.loadFailed(book.message)} onRetry={book.retry} />;

  return (
    <div ref={root} className={presenting ? 'rlab fig-presenting' : 'rlab'}>
      {status}
      <TrainingBar job={job} presenting={presenting} showLoss={false} detail={step > 0 ? s.epochDetail(epoch) : null} advice={s.divergedAdvice} />
      <div className="rlab-plots">
        <figure className="fig-plot rlab-figure">
          <AccuracyPlot history={history} which="train" presenting={presenting} />
        </figure>
        <figure className="fig-plot rlab-figure">
          <AccuracyPlot history={history} which="test" presenting={presenting} />
        </figure>
      </div>
      <Legend />
      <div className="rlab-side">
        <div className="rlab-status">
          <Summary view={view} />
          <section className="rlab-strip">
            <h4>{s.stripTitle}</h4>
            <ol>
              {strip.map((d, i) => (
                <li key={i} className={d.given === d.truth ? undefined : 'rlab-wrong'}>
                  <DigitImage values={d.pixels} rows={28} cols={28} scale={presenting ? 2 : 1} label={s.stripItem(d.truth, d.given)} />
                  <span aria-hidden="true">
                    {d.given}
                    {d.given === d.truth ? '' : s.wrongMark}
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <p className="fig-note rlab-note">{s.testNote(TEST_DIGITS)}</p>
        </div>
        <Controls presenting={presenting}>
          <Slider label={s.fraction} value={state.fraction} min={0} max={100} step={5} format={(v) => s.fractionValue(Math.round(v))} onChange={(v) => setState({ fraction: Math.round(v) })} />
          <Select label={s.images} value={state.images} options={IMAGES.map((n) => ({ value: n, label: n }))} onChange={(n: (typeof IMAGES)[number]) => setState({ images: n })} />
          <Select label={s.hidden} value={state.hidden} options={HIDDEN.map((n) => ({ value: n, label: n }))} onChange={(n: (typeof HIDDEN)[number]) => setState({ hidden: n })} />
          <LogSlider
            label={s.learningRate}
            value={state.learningRate}
            min={RATE_MIN}
            max={RATE_MAX}
            format={shortNumber}
            onChange={(v) => setState({ learningRate: v })}
          />
          <NumberField label={s.seed} value={state.seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
          <LiveHint applies="restart" />
        </Controls>
      </div>
    </div>
  );
}

/** Each network's latest accuracies and the epoch it first had 95 % of its training labels right. */
function Summary({ view }: { view: RandomLabelsView | null }) {
  const last = view?.history.at(-1);
  const names = [s.names.true, s.names.random];
  return (
    <ul className="rlab-summary">
      {names.map((name, k) => {
        const reached = view?.memorisedAt[k] ?? null;
        const parts = last && last.epoch > 0 ? [s.accuracies(last.train[k], last.test[k]), reached === null ? s.notYet : s.memorisedAt(reached)] : [s.notMeasured];
        return (
          <li key={name}>
            <NetMark k={k} /> <strong>{name}</strong>
            {k === 1 && view ? ` (${s.wrongLabels(view.wrong, view.images)})` : ''}: {parts.join('; ')}.
          </li>
        );
      })}
    </ul>
  );
}
