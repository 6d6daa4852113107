// The backpropagation figures' link schemas: the defaults the chapter relies on, every choice a
// figure offers being one its logic knows, and a hostile expression arriving by link reaching
// only the parser, which refuses it.
import { describe, expect, it } from 'vitest';
import { decodeState, initialState } from '../../src/book/urlState.ts';
import { presetExpressions, presets } from '../../src/widgets/GraphStepper/build.ts';
import { graphStepperSchema } from '../../src/widgets/GraphStepper/GraphStepper.tsx';
import { parseExpression, VARIABLES } from '../../src/widgets/kit/expression/parse.ts';
import { stepperStrings } from '../../src/widgets/GraphStepper/strings.ts';
import { gradientCheckSchema } from '../../src/widgets/GradientCheck/GradientCheck.tsx';
import { checkStrings } from '../../src/widgets/GradientCheck/strings.ts';
import { trainingStepSchema } from '../../src/widgets/TrainingStep/TrainingStep.tsx';
import { stages } from '../../src/widgets/TrainingStep/network.ts';
import { trainingStepStrings } from '../../src/widgets/TrainingStep/strings.ts';
import { vanishingGradientsSchema } from '../../src/widgets/VanishingGradients/VanishingGradients.tsx';
import { xorLiveSchema } from '../../src/widgets/XorLive/XorLive.tsx';
import { backpropagationWidgets } from '../../src/widgets/registry/backpropagation.ts';

describe('backpropagation widget schemas', () => {
  it('GraphStepper starts on (a·b + c)·d at step 0; every preset has a name and parses', () => {
    const { state } = initialState(graphStepperSchema, {});
    expect(state).toMatchObject({ preset: 'chain', step: 0 });
    expect(state.values).toHaveLength(VARIABLES.length);
    for (const p of presets) expect(stepperStrings.presetNames[p]).toBeTruthy();
    for (const src of Object.values(presetExpressions)) expect(parseExpression(src).ok).toBe(true);
    expect(parseExpression(state.expression).ok).toBe(true);
  });

  it('a hostile expression in a link is kept as text, cut to the limit, and refused by the parser', () => {
    const base = initialState(graphStepperSchema, {}).state;
    const { state } = decodeState(graphStepperSchema, 'preset:typed,expression:constructor', base);
    expect(state.preset).toBe('typed');
    const r = parseExpression(state.expression);
    expect(r.ok).toBe(false);
    const long = decodeState(graphStepperSchema, `expression:${'a'.repeat(500)}`, base).state.expression;
    expect(long.length).toBeLessThanOrEqual(graphStepperSchema.expression.maxLength);
  });

  it('TrainingStep: x = (1, 0.5), y = 1, η = 0.5, seed 1, one stage title per stage', () => {
    expect(initialState(trainingStepSchema, {}).state).toEqual({ x1: 1, x2: 0.5, y: 1, learningRate: 0.5, seed: 1, stage: 0 });
    expect(trainingStepSchema.stage.max).toBe(stages.length - 1);
    for (const st of stages) expect(trainingStepStrings.stageTitles[st]).toBeTruthy();
    expect(initialState(trainingStepSchema, { learningRate: 1e9 }).state.learningRate).toBe(50);
  });

  it('GradientCheck: w1, correct rule, ε = 10⁻³; every rule and parameter named', () => {
    expect(initialState(gradientCheckSchema, {}).state).toEqual({ param: 'w1', rule: 'correct', logEps: -3 });
    for (const r of gradientCheckSchema.rule.choices) expect(checkStrings.ruleNames[r]).toBeTruthy();
    for (const p of gradientCheckSchema.param.choices) expect(checkStrings.paramNames[p]).toBeTruthy();
  });

  it('XorLive and VanishingGradients start where the chapter says', () => {
    expect(initialState(xorLiveSchema, {}).state).toEqual({ hidden: 3, learningRate: 1, seed: 1 });
    expect(initialState(vanishingGradientsSchema, {}).state).toEqual({ activation: 'sigmoid', depth: 10, scale: 1, seed: 1, live: false });
  });

  it('the registry names the five widgets as the chapter writes them', () => {
    expect(Object.keys(backpropagationWidgets).sort()).toEqual(['GradientCheck', 'GraphStepper', 'TrainingStep', 'VanishingGradients', 'XorLive']);
  });
});
