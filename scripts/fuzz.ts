// The long widget fuzz, for a run by hand: `npm run fuzz -- --actions 200 --seed 12345 [--page neurons]`.
// Runs the e2e visit without WebGL (tests/e2e/widgets.test.ts: fallback, fuzz, memory) with that many
// random actions per widget after the planned pass (CI runs 20, with a seed taken from the commit).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/support/site.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const env = { ...process.env, FUZZ_ACTIONS: option('--actions') ?? '200' };
const seed = option('--seed');
if (seed !== undefined) env.FUZZ_SEED = seed;
const page = option('--page');
const vitestArgs = ['run', '--project', 'e2e', 'tests/e2e/widgets.test.ts', ...(page ? ['-t', page] : [])];
console.log(`fuzz: ${env.FUZZ_ACTIONS} random actions per widget, seed ${seed ?? 'from the commit'}${page ? `, pages matching "${page}"` : ''}`);
const child = spawn(join(ROOT, 'node_modules/.bin/vitest'), vitestArgs, { cwd: ROOT, env, stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
