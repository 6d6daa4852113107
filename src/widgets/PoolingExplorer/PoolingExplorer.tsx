// Max and average pooling on a small feature map: window size and stride, the chosen window
// outlined with its values and result, and the effect of shifting the input by one pixel.
import { useMemo } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/index.ts';
import { outputSize } from '../../models/convolution/convolution.ts';
import { MapGrid, mapCells } from '../kit/MapGrid.tsx';
import { FEATURE_MAP, POOL_KINDS, poolWindow, shiftRight, type PoolKind } from './pooling.ts';
import { poolStrings as s } from './strings.ts';
import { usePool } from './usePoolingExplorer.ts';
import { fixed } from '../kit/format.ts';
import '../kit/figure.css';

export const poolingExplorerSchema = {
  kind: choice(POOL_KINDS, 'max', () => s.linkLabels.kind),
  size: integer({ min: 2, max: 4, default: 2, label: () => s.linkLabels.size }),
  stride: integer({ min: 1, max: 4, default: 2, label: () => s.linkLabels.stride }),
  row: integer({ min: 0, max: 6, default: 0, label: () => s.linkLabels.row }),
  col: integer({ min: 0, max: 6, default: 0, label: () => s.linkLabels.col }),
  shifted: boolean(false, () => s.linkLabels.shifted),
};

export type PoolingExplorerProps = Partial<StateOf<typeof poolingExplorerSchema>>;

const fmt = (v: number) => fixed(v, Number.isInteger(v) ? 0 : 2, { minus: '-' });
const rowsText = (m: readonly (readonly number[])[]) => m.map((r) => r.map(fmt).join(' ')).join('; ');

export default function PoolingExplorer({ presenting, ...initial }: PoolingExplorerProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(poolingExplorerSchema, initial);
  const { kind, size, stride, shifted } = state;
  const engine = useEngine();
  const map = useMemo(() => (shifted ? shiftRight(FEATURE_MAP) : FEATURE_MAP.map((r) => [...r])), [shifted]);
  const n = map.length;
  const out = outputSize(n, size, stride, 0);
  const row = Math.min(state.row, out - 1);
  const col = Math.min(state.col, out - 1);
  const result = usePool(engine.ready, map, kind, size, stride);
  const base = usePool(engine.ready && shifted, FEATURE_MAP, kind, size, stride);
  const cell = presenting ? 44 : 32;

  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.kind} value={kind} options={POOL_KINDS.map((v) => ({ value: v, label: s.kindNames[v] }))} onChange={(v: PoolKind) => setState({ kind: v })} />
      <Slider label={s.size} value={size} min={2} max={4} step={1} format={String} onChange={(v) => setState({ size: Math.round(v) })} />
      <Slider label={s.stride} value={stride} min={1} max={4} step={1} format={String} onChange={(v) => setState({ stride: Math.round(v) })} />
      <Slider label={s.row} value={row + 1} min={1} max={out} step={1} format={String} onChange={(v) => setState({ row: Math.round(v) - 1 })} />
      <Slider label={s.col} value={col + 1} min={1} max={out} step={1} format={String} onChange={(v) => setState({ col: Math.round(v) - 1 })} />
      <Checkbox label={s.shift} checked={shifted} onChange={(v) => setState({ shifted: v })} />
    </Controls>
  );

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!result) body = <p>{s.starting}</p>;
  else if (result.error !== null) body = <p role="alert">{s.failed(result.error)}</p>;
  else {
    const pooled = result.output;
    const w = poolWindow(map, kind, size, stride, row, col);
    const changed = base?.output ? pooled.flat().filter((v, i) => Math.abs(v - base.output!.flat()[i]) > 1e-6).length : null;
    body = (
      <>
        <div className="fig-maps figure-pin">
          <figure style={mapCells(n)}>
            <figcaption>{s.inputTitle}</figcaption>
            <MapGrid
              values={map}
              cell={cell}
              color="grey"
              lo={0}
              hi={9}
              numbers
              format={fmt}
              outlines={[{ row: w.row, col: w.col, rows: size, cols: size }, ...(w.argmax ? [{ row: w.argmax.row, col: w.argmax.col, rows: 1, cols: 1, color: 2 }] : [])]}
              title={s.inputTitle}
              description={s.inputDescription(rowsText(map), w.row, w.col, size)}
              onSelect={(r, c) => setState({ row: Math.min(Math.floor(r / stride), out - 1), col: Math.min(Math.floor(c / stride), out - 1) })}
            />
          </figure>
          <figure style={mapCells(out)}>
            <figcaption>{s.outputTitle}</figcaption>
            <MapGrid
              values={pooled}
              cell={cell}
              color="grey"
              lo={0}
              hi={9}
              numbers
              format={fmt}
              selected={{ row, col }}
              title={s.outputTitle}
              description={s.outputDescription(out, out, rowsText(pooled))}
              onSelect={(r, c) => setState({ row: r, col: c })}
            />
          </figure>
        </div>
        <p className="fig-formula" aria-live="polite">
          {s.window(kind, w.values.map(fmt).join(kind === 'max' ? ', ' : ' + '), fmt(pooled[row][col]))}
        </p>
        <p className="fig-formula">{s.formula(n, size, stride, out)}</p>
        {stride < size ? <p className="fig-note">{s.overlap}</p> : stride > size ? <p className="fig-note">{s.gaps}</p> : null}
        {changed !== null ? <p className="fig-note">{s.changed(changed, out * out)}</p> : null}
      </>
    );
  }

  return <div className={presenting ? 'pe fig-presenting' : 'pe figure-first'}>{controls}{body}</div>;
}
