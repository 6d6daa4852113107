// Six optimisers racing on a two-parameter loss landscape: each racer is the engine's own optimiser
// (SGD, heavy-ball momentum, Nesterov, RMSprop, Adam, AdamW) on (x, y), all from one start the
// reader drags. The contour map shows every path and the step each racer takes next; the loss
// curves show how fast each one approaches the minimum; the table gives the numbers.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider, TextField } from '../../book/controls.tsx';
import { DraggablePoint, Plot, TrainingBar } from '../kit/index.ts';
import { scientific, shortNumber } from '../kit/format.ts';
import { MAX_LENGTH } from '../kit/expression/parse.ts';
import { lossDescription, mapDescription, pointText, summarise } from './describe.ts';
import { CONDITION_RANGE, LANDSCAPES } from './landscapes.ts';
import { arrivalThreshold } from './race.ts';
import { RaceLosses } from './RaceLosses.tsx';
import { RaceTable } from './RaceTable.tsx';
import { LandscapeMarks, Racers, Surface } from './RaceMap.tsx';
import { RacerRows } from './RacerRows.tsx';
import { RACERS, type RacerKind } from './racers.ts';
import { RATE_KEYS } from './schema.ts';
import { raceStrings as s } from './strings.ts';
import { useLandscapeRace } from './useLandscapeRace.ts';
import './landscapeRace.css';

export { landscapeRaceSchema, type LandscapeRaceProps } from './schema.ts';
import type { LandscapeRaceProps } from './schema.ts';

/**
 * A dragged start snaps to multiples of this (a few pixels apart), so that a link stays short and a
 * line such as the saddle's ridge x = 0 can be hit exactly; the arrow keys move by it too.
 */
const START_SNAP = 0.05;
const snap = (v: number) => Number((Math.round(v / START_SNAP) * START_SNAP).toFixed(2));

export default function LandscapeRace({ presenting, ...props }: LandscapeRaceProps & WidgetRenderProps) {
  const race = useLandscapeRace(props);
  const { state, landscape, start, surface, job, racers, view } = race;
  const known = landscape !== null && landscape.fMin !== null;
  const summaries = view && landscape ? summarise(view, landscape) : [];
  const running = view?.racers.filter((r) => r.status === 'running').length ?? 0;
  const rates = Object.fromEntries(RACERS.map((k) => [k, state[RATE_KEYS[k]]])) as Record<RacerKind, number>;
  const mapSize = presenting ? 460 : 360;
  const diverged = view?.racers.filter((r) => r.status === 'diverged') ?? [];
  const notFinite = view?.racers.filter((r) => r.status === 'notFinite') ?? [];

  return (
    <div className={presenting ? 'lr lr-presenting' : 'lr'}>
      <div className={presenting ? 'lr-side fig-column' : 'lr-side'}>
        <Controls presenting={presenting}>
          <Select label={s.landscape} value={state.landscape} options={LANDSCAPES.map((l) => ({ value: l, label: s.landscapeNames[l] }))} onChange={race.setLandscape} />
          {state.landscape === 'valley' ? (
            <Slider label={s.condition} value={state.condition} min={CONDITION_RANGE[0]} max={CONDITION_RANGE[1]} step={1} format={(v) => String(Math.round(v))} onChange={(v) => race.setCondition(Math.round(v))} />
          ) : null}
          {state.landscape === 'typed' ? <TextField label={s.expression} value={state.expression} maxLength={MAX_LENGTH} onChange={(v) => race.setState({ expression: v })} /> : null}
        </Controls>
        <p className="lr-formula">
          {s.formulas[state.landscape]}
          {state.landscape === 'valley' ? <span className="lr-hint"> {s.conditionHint}</span> : null}
          {state.landscape === 'typed' ? <span className="lr-hint"> {s.expressionHelp}</span> : null}
        </p>
        {race.problem ? (
          <p className="lr-alert" role="alert">
            <strong>{s.invalid}</strong> {race.problem.message}
          </p>
        ) : null}

        <RacerRows
          racers={racers}
          rates={rates}
          onToggle={race.setRacer}
          onRate={(kind, r) => race.setState({ [RATE_KEYS[kind]]: r })}
        />
        {racers.length === 0 ? (
          <p className="lr-alert" role="alert">
            {s.noRacers}
          </p>
        ) : null}

        <TrainingBar job={job} presenting={presenting} showLoss={false} detail={view ? s.detail(running, view.racers.length) : null}>
          <button type="button" onClick={race.applySuggested} title={s.suggestedHint}>
            {s.suggested}
          </button>
        </TrainingBar>
        <div className="lr-notes" aria-live="polite">
          {diverged.length ? <p>{s.divergedNote(s.and(diverged.map((r) => s.divergedAt(s.racerNames[r.kind], r.trail.length))), diverged.length)}</p> : null}
          {notFinite.length ? <p>{s.notFiniteNote(s.and(notFinite.map((r) => s.notFiniteAt(s.racerNames[r.kind], r.trail.length - 1, pointText(r.trail[r.trail.length - 1])))))}</p> : null}
          {view && view.racers.length > 0 && running === 0 ? <p>{s.raceOver}</p> : null}
        </div>
      </div>

      <div className="lr-main">
        <div className="lr-plots">
          <figure className="lr-map" style={presenting ? undefined : { maxWidth: mapSize }}>
            {landscape && start ? (
              <Plot
                width={mapSize}
                height={mapSize}
                x={{ domain: landscape.extent.x, label: s.x }}
                y={{ domain: landscape.extent.y, label: s.y }}
                title={s.mapTitle(s.landscapeNames[landscape.name])}
                description={mapDescription(landscape, start, summaries)}
                grid={false}
                interactive
                margin={{ left: 40, bottom: 36 }}
              >
                {surface ? <Surface values={surface.values} levels={surface.levels} /> : null}
                <LandscapeMarks minima={landscape.minima} saddles={landscape.saddles} size={presenting ? 7 : 5} />
                <Racers racers={view?.racers ?? []} markerSize={presenting ? 110 : 70} />
                <DraggablePoint
                  x={start[0]}
                  y={start[1]}
                  label={s.startLabel}
                  color="var(--bg, #fff)"
                  radius={presenting ? 9 : 7}
                  step={START_SNAP}
                  onMove={(x, y) => race.setState({ startX: snap(x), startY: snap(y) })}
                />
              </Plot>
            ) : null}
            <figcaption className="lr-hint">{s.key}</figcaption>
          </figure>
          <figure className="lr-losses" style={presenting ? undefined : { maxWidth: mapSize }}>
            <RaceLosses view={view} known={known} width={mapSize} height={Math.round(mapSize * 0.65)} description={lossDescription(view)} />
            <figcaption className="lr-hint">{known && landscape ? s.arrivedNote(shortNumber(landscape.fMin!), scientific(arrivalThreshold(landscape.fMin!), 0, { bareOne: true })) : s.typedNote}</figcaption>
          </figure>
        </div>

        {summaries.length ? <RaceTable racers={summaries} known={known} /> : null}
      </div>
    </div>
  );
}
