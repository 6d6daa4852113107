// Four optimisers race: one perceptron on MNIST, four copies from the same starting weights on the
// same batches, trained in the worker by SGD, momentum, RMSprop and Adam, each at its own rate
// under one schedule. The smoothed training loss and the test accuracy of all four as they go, and
// a table of where each stands; a racer that diverges stops and says so while the others go on.
import { useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, LogSlider, NumberField, Select } from '../../book/controls.tsx';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { RUN_SCHEDULES, type RunSchedule } from '../../models/training/runSchedule.ts';
import { FigureTable, LiveHint, RetryAlert, TrainingBar, useOnScreen } from '../kit/index.ts';
import { fixed, percent, shortNumber, significant } from '../kit/format.ts';
import { stopText } from '../kit/training/strings.ts';
import { AccuracyPlot, LossPlot, RacerMark, SchedulePlot } from './RaceCharts.tsx';
import { BATCH, DEFAULT_RATES, HIDDEN_CHOICES, MAX_SAMPLES, RACERS, RATE_MAX, RATE_MIN, type Racer } from './race.ts';
import { raceStrings as s } from './strings.ts';
import { useOptimiserRace } from './useOptimiserRace.ts';
import '../kit/figure.css';
import './optimiserRace.css';

const rate = (kind: Racer) => number({ min: RATE_MIN, max: RATE_MAX, default: DEFAULT_RATES[kind], label: () => s.linkLabels[kind] });

export const optimiserRaceSchema = {
  sgd: rate('sgd'),
  momentum: rate('momentum'),
  rmsprop: rate('rmsprop'),
  adam: rate('adam'),
  schedule: choice(RUN_SCHEDULES, 'constant', () => s.linkLabels.schedule),
  // Set by the chapter or a link only: the race is about the optimisers, not the network's size.
  hidden: choice(HIDDEN_CHOICES, '64', () => s.linkLabels.hidden),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type OptimiserRaceProps = Partial<StateOf<typeof optimiserRaceSchema>>;


export default function OptimiserRace({ presenting = false, ...initial }: OptimiserRaceProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(optimiserRaceSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const visible = useOnScreen(root);
  const race = useOptimiserRace(visible, state, state.schedule, Number(state.hidden), state.seed);
  const { digits, job, results, samples } = race;
  const stopped = results.filter((r) => r.stop);
  const allStopped = results.every((r) => r.divergedBy !== null);
  const toDefaults = () => setState({ ...DEFAULT_RATES });

  let status = null;
  if (digits.status === 'waiting') status = <p className="fig-note">{s.waiting}</p>;
  else if (digits.status === 'loading') status = <p className="fig-note">{s.loading}</p>;
  else if (digits.status === 'failed') status = <RetryAlert message={s.loadFailed(digits.message)} onRetry={digits.retry} />;

  return (
    <div ref={root} className={presenting ? 'or fig-presenting' : 'or'}>
      <div className={presenting ? 'or-side fig-column' : 'or-side'}>
        <Controls presenting={presenting}>
          {RACERS.map((kind) => (
            <LogSlider
              key={kind}
              label={s.rateLabel(s.names[kind])}
              value={state[kind]}
              min={RATE_MIN}
              max={RATE_MAX}
              format={shortNumber}
              onChange={(v) => setState({ [kind]: v } as Partial<typeof state>)}
            />
          ))}
          <Select label={s.schedule} value={state.schedule} options={RUN_SCHEDULES.map((k) => ({ value: k, label: s.schedules[k] }))} onChange={(k: RunSchedule) => setState({ schedule: k })} />
          <div className="or-schedule">
            <SchedulePlot schedule={state.schedule} samples={samples} presenting={presenting} />
          </div>
          <NumberField label={s.seed} value={state.seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
          <LiveHint applies="restart" />
        </Controls>
        {status}
        <TrainingBar job={job} presenting={presenting} showLoss={false} examplesPerStep={BATCH} detail={s.progress(samples, MAX_SAMPLES)} advice={s.allDiverged} recovery={{ label: s.defaults, onClick: toDefaults }} />
        <FigureTable caption={s.tableCaption} columns={s.columns}>
          {results.map((r, k) => (
            <tr key={r.kind}>
              <th scope="row">
                <RacerMark k={k} size={22} /> {s.names[r.kind]}
                <span className="or-rule">{s.rules[r.kind]}</span>
              </th>
              <td>{shortNumber(state[r.kind])}</td>
              {r.divergedBy !== null ? (
                <td colSpan={2}>{r.stop ? s.diverged(r.stop.step) : s.divergedBy(r.divergedBy)}</td>
              ) : (
                <>
                  <td>{r.lastLoss === null ? s.none : significant(r.lastLoss, 3)}</td>
                  <td>{r.lastAccuracy === null ? s.none : percent(r.lastAccuracy, 1)}</td>
                </>
              )}
              <td>{r.msPerStep === null ? s.none : fixed(r.msPerStep, 1)}</td>
            </tr>
          ))}
        </FigureTable>
        {stopped.length > 0 && !allStopped ? (
          <div className="or-diverged" role="status">
            {stopped.map((r) => (
              <p key={r.kind}>{s.divergedNote(s.names[r.kind], stopText(r.stop, null))}</p>
            ))}
            <button type="button" onClick={toDefaults}>
              {s.defaults}
            </button>
          </div>
        ) : null}
      </div>
      <div className="or-plots">
        <div className="fig-plot">
          <LossPlot results={results} presenting={presenting} />
        </div>
        <div className="fig-plot">
          <AccuracyPlot results={results} presenting={presenting} />
        </div>
      </div>
    </div>
  );
}
