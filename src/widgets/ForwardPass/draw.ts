// Pure layout for the network diagram: where each node sits and how each edge is drawn.

export interface NodePos {
  layer: number;
  unit: number;
  x: number;
  y: number;
}

export interface EdgeDraw {
  /** The layer the edge leads into (1 for the edges of W₁). */
  layer: number;
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number;
  width: number;
  negative: boolean;
}

/** Nodes spread evenly: layers left to right, units top to bottom, each layer centred. */
export function layoutNodes(sizes: readonly number[], width: number, height: number, margin: number): NodePos[][] {
  const columns = sizes.length;
  const maxUnits = Math.max(...sizes);
  const gap = (height - 2 * margin) / Math.max(1, maxUnits - 1);
  return sizes.map((n, layer) => {
    const x = columns === 1 ? width / 2 : margin + (layer * (width - 2 * margin)) / (columns - 1);
    const top = height / 2 - ((n - 1) * gap) / 2;
    return Array.from({ length: n }, (_, unit) => ({ layer, unit, x, y: n === 1 ? height / 2 : top + unit * gap }));
  });
}

/** Edges with thickness by |weight| (relative to the largest), from `minWidth` to `maxWidth`. */
export function layoutEdges(nodes: NodePos[][], weights: readonly (readonly (readonly number[])[])[], minWidth = 0.75, maxWidth = 5): EdgeDraw[] {
  const largest = Math.max(1e-9, ...weights.flatMap((W) => W.flatMap((row) => row.map(Math.abs))));
  const edges: EdgeDraw[] = [];
  weights.forEach((W, k) => {
    const from = nodes[k];
    const to = nodes[k + 1];
    if (!from || !to) return;
    W.forEach((row, i) =>
      row.forEach((w, j) => {
        if (!from[i] || !to[j]) return;
        const weight = Number.isFinite(w) ? w : 0;
        edges.push({
          layer: k + 1,
          from: i,
          to: j,
          x1: from[i].x,
          y1: from[i].y,
          x2: to[j].x,
          y2: to[j].y,
          weight,
          width: minWidth + ((maxWidth - minWidth) * Math.abs(weight)) / largest,
          negative: weight < 0,
        });
      }),
    );
  });
  return edges;
}

/** The largest weight magnitude, for the text alternative. */
export function largestWeight(weights: readonly (readonly (readonly number[])[])[]): number {
  return Math.max(0, ...weights.flatMap((W) => W.flatMap((row) => row.map(Math.abs))));
}
