// Pure geometry of an input plane, shared by the neuron figures: where the line
// w₁x₁ + w₂x₂ + b = 0 crosses a square window.

export type Point = [number, number];

const same = (p: Point, q: Point) => Math.abs(p[0] - q[0]) < 1e-9 && Math.abs(p[1] - q[1]) < 1e-9;

/**
 * The part of the line w1·x1 + w2·x2 + b = 0 inside [lo, hi]², as its two end points; null when
 * the line misses the square (or only touches a corner) or when w1 = w2 = 0 (then there is no line:
 * the weighted sum is b everywhere).
 */
export function clipLine(w1: number, w2: number, b: number, lo: number, hi: number): [Point, Point] | null {
  const hits: Point[] = [];
  const inside = (v: number) => v >= lo - 1e-9 && v <= hi + 1e-9;
  if (w2 !== 0) {
    for (const x1 of [lo, hi]) {
      const x2 = -(b + w1 * x1) / w2;
      if (inside(x2)) hits.push([x1, Math.min(hi, Math.max(lo, x2))]);
    }
  }
  if (w1 !== 0) {
    for (const x2 of [lo, hi]) {
      const x1 = -(b + w2 * x2) / w1;
      if (inside(x1)) hits.push([Math.min(hi, Math.max(lo, x1)), x2]);
    }
  }
  const distinct: Point[] = [];
  for (const h of hits) if (!distinct.some((d) => same(d, h))) distinct.push(h);
  if (distinct.length < 2) return null;
  // A line through a corner may be found on two edges: keep the two points farthest apart.
  let best: [Point, Point] = [distinct[0], distinct[1]];
  let far = -1;
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const d = (distinct[i][0] - distinct[j][0]) ** 2 + (distinct[i][1] - distinct[j][1]) ** 2;
      if (d > far) {
        far = d;
        best = [distinct[i], distinct[j]];
      }
    }
  }
  return best;
}
