// The expressions a reader may type into a figure (the graph stepper, the optimisers' landscape),
// read by a small recursive-descent parser. Nothing typed is ever evaluated as JavaScript: the text
// becomes a tree of a few known kinds (number, variable, operator, function call) from fixed lists,
// and only that tree is turned into engine ops, by the figure that reads it. Every error names the
// character where it happened and what was expected there. Pure: no engine, no React, no DOM.
import { eNotation } from '../format.ts';
import { expressionStrings } from './strings.ts';

const say = expressionStrings.problems;

/** Every variable any figure's expression may use; a figure may allow fewer (`parseExpression`). */
export const VARIABLES = ['a', 'b', 'c', 'd', 'w', 'x', 'y'] as const;
export type Variable = (typeof VARIABLES)[number];
/** The functions a typed expression may call, each with one argument. */
export const FUNCTIONS = ['exp', 'log', 'sqrt', 'tanh', 'sigmoid', 'relu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'variable'; name: Variable }
  | { kind: 'negate'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName; arg: Expr };

/** Longest expression accepted, in characters. */
export const MAX_LENGTH = 120;
/** Deepest nesting of parentheses, calls and signs. */
export const MAX_DEPTH = 16;
/** Most parts (numbers, variables, operators, calls) in one expression: its figure must stay readable. */
export const MAX_PARTS = 30;
/** Largest number that may be typed (in absolute value). */
export const MAX_NUMBER = 1e6;

export class ParseError extends Error {
  /** 0-based index of the character where the problem was found (the length for "at the end"). */
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'ParseError';
    this.position = position;
  }
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ParseError };

type Token =
  | { type: 'number'; value: number; text: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'op'; text: BinaryOp | '(' | ')'; at: number }
  | { type: 'end'; at: number };

const isVariable = (s: string): s is Variable => (VARIABLES as readonly string[]).includes(s);
const isFunction = (s: string): s is FunctionName => (FUNCTIONS as readonly string[]).includes(s);

/** A piece of the input as quoted in a message: short, printable. */
function quote(text: string): string {
  const clean = Array.from(text).filter((ch) => /^[\x20-\x7e]$/.test(ch)).join('');
  const shown = clean.length > 12 ? `${clean.slice(0, 12)}…` : clean;
  return shown ? say.quoted(shown) : say.unprintable;
}

function describe(t: Token): string {
  return t.type === 'end' ? say.end : quote(t.type === 'number' ? t.text : t.text);
}

const MULTIPLY = new Set(['*', '·', '×']);

