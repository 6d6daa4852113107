// Pick a unit in a deeper layer and see the input pixels it depends on: found by the engine's
// backward pass and predicted by the receptive-field recurrence, layer by layer.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { FigureTable, useEngine } from '../kit/index.ts';
import { MapGrid, mapCells } from '../kit/MapGrid.tsx';
import { fieldOrigin, INPUT_SIDE, receptiveFields, STACK_LAYERS, STACKS, support, type StackName } from './receptive.ts';
import { fieldStrings as s } from './strings.ts';
import { useDependence } from './useReceptiveField.ts';
import '../kit/figure.css';
import './receptiveField.css';

export const receptiveFieldSchema = {
  stack: choice(STACKS, 'three3x3', () => s.linkLabels.stack),
  layer: integer({ min: 1, max: 4, default: 3, label: () => s.linkLabels.layer }),
  row: integer({ min: 0, max: 23, default: 8, label: () => s.linkLabels.row }),
  col: integer({ min: 0, max: 23, default: 8, label: () => s.linkLabels.col }),
};

export type ReceptiveFieldProps = Partial<StateOf<typeof receptiveFieldSchema>>;

export default function ReceptiveField({ presenting, ...initial }: ReceptiveFieldProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(receptiveFieldSchema, initial);
  const layers = STACK_LAYERS[state.stack];
  const fields = receptiveFields(layers);
  const layer = Math.min(state.layer, layers.length);
  const { side, field, jump } = fields[layer - 1];
  const row = Math.min(state.row, side - 1);
  const col = Math.min(state.col, side - 1);
  const engine = useEngine();
  const dep = useDependence(engine.ready, layers, layer, row, col);
  const cell = presenting ? 18 : 13;

  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.stack} value={state.stack} options={STACKS.map((v) => ({ value: v, label: s.stackNames[v] }))} onChange={(v: StackName) => setState({ stack: v })} />
      <Select
        label={s.layer}
        value={String(layer)}
        options={layers.map((l, i) => ({ value: String(i + 1), label: s.layerName(l, i) }))}
        onChange={(v: string) => setState({ layer: Number(v) })}
      />
      <Slider label={s.row} value={row + 1} min={1} max={side} step={1} format={String} onChange={(v) => setState({ row: Math.round(v) - 1 })} />
      <Slider label={s.col} value={col + 1} min={1} max={side} step={1} format={String} onChange={(v) => setState({ col: Math.round(v) - 1 })} />
    </Controls>
  );

  const table = (
    <FigureTable caption={s.tableCaption} columns={s.columns}>
      <tr>
        <th scope="row">{s.input}</th>
        {/* An input pixel sees only itself (r = 1), and its neighbour is one pixel away (j = 1). */}
        <td>{INPUT_SIDE}</td>
        <td>{1}</td>
        <td>{1}</td>
      </tr>
      {fields.map((f, i) => (
        <tr key={i} className={i + 1 === layer ? 'rf-current' : undefined}>
          <th scope="row">{s.layerName(layers[i], i)}</th>
          <td>{f.side}</td>
          <td>{f.field}</td>
          <td>{f.jump}</td>
        </tr>
      ))}
    </FigureTable>
  );

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!dep) body = <p>{s.starting}</p>;
  else if (dep.error !== null) body = <p role="alert">{s.failed(dep.error)}</p>;
  else {
    const counts = dep.counts;
    const box = support(counts);
    const max = Math.max(1, ...counts.flat());
    const total = counts.flat().filter((v) => v > 0).length;
    const r0 = fieldOrigin(row, jump);
    const c0 = fieldOrigin(col, jump);
    const layerCell = Math.max(cell, Math.floor((INPUT_SIDE * cell) / Math.max(side, 1) / 2));
    const layerMap = Array.from({ length: side }, () => new Array<number>(side).fill(0));
    body = (
      <>
        <div className="fig-maps figure-pin">
          <figure style={mapCells(INPUT_SIDE)}>
            <figcaption>{s.inputTitle}</figcaption>
            <MapGrid
              values={counts}
              cell={cell}
              color="grey"
              lo={0}
              hi={max}
              outlines={[{ row: r0, col: c0, rows: field, cols: field }]}
              title={s.inputTitle}
              description={s.inputDescription(INPUT_SIDE, s.box(r0, c0, field), total)}
            />
          </figure>
          <figure style={mapCells((side * layerCell) / cell)}>
            <figcaption>{s.layerTitle(side)}</figcaption>
            <MapGrid
              values={layerMap}
              cell={layerCell}
              color="grey"
              selected={{ row, col }}
              onSelect={(r, c) => setState({ row: r, col: c })}
              title={s.layerTitle(side)}
              description={s.layerDescription(row, col)}
            />
          </figure>
        </div>
        <p className="fig-formula" aria-live="polite">
          {box && box.rows === field && box.cols === field && box.row === r0 && box.col === c0 ? s.agree(field) : s.disagree(box?.rows ?? 0, field)}
        </p>
        {total < field * field ? <p className="fig-note">{s.holes(total, field)}</p> : null}
      </>
    );
  }

  return (
    <div className={presenting ? 'rf fig-presenting' : 'rf figure-first'}>
      {controls}
      {body}
      {table}
    </div>
  );
}
