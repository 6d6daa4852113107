// `npm run bench`: time per training step of the engine against raw TensorFlow.js, same model,
// data and backend in one run, printed as a ratio (engine / raw; the target is ≤ 1.10).
// Node: cpu and wasm. Then headless Chromium: webgl and wasm, from a page bundled with Vite's build
// API into a temporary folder and served on 127.0.0.1. The model `lab` is the Lab's training step
// against a plain-JS scalar network instead (lab-step.ts), in steps per second, in a table of its own;
// `char1` the character model at batch 1 against a plain-JS scalar LSTM (char-step.ts), in Node and Chromium.
//   options: --node-only, --browser-only, --models mlp,cnn,lstm,charlstm,lab,char1, --steps N (timed steps per side),
//   --backends webgl,wasm (browser), --kernels (instead of timing, count the kernels of one step per side),
//   --crossover (instead, in Node: one op at growing sizes on the engine's small path and in tfjs, crossover.ts),
//   --pages (only the pages' table: pages.ts). A plain `npm run bench` ends with the pages' table
//   (bytes before first paint, largest contentful paint, layout shift, time to ready).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initEngine, type BackendName } from '../../src/engine/backend';
import { requireChromium, WEBGL_ARGS } from '../support/chromium';
import { serveStatic } from '../support/static-server';
import { countKernels, fmt, kernelTable, measureBackend, type BenchPlan, type BenchRow } from './measure';
import { MODEL_TITLES, type ModelName } from './models';
import { CHARS_PER_STEP, charsPerSecond } from './char-model';
import { LAB_MODEL, LAB_TITLE, labTable, measureLab, type LabRow } from './lab-step';
import { crossoverTable } from './crossover';
import { CHAR1_MODEL, CHAR1_TITLE, char1Table, measureChar1, type Char1Row } from './char-step';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const requested = (option('--models') ?? `mlp,cnn,lstm,charlstm,${LAB_MODEL},${CHAR1_MODEL}`).split(',');
const models = requested.filter((m) => m !== LAB_MODEL && m !== CHAR1_MODEL) as ModelName[];
const lab = requested.includes(LAB_MODEL);
const char1 = requested.includes(CHAR1_MODEL);
const steps = Number(option('--steps') ?? 10);
const browserBackends = option('--backends') ?? 'webgl,wasm';
const kernelsOnly = args.includes('--kernels');
const crossover = args.includes('--crossover');
const here = dirname(fileURLToPath(import.meta.url));

/** The pages' table (pages.ts), in a process of its own: it builds and serves the site. */
async function runPages(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'pages.ts')], { stdio: 'inherit' });
}
if (args.includes('--pages')) {
  await runPages();
  process.exit(0);
}

/** The plain-JS cpu backend is 30–300× slower than the others on the conv and LSTM models: fewer steps there. */
function nodePlan(backend: BackendName): (m: ModelName) => BenchPlan {
  return (m) => (backend === 'cpu' && m !== 'mlp' ? { warmup: 1, steps: Math.max(3, Math.round(steps / 3)) } : { warmup: 3, steps });
}

const char1Rows: { where: string; row: Char1Row }[] = [];

async function runNode(): Promise<{ rows: BenchRow[]; labRows: LabRow[] }> {
  const rows: BenchRow[] = [];
  const labRows: LabRow[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    const info = await initEngine({ prefer: backend });
    if (info.backend !== backend) {
      console.log(`node ${backend}: unavailable (${info.reason})`);
      continue;
    }
    if (kernelsOnly) {
      for (const row of await countKernels(models)) console.log(`node ${kernelTable(row)}\n`);
      continue;
    }
    if (crossover) {
      console.log(`${crossoverTable(backend)}\n`);
      continue;
    }
    rows.push(...(await measureBackend(models, nodePlan(backend), (line) => console.log(`node ${line}`))));
    if (lab) labRows.push(await measureLab((line) => console.log(`node ${line}`)));
    if (char1) char1Rows.push({ where: 'node', row: measureChar1(backend, (line) => console.log(`node ${line}`)) });
  }
  return { rows, labRows };
}

