// The four figures' link schemas: the defaults and ranges the chapter relies on, and every choice
// the figures offer being one their logic knows.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { data } from '../../src/engine/index.ts';
import { activationExplorerSchema } from '../../src/widgets/ActivationExplorer/ActivationExplorer.tsx';
import { activationOps } from '../../src/widgets/ActivationExplorer/curves.ts';
import { explorerStrings } from '../../src/widgets/ActivationExplorer/strings.ts';
import { gradientDepthSchema } from '../../src/widgets/GradientDepth/GradientDepth.tsx';
import { linearVsNonlinearSchema } from '../../src/widgets/LinearVsNonlinear/LinearVsNonlinear.tsx';
import { linearStrings } from '../../src/widgets/LinearVsNonlinear/strings.ts';
import { softmaxTemperatureSchema } from '../../src/widgets/SoftmaxTemperature/SoftmaxTemperature.tsx';
import { activationsWidgets } from '../../src/widgets/registry/activations.ts';

describe('chapter 2 widget schemas', () => {
  it('ActivationExplorer starts at sigmoid, nothing to compare, x = 1', () => {
    expect(initialState(activationExplorerSchema, {}).state).toEqual({ fn: 'sigmoid', compare: 'none', x: 1 });
    for (const name of activationExplorerSchema.fn.choices) {
      expect(activationOps[name]).toBeTypeOf('function');
      expect(explorerStrings.names[name]).toBeTruthy();
      expect(explorerStrings.formulas[name]).toBeTruthy();
    }
  });

  it('LinearVsNonlinear offers every classification set of the engine', () => {
    expect(initialState(linearVsNonlinearSchema, {}).state).toEqual({ dataset: 'circle', hidden: 8, activation: 'tanh' });
    expect([...linearVsNonlinearSchema.dataset.choices]).toEqual([...data.classificationSets]);
    for (const d of data.classificationSets) expect(linearStrings.datasetNames[d]).toBeTruthy();
  });

  it('SoftmaxTemperature: [2, 1, 0.1] at T = 1; 2 to 6 logits; T from 0.1 to 10', () => {
    expect(initialState(softmaxTemperatureSchema, {}).state).toEqual({ logits: [2, 1, 0.1], temperature: 1 });
    expect(softmaxTemperatureSchema.logits).toMatchObject({ minLength: 2, maxLength: 6 });
    expect(softmaxTemperatureSchema.temperature).toMatchObject({ min: 0.1, max: 10 });
    const clamped = initialState(softmaxTemperatureSchema, { temperature: 50 });
    expect(clamped.state.temperature).toBe(10);
  });

  it('GradientDepth: sigmoid, 10 layers, Xavier; depth 2 to 20', () => {
    const { state } = initialState(gradientDepthSchema, {});
    expect(state).toMatchObject({ activation: 'sigmoid', depth: 10, init: 'xavier', log: true });
    expect(gradientDepthSchema.depth).toMatchObject({ min: 2, max: 20 });
  });

  it('the registry names the four widgets as the chapter writes them', () => {
    expect(Object.keys(activationsWidgets).sort()).toEqual(['ActivationExplorer', 'GradientDepth', 'LinearVsNonlinear', 'SoftmaxTemperature']);
  });
});
