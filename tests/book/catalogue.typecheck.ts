// Checked by the type check only (`tsc`, which includes tests/), never run: what the type of another
// locale's table of a catalogue accepts and refuses. Each `@ts-expect-error` fails the type check
// if the line below it stops being an error.
import { catalogue, type OtherTables, type Translation } from '../../src/i18n/index.ts';

const en = {
  play: 'Train',
  metrics: (step: number, loss: string) => `Step ${step} · loss ${loss}`,
  names: { relu: 'ReLU', tanh: 'tanh' },
  columns: ['loss', 'steps'] as const,
};

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | undefined {
  return undefined;
}

// A complete table in other words is accepted, English literals and `as const` lists included.
export const complete: Translation<typeof en> = {
  play: '训练',
  metrics: (step, loss) => `第 ${step} 步 · 损失 ${loss}`,
  names: { relu: 'ReLU', tanh: '双曲正切' },
  columns: ['损失', '步数'],
};

// @ts-expect-error a missing key
export const missingKey: Translation<typeof en> = {
  play: '训练',
  names: { relu: 'ReLU', tanh: '双曲正切' },
  columns: ['损失', '步数'],
};

export const wrongParameters: Translation<typeof en> = {
  play: '训练',
  // @ts-expect-error a function whose parameters differ from the English one's
  metrics: (step: string) => step,
  names: { relu: 'ReLU', tanh: '双曲正切' },
  columns: ['损失', '步数'],
};

export const wrongResult: Translation<typeof en> = {
  play: '训练',
  // @ts-expect-error a function that returns something other than a string
  metrics: (step: number) => step,
  names: { relu: 'ReLU', tanh: '双曲正切' },
  columns: ['损失', '步数'],
};

export const missingNested: Translation<typeof en> = {
  play: '训练',
  metrics: (step, loss) => `${step} ${loss}`,
  // @ts-expect-error a nested table without one of its keys
  names: { relu: 'ReLU' },
  columns: ['损失', '步数'],
};

export const shortList: Translation<typeof en> = {
  play: '训练',
  metrics: (step, loss) => `${step} ${loss}`,
  names: { relu: 'ReLU', tanh: '双曲正切' },
  // @ts-expect-error a list of another length
  columns: ['损失'],
};

export const extraKey: Translation<typeof en> = {
  play: '训练',
  metrics: (step, loss) => `${step} ${loss}`,
  names: { relu: 'ReLU', tanh: '双曲正切' },
  columns: ['损失', '步数'],
  // @ts-expect-error a key the English table does not have
  pause: '暂停',
};

// catalogue()'s other tables are exactly these, one optional table per other locale.
expectType<Equal<NonNullable<Parameters<typeof catalogue<typeof en>>[2]>, OtherTables<typeof en>>>();

// The catalogue reads like the English object: same keys, same signatures.
const s = catalogue('typecheck.example', en);
export const played: string = s.play;
export const line: string = s.metrics(1, '0.5');
// @ts-expect-error the English signature holds for every locale
s.metrics('1', '0.5');
// @ts-expect-error no key the English table lacks
export const absent = s.pause;
