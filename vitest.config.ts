import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_PATH, WEBGL_ARGS } from './tests/support/chromium.ts';

// Test projects:
// - engine-node: the engine suite on the CPU and WASM backends in Node.
// - engine-browser: the same files in headless Chromium (WebGL via SwiftShader, and WASM).
// - content: chapters compiled in Node (unknown tags, KaTeX errors, links).
// - e2e: the production build served on 127.0.0.1 and driven by Playwright.
// When Chromium is missing, the browser projects are left out and tests/e2e/browser-present.test.ts
// fails with a message saying how to install it.
const haveChromium = existsSync(CHROMIUM_PATH);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'engine-node',
          include: ['tests/engine/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      ...(haveChromium
        ? [
            {
              test: {
                name: 'engine-browser',
                include: ['tests/engine/**/*.test.ts'],
                testTimeout: 120_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({
                    launchOptions: { executablePath: CHROMIUM_PATH, args: WEBGL_ARGS },
                  }),
                  instances: [{ browser: 'chromium' as const }],
                },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'content',
          include: ['tests/content/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
