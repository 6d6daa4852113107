// Sequential: layers applied one after the other, named "0", "1", … as in PyTorch, so that
// parameter names ("0.weight", "2.bias") read the same in both.
import type { Tensor } from '../tensor';
import { Module, type TensorModule } from './module';

export class Sequential extends Module {
  readonly layers: readonly TensorModule[];

  constructor(...layers: TensorModule[]) {
    super();
    layers.forEach((layer, i) => this.addModule(String(i), layer));
    this.layers = layers;
  }

  forward(x: Tensor): Tensor {
    let y = x;
    for (const layer of this.layers) y = layer.forward(y);
    return y;
  }

  get length(): number {
    return this.layers.length;
  }
}
