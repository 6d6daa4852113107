// The first steps in numbers: t, g, m, v, m̂, v̂ and the step, one row a step, the chosen step
// highlighted (added after the first ten when it is later). Scrolls sideways inside the figure on
// a phone, never past the page's edge.
import { FigureTable } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { TABLE_ROWS, type AdamRun } from './adamSteps.ts';
import { adamStrings as s } from './strings.ts';

function Row({ run, t, current, corrected }: { run: AdamRun; t: number; current: boolean; corrected: boolean }) {
  const i = t - 1;
  const step = corrected ? run.stepCorrected[i] : run.stepUncorrected[i];
  const unused = corrected ? undefined : 'ai-unused';
  return (
    <tr className={current ? 'ai-current' : undefined} aria-current={current ? 'step' : undefined}>
      <th scope="row">{t}</th>
      <td>{shortNumber(run.g[i])}</td>
      <td>{shortNumber(run.m[i])}</td>
      <td>{shortNumber(run.v[i])}</td>
      <td className={unused}>{shortNumber(run.mHat[i])}</td>
      <td className={unused}>{shortNumber(run.vHat[i])}</td>
      <td>{shortNumber(step)}</td>
    </tr>
  );
}

export function AdamTable({ run, t, corrected }: { run: AdamRun; t: number; corrected: boolean }) {
  const c = s.columns;
  const first = Array.from({ length: Math.min(TABLE_ROWS, run.g.length) }, (_, i) => i + 1);
  return (
    <FigureTable caption={s.tableCaption(first.length, corrected)} columns={[c.t, c.g, c.m, c.v, c.mHat, c.vHat, corrected ? c.step : c.stepUncorrected]} className="fig-table ai-table">
      {first.map((k) => (
        <Row key={k} run={run} t={k} current={k === t} corrected={corrected} />
      ))}
      {t > first.length ? (
        <>
          {t > first.length + 1 ? (
            <tr aria-hidden="true">
              <td colSpan={7} className="ai-skip">
                {s.skipped}
              </td>
            </tr>
          ) : null}
          <Row run={run} t={t} current corrected={corrected} />
        </>
      ) : null}
    </FigureTable>
  );
}
