// `npm test`: every check the project has, as fast as two cores allow.
// 1. The MNIST binaries are made once, before anything reads them.
// 2. The type check, then ESLint, side by side with the end-to-end test build (each mostly uses one
//    core; the two checks together take about as long as the build). Without the build, the two
//    checks run side by side. ESLint keeps a cache, so a second run reads only the files changed.
// 3. Every Vitest project, the e2e one serving the site just built (E2E_REUSE_BUILD=1). A lint
//    error does not hold the tests back; a type error or a failed build does.
// Arguments go to Vitest (`npm test -- --project book`); with arguments the site is built only if
// the e2e project needs it, by its own global setup.
// Exits non-zero when any step fails, after printing how long each took.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { convertMnist, mnistUpToDate } from '../src/build/mnist.ts';
import { DIST_TEST, ROOT } from '../tests/support/site.ts';
import { buildTestSite, E2E_BASE } from '../tests/support/test-build.ts';

const vitestArgs = process.argv.slice(2);
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const timings: string[] = [];

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`${name} could not start: ${e.message}`);
      resolve(1);
    });
    child.on('close', (code) => {
      timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s${code ? ` (exit ${code})` : ''}`);
      resolve(code ?? 1);
    });
  });
}

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

const publicData = join(ROOT, 'public/data');
if (!mnistUpToDate(publicData)) await timed('MNIST conversion', async () => convertMnist(publicData));

const buildSite = vitestArgs.length === 0;
const typeCheck = () => run('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
// Errors only (`--quiet`): the warnings are the rules being adopted step by step; `npm run lint` lists them.
const lint = () => run('lint', bin('eslint'), ['.', '--quiet', '--cache', '--cache-location', join(ROOT, 'node_modules/.cache/eslint/')]);
const [[typecheck, lintStatus], build] = await Promise.all([
  buildSite ? typeCheck().then(async (code) => [code, await lint()]) : Promise.all([typeCheck(), lint()]),
  buildSite
    ? timed('e2e test build', () => buildTestSite(DIST_TEST, E2E_BASE)).then(
        () => 0,
        (e: Error) => {
          console.error(e.message);
          return 1;
        },
      )
    : Promise.resolve(0),
]);

let tests = 1;
if (typecheck === 0 && build === 0) {
  const env = buildSite ? { ...process.env, E2E_REUSE_BUILD: '1' } : process.env;
  tests = await run('vitest', bin('vitest'), ['run', ...vitestArgs], env);
}
console.log(`\n${timings.join('\n')}`);
process.exit(typecheck || build || tests || lintStatus);
