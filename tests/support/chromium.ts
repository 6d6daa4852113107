// Where the headless Chromium lives and how it is launched, for every browser test.
// WebGL comes from SwiftShader (a software GPU); `--use-gl=disabled` removes WebGL entirely,
// since `--disable-webgl` alone still leaves OffscreenCanvas with a WebGL 2 context.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const common = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// WebGL (for TensorFlow.js) from SwiftShader; the page itself rasterised and composited in software,
// which on a CPU costs less than doing the same through SwiftShader.
export const WEBGL_ARGS = [...common, '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-rasterization', '--disable-gpu-compositing'];
export const NO_WEBGL_ARGS = [...common, '--use-gl=disabled'];

/** Throws a message saying how to get a browser when none is installed: never a silent pass. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Browser tests need one: ` +
        '`apt-get update && apt-get install -y chromium` (Debian), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return CHROMIUM_PATH;
}
