// The scopes of `tidy` for small tensors. A small tensor made while a scope is open belongs to it, as
// a TensorFlow.js tensor belongs to tf.tidy's: when the scope closes, a tensor that `tidy` returns
// moves to the enclosing scope (or, leaving the last, to a buffer of its own), and every other one
// ends there, its buffer back in the free lists (small/pool.ts).
import type { Tensor } from './tensor';

/** The small tensors made in the innermost open `tidy` scope (null outside any). */
let openScope: Tensor[] | null = null;
const scopeStack: Tensor[][] = [];

/** @internal opens a `tidy` scope for small tensors. */
export function openTensorScope(): void {
  openScope = [];
  scopeStack.push(openScope);
}

/**
 * @internal closes the innermost scope: its tensors in `kept` move to the enclosing scope (or, at
 * the last, to buffers of their own); every other one ends there.
 */
export function closeTensorScope(kept: ReadonlySet<Tensor>): void {
  const tensors = scopeStack.pop() ?? [];
  openScope = scopeStack.length ? scopeStack[scopeStack.length - 1] : null;
  for (const t of tensors) {
    if (!kept.has(t)) t.endOfScope();
    else if (openScope) openScope.push(t);
    else t.leaveScopes();
  }
}

/** @internal adds a small tensor to the open scope, if there is one. */
export function joinScope(t: Tensor): void {
  openScope?.push(t);
}
