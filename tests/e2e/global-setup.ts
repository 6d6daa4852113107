// Builds the site once in test mode (chapters from tests/pages and the test widgets included),
// serves dist-test/ on 127.0.0.1 and hands the URL, the base path and the page list to the e2e
// files. The site is built and served under a sub-path (E2E_BASE, default /deep/learning/), as a
// host that serves the book from a folder would, so every e2e check also checks that each request
// and each link stays under the base; E2E_BASE=/ tests it at the root.
// E2E_REUSE_BUILD=1 skips the build and serves the site already built there (when it was built for
// the same base). E2E_DIST=<dir> builds into (and serves) another folder than dist-test/, so a run
// is not disturbed by another build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';
import { builtBase, discoverPages, DIST_TEST, normaliseBase, ROOT, type SitePage } from '../support/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteOrigin: string;
    /** The path the site is served under, starting and ending with `/`. */
    siteBase: string;
    sitePages: SitePage[];
  }
}

const SITE_DIR = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : DIST_TEST;
const BASE = normaliseBase(process.env.E2E_BASE ?? '/deep/learning/');

function buildTestSite(): void {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  const [cmd, args] =
    scripts['build:test'] && SITE_DIR === DIST_TEST
      ? ['npm', ['run', '--silent', 'build:test']]
      : [join(ROOT, 'node_modules/.bin/vite'), ['build', '--mode', 'test', '--outDir', SITE_DIR, '--emptyOutDir']];
  // The build must not inherit Vitest's NODE_ENV=test, which would bundle React's development build.
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: BASE };
  for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[key];
  const started = Date.now();
  const result = spawnSync(cmd as string, args as string[], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `The test build failed (${cmd} ${(args as string[]).join(' ')}, exit ${result.status}):\n` +
        `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`,
    );
  }
  console.log(`[e2e] test build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  if (!(process.env.E2E_REUSE_BUILD === '1' && builtBase(SITE_DIR) === BASE)) buildTestSite();
  const pages = discoverPages(SITE_DIR);
  const server = await serveStatic(SITE_DIR, BASE);
  project.provide('siteUrl', server.url);
  project.provide('siteOrigin', server.origin);
  project.provide('siteBase', BASE);
  project.provide('sitePages', pages);
  console.log(`[e2e] serving ${pages.length} pages at ${server.url}`);
  return async () => {
    await server.close();
  };
}
