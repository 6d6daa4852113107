// An Elman RNN unrolled over a short sequence: one coloured strip per hidden state, the recurrence
// of the chosen step written out with its numbers, and the one recurrent matrix every step reuses.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Slider, TextField } from '../../book/controls.tsx';
import { integer, text, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEffect, useRef } from 'react';
import { divergingColor, useEngine } from '../kit/index.ts';
import { MAX_INPUT, MAX_STEPS, type UnrolledStep } from './unrolled.ts';
import { unrolledStrings as s } from './strings.ts';
import { useUnrolledRnn } from './useUnrolledRnn.ts';
import { fixed } from '../kit/format.ts';
import './unrolledRnn.css';

const MAX_SEED = 999;

export const unrolledRnnSchema = {
  sequence: text({ maxLength: MAX_INPUT, default: 'hello', label: () => s.linkLabels.sequence }),
  step: integer({ min: 1, max: MAX_STEPS, default: 5, label: () => s.linkLabels.step }),
  seed: integer({ min: 1, max: MAX_SEED, default: 3, label: () => s.linkLabels.seed }),
};

export type UnrolledRnnProps = Partial<StateOf<typeof unrolledRnnSchema>>;

const num = (v: number) => fixed(v, 2);
const vec = (v: readonly number[]) => `[${v.map(num).join(', ')}]`;

function Strip({ values, label }: { values: readonly number[]; label: string }) {
  return (
    <div className="ur-strip" role="img" aria-label={label}>
      {values.map((v, i) => (
        <span key={i} className="ur-cell">
          <span className="ur-swatch" style={{ background: divergingColor(v) }} aria-hidden="true" />
          {num(v)}
        </span>
      ))}
    </div>
  );
}

function Equation({ t, step, inputKind }: { t: number; step: UnrolledStep; inputKind: 'chars' | 'numbers' }) {
  const { x, W, xh, h, hh, z, b, tanh } = s.symbols;
  return (
    <div className="ur-equation">
      <h4>{s.equationHeading(t)}</h4>
      <p>
        <var>{x}</var>
        <sub>{t}</sub> = {inputKind === 'chars' ? s.oneHot(s.symbolName(step.symbol), vec(step.x)) : vec(step.x)}
      </p>
      <p>
        <var>{x}</var>
        <sub>{t}</sub>·<var>{W}</var>
        <sub>{xh}</sub> = {vec(step.fromInput)}
      </p>
      <p>
        <var>{h}</var>
        <sub>{t - 1}</sub>·<var>{W}</var>
        <sub>{hh}</sub> = {vec(step.hPrev)}·<var>{W}</var>
        <sub>{hh}</sub> = {vec(step.fromHidden)}
      </p>
      <p>
        <var>{z}</var>
        <sub>{t}</sub> = {vec(step.fromInput)} + {vec(step.fromHidden)} + <var>{b}</var> {vec(step.bias)} = {vec(step.z)}
      </p>
      <p>
        <var>{h}</var>
        <sub>{t}</sub> = {tanh}(<var>{z}</var>
        <sub>{t}</sub>){' = '}
        <strong>{vec(step.h)}</strong>
      </p>
    </div>
  );
}

export default function UnrolledRnn({ presenting, ...initial }: UnrolledRnnProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(unrolledRnnSchema, initial);
  const engine = useEngine();
  const { parsed, unrolled, error } = useUnrolledRnn(engine.ready, state.sequence, state.seed);
  const length = parsed.ok ? parsed.symbols.length : 0;
  const current = Math.min(state.step, Math.max(1, length));
  // On a phone the steps are one row that scrolls sideways (unrolledRnn.css): the current step is
  // kept in its view as the slider moves it.
  const time = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const row = time.current;
    const step = row?.querySelector('.ur-current');
    if (!row || !step) return;
    const r = row.getBoundingClientRect();
    const c = step.getBoundingClientRect();
    if (c.left < r.left) row.scrollLeft -= r.left - c.left;
    else if (c.right > r.right) row.scrollLeft += c.right - r.right;
  }, [current, length, unrolled]);

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!parsed.ok) body = <p role="status">{parsed.reason === 'empty' ? s.empty : s.badNumber}</p>;
  else if (error) body = <p role="alert">{s.failed(error)}</p>;
  else if (!unrolled) body = <p>{s.starting}</p>;
  else {
    const step = unrolled.steps[current - 1];
    body = (
      <>
        <p className="ur-note">
          {parsed.kind === 'chars' ? s.inputKindChars(parsed.vocab.length) : s.inputKindNumbers} {parsed.truncated ? s.truncated : ''}
        </p>
        <ol ref={time} className="ur-time figure-pin" aria-label={s.stripsLabel}>
          {unrolled.steps.map((st, i) => {
            const t = i + 1;
            const shown = t <= current;
            const name = s.symbolName(st.symbol);
            return (
              <li key={i} className={t === current ? 'ur-step ur-current' : shown ? 'ur-step' : 'ur-step ur-future'}>
                <button type="button" className="ur-symbol" aria-label={s.stripCaption(t, name)} aria-pressed={t === current} onClick={() => setState({ step: t })}>
                  {name.length > 2 ? name.slice(0, 1) : name}
                </button>
                {shown ? <Strip values={st.h} label={s.stateValues(t, name, vec(st.h))} /> : <div className="ur-strip ur-empty">{s.notYet}</div>}
                <span className="ur-t" aria-hidden="true">
                  {s.timeMark(t)}
                </span>
              </li>
            );
          })}
        </ol>
        <p className="ur-note">{s.legend}</p>
        <div className="ur-detail">
          <Equation t={current} step={step} inputKind={parsed.kind} />
          <div>
            <table className="ur-matrix">
              <caption>{s.matrixCaption}</caption>
              <thead>
                <tr>
                  <td />
                  {unrolled.recurrent[0].map((_, j) => (
                    <th key={j} scope="col" aria-label={s.columnHeader(j + 1)}>
                      {j + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {unrolled.recurrent.map((row, i) => (
                  <tr key={i}>
                    <th scope="row" aria-label={s.rowHeader(i + 1)}>
                      {i + 1}
                    </th>
                    {row.map((v, j) => (
                      <td key={j}>
                        <span className="ur-swatch" style={{ background: divergingColor(v) }} aria-hidden="true" />
                        {num(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="ur-note">{s.sameWeights}</p>
          </div>
        </div>
      </>
    );
  }

  return (
    <div className={presenting ? 'ur ur-presenting' : 'ur figure-first'}>
      <Controls presenting={presenting}>
        <TextField label={s.sequence} value={state.sequence} maxLength={MAX_INPUT} onChange={(v) => setState({ sequence: v })} />
        <Slider label={s.step} value={current} min={1} max={Math.max(1, length)} step={1} format={(v) => s.stepOf(v, Math.max(1, length))} onChange={(v) => setState({ step: Math.round(v) })} />
        <NumberField label={s.seed} value={state.seed} min={1} max={MAX_SEED} integer onChange={(v) => setState({ seed: v })} />
      </Controls>
      <p className="ur-note fig-note">{s.sequenceHint}</p>
      <div className="ur-buttons fig-side">
        <button type="button" onClick={() => setState({ step: Math.max(1, current - 1) })} disabled={current <= 1}>
          {s.previous}
        </button>
        <button type="button" onClick={() => setState({ step: Math.min(length, current + 1) })} disabled={current >= length}>
          {s.next}
        </button>
      </div>
      {body}
    </div>
  );
}