async function runBrowser(): Promise<{ rows: BenchRow[]; labRows: LabRow[]; char1Rows: Char1Row[]; renderer?: string }> {
  const executablePath = requireChromium();
  const { build } = await import('vite');
  const { chromium } = await import('playwright-core');
  const outDir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  try {
    await build({ root: here, base: './', configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4096 } });
    const server = await serveStatic(outDir);
    const browser = await chromium.launch({ executablePath, headless: true, args: WEBGL_ARGS });
    try {
      const page = await browser.newPage();
      page.on('console', (m) => {
        if (m.text().startsWith('bench:')) console.log(`chromium ${m.text().slice(7)}`);
      });
      page.on('pageerror', (e) => console.log(`chromium page error: ${e.message}`));
      await page.goto(`${server.url}index.html?steps=${steps}&models=${requested.join(',')}&backends=${browserBackends}&kernels=${kernelsOnly ? 1 : 0}`);
      await page.waitForFunction(() => window.benchDone === true, undefined, { timeout: 240_000, polling: 500 });
      const result = await page.evaluate(() => window.benchResult!);
      if (result.error) throw new Error(`benchmark page failed: ${result.error}`);
      return result;
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function table(rows: BenchRow[], where: string): string {
  const lines = [
    `| where | backend | model | engine ms/step | tfjs ms/step | engine / tfjs |`,
    `|---|---|---|---:|---:|---:|`,
  ];
  for (const r of rows) {
    const ratio = r.engineMs !== null && r.rawMs !== null ? (r.engineMs / r.rawMs).toFixed(2) : 'n/a';
    lines.push(`| ${where} | ${r.backend} | ${MODEL_TITLES[r.model]} | ${fmt(r.engineMs)} | ${fmt(r.rawMs)} | ${ratio} |`);
  }
  return lines.join('\n');
}

const t0 = Date.now();
const sections: string[] = [];
const notes: string[] = [];
const leaks: string[] = [];
const charRows: string[] = [];
const labRows: { where: string; row: LabRow }[] = [];
const collect = ({ rows, labRows: labs = [] }: { rows: BenchRow[]; labRows?: LabRow[] }, where: string) => {
  if (rows.length) sections.push(table(rows, where));
  for (const row of labs) {
    labRows.push({ where, row });
    if (row.note) notes.push(`${where} ${row.backend} ${LAB_MODEL}: ${row.note}`);
    if (row.leaked !== 0) leaks.push(`${where} ${row.backend} ${LAB_MODEL}: ${row.leaked} tensors left behind`);
  }
  for (const r of rows.filter((row) => row.model === 'charlstm')) {
    charRows.push(`| ${where} | ${r.backend} | ${charsPerSecond(r.engineMs)} | ${charsPerSecond(r.rawMs)} |`);
  }
  for (const r of rows) {
    if (r.note) notes.push(`${where} ${r.backend} ${r.model}: ${r.note}`);
    if (r.leaked !== 0) leaks.push(`${where} ${r.backend} ${r.model}: ${r.leaked} tensors left behind`);
  }
};
if (!args.includes('--browser-only')) collect(await runNode(), 'node');
if (!args.includes('--node-only')) {
  const result = await runBrowser();
  collect(result, 'chromium');
  char1Rows.push(...result.char1Rows.map((row) => ({ where: 'chromium', row })));
  if (result.renderer) notes.push(`chromium WebGL renderer: ${result.renderer}`);
}
if (kernelsOnly || crossover) {
  const restricted = ['--node-only', '--browser-only', '--models', '--kernels', '--crossover'].some((flag) => args.includes(flag));
if (!restricted) await runPages();
console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exit(0);
}
if (sections.length) {
  console.log(`\nMedian time per training step (${steps} timed steps per side after warm-up; ratio target ≤ 1.10)\n`);
  console.log(sections.join('\n\n').replace(/\n\n\| where[^\n]*\n\|---[^\n]*/g, ''));
}
if (charRows.length) {
  console.log(`\nCharacter model: characters per second (${CHARS_PER_STEP} per training step)\n`);
  console.log(['| where | backend | engine chars/s | tfjs chars/s |', '|---|---|---:|---:|', ...charRows].join('\n'));
}
if (labRows.length) {
  console.log(`\n${LAB_TITLE}: engine steps/s, plain-JS reference steps/s, engine / reference (about 1 s per side, interleaved, after 2,100 warm-up steps)\n`);
  console.log(labTable(labRows));
}
if (char1Rows.length) {
  console.log(`\n${CHAR1_TITLE}: engine characters/s, plain-JS reference characters/s (about 1 s per side, interleaved, after a warm-up)\n`);
  console.log(char1Table(char1Rows));
  for (const { where, row } of char1Rows) {
    if (row.note) notes.push(`${where} ${row.backend} ${CHAR1_MODEL}: ${row.note}`);
    if (row.leaked !== 0) leaks.push(`${where} ${row.backend} ${CHAR1_MODEL}: ${row.leaked} tensors left behind`);
  }
}
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
if (leaks.length) {
  console.log(`\nMemory leaks:\n${leaks.map((n) => `- ${n}`).join('\n')}`);
  process.exitCode = 1;
}
const restricted = ['--node-only', '--browser-only', '--models', '--kernels', '--crossover'].some((flag) => args.includes(flag));
if (!restricted) await runPages();
console.log(`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
