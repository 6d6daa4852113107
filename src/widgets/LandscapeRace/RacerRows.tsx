// One row per racer, which is also the figure's legend: a checkbox to race it (with its line and
// marker as the map draws them), and its learning rate on a log-scale slider with the value beside
// it. Native inputs with their labels, so the keyboard and screen readers work as usual.
import { useId } from 'react';
import { shortNumber } from '../kit/format.ts';
import { round2 } from './landscapes.ts';
import { RACERS, type RacerKind } from './racers.ts';
import { markerPath, RACER_STYLES } from './racerStyle.ts';
import { RATE_RANGE } from './schema.ts';
import { raceStrings as s } from './strings.ts';

const LOG_RANGE = [Math.log10(RATE_RANGE[0]), Math.log10(RATE_RANGE[1])] as const;

/** A racer's line and marker, as the map draws them. */
function RacerSwatch({ kind }: { kind: RacerKind }) {
  const style = RACER_STYLES[kind];
  return (
    <svg className="lr-swatch" width="34" height="14" viewBox="0 0 34 14" aria-hidden="true">
      <line x1="1" x2="33" y1="7" y2="7" stroke={style.color} strokeWidth="2.5" strokeDasharray={style.dash} />
      <path d={markerPath(kind, 50)} transform="translate(17 7)" fill={style.color} stroke="var(--bg, #fff)" strokeWidth="1" />
    </svg>
  );
}

function RacerRow({ kind, on, rate, onToggle, onRate }: { kind: RacerKind; on: boolean; rate: number; onToggle: (on: boolean) => void; onRate: (rate: number) => void }) {
  const id = useId();
  const name = s.racerNames[kind];
  const shown = shortNumber(rate);
  return (
    <div className={on ? 'lr-racer' : 'lr-racer lr-racer-off'}>
      <label className="lr-racer-name">
        <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} /> <RacerSwatch kind={kind} /> {name}
      </label>
      <input
        id={id}
        type="range"
        aria-label={s.rateLabel(name)}
        aria-valuetext={shown}
        min={LOG_RANGE[0]}
        max={LOG_RANGE[1]}
        step={0.05}
        value={Math.log10(rate)}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onRate(round2(10 ** v));
        }}
      />
      <output htmlFor={id} className="lr-rate">
        {shown}
      </output>
    </div>
  );
}

export function RacerRows({
  racers,
  rates,
  onToggle,
  onRate,
}: {
  racers: readonly RacerKind[];
  rates: Record<RacerKind, number>;
  onToggle: (kind: RacerKind, on: boolean) => void;
  onRate: (kind: RacerKind, rate: number) => void;
}) {
  return (
    <fieldset className="lr-racers">
      <legend>{s.racersLegend}</legend>
      <div className="lr-racer-grid">
        {RACERS.map((kind) => (
          <RacerRow key={kind} kind={kind} on={racers.includes(kind)} rate={rates[kind]} onToggle={(on) => onToggle(kind, on)} onRate={(r) => onRate(kind, r)} />
        ))}
      </div>
      <p className="lr-hint lr-racers-foot">{s.restarts}</p>
    </fieldset>
  );
}
