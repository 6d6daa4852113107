// `npm run bench:lab`: the Lab training live in headless Chromium, as a reader sees it. It builds
// the site (or uses --dist DIR), opens the Lab page at the 'spiral-features' experiment (spiral,
// x₁ and x₂, two hidden layers of 8 tanh units, cross-entropy, Adam at 0.01, batches of 10) with
// each backend forced in a fresh page, presses Train, and for N seconds records: animation frames per second and the slowest
// frames (gaps between animation frames), long tasks, the training speed (steps and epochs a
// second, examples and epochs per frame) from the snapshots the training worker sends, and how
// many pictures the page drew (the unit maps, the output tile and the main surface). It prints one
// table per backend and whether the target holds: at least one epoch of 500 points per frame at 60
// frames a second, and no frame over 50 ms while training. One run, printed; not a test.
//   options: --seconds N (default 20), --dist DIR (an existing `vite build` output),
//   --backends wasm,cpu (default; webgl wants --webgl)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { encodeState } from '../../src/book/urlState.ts';
import { labSchema } from '../../src/widgets/Lab/labState.ts';
import { presets } from '../../src/widgets/Lab/presets.ts';
import { NO_WEBGL_ARGS, requireChromium, WEBGL_ARGS } from '../support/chromium';
import { builtBase } from '../support/site';
import { serveStatic } from '../support/static-server';
import { LAB_INSTRUMENTS, type LabRecording } from './lab-instruments';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(option('--seconds') ?? 20);
const webgl = args.includes('--webgl');
const backends = (option('--backends') ?? 'wasm,cpu').split(',');
const root = resolve(import.meta.dirname, '..', '..');

const PRESET = 'spiral-features';
/** Training points of the preset's set (500 points, half trained on) and its batch (the default). */
const TRAIN_POINTS = 250;
const BATCH = labSchema.batch.default;
/** The target: an epoch of 500 points in every frame at 60 frames a second, no frame over 50 ms. */
const TARGET_EXAMPLES_PER_FRAME = 500;
const TARGET_FPS = 60;
const SLOW_FRAME_MS = 50;
/** Training speeds are taken after this much training (ms), past the start-up. */
const SETTLE_MS = 2000;
/** The time the worker's steps may take per tick (core.ts's default, which the worker keeps): its steps per tick tell its time per step. */
const WORKER_TICK_BUDGET_MS = 40;
/** The page's main-thread totals the browser keeps (Chrome DevTools Protocol, Performance.getMetrics), in seconds. */
const THREAD_METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type ThreadTimes = Record<(typeof THREAD_METRICS)[number], number>;

/**
 * `vite build` into `outDir`, in a process of its own: under tsx's module loader (this script's)
 * the build's pre-rendering step cannot import the server bundle it has just written.
 */
function buildSite(outDir: string): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`vite build failed (exit status ${built.status ?? built.signal})`);
}

/** The preset's settings as the Lab's link (`w.lab=…`): only the fields it sets, over the defaults. */
function presetLink(): string {
  const fields = { preset: PRESET, ...presets[PRESET] } as Record<string, unknown>;
  const schema = Object.fromEntries(Object.keys(fields).map((k) => [k, labSchema[k as keyof typeof labSchema]]));
  return encodeState(schema, fields as never);
}

interface LiveResult {
  backend: string;
  shown: string | null;
  status: string | null;
  recording: LabRecording;
  /** Main-thread time spent during the window, by kind (ms). */
  thread: ThreadTimes;
  windowMs: number;
}

