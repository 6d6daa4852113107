// Inside a trained character LSTM: it reads a text one character at a time; for the chosen
// character the cell diagram shows the unit's gates and states, and the whole text is coloured by
// the chosen unit's value (what does this unit track?), with the values also listed as text.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select, Slider, TextField } from '../../book/controls.tsx';
import { useRef } from 'react';
import { divergingColor, useOnScreen } from '../kit/index.ts';
import { CellDiagram } from './CellDiagram.tsx';
import { cellScaleOf, colourPosition, liveliestUnits, MAX_READ, QUANTITIES, unitValue } from './inside.ts';
import { insideStrings as s } from './strings.ts';
import { MODEL_SOURCES, useLstmInside, type LstmInsideProps } from './useLstmInside.ts';
import { fixed } from '../kit/format.ts';
import './lstmInside.css';

export type { LstmInsideProps };

const fmt = (v: number | null) => fixed(v ?? Number.NaN, 2, { signedZero: true });
const TEXT_SCALE = 0.85;

export default function LstmInside({ presenting, ...props }: LstmInsideProps & WidgetRenderProps) {
  const root = useRef<HTMLDivElement>(null);
  const { engine, state, setState, shipped, latest, weights, read, refresh } = useLstmInside(props, useOnScreen(root));
  const hidden = read?.hidden ?? weights?.model.hidden ?? 1;
  const unit = Math.min(state.unit, hidden) - 1; // 0-based
  const traces = read?.traces ?? [];
  const length = traces.length;
  const position = Math.min(state.position, Math.max(1, length)) - 1;
  const q = state.quantity;
  const cellScale = traces.length ? cellScaleOf(traces, unit) : 1;

  let info: string | null = null;
  if (weights?.kind === 'shipped') info = s.shippedInfo(weights.model.hidden, weights.model.steps, fixed(weights.model.trainLoss, 2), fixed(weights.model.heldOutLoss, 2));
  else if (weights?.kind === 'yours') info = s.yoursInfo(weights.model.hidden, weights.model.step, weights.model.loss === null ? null : fixed(weights.model.loss, 2));

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (shipped && 'error' in shipped && weights === null) body = <p role="alert">{s.loadFailed(shipped.error)}</p>;
  else if (!weights) body = <p>{s.loading}</p>;
  else if (!read) body = <p>{s.starting}</p>;
  else if (read.error !== null) body = <p role="alert">{s.failed(read.error)}</p>;
  else if (length === 0) body = <p role="status">{s.empty}</p>;
  else {
    const t = traces[position];
    const unknown = traces.filter((x) => !x.known).length;
    const qName = s.quantityNames[q];
    const lively = liveliestUnits(traces);
    const values = t.known
      ? { i: t.input[unit], f: t.forget[unit], g: t.candidate[unit], o: t.output[unit], cBefore: t.cellBefore[unit], c: t.cell[unit], h: t.hidden[unit] }
      : null;
    const charName = s.charName(t.char);
    body = (
      <>
        <div className="li-lively fig-side">
          <span>{s.lively}</span>{' '}
          {lively.map((u) => (
            <button key={u} type="button" aria-pressed={u === unit} onClick={() => setState({ unit: u + 1 })}>
              {s.pickUnit(u + 1)}
            </button>
          ))}
        </div>
        <p className="li-note">
          {s.legend} {unknown ? s.unknownNote(unknown) : ''}
        </p>
        <div className="li-pin figure-pin">
          <div className="li-text" role="img" aria-label={s.textLabel(unit + 1, qName)}>
            {traces.map((x, k) => {
              const v = unitValue(x, unit, q);
              const bg = v === null ? undefined : divergingColor(TEXT_SCALE * Math.max(-1, Math.min(1, colourPosition(v, q, cellScale))));
              const cls = ['li-char', k === position ? 'li-selected' : '', x.known ? '' : 'li-unknown', x.char === '\n' ? 'li-newline' : ''].filter(Boolean).join(' ');
              return (
                <span key={k} className={cls} style={bg ? { background: bg } : undefined} title={`${s.charName(x.char)}: ${fmt(v)}`} onClick={() => setState({ position: k + 1 })} aria-hidden="true">
                  {x.char === ' ' ? '\u00a0' : x.char === '\n' ? '↵' : x.char}
                </span>
              );
            })}
          </div>
          {values ? (
            <CellDiagram
              v={values}
              cellScale={cellScale}
              title={s.diagramTitle(unit + 1, charName)}
              description={s.diagramDescription({
                unit: unit + 1,
                char: charName,
                i: fmt(values.i),
                f: fmt(values.f),
                g: fmt(values.g),
                o: fmt(values.o),
                cBefore: fmt(values.cBefore),
                c: fmt(values.c),
                h: fmt(values.h),
              })}
            />
          ) : null}
        </div>
        {values ? (
          <p className="li-equation">
            {s.equation({ f: fmt(values.f), cBefore: fmt(values.cBefore), i: fmt(values.i), g: fmt(values.g), c: fmt(values.c), o: fmt(values.o), h: fmt(values.h) })}
          </p>
        ) : (
          <p role="status">{s.diagramUnknown(charName)}</p>
        )}
        <details className="li-values">
          <summary>{s.valuesSummary}</summary>
          <table>
            <caption>{s.valuesCaption(unit + 1, qName)}</caption>
            <thead>
              <tr>
                <th scope="col">{s.charColumn}</th>
                <th scope="col">{s.valueColumn}</th>
              </tr>
            </thead>
            <tbody>
              {traces.map((x, k) => (
                <tr key={k}>
                  <td>{s.charName(x.char)}</td>
                  <td>{x.known ? fmt(unitValue(x, unit, q)) : s.unknown}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </>
    );
  }

  return (
    <div ref={root} className={presenting ? 'li li-presenting' : 'li figure-first'}>
      <Controls presenting={presenting}>
        <Select label={s.source} value={state.source} options={MODEL_SOURCES.map((v) => ({ value: v, label: s.sourceNames[v] }))} onChange={(v) => setState({ source: v })} />
        <TextField label={s.text} value={state.text} maxLength={MAX_READ} onChange={(v) => setState({ text: v })} />
        <NumberField label={s.unit} value={unit + 1} min={1} max={hidden} integer onChange={(v) => setState({ unit: v })} />
        <Select label={s.quantity} value={q} options={QUANTITIES.map((v) => ({ value: v, label: s.quantityNames[v] }))} onChange={(v) => setState({ quantity: v })} />
        <Slider
          label={s.position}
          value={position + 1}
          min={1}
          max={Math.max(1, length)}
          step={1}
          format={(v) => (traces[v - 1] ? `${v}: ${s.charName(traces[v - 1].char)}` : String(v))}
          onChange={(v) => setState({ position: Math.round(v) })}
        />
      </Controls>
      <div className="li-source fig-note">
        {info ? <p className="li-note">{info}</p> : null}
        {state.source === 'yours' && !latest ? <p className="li-note">{s.noYours}</p> : null}
        {state.source === 'yours' && latest ? (
          <button type="button" onClick={refresh}>
            {s.refresh}
          </button>
        ) : null}
      </div>
      {body}
    </div>
  );
}
