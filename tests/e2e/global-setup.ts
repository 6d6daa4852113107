// Builds the site once in test mode (chapters from tests/pages and the test widgets included),
// serves dist-test/ on 127.0.0.1 and hands the URL, the base path and the page list to the e2e
// files. The site is built and served under a sub-path (E2E_BASE, default /deep/learning/), as a
// host that serves the book from a folder would, so every e2e check also checks that each request
// and each link stays under the base; E2E_BASE=/ tests it at the root.
// E2E_REUSE_BUILD=1 skips the build and serves the site already built there (when it was built for
// the same base): `npm test` builds it beside the type check, then sets it. E2E_DIST=<dir> builds
// into (and serves) another folder than dist-test/, so a run is not disturbed by another build.
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';
import { builtBase, discoverPages, DIST_TEST, type SitePage } from '../support/site.ts';
import { buildTestSite, E2E_BASE } from '../support/test-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteOrigin: string;
    /** The path the site is served under, starting and ending with `/`. */
    siteBase: string;
    sitePages: SitePage[];
    /** The built site's folder, for checks that read its files. */
    siteDir: string;
  }
}

const SITE_DIR = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : DIST_TEST;
const BASE = E2E_BASE;

export default async function setup(project: TestProject) {
  if (!(process.env.E2E_REUSE_BUILD === '1' && builtBase(SITE_DIR) === BASE)) {
    console.log(`[e2e] test build took ${(await buildTestSite(SITE_DIR, BASE)).toFixed(1)} s`);
  }
  const pages = discoverPages(SITE_DIR);
  const server = await serveStatic(SITE_DIR, BASE);
  project.provide('siteUrl', server.url);
  project.provide('siteOrigin', server.origin);
  project.provide('siteBase', BASE);
  project.provide('sitePages', pages);
  project.provide('siteDir', SITE_DIR);
  console.log(`[e2e] serving ${pages.length} pages at ${server.url}`);
  return async () => {
    await server.close();
  };
}
