// The Lab's state: its schema (what a link carries), its presets (every key a setting, every value
// one the schema takes), links written and read back as they were, a malformed link falling back
// part by part with a notice, and the translation from the flat state to the training job's
// configuration (features that fit the data, a loss that fits the task, layers in order).
import { describe, expect, it } from 'vitest';
import { checkValue, decodeState, encodeState, initialState, type FieldSpec } from '../../src/book/urlState.ts';
import { featuresOf, hiddenParts, labConfig, labLive, labSchema, layersOf, lossOf, MAX_LINK_POINTS, pointsList, pointsOf, withLayers, type LabState } from '../../src/widgets/Lab/labState.ts';
import { PRESET_NAMES, presets } from '../../src/widgets/Lab/presets.ts';

const defaults = initialState(labSchema).state;
const withState = (u: Partial<LabState>): LabState => ({ ...defaults, ...u });

describe('the Lab’s state', () => {
  it('starts as TensorFlow Playground does: circle, x₁ and x₂, layers of 4 and 2 tanh units, batch 10, rate 0.03', () => {
    const config = labConfig(defaults);
    expect(config.data).toMatchObject({ set: 'circle', trainFraction: 0.5, noise: 0 });
    expect(config.network.features).toEqual(['x1', 'x2']);
    expect(config.network.layers).toEqual([
      { units: 4, activation: 'tanh', dropout: 0 },
      { units: 2, activation: 'tanh', dropout: 0 },
    ]);
    expect(labLive(defaults)).toEqual({ learningRate: 0.03, regularizer: 'none', regularizationRate: 0.001, batchSize: 10 });
  });

  it('has presets whose every setting is one the schema takes as it is', () => {
    for (const name of PRESET_NAMES) {
      for (const [key, value] of Object.entries(presets[name])) {
        expect(Object.hasOwn(labSchema, key), `${name}.${key}`).toBe(true);
        const { problem } = checkValue(labSchema[key as keyof typeof labSchema] as FieldSpec, value);
        expect(problem, `${name}.${key}`).toBeNull();
      }
    }
  });

  it('writes every preset into a link that reads back as the same state', () => {
    for (const name of PRESET_NAMES) {
      const state = withState({ ...presets[name], preset: name, hide_export: true, points: [1, -2.5, 0, 3.25, 4, 1] });
      const read = decodeState(labSchema, encodeState(labSchema, state), defaults);
      expect(read.notices).toEqual([]);
      expect(read.state).toEqual(state);
    }
  });

  it('reads a malformed link part by part: good parts kept, bad ones clamped or back to the default, each with a notice', () => {
    const raw = 'set:spiral,layers:4_99_2,act2:swish,lr:1e9,points:1_2_%3Cb%3E,hide_data:true';
    const { state, notices } = decodeState(labSchema, raw, defaults);
    expect(state.set).toBe('spiral');
    expect(state.hide_data).toBe(true);
    // A number out of range is clamped (99 units → 8), as a slider would.
    expect(state.layers).toEqual([4, 8, 2]);
    expect(state.act2).toBe('tanh');
    expect(state.lr).toBe(10);
    expect(state.points).toEqual([]);
    expect(notices.map((n) => n.key)).toEqual(['layers', 'act2', 'lr', 'points']);
  });

  it('never gives the network no inputs, and gives a curve only inputs that vary along x₁', () => {
    const none = { x1: false, x2: false, x1sq: false, x2sq: false, x1x2: false, sinx1: false, sinx2: false };
    expect(featuresOf(withState(none))).toEqual(['x1', 'x2']);
    expect(featuresOf(withState({ ...none, set: 'curve' }))).toEqual(['x1']);
    expect(featuresOf(withState({ set: 'curve', x2: true, x1sq: true, sinx2: true }))).toEqual(['x1', 'x1sq']);
  });

  it('trains a regression on squared error whatever loss was chosen', () => {
    expect(lossOf(withState({ set: 'plane', loss: 'hinge' }))).toBe('mse');
    expect(lossOf(withState({ set: 'spiral', loss: 'hinge' }))).toBe('hinge');
    expect(lossOf(withState({ set: 'own', points: [1, 1, 0.5, 2, 2, 1.5], loss: 'crossEntropy' }))).toBe('mse');
    expect(lossOf(withState({ set: 'own', points: [1, 1, 0, 2, 2, 1], loss: 'crossEntropy' }))).toBe('crossEntropy');
  });

  it('keeps each layer’s activation and dropout by position, and the own points in threes', () => {
    const state = withState({ layers: [3, 5, 2], act1: 'relu', act2: 'gelu', act3: 'sigmoid', dropout: [0.1] });
    expect(layersOf(state)).toEqual([
      { units: 3, activation: 'relu', dropout: 0.1 },
      { units: 5, activation: 'gelu', dropout: 0 },
      { units: 2, activation: 'sigmoid', dropout: 0 },
    ]);
    const removed = withLayers(layersOf(state).filter((_, i) => i !== 0));
    expect(layersOf(withState({ ...state, ...removed }))).toEqual([
      { units: 5, activation: 'gelu', dropout: 0 },
      { units: 2, activation: 'sigmoid', dropout: 0 },
    ]);
    const many = Array.from({ length: MAX_LINK_POINTS + 5 }, (_, i) => ({ x1: i / 100 + 0.004, x2: -1.236, y: i % 2 }));
    const list = pointsList(many);
    expect(list).toHaveLength(3 * MAX_LINK_POINTS);
    expect(pointsOf({ points: list })[1]).toEqual({ x1: 0.01, x2: -1.24, y: 1 });
    // A trailing part of a point (a list cut short) is left out.
    expect(pointsOf({ points: [1, 2, 0, 3] })).toHaveLength(1);
    expect([...hiddenParts(withState({ hide_layers: true, hide_export: true }))]).toEqual(['layers', 'export']);
  });
});