function tokenize(src: string, variables: readonly Variable[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (!m) throw new ParseError(say.badNumber(i, quote(src.slice(i, i + 3))), i);
      const text = m[0];
      const after = src[i + text.length];
      if (after === '.' || (after !== undefined && /[0-9eE]/.test(after))) {
        throw new ParseError(say.numberContinues(i + text.length, quote(after)), i + text.length);
      }
      const value = Number(text);
      if (!Number.isFinite(value) || Math.abs(value) > MAX_NUMBER) {
        throw new ParseError(say.numberTooLarge(i, quote(text), eNotation(MAX_NUMBER, 0)), i);
      }
      tokens.push({ type: 'number', value, text, at: i });
      i += text.length;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      tokens.push({ type: 'name', text, at: i });
      i += text.length;
      continue;
    }
    if (MULTIPLY.has(ch)) {
      tokens.push({ type: 'op', text: '*', at: i });
      i++;
      continue;
    }
    if (ch === '−') {
      tokens.push({ type: 'op', text: '-', at: i });
      i++;
      continue;
    }
    if ('+-/^()'.includes(ch)) {
      tokens.push({ type: 'op', text: ch as BinaryOp | '(' | ')', at: i });
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    throw new ParseError(say.notAllowed(i, quote(String.fromCodePoint(cp)), say.list(variables), say.list(FUNCTIONS)), i);
  }
  tokens.push({ type: 'end', at: src.length });
  return tokens;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private parts = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly variables: readonly Variable[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }
  private isOp(t: Token, ...ops: string[]): boolean {
    return t.type === 'op' && ops.includes(t.text);
  }
  private count(at: number): void {
    if (++this.parts > MAX_PARTS) throw new ParseError(say.tooManyParts(at, MAX_PARTS), at);
  }
  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError(say.tooDeep(at, MAX_DEPTH), at);
  }

  parseAll(): Expr {
    if (this.peek().type === 'end') throw new ParseError(say.empty, 0);
    const expr = this.sum();
    const t = this.peek();
    if (t.type !== 'end') {
      throw new ParseError(this.isOp(t, ')') ? say.unmatchedClose(t.at) : say.expectedOperator(t.at, describe(t)), t.at);
    }
    return expr;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isOp(this.peek(), '+', '-')) {
      const op = this.next();
      this.count(op.at);
      left = { kind: 'binary', op: op.type === 'op' ? (op.text as BinaryOp) : '+', left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isOp(this.peek(), '*', '/')) {
      const op = this.next();
      this.count(op.at);
      left = { kind: 'binary', op: op.type === 'op' ? (op.text as BinaryOp) : '*', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (this.isOp(t, '-', '+')) {
      this.next();
      this.enter(t.at);
      this.count(t.at);
      const arg = this.unary();
      this.depth--;
      return this.isOp(t, '-') ? { kind: 'negate', arg } : arg;
    }
    return this.power();
  }

  /** Right-associative, binding tighter than a sign on its left: −a^2 = −(a²), a^-1 allowed. */
  private power(): Expr {
    const base = this.primary();
    const t = this.peek();
    if (!this.isOp(t, '^')) return base;
    this.next();
    this.enter(t.at);
    this.count(t.at);
    const exponent = this.unary();
    this.depth--;
    return { kind: 'binary', op: '^', left: base, right: exponent };
  }

  private primary(): Expr {
    const t = this.next();
    if (t.type === 'number') {
      this.count(t.at);
      return { kind: 'number', value: t.value };
    }
    if (t.type === 'name') {
      this.count(t.at);
      const after = this.peek();
      if (isFunction(t.text)) {
        if (!this.isOp(after, '(')) throw new ParseError(say.expectedCall(after.at, t.text, describe(after)), after.at);
        this.next();
        this.enter(t.at);
        const arg = this.parenthesised(after.at);
        this.depth--;
        return { kind: 'call', fn: t.text, arg };
      }
      if (isVariable(t.text)) {
        if (!this.variables.includes(t.text)) throw new ParseError(say.variableNotHere(t.at, t.text, say.list(this.variables)), t.at);
        if (this.isOp(after, '(')) throw new ParseError(say.variableCalled(after.at, t.text), after.at);
        return { kind: 'variable', name: t.text };
      }
      throw new ParseError(say.unknownName(t.at, quote(t.text), say.list(this.variables), say.list(FUNCTIONS)), t.at);
    }
    if (this.isOp(t, '(')) {
      this.enter(t.at);
      const inner = this.parenthesised(t.at);
      this.depth--;
      return inner;
    }
    throw new ParseError(say.expectedOperand(t.at, describe(t)), t.at);
  }

  /** After an opening parenthesis at `open`: an expression, then its closing parenthesis. */
  private parenthesised(open: number): Expr {
    if (this.isOp(this.peek(), ')')) {
      const t = this.peek();
      throw new ParseError(say.emptyParentheses(t.at), t.at);
    }
    const inner = this.sum();
    const close = this.next();
    if (!this.isOp(close, ')')) {
      throw new ParseError(say.unclosed(close.at, open, describe(close)), close.at);
    }
    return inner;
  }
}

/**
 * Parses `src` into an expression tree, or says where and why it cannot. Never throws. `variables`
 * are the ones this figure allows (all of VARIABLES by default; the landscape takes x and y only).
 */
export function parseExpression(src: unknown, variables: readonly Variable[] = VARIABLES): ParseResult {
  try {
    if (typeof src !== 'string') throw new ParseError(say.notText, 0);
    if (src.length > MAX_LENGTH) throw new ParseError(say.tooLong(src.length, MAX_LENGTH), MAX_LENGTH);
    return { ok: true, expr: new Parser(tokenize(src, variables), variables).parseAll() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e };
    throw e;
  }
}

/** The variables an expression uses, in the order of VARIABLES. */
export function variablesOf(expr: Expr): Variable[] {
  const used = new Set<Variable>();
  const walk = (e: Expr): void => {
    if (e.kind === 'variable') used.add(e.name);
    else if (e.kind === 'negate' || e.kind === 'call') walk(e.arg);
    else if (e.kind === 'binary') {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expr);
  return VARIABLES.filter((v) => used.has(v));
}
