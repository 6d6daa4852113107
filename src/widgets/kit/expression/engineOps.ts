// An expression tree (parse.ts) as engine ops: each variable becomes the tensor `leaf` gives for
// it, each number the tensor `constant` makes, and the operators and functions the engine's own.
// The graph stepper records it node by node; the landscape race evaluates it on whole grids.
import { add, div, exp, log, mul, neg, pow, relu, sigmoid, sqrt, sub, tanh, tensor, type Tensor } from '../../../engine/index.ts';
import type { Expr, FunctionName, Variable } from './parse.ts';

const functions: Record<FunctionName, (t: Tensor) => Tensor> = { exp, log, sqrt, tanh, sigmoid, relu };

export function expressionOps(expr: Expr, leaf: (name: Variable) => Tensor, constant: (value: number) => Tensor = (v) => tensor(v)): Tensor {
  const walk = (e: Expr): Tensor => {
    switch (e.kind) {
      case 'number':
        return constant(e.value);
      case 'variable':
        return leaf(e.name);
      case 'negate':
        return neg(walk(e.arg));
      case 'call':
        return functions[e.fn](walk(e.arg));
      case 'binary': {
        // A number as exponent stays a number: x^2 is then defined for x < 0 and has no ∂/∂exponent.
        if (e.op === '^' && e.right.kind === 'number') return pow(walk(e.left), e.right.value);
        const l = walk(e.left);
        const r = walk(e.right);
        return e.op === '+' ? add(l, r) : e.op === '-' ? sub(l, r) : e.op === '*' ? mul(l, r) : e.op === '/' ? div(l, r) : pow(l, r);
      }
    }
  };
  return walk(expr);
}
