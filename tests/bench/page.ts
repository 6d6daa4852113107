// The browser half of the benchmark: WebGL, then WebAssembly, in one page, the Lab's step included.
// The runner reads `window.benchResult` when `window.benchDone` is set.
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initEngine, type BackendName } from '../../src/engine/backend';
import { LAB_MODEL, measureLab, type LabRow } from './lab-step';
import { CHAR1_MODEL, measureChar1, type Char1Row } from './char-step';
import { countKernels, kernelTable, measureBackend, type BenchRow } from './measure';
import type { ModelName } from './models';

declare global {
  interface Window {
    benchResult?: { rows: BenchRow[]; labRows: LabRow[]; char1Rows: Char1Row[]; renderer?: string; error?: string };
    benchDone?: boolean;
  }
}

const params = new URLSearchParams(location.search);
const steps = Number(params.get('steps') ?? 10);
const requested = (params.get('models') ?? `mlp,cnn,lstm,charlstm,${LAB_MODEL},${CHAR1_MODEL}`).split(',');
const models = requested.filter((m) => m !== LAB_MODEL && m !== CHAR1_MODEL) as ModelName[];
const lab = requested.includes(LAB_MODEL);
const char1 = requested.includes(CHAR1_MODEL);
const backends = (params.get('backends') ?? 'webgl,wasm').split(',') as BackendName[];
const kernels = params.get('kernels') === '1';

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const labRows: LabRow[] = [];
  const char1Rows: Char1Row[] = [];
  let renderer: string | undefined;
  const wasmPaths = {
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
  };
  try {
    for (const backend of backends) {
      const info = await initEngine({ prefer: backend, wasmPaths });
      if (info.backend !== backend) {
        console.log(`bench: ${backend} unavailable (${info.reason})`);
        continue;
      }
      renderer ??= info.renderer;
      if (kernels) {
        for (const row of await countKernels(models)) console.log(`bench: ${kernelTable(row)}`);
        continue;
      }
      rows.push(...(await measureBackend(models, () => ({ warmup: 3, steps }), (line) => console.log(`bench: ${line}`))));
      if (lab) labRows.push(await measureLab((line) => console.log(`bench: ${line}`)));
      if (char1) char1Rows.push(measureChar1(backend, (line) => console.log(`bench: ${line}`)));
    }
    window.benchResult = { rows, labRows, char1Rows, renderer };
  } catch (e) {
    window.benchResult = { rows, labRows, char1Rows, renderer, error: (e as Error).stack ?? String(e) };
  }
  window.benchDone = true;
}

void main();
