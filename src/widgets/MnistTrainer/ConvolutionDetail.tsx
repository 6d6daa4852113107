// A first-layer filter and its feature map opened large (click or Enter on either), as CNN
// Explainer does: the test digit with the kernel's window on it, the kernel's weights and bias,
// the map, and one value of the map redone by hand — the window's pixels times the weights, summed,
// plus the bias, through the ReLU. Arrow keys (or a click on the map) move the window. A native
// modal dialog: focus stays inside, Esc closes, focus returns to the tile that opened it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { convolutionAt } from '../../models/mnist/convolutionAt.ts';
import type { Inspection } from '../../models/mnist/inspect.ts';
import { MapGrid } from '../kit/MapGrid.tsx';
import { TableScroll } from '../kit/TableScroll.tsx';
import { fixed } from '../kit/format.ts';
import { detailStrings as s } from './strings.ts';

const SIDE = 28;

function rowsOf(values: ArrayLike<number>, side: number): number[][] {
  return Array.from({ length: side }, (_, r) => Array.from({ length: side }, (_, c) => values[r * side + c]));
}

const num = (v: number) => fixed(v, 2, { minus: '−', signedZero: true });

export interface DetailTarget {
  filter: number;
}

export function ConvolutionDetail({
  target,
  inspection,
  image,
  title,
  presenting,
  onClose,
}: {
  target: DetailTarget | null;
  inspection: Inspection;
  image: ArrayLike<number>;
  /** The dialog's heading for filter f. */
  title: (f: number) => string;
  presenting: boolean;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [at, setAt] = useState({ row: 0, col: 0 });
  const open = target !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const f = target?.filter ?? 0;
  const kernel = inspection.first.kernels[f];
  const layer = inspection.layers[0];
  if (!kernel || !layer) return null;
  const k = Math.round(Math.sqrt(kernel.length));
  const side = layer.side;
  const row = Math.min(at.row, side - 1);
  const col = Math.min(at.col, side - 1);
  const bias = inspection.first.bias[f] ?? 0;
  const step = convolutionAt(image, SIDE, kernel, k, bias, row, col);
  const map = layer.maps[f];
  const wMax = Math.max(1e-6, ...Array.from(kernel, Math.abs));
  const mapMax = Math.max(1e-6, ...Array.from(map));
  const cell = presenting ? 9 : 6;

  const onKey = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setAt({ row: Math.max(0, Math.min(side - 1, row + move[0])), col: Math.max(0, Math.min(side - 1, col + move[1])) });
  };

  return (
    <dialog ref={dialog} className={presenting ? 'mt-detail mt-detail-presenting' : 'mt-detail'} aria-labelledby={`${id}-title`} onClose={onClose}>
      <h4 id={`${id}-title`}>{title(f)}</h4>
      <div className="mt-detail-row">
        <figure>
          <MapGrid
            values={rowsOf(image, SIDE)}
            cell={cell}
            color="grey"
            outlines={[{ row, col, rows: k, cols: k, color: 1 }]}
            title={s.inputTitle}
            description={s.inputDescription(k, row, col)}
          />
          <figcaption>{s.inputCaption}</figcaption>
        </figure>
        <figure>
          <MapGrid
            values={rowsOf(kernel, k)}
            cell={presenting ? 52 : 40}
            color="signed"
            scale={wMax}
            numbers
            format={num}
            title={s.kernelTitle(f)}
            description={s.kernelDescription(Array.from(kernel, num).join(', '), num(bias))}
          />
          <figcaption>{s.kernelCaption(num(bias))}</figcaption>
        </figure>
        <figure>
          <div className="mt-detail-map" tabIndex={0} onKeyDown={onKey} aria-label={s.mapKeys} aria-describedby={`${id}-sum`}>
            <MapGrid
              values={rowsOf(map, side)}
              cell={cell}
              color="grey"
              lo={0}
              hi={mapMax}
              selected={{ row, col }}
              onSelect={(r, c) => setAt({ row: r, col: c })}
              title={s.mapTitle(f, side)}
              description={s.mapDescription(row, col, num(map[row * side + col]))}
            />
          </div>
          <figcaption>{s.mapCaption(side)}</figcaption>
        </figure>
      </div>
      <p id={`${id}-sum`} className="mt-detail-sum" aria-live="polite">
        {s.sum(row, col, k, num(step.products.reduce((a, b) => a + b, 0)), num(bias), num(step.z), num(step.a))}
      </p>
      <TableScroll label={s.productsCaption}>
        <table className="mt-detail-products">
          <caption>{s.productsCaption}</caption>
          <tbody>
            {Array.from({ length: k }, (_, i) => (
              <tr key={i}>
                {Array.from({ length: k }, (_, j) => (
                  <td key={j}>
                    {num(step.patch[i * k + j])} × {num(kernel[i * k + j])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form method="dialog">
        <button type="submit">{s.close}</button>
      </form>
    </dialog>
  );
}