async function runBackend(browser: Browser, url: string, backend: string): Promise<LiveResult> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTimes = async (): Promise<ThreadTimes> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(THREAD_METRICS.map((name) => [name, 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN)])) as ThreadTimes;
    };
    // As a string: tsx would wrap a named function in a helper the page does not have.
    await page.addInitScript(LAB_INSTRUMENTS);
    await page.goto(`${url}lab/?w.lab=${presetLink()}&backend=${backend}`);
    const widget = page.locator('[data-widget="Lab"]');
    const train = widget.getByRole('button', { name: 'Train', exact: true });
    await train.waitFor({ timeout: 60_000 });
    await train.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => {
        const b = [...document.querySelectorAll('[data-widget="Lab"] button')].find((x) => x.textContent === 'Train');
        return b instanceof HTMLButtonElement && !b.disabled;
      },
      undefined,
      { timeout: 120_000 },
    );
    const preset = await widget.locator('select').first().inputValue();
    if (preset !== PRESET) throw new Error(`the Lab opened with the experiment "${preset}", not "${PRESET}"`);
    const shown = await page
      .locator('[data-compute-badge]')
      .first()
      .innerText({ timeout: 2000 })
      .catch(() => null);
    // Let the page settle (the first pictures, fonts) before the clock starts.
    await page.waitForTimeout(1000);
    const before = await threadTimes();
    await page.evaluate('window.__lab.start()');
    await train.click();
    await page.waitForTimeout(seconds * 1000);
    const recording = (await page.evaluate('window.__lab.stop()')) as LabRecording;
    const after = await threadTimes();
    const thread = Object.fromEntries(THREAD_METRICS.map((name) => [name, after[name] - before[name]])) as ThreadTimes;
    const status = await widget.locator('.training-status').first().textContent();
    await widget.getByRole('button', { name: 'Pause', exact: true }).click();
    return { backend, shown: shown?.replace(/\s+/g, ' ').trim() ?? null, status, recording, thread, windowMs: recording.end - recording.start };
  } finally {
    await context.close();
  }
}

const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
const quantile = (s: number[], p: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN);
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** Distinct animation frames in which `calls` happened, per second of the window. */
function perSecond(count: number, windowMs: number): number {
  return (1000 * count) / windowMs;
}

