// The end-to-end test site: built once in test mode (chapters from tests/pages and the test widgets
// included) under a sub-path, as a host that serves the book from a folder would. Used by the e2e
// global setup, and by `npm test`, which starts this build beside the type check.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { normaliseBase, ROOT } from './site.ts';

/** The base path the e2e site is built and served under (E2E_BASE, default /deep/learning/). */
export const E2E_BASE = normaliseBase(process.env.E2E_BASE ?? '/deep/learning/');

/**
 * Builds the site in test mode into `outDir` for `base`. Resolves with the seconds it took, or
 * rejects with the build's output.
 */
export function buildTestSite(outDir: string, base: string = E2E_BASE): Promise<number> {
  // The build must not inherit Vitest's NODE_ENV=test, which would bundle React's development build.
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base };
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[key];
  const vite = join(ROOT, 'node_modules/.bin/vite');
  const args = ['build', '--mode', 'test', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(vite, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(new Error(`The test build could not start (${vite}): ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve((Date.now() - started) / 1000);
      else reject(new Error(`The test build failed (vite ${args.join(' ')}, exit ${code}):\n${output}`));
    });
  });
}
