// `npm run bench:mnist`: accuracy against time of the live CNN from the trainer widget's default
// settings, in headless Chromium on the WebAssembly backend without WebGL (a machine without a
// GPU). It builds the site (or uses --dist DIR), opens the chapter, presses Train and reads the
// widget's own counters every few seconds: training time, images seen, samples/s and the last test
// accuracy with the images and time it was measured at; with a test build (`vite build --mode test`)
// also the engine's live tensor count, and from a PerformanceObserver the long tasks (over 50 ms)
// the page ran while training, the delay before the page answers a key press (one every 250 ms) and
// the gaps between animation frames; and the tensor count the training worker reports. One run,
// printed; not a test.
//   options: --seconds N (default 180), --dist DIR (an existing `vite build` output), --webgl,
//   --no-worker (a test build only: the page trains on its own thread, to compare),
//   --backend wasm|cpu|webgl (default wasm; webgl wants --webgl)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NO_WEBGL_ARGS, requireChromium, WEBGL_ARGS } from '../support/chromium';
import { builtBase } from '../support/site';
import { serveStatic } from '../support/static-server';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(option('--seconds') ?? 180);
const webgl = args.includes('--webgl');
const backendName = option('--backend') ?? 'wasm';
const root = resolve(import.meta.dirname, '..', '..');

interface Reading {
  wall: number;
  seconds: number;
  samples: number;
  samplesPerSecond: number;
  stepsPerFrame: number;
  accuracy: number | null;
  accuracySamples: number | null;
  accuracySeconds: number | null;
  tensors: number | null;
  workerTensors: number | null;
}

async function main(): Promise<void> {
  const executablePath = requireChromium();
  let dist = option('--dist');
  let temp: string | null = null;
  if (!dist) {
    const { build } = await import('vite');
    temp = mkdtempSync(join(tmpdir(), 'mnist-bench-'));
    await build({ root, logLevel: 'warn', build: { outDir: temp, emptyOutDir: true } });
    dist = temp;
  }
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(dist, builtBase(dist) ?? '/');
  const browser = await chromium.launch({ executablePath, headless: true, args: webgl ? WEBGL_ARGS : NO_WEBGL_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    await page.goto(`${server.url}chapters/convolutional-networks/?backend=${backendName}${args.includes('--no-worker') ? '&worker=off' : ''}`);
    const widget = page.locator('[data-widget="MnistTrainer"]');
    await widget.scrollIntoViewIfNeeded();
    const train = widget.getByRole('button', { name: 'Train' });
    await train.waitFor();
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('[data-widget="MnistTrainer"] button')].find((x) => x.textContent === 'Train');
      return b instanceof HTMLButtonElement && !b.disabled;
    }, undefined, { timeout: 120_000 });
    const backend = await widget.locator('[data-compute-badge] .compute-badge-text').first().textContent().catch(() => null);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __inputDelays: number[]; __frameGaps: number[] };
      w.__longTasks = [];
      w.__inputDelays = [];
      w.__frameGaps = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      // How long a key press waits before the page answers it: the event's time stamp is taken
      // when the browser receives it, the listener runs once the main thread is free.
      document.addEventListener('keydown', (e) => w.__inputDelays.push(performance.now() - e.timeStamp), true);
    });
    // As a string: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(`{ let last = performance.now(); const frame = (t) => { window.__frameGaps.push(t - last); last = t; requestAnimationFrame(frame); }; requestAnimationFrame(frame); }`);
    const start = Date.now();
    await train.click();
    const readings: Reading[] = [];
    const stats = widget.locator('[data-samples]');
    while ((Date.now() - start) / 1000 < seconds + 1) {
      // A key press every 250 ms while training runs (Shift: it changes nothing on the page).
      for (let k = 0; k < 20; k++) {
        await page.keyboard.press('Shift');
        await page.waitForTimeout(250);
      }
      const a = (name: string) => stats.getAttribute(name);
      const num = async (name: string) => {
        const v = await a(name);
        return v === null || v === '' ? null : Number(v);
      };
      readings.push({
        wall: (Date.now() - start) / 1000,
        seconds: (await num('data-seconds')) ?? 0,
        samples: (await num('data-samples')) ?? 0,
        samplesPerSecond: (await num('data-samples-per-second')) ?? 0,
        stepsPerFrame: (await num('data-steps-per-frame')) ?? 0,
        accuracy: await num('data-test-accuracy'),
        accuracySamples: await num('data-test-samples'),
        accuracySeconds: await num('data-test-seconds'),
        tensors: await page.evaluate(() => (window as unknown as { __bookTensorCount?: () => number }).__bookTensorCount?.() ?? null),
        workerTensors: await page.evaluate(() => (window as unknown as { __jobTensors?: Record<string, number> }).__jobTensors?.mnist ?? null),
      });
      const r = readings[readings.length - 1];
      console.log(
        `t=${r.seconds.toFixed(0)} s  images ${r.samples}  ${r.samplesPerSecond} samples/s  ${r.stepsPerFrame} steps/frame  ` +
          `test accuracy ${r.accuracy === null ? '–' : `${(100 * r.accuracy).toFixed(2)}% (at ${r.accuracySamples} images, ${r.accuracySeconds} s)`}` +
          (r.tensors === null ? '' : `  ${r.tensors} tensors on the page`) +
          (r.workerTensors === null ? '' : `, ${r.workerTensors} in the worker`),
      );
    }
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __inputDelays: number[]; __frameGaps: number[] };
      return { __longTasks: w.__longTasks, __inputDelays: w.__inputDelays, __frameGaps: w.__frameGaps };
    });
    const longTasks = measured.__longTasks.sort((x, y) => x - y);
    const delays = measured.__inputDelays.sort((x, y) => x - y);
    const gaps = measured.__frameGaps.sort((x, y) => x - y);
    const where = await widget.locator('[data-trains-in]').textContent().catch(() => null);
    const q = (v: number[], p: number) => (v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(1) : '–');
    const first97 = readings.find((r) => r.accuracy !== null && r.accuracy >= 0.97);
    const speeds = readings.map((r) => r.samplesPerSecond).filter((v) => v > 0);
    console.log(`\nMNIST trainer, default settings, ${webgl ? 'WebGL flags' : 'no WebGL'}, backend ${backend ?? `${backendName} (forced)`}`);
    console.log(`median samples/s ${speeds.sort((x, y) => x - y)[Math.floor(speeds.length / 2)] ?? 0}`);
    console.log(
      longTasks.length
        ? `long tasks (> 50 ms) while training: ${longTasks.length}, median ${longTasks[Math.floor(longTasks.length / 2)].toFixed(0)} ms, longest ${longTasks[longTasks.length - 1].toFixed(0)} ms`
        : 'no long tasks (> 50 ms) while training',
    );
    console.log(where ?? 'where training ran: not shown');
    console.log(`key presses: ${delays.length}, input delay median ${q(delays, 0.5)} ms, 95th percentile ${q(delays, 0.95)} ms, longest ${q(delays, 1)} ms`);
    console.log(`animation frames: ${gaps.length}, gap median ${q(gaps, 0.5)} ms, 95th percentile ${q(gaps, 0.95)} ms, longest ${q(gaps, 1)} ms`);
    console.log(first97 ? `test accuracy ≥ 97% first seen at ${first97.accuracySeconds} s of training (${first97.accuracySamples} images)` : `test accuracy did not reach 97% within ${seconds} s`);
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

await main();