function report(r: LiveResult): { table: string; holds: boolean } {
  const { recording: rec, windowMs } = r;
  const gaps = rec.frames.slice(1).map((t, i) => t - rec.frames[i]);
  const slow = sorted(gaps);
  const slowFrames = gaps.filter((g) => g > SLOW_FRAME_MS).length;
  const fps = perSecond(rec.frames.length, windowMs);
  // Training speed between the first snapshot past the start-up and the last.
  const running = rec.snapshots.filter((s) => s.state === 'running');
  const settled = running.filter((s) => s.t - rec.start >= SETTLE_MS);
  const a = settled[0];
  const b = settled.at(-1);
  const span = a && b && b.t > a.t ? (b.t - a.t) / 1000 : NaN;
  const stepsPerSecond = a && b ? (b.step - a.step) / span : NaN;
  const epochsPerSecond = a && b && a.epoch !== null && b.epoch !== null ? (b.epoch - a.epoch) / span : NaN;
  const examplesPerFrame = (stepsPerSecond * BATCH) / fps;
  const pictures = rec.snapshots.filter((s) => s.picture).length;
  const distinct = (width: number, attached: boolean) => new Set(rec.puts.filter((p) => p.width === width && p.attached === attached).map((p) => p.frame)).size;
  const unitPuts = rec.puts.filter((p) => p.width === 24 && p.attached).length;
  const longest = rec.longTasks.length ? Math.max(...rec.longTasks.map((t) => t.duration)) : 0;
  const longTotal = rec.longTasks.reduce((s, t) => s + t.duration, 0);
  const worst = gaps
    .map((g, i) => ({ g, at: rec.frames[i + 1] - rec.start }))
    .sort((x, y) => y.g - x.g)
    .slice(0, 5)
    .map((w) => `${w.g.toFixed(0)} ms at ${(w.at / 1000).toFixed(1)} s`)
    .join(', ');
  const perTick = sorted(settled.map((s) => s.stepsPerTick));
  const msPerStep = WORKER_TICK_BUDGET_MS / quantile(perTick, 0.5);
  const share = (ms: number) => `${((100 * ms) / windowMs).toFixed(0)}%`;
  const { thread } = r;
  const epochTarget = (stepsPerSecond * BATCH) / TARGET_EXAMPLES_PER_FRAME >= TARGET_FPS && fps >= TARGET_FPS - 1;
  const frameTarget = slowFrames === 0;
  const rows: [string, string][] = [
    ['window (from the Train click)', `${(windowMs / 1000).toFixed(1)} s`],
    ['backend shown by the page', r.shown ?? '–'],
    ['trained in', rec.snapshots.length ? 'the worker' : 'the page (no worker snapshots seen)'],
    ['animation frames a second', f1(fps)],
    ['slowest frame (longest gap between animation frames)', `${f1(slow.at(-1) ?? NaN)} ms`],
    ['99th percentile of the gaps', `${f1(quantile(slow, 0.99))} ms`],
    ['median gap', `${f1(quantile(slow, 0.5))} ms`],
    [`frames over ${SLOW_FRAME_MS} ms`, String(slowFrames)],
    ['five slowest frames', worst || '–'],
    ['long tasks (over 50 ms) on the page', rec.longTasks.length ? `${rec.longTasks.length}, ${longTotal.toFixed(0)} ms in all, longest ${longest.toFixed(0)} ms` : '0'],
    [`training steps a second (batch ${BATCH}, after the first ${SETTLE_MS / 1000} s)`, f1(stepsPerSecond)],
    [`epochs a second (${TRAIN_POINTS} training points)`, `${f2(epochsPerSecond)} (from steps: ${f2((stepsPerSecond * BATCH) / TRAIN_POINTS)})`],
    ['examples per frame', f1(examplesPerFrame)],
    [`epochs per frame (${TRAIN_POINTS} points)`, f2(examplesPerFrame / TRAIN_POINTS)],
    [`epochs of ${TARGET_EXAMPLES_PER_FRAME} points per frame`, f2(examplesPerFrame / TARGET_EXAMPLES_PER_FRAME)],
    ['snapshots with a picture received a second', f1(perSecond(pictures, windowMs))],
    ['unit-map pictures a second (frames that repainted a hidden unit\u2019s map)', f1(perSecond(distinct(24, true), windowMs))],
    ['unit-map repaints a second (putImageData on 24×24 maps)', f1(perSecond(unitPuts, windowMs))],
    ['output-tile pictures a second (50×50 map in the diagram)', f1(perSecond(distinct(50, true), windowMs))],
    ['main output surface pictures a second (50×50 image, toDataURL)', f1(perSecond(rec.dataUrls.filter((d) => d.width === 50).length, windowMs))],
    ['page main thread busy (all tasks)', `${share(thread.TaskDuration)}: script ${share(thread.ScriptDuration)}, style ${share(thread.RecalcStyleDuration)}, layout ${share(thread.LayoutDuration)}`],
    ['worker steps per tick (median)', `${quantile(perTick, 0.5)}, so about ${msPerStep.toFixed(3)} ms a step by the worker's clock`],
    ['share of the wall clock the worker spends in steps', Number.isFinite(msPerStep * stepsPerSecond) ? `${((100 * msPerStep * stepsPerSecond) / 1000).toFixed(0)}%` : '–'],
    ['status line at the end', r.status ?? '–'],
    [`target: ≥ ${TARGET_FPS} epochs of ${TARGET_EXAMPLES_PER_FRAME} points a second at ${TARGET_FPS} frames a second`, epochTarget ? 'holds' : 'does not hold'],
    [`target: no frame over ${SLOW_FRAME_MS} ms while training`, frameTarget ? 'holds' : 'does not hold'],
  ];
  const table = ['| measure | value |', '|---|---:|', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`)].join('\n');
  return { table, holds: epochTarget && frameTarget };
}

async function main(): Promise<void> {
  const executablePath = requireChromium();
  const given = option('--dist');
  const temp = given ? null : mkdtempSync(join(tmpdir(), 'lab-bench-'));
  try {
    if (temp) buildSite(temp);
    const dist = given ?? (temp as string);
    const { chromium } = await import('playwright-core');
    const server = await serveStatic(dist, builtBase(dist) ?? '/');
    const browser = await chromium.launch({ executablePath, headless: true, args: webgl ? WEBGL_ARGS : NO_WEBGL_ARGS });
    try {
      for (const backend of backends) {
        const result = await runBackend(browser, server.url, backend);
        const { table, holds } = report(result);
        console.log(`\nLab, experiment '${PRESET}', backend ${backend} (forced), ${seconds} s of training, ${webgl ? 'WebGL flags' : 'no WebGL'}: the target ${holds ? 'holds' : 'does not hold'}\n`);
        console.log(table);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

await main();
