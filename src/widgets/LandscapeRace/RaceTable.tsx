// The race in numbers: each racer's steps (and why it stopped, if it has), its distance above the
// minimum and to the nearest minimum, and the step it first came within the race's target. Open
// on a wide screen; folded on a phone, where the picture and its text alternative already say it.
import { useState } from 'react';
import { FigureTable } from '../kit/index.ts';
import { NO_NUMBER, scientific } from '../kit/format.ts';
import { lossText } from '../kit/training/strings.ts';
import { distanceText, type RacerSummary } from './describe.ts';
import { TARGET } from './race.ts';
import { raceStrings as s } from './strings.ts';

/** Whether the page is wide enough to show the table unfolded (the controls' own breakpoint). */
function wideScreen(): boolean {
  return typeof matchMedia !== 'function' || !matchMedia('(max-width: 32rem)').matches;
}

export function RaceTable({ racers, known }: { racers: readonly RacerSummary[]; known: boolean }) {
  // Read once: after that the reader decides, and React leaves `open` alone.
  const [open] = useState(wideScreen);
  const columns = [s.columns.racer, s.columns.steps, known ? s.columns.gap : s.columns.f, s.columns.distance, s.columns.reached(scientific(TARGET, 0, { bareOne: true }))];
  return (
    <details className="lr-table" open={open}>
      <summary>{s.tableSummary}</summary>
      <FigureTable caption={s.tableCaption} columns={columns}>
        {racers.map((r) => (
          <tr key={r.kind}>
            <th scope="row">{r.name}</th>
            <td>
              {r.steps}
              {r.stopped ? <span className="lr-status"> {s.stoppedShort[r.stopped]}</span> : null}
            </td>
            <td>{r.loss === null ? NO_NUMBER : lossText(r.loss)}</td>
            <td>{distanceText(r.distance)}</td>
            <td>{!known ? NO_NUMBER : r.reached === null ? s.notYet : s.atStep(r.reached)}</td>
          </tr>
        ))}
      </FigureTable>
    </details>
  );
}
