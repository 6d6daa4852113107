// A layered drawing of a traced graph, left to right: an op's column is one more than its deepest
// input's, and an input sits one column before the first op that uses it, so a constant sits next
// to its op rather than far away in column 0. Within a column, nodes are ordered by the mean row
// of their inputs (one barycentre pass), which keeps the small graphs here free of most crossings.
// Pure: ids and numbers in, coordinates out.
import type { TracedGraph } from '../../engine/index.ts';

export interface PlacedNode {
  id: number;
  column: number;
  row: number;
  x: number;
  y: number;
}

export interface Layout {
  nodes: Map<number, PlacedNode>;
  width: number;
  height: number;
  columns: number;
}

export const NODE_W = 172;
export const NODE_H = 74;
const GAP_X = 56;
const GAP_Y = 26;
const PAD = 16;

export function layoutGraph(graph: TracedGraph): Layout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const depth = new Map<number, number>();
  // Nodes come inputs-first, so one pass gives every op its depth.
  for (const n of graph.nodes) {
    depth.set(n.id, n.inputs.length ? 1 + Math.max(...n.inputs.map((i) => depth.get(i) ?? 0)) : 0);
  }
  const consumers = new Map<number, number[]>();
  for (const n of graph.nodes) for (const i of n.inputs) consumers.set(i, [...(consumers.get(i) ?? []), n.id]);
  const column = new Map<number, number>();
  for (const n of graph.nodes) {
    const uses = consumers.get(n.id) ?? [];
    column.set(n.id, n.inputs.length === 0 && uses.length ? Math.min(...uses.map((u) => depth.get(u)!)) - 1 : depth.get(n.id)!);
  }
  const columns = Math.max(...column.values()) + 1;
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  for (const n of graph.nodes) byColumn[column.get(n.id)!].push(n.id);

  // Rows: columns in order; an op's rank is the mean row of its inputs. Leaves in a column keep
  // their order of creation, placed by the mean row of what uses them once that is known.
  const row = new Map<number, number>();
  byColumn.forEach((ids, c) => {
    const key = (id: number) => {
      const n = byId.get(id)!;
      const known = n.inputs.filter((i) => row.has(i)).map((i) => row.get(i)!);
      return known.length ? known.reduce((a, b) => a + b, 0) / known.length : Number.POSITIVE_INFINITY;
    };
    const sorted = c === 0 ? ids : [...ids].sort((p, q) => key(p) - key(q) || p - q);
    sorted.forEach((id, r) => row.set(id, r));
    byColumn[c] = sorted;
  });
  const tallest = Math.max(...byColumn.map((ids) => ids.length));
  const height = PAD * 2 + tallest * NODE_H + (tallest - 1) * GAP_Y;
  const width = PAD * 2 + columns * NODE_W + (columns - 1) * GAP_X;
  const nodes = new Map<number, PlacedNode>();
  byColumn.forEach((ids, c) => {
    const used = ids.length * NODE_H + (ids.length - 1) * GAP_Y;
    const top = (height - used) / 2;
    ids.forEach((id, r) => {
      nodes.set(id, { id, column: c, row: r, x: PAD + c * (NODE_W + GAP_X), y: top + r * (NODE_H + GAP_Y) });
    });
  });
  return { nodes, width, height, columns };
}
