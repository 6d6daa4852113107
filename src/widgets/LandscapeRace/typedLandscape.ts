// A landscape the reader types: the text goes to the kit's parser only (never to JavaScript), which
// allows x and y and nothing else, and the tree it returns becomes engine ops, elementwise, so that
// the same f gives the contour grid and a racer's gradient.
import { add, mul, type Tensor } from '../../engine/index.ts';
import { expressionOps } from '../kit/expression/engineOps.ts';
import { parseExpression, type Expr } from '../kit/expression/parse.ts';
import { typedLandscape, type Landscape } from './landscapes.ts';

/** The only variables a landscape's expression may use. */
export const LANDSCAPE_VARIABLES = ['x', 'y'] as const;

/** f(x, y) from an expression tree in x and y, as engine ops on tensors of one shape. */
export function evaluateExpression(expr: Expr, x: Tensor, y: Tensor): Tensor {
  // A constant still gives one value per point.
  return add(expressionOps(expr, (name) => (name === 'x' ? x : y)), mul(x, 0));
}

export type TypedResult = { ok: true; landscape: Landscape } | { ok: false; message: string; position: number };

/** The landscape of the expression `text`, or the parser's message saying where and why not. */
export function landscapeFromText(text: unknown): TypedResult {
  const parsed = parseExpression(text, LANDSCAPE_VARIABLES);
  if (!parsed.ok) return { ok: false, message: parsed.error.message, position: parsed.error.position };
  const expr = parsed.expr;
  return { ok: true, landscape: typedLandscape((x, y) => evaluateExpression(expr, x, y)) };
}
