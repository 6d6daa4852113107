// The 2 → 8 → 8 → 1 network as units and links, with a dropout mask on it: a dropped unit is grey
// and crossed out and its links are hidden, so what is left is the thinned network the mask picks.
// Links are coloured by the weight's sign and drawn thicker for larger weights. Laid out again at
// the size it is drawn (the kit's useDrawnLayout), so its labels keep 12 px on a phone.
import { useId, useRef } from 'react';
import type { NetworkMask } from '../../models/generalisation/dropout/masks.ts';
import type { NetWeights } from '../../models/generalisation/dropout/types.ts';
import { weightColor } from '../kit/palette.ts';
import { useDrawnLayout } from '../kit/plot/Plot.tsx';
import { dropoutStrings as s } from './strings.ts';

interface Props {
  weights: NetWeights;
  mask: NetworkMask;
  /** The hidden-1 unit the scaling panel follows (from 1). */
  unit: number;
  width: number;
  height: number;
}

const droppedOf = (keep: readonly boolean[]) => keep.flatMap((k, i) => (k ? [] : [i + 1]));

export function NetworkDiagram({ weights, mask, unit, width: designWidth, height: designHeight }: Props) {
  const id = useId().replace(/:/g, '');
  const ref = useRef<SVGSVGElement>(null);
  const { width, height, k } = useDrawnLayout(ref, designWidth, designHeight);
  const units = weights.b1.length;
  const sizes = [2, units, units, 1];
  const top = 22 * k;
  const bottom = height - 8 * k;
  const r = Math.min(8 * k, (bottom - top) / (units * 2.6));
  const xs = [0.09, 0.37, 0.65, 0.92].map((f) => f * width);
  const ys = sizes.map((n) => Array.from({ length: n }, (_, i) => top + ((i + 0.5) * (bottom - top)) / n));
  const alive = [Array<boolean>(2).fill(true), mask.keep1, mask.keep2, [true]];
  const matrices = [weights.w1, weights.w2, weights.w3];
  const largest = Math.max(1e-9, ...matrices.flatMap((m) => m.map(Math.abs)));
  // The layers' names, or their short forms where the drawing is too narrow for them (0.6 em a
  // character, a generous estimate, and half an em between neighbours). The first is set from its
  // column's left edge, the last up to its right edge, the others centred.
  const em = 12 * k;
  const span = (name: string, c: number): [number, number] => {
    const w = 0.6 * em * name.length;
    return c === 0 ? [xs[0] - r, xs[0] - r + w] : c === 3 ? [xs[3] + r - w, xs[3] + r] : [xs[c] - w / 2, xs[c] + w / 2];
  };
  const fits = s.layerNames.every((name, c) => c === 0 || span(name, c)[0] - span(s.layerNames[c - 1], c - 1)[1] >= 0.5 * em);
  const names = fits ? s.layerNames : s.layerShort;

  const links = matrices.flatMap((w, layer) => {
    const nIn = sizes[layer];
    const nOut = sizes[layer + 1];
    return Array.from({ length: nIn * nOut }, (_, idx) => {
      const i = Math.floor(idx / nOut);
      const j = idx % nOut;
      if (!alive[layer][i] || !alive[layer + 1][j]) return null;
      const v = w[i * nOut + j];
      const t = Math.abs(v) / largest;
      return <line key={`${layer}-${idx}`} x1={xs[layer]} y1={ys[layer][i]} x2={xs[layer + 1]} y2={ys[layer + 1][j]} stroke={weightColor(v)} strokeWidth={(0.4 + 2.6 * t) * k} opacity={0.25 + 0.6 * t} />;
    });
  });

  return (
    <svg ref={ref} className="plot drop-diagram" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{s.diagramTitle}</title>
      <desc id={`${id}-d`}>{s.diagramDescription(s.unitList(droppedOf(mask.keep1)), s.unitList(droppedOf(mask.keep2)), unit)}</desc>
      <g aria-hidden="true">
        {names.map((name, c) => (
          <text key={name} x={xs[c]} y={12 * k} textAnchor={c === 0 ? 'start' : c === 3 ? 'end' : 'middle'} dx={c === 0 ? -r : c === 3 ? r : 0} className="drop-layer-name">
            {name}
          </text>
        ))}
        <g>{links}</g>
        {ys.map((col, c) =>
          col.map((y, i) => {
            const on = alive[c][i];
            const ringed = c === 1 && i === unit - 1;
            return (
              <g key={`${c}-${i}`} className={on ? 'drop-unit' : 'drop-unit drop-unit-dropped'}>
                <circle cx={xs[c]} cy={y} r={r} strokeWidth={ringed ? 3 * k : 1.25 * k} className={ringed ? 'drop-unit-ringed' : undefined} />
                {on ? null : (
                  <path d={`M${xs[c] - r * 0.6} ${y - r * 0.6}L${xs[c] + r * 0.6} ${y + r * 0.6}M${xs[c] + r * 0.6} ${y - r * 0.6}L${xs[c] - r * 0.6} ${y + r * 0.6}`} strokeWidth={1.5 * k} />
                )}
              </g>
            );
          }),
        )}
      </g>
    </svg>
  );
}
