// Softmax cross-entropy worked out in full for one example: every intermediate value in a table,
// one column per class, then the gradient from the engine's backward pass beside the formula
// softmax − one-hot, and the probabilities as bars.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select } from '../../book/controls.tsx';
import { BarChart, TableScroll } from '../kit/index.ts';
import { formatStep, LOGIT_RANGE, MAX_CLASSES, MIN_CLASSES } from './crossEntropy.ts';
import { crossEntropyStrings as s } from './strings.ts';
import { useCrossEntropyByHand, type CrossEntropyByHandProps } from './useCrossEntropyByHand.ts';
import './crossEntropyByHand.css';

function Row({ label, values, target, digits = 4 }: { label: string; values: number[]; target: number; digits?: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {values.map((v, j) => (
        <td key={j} className={j === target ? 'ce-target' : undefined}>
          {formatStep(v, digits)}
        </td>
      ))}
    </tr>
  );
}

function Spanning({ label, text, columns }: { label: string; text: string; columns: number }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={columns} className="ce-span">
        {text}
      </td>
    </tr>
  );
}

export default function CrossEntropyByHand({ presenting, ...props }: CrossEntropyByHandProps & WidgetRenderProps) {
  const w = useCrossEntropyByHand(props);
  const { logits, target, steps, formula, difference } = w;
  const k = logits.length;

  return (
    <div className={presenting ? 'ce ce-presenting' : 'ce figure-first'}>
      <Controls presenting={presenting}>
        {logits.map((z, j) => (
          <NumberField key={`${k}-${j}`} label={s.logit(j)} value={z} min={LOGIT_RANGE[0]} max={LOGIT_RANGE[1]} step={0.5} onChange={(v) => w.setLogit(j, v)} />
        ))}
        <Select
          label={s.target}
          value={String(target)}
          options={logits.map((_, j) => ({ value: String(j), label: s.className(j) }))}
          onChange={(v) => w.setTarget(Number(v))}
        />
      </Controls>
      <div className="ce-buttons">
        <button type="button" onClick={w.addClass} disabled={k >= MAX_CLASSES}>
          {s.addClass}
        </button>
        <button type="button" onClick={w.removeClass} disabled={k <= MIN_CLASSES}>
          {s.removeClass}
        </button>
      </div>
      {w.engine.error ? <p role="alert">{s.engineFailed(w.engine.error)}</p> : null}
      {!steps || !formula ? (
        w.engine.error ? null : <p>{s.starting}</p>
      ) : (
        <div className="ce-body figure-pass">
          <div className="ce-table-wrap">
            <TableScroll label={s.tableCaption}>
              <table className="ce-table">
                <caption>{s.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.stepColumn}</th>
                    {logits.map((_, j) => (
                      <th key={j} scope="col" className={j === target ? 'ce-target' : undefined}>
                        {s.className(j)} {j === target ? s.trueMark : null}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <Row label={s.rows.logits} values={steps.logits} target={target} digits={2} />
                  <Row label={s.rows.shifted(steps.max)} values={steps.shifted} target={target} digits={2} />
                  <Row label={s.rows.exps} values={steps.exps} target={target} />
                  <Spanning label={s.rows.total} text={s.totalValue(steps.total)} columns={k} />
                  <Row label={s.rows.probs} values={steps.probs} target={target} />
                  <Spanning label={s.rows.loss} text={s.lossValue(steps.loss, target, steps.probs[target])} columns={k} />
                  <Row label={s.rows.gradient} values={steps.gradient} target={target} />
                  <Row label={s.rows.formula} values={formula} target={target} />
                </tbody>
              </table>
            </TableScroll>
            <p className="ce-note">{s.shiftNote}</p>
            <p className="ce-note" aria-live="polite">
              {s.engineLoss(steps.engineLoss)} {difference !== null ? s.agreement(difference) : null}
            </p>
          </div>
          <div className="ce-bars figure-pin">
            <BarChart
              width={300}
              height={220}
              bars={steps.probs.map((p, j) => ({ label: s.barLabel(j, j === target), value: p, color: j === target ? 3 : 0 }))}
              y={{ label: s.barsAxis, domain: [0, 1] }}
              xLabel={s.barsClasses}
              title={s.barsTitle}
              description={s.barsDescription(steps.probs, target, steps.loss)}
              format={(v) => formatStep(v, 3)}
            />
          </div>
        </div>
      )}
    </div>
  );
}
