// Looking inside a trained CNN, as plain numbers for the widgets: class probabilities for one
// image, every feature map after each convolution's ReLU, and the first layer's filters and biases
// (those the maps were made with, so a figure can redo any one value of a first-layer map).
import { noGrad, softmax, tensor, tidy } from '../../engine/index.ts';
import type { nn } from '../../engine/index.ts';
import { convIndices, IMAGE_SIDE, type CnnArchitecture } from './cnnModel.ts';

export interface FeatureMaps {
  /** Side of the maps of this layer. */
  side: number;
  /** One map per filter, side·side values row by row. */
  maps: Float32Array[];
}

export interface Inspection {
  probabilities: number[];
  layers: FeatureMaps[];
  /** The first convolution as it was when the maps were made: one k·k kernel and one bias per filter. */
  first: { kernels: Float32Array[]; bias: number[] };
}

/** image: 28·28 values in [0, 1]. */
export function inspect(model: nn.Sequential, a: CnnArchitecture, image: ArrayLike<number>): Inspection {
  return tidy(() =>
    noGrad(() => {
      const wanted = new Set(convIndices(a).map((i) => i + 1)); // the ReLU after each convolution
      let y = tensor(Float32Array.from(image), [1, IMAGE_SIDE, IMAGE_SIDE, 1]);
      const layers: FeatureMaps[] = [];
      model.layers.forEach((layer, i) => {
        y = layer.forward(y);
        if (wanted.has(i)) {
          const [, side, , channels] = y.shape;
          const flat = y.data();
          const maps = Array.from({ length: channels }, (_, c) => {
            const m = new Float32Array(side * side);
            for (let p = 0; p < side * side; p++) m[p] = flat[p * channels + c];
            return m;
          });
          layers.push({ side, maps });
        }
      });
      const bias = (model.layers[0] as nn.Conv2d).bias;
      return {
        probabilities: Array.from(softmax(y, 1).data()),
        layers,
        first: { kernels: firstLayerFilters(model, a), bias: bias ? Array.from(bias.data()) : new Array<number>(a.filters1).fill(0) },
      };
    }),
  );
}

/** The first convolution's filters: one k·k array per filter (its single input channel). */
export function firstLayerFilters(model: nn.Sequential, a: CnnArchitecture): Float32Array[] {
  const w = (model.layers[0] as nn.Conv2d).weight.data(); // [k, k, 1, filters]
  const k = a.kernel;
  return Array.from({ length: a.filters1 }, (_, f) => {
    const out = new Float32Array(k * k);
    for (let p = 0; p < k * k; p++) out[p] = w[p * a.filters1 + f];
    return out;
  });
}
