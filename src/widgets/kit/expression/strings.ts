// Every word the expression parser says when it refuses what was typed, shared by the figures that
// read a typed expression (the graph stepper, the optimisers' landscape), so that a translation
// follows in one place.
import { catalogue } from '../../../i18n/index.ts';

export const expressionStrings = catalogue('kit.Expression', {
  /** Why an expression cannot be read: what the parser found, and where (a 0-based character index). */
  problems: {
    badNumber: (at: number, found: string) => `At character ${at + 1}: expected a number such as 2, 0.5 or 1e-3, but found ${found}.`,
    numberContinues: (at: number, found: string) => `At character ${at + 1}: a number cannot continue with ${found}.`,
    numberTooLarge: (at: number, found: string, max: string) => `At character ${at + 1}: the number ${found} is too large; numbers may be at most ${max} here.`,
    notAllowed: (at: number, found: string, variables: string, functions: string) =>
      `At character ${at + 1}: ${found} is not allowed. Use numbers, the variables ${variables}, + − * / ^, parentheses and ${functions}.`,
    tooManyParts: (at: number, max: number) => `At character ${at + 1}: the expression has more than ${max} parts; keep it small enough to draw.`,
    tooDeep: (at: number, max: number) => `At character ${at + 1}: the expression is nested more than ${max} levels deep.`,
    empty: 'The expression is empty: type one, such as x*y + 1.',
    unmatchedClose: (at: number) => `At character ${at + 1}: this closing parenthesis has no opening one.`,
    expectedOperator: (at: number, found: string) => `At character ${at + 1}: expected an operator (+ − * / ^) or the end, but found ${found}.`,
    expectedCall: (at: number, fn: string, found: string) => `At character ${at + 1}: expected “(” after ${fn}, but found ${found}.`,
    variableCalled: (at: number, name: string) => `At character ${at + 1}: ${name} is a variable, not a function; write ${name}*(…) to multiply.`,
    unknownName: (at: number, found: string, variables: string, functions: string) =>
      `At character ${at + 1}: unknown name ${found}. The variables are ${variables}; the functions are ${functions}.`,
    /** A variable of another figure (a, b, …) where this one takes fewer (x and y). */
    variableNotHere: (at: number, name: string, variables: string) => `At character ${at + 1}: ${name} is not a variable here; this expression may use only ${variables}.`,
    expectedOperand: (at: number, found: string) => `At character ${at + 1}: expected a number, a variable, a function or “(”, but found ${found}.`,
    emptyParentheses: (at: number) => `At character ${at + 1}: expected an expression inside the parentheses, but found “)”.`,
    unclosed: (at: number, open: number, found: string) => `At character ${at + 1}: expected “)” to close the parenthesis opened at character ${open + 1}, but found ${found}.`,
    notText: 'The expression must be text.',
    tooLong: (length: number, max: number) => `The expression is ${length} characters long; at most ${max} are allowed.`,
    /** How a piece of the expression is quoted in these messages. */
    quoted: (text: string) => `“${text}”`,
    unprintable: 'a character that cannot be typed here',
    end: 'the end of the expression',
    /** The list of variables or functions in a message. */
    list: (items: readonly string[]) => items.join(', '),
  },
});
