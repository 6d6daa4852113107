// The network drawn as nodes and edges: edge thickness by |weight|, vermilion solid for positive
// and blue dashed for negative weights; each node shows its value once its layer is computed.
import { useId, type KeyboardEvent } from 'react';
import { weightColor } from '../kit/palette.ts';
import { textSize } from '../kit/textSize.ts';
import { fixed } from '../kit/format.ts';
import { largestWeight, layoutEdges, layoutNodes } from './draw.ts';
import { forwardStrings as s, valueName } from './strings.ts';
import type { ForwardPassSnapshot } from './useForwardPass.ts';

const WIDTH = 560;
const HEIGHT = 280;
const MARGIN = 44;

export function NetworkDiagram({
  snapshot,
  inputs,
  current,
  presenting,
  onKeyDown,
}: {
  snapshot: ForwardPassSnapshot;
  inputs: readonly number[];
  current: number;
  presenting: boolean;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const id = useId();
  const { sizes, weights, steps } = snapshot;
  const nodes = layoutNodes(sizes, WIDTH, HEIGHT - 30, MARGIN);
  const edges = layoutEdges(nodes, weights);
  const radius = Math.min(22, (HEIGHT - 30) / (2.4 * Math.max(...sizes)));
  const valuesOf = (layer: number): number[] | null => (layer === 0 ? [...inputs] : layer <= current ? steps[layer - 1]?.out ?? null : null);
  const computed = sizes
    .map((_, k) => {
      const v = valuesOf(k);
      return s.layerValues(valueName(k, sizes.length), v ? `[${v.map((x) => fixed(x, 2)).join(', ')}]` : s.notYet);
    })
    .join('; ');
  const description = s.diagramDescription({
    sizes: sizes.join('–'),
    computed,
    weights: weights.reduce((n, W) => n + W.length * (W[0]?.length ?? 0), 0),
    largest: fixed(largestWeight(weights), 2),
  });
  const fontSize = Math.min(presenting ? 13 : 11, radius * 0.6);

  return (
    // The wrapper takes the arrow keys (Next / Previous); the drawing inside is an image with a text alternative.
    <div className="fp-diagram-keys" role="group" aria-label={s.keysLabel} tabIndex={0} onKeyDown={onKeyDown}>
      <svg className="fp-diagram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{s.diagramTitle}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g aria-hidden="true">
          {edges.map((e) => (
            <line
              key={`${e.layer}-${e.from}-${e.to}`}
              x1={e.x1}
              y1={e.y1}
              x2={e.x2}
              y2={e.y2}
              stroke={weightColor(e.weight)}
              strokeWidth={e.width}
              strokeDasharray={e.negative ? '6 4' : undefined}
              opacity={e.layer === current || (current === 0 && e.layer === 1) ? 0.95 : 0.3}
            />
          ))}
          {nodes.map((layer, k) => {
            const values = valuesOf(k);
            return layer.map((n) => (
              <g key={`${k}-${n.unit}`} className={k <= current ? 'fp-node fp-node-done' : 'fp-node'}>
                <circle cx={n.x} cy={n.y} r={radius} strokeWidth={k === current ? 3 : 1.5} />
                <text x={n.x} y={n.y} dy="0.35em" textAnchor="middle" style={textSize(fontSize)}>
                  {values ? fixed(values[n.unit], 2) : s.unknown}
                </text>
              </g>
            ));
          })}
          {nodes.map((layer, k) => (
            <text key={`label-${k}`} x={layer[0].x} y={HEIGHT - 8} textAnchor="middle" style={textSize(fontSize + 2)} className="fp-layer-label">
              {valueName(k, sizes.length)}
            </text>
          ))}
        </g>
      </svg>
    </div>
  );
}
