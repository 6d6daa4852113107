// The book's boundaries as ESLint enforces them (eslint.config.js): small pieces of code linted as
// if they sat at a given path. Each crossing must be reported by the import rule, and the imports
// the book relies on must pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/site.ts';

const RULE = 'no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
});

/** The messages of `rule` for `code` linted as the file at `file` (relative to the root). */
async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  // A fatal message (a parse error, an ignored path) would make every case pass for the wrong reason.
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('import boundaries', () => {
  it('keeps TensorFlow.js behind the engine, for widgets and models', async () => {
    expect(await crossings('src/widgets/Neuron/useNeuron.ts', "import * as tf from '@tensorflow/tfjs-core';\nexport const t = tf;\n")).toEqual([
      expect.stringContaining('only through the engine'),
    ]);
    expect(await crossings('src/models/neuron.ts', "export { setBackend } from '@tensorflow/tfjs-core';\n")).toHaveLength(1);
  });

  it("stops a widget importing another widget's folder, its code or its styles", async () => {
    expect(await crossings('src/widgets/Neuron/Neuron.tsx', "import { truthTable } from '../LogicGates/gates.ts';\nexport const g = truthTable;\n")).toEqual([
      expect.stringContaining("no other widget's folder"),
    ]);
    expect(await crossings('src/widgets/DrawDigit/DrawDigit.tsx', "import '../MnistTrainer/mnistTrainer.css';\n")).toHaveLength(1);
    // Deeper in a folder, and by way of widgets/, still another widget.
    expect(await crossings('src/widgets/kit/plot/Plot.tsx', "import { fixed } from '../../Neuron/snap.ts';\nexport const f = fixed;\n")).toHaveLength(1);
    expect(await crossings('src/widgets/Neuron/Neuron.tsx', "import x from '../../widgets/LogicGates/LogicGates.tsx';\nexport const y = x;\n")).toHaveLength(1);
    // The worker script takes its jobs from src/models, never from a widget's folder.
    expect(await crossings('src/widgets/workers/jobs.ts', "import { xorJob } from '../XorLive/xorJob.ts';\nexport const j = xorJob;\n")).toHaveLength(1);
  });

  it('keeps React, the shell, the widgets and the models out of the engine', async () => {
    expect(await crossings('src/engine/ops/util.ts', "import { useState } from 'react';\nexport const u = useState;\n")).toEqual([
      expect.stringContaining('no React'),
    ]);
    expect(await crossings('src/engine/train.ts', "import { createRoot } from 'react-dom/client';\nexport const r = createRoot;\n")).toHaveLength(1);
    expect(await crossings('src/engine/ops/util.ts', "import { fixed } from '../../widgets/kit/format.ts';\nexport const f = fixed;\n")).toHaveLength(1);
    expect(await crossings('src/engine/index.ts', "export * from '../models/neuron.ts';\nexport * from '../book/site.ts';\n")).toHaveLength(2);
  });

  it('keeps views and the shell out of the models', async () => {
    expect(await crossings('src/models/neuron.ts', "import Neuron from '../widgets/Neuron/Neuron.tsx';\nexport const n = Neuron;\n")).toEqual([
      expect.stringContaining('A model imports no view'),
    ]);
    expect(await crossings('src/models/mnist/mnistStore.ts', "import { fixed } from '../../widgets/kit/format.ts';\nexport const f = fixed;\n")).toHaveLength(1);
    expect(await crossings('src/models/mnist/mnistStore.ts', "import { dataUrl } from '../../book/engineBoot.ts';\nexport const d = dataUrl;\n")).toHaveLength(1);
  });

  it('lets through the imports the book is built on', async () => {
    const widget = [
      "import { tidy } from '../../engine/index.ts';",
      "import { evaluateNeuron } from '../../models/neuron.ts';",
      "import { Controls } from '../../book/controls.tsx';",
      "import { fixed } from '../kit/format.ts';",
      "import { snapTo } from './snap.ts';",
      "import '../kit/figure.css';",
      'export const all = [tidy, evaluateNeuron, Controls, fixed, snapTo];',
    ].join('\n');
    expect(await crossings('src/widgets/Neuron/Neuron.tsx', widget)).toEqual([]);
    expect(await crossings('src/widgets/kit/plot/Plot.tsx', "import { fixed } from '../format.ts';\nimport { seriesColors } from '../palette.ts';\nexport const p = [fixed, seriesColors];\n")).toEqual([]);
    expect(await crossings('src/models/mnist/inspect.ts', "import { tidy } from '../../engine/index.ts';\nimport { IMAGE_SIDE } from './cnnModel.ts';\nexport const i = [tidy, IMAGE_SIDE];\n")).toEqual([]);
    expect(await crossings('src/engine/train.ts', "import * as tf from '@tensorflow/tfjs-core';\nimport { Random } from './random.ts';\nexport const e = [tf, Random];\n")).toEqual([]);
    // The registry names each chapter's widgets; the worker script names training jobs, from the models.
    expect(await crossings('src/widgets/registry/neurons.ts', "import type { NeuronProps } from '../Neuron/Neuron.tsx';\nexport type P = NeuronProps;\n")).toEqual([]);
    expect(await crossings('src/widgets/workers/jobs.ts', "import { sequenceJob } from '../../models/sequence/sequenceJob.ts';\nexport const j = sequenceJob;\n")).toEqual([]);
  });
});
