import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_PATH, WEBGL_ARGS } from './tests/support/chromium.ts';
import { mnistData } from './src/build/mnist.ts';

// Test projects:
// - engine-node: the engine suite on the CPU and WASM backends in Node.
// - book: the shell's pure logic (routing, chapter discovery, MDX options) in Node.
// - engine-browser: the same files in headless Chromium on WebGL (SwiftShader), in one page;
//   backends-smoke also on the browser's WASM and plain-JS backends.
// - engine-browser-backends: the files that choose, lose or switch the backend, a page each.
// - widgets: the widgets' pure logic in Node.
// - content: chapters compiled in Node (unknown tags, KaTeX errors, links, worked numbers).
// - e2e: the production build served on 127.0.0.1 and driven by Playwright.
// When Chromium is missing, the browser projects are left out and tests/e2e/browser-present.test.ts
// fails with a message saying how to install it.
const haveChromium = existsSync(CHROMIUM_PATH);
// A file's beforeAll (worked values computed by the engine, the first MDX compile) shares the two
// cores with the browser files: more than Vitest's default 10 s when they are busy.
const HOOK_TIMEOUT = 120_000;

/** Engine files that set up, lose or switch the engine's own backend: each needs a fresh page. */
const BACKEND_CHOICE_FILES = ['tests/engine/backend-*.test.ts'];

/**
 * Headless Chromium with WebGL from SwiftShader, for the engine's browser projects: a new object
 * for each project, since Vitest writes each project's name into its browser instances.
 */
const engineBrowser = () => ({
  testTimeout: 120_000,
  hookTimeout: HOOK_TIMEOUT,
  browser: {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: WEBGL_ARGS },
    }),
    instances: [{ browser: 'chromium' as const }],
  },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, so a single file at a time on two cores.
    // The browser files spend much of their time waiting on Chromium, and the Node files on
    // imports: two at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Under CI, a JSON report as well, from which .ci/run prints one plain summary line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'engine-node',
          include: ['tests/engine/**/*.test.ts'],
          // The files that choose the backend start from an engine never started (their project below).
          exclude: BACKEND_CHOICE_FILES,
          environment: 'node',
          // Files share a worker's modules (TensorFlow.js imported once per worker, not per file):
          // each file starts the engine it needs and checks tensor counts against its own baseline.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      {
        test: {
          name: 'engine-node-backends',
          include: BACKEND_CHOICE_FILES,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      ...(haveChromium
        ? [
            {
              // The MNIST binaries in public/data/ are made before the browser asks for them.
              plugins: [mnistData()],
              test: {
                ...engineBrowser(),
                name: 'engine-browser',
                // The engine files run on WebGL (the cpu and wasm kernels are Node's too, and
                // engine-node runs them), one after another in one page: the page keeps its WebGL
                // context and SwiftShader's compiled shaders from file to file.
                include: ['tests/engine/**/*.test.ts'],
                exclude: BACKEND_CHOICE_FILES,
                isolate: false,
              },
            },
            {
              plugins: [mnistData()],
              test: {
                ...engineBrowser(),
                // The files that choose, lose or switch the engine's backend, each in a page of its own.
                name: 'engine-browser-backends',
                include: BACKEND_CHOICE_FILES,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'book',
          include: ['tests/book/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          // The first MDX compile loads Shiki's grammars and KaTeX: seconds on a busy 2-core machine.
          testTimeout: 60_000,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      {
        test: {
          name: 'widgets',
          // The widgets' pure logic (models, drawing maths) and the training core that runs their
          // models (tests/models), in Node, engine on the CPU backend.
          include: ['tests/widgets/**/*.test.ts', 'tests/widgets/**/*.test.tsx', 'tests/models/**/*.test.ts'],
          environment: 'node',
          // As engine-node: modules shared between the files of a worker.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds the site in test mode once and serves it; the files share that one server.
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One file at a time: each drives its own Chromium, and two at once only slow each other.
          fileParallelism: false,
          // Tests marked concurrent (one per page in the page, memory, fuzz, worked-number and request
          // checks) run two at a time.
          maxConcurrency: 2,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
