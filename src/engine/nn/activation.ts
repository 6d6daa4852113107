// Activation functions as modules, so that Sequential can hold them between layers
// (PyTorch's nn.ReLU, nn.Tanh, …). Each is a thin wrapper over the op of the same name.
import { elu, gelu, leakyRelu, logSoftmax, relu, sigmoid, softmax, softplus, tanh } from '../ops';
import type { Tensor } from '../tensor';
import { Module } from './module';

export class ReLU extends Module {
  forward(x: Tensor): Tensor {
    return relu(x);
  }
}

export class LeakyReLU extends Module {
  /** PyTorch's default negative slope is 0.01. */
  constructor(readonly negativeSlope = 0.01) {
    super();
  }

  forward(x: Tensor): Tensor {
    return leakyRelu(x, this.negativeSlope);
  }
}

export class ELU extends Module {
  forward(x: Tensor): Tensor {
    return elu(x);
  }
}

export class GELU extends Module {
  forward(x: Tensor): Tensor {
    return gelu(x);
  }
}

export class Tanh extends Module {
  forward(x: Tensor): Tensor {
    return tanh(x);
  }
}

export class Sigmoid extends Module {
  forward(x: Tensor): Tensor {
    return sigmoid(x);
  }
}

export class Softplus extends Module {
  forward(x: Tensor): Tensor {
    return softplus(x);
  }
}

export class Softmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }

  forward(x: Tensor): Tensor {
    return softmax(x, this.axis);
  }
}

export class LogSoftmax extends Module {
  constructor(readonly axis = -1) {
    super();
  }

  forward(x: Tensor): Tensor {
    return logSoftmax(x, this.axis);
  }
}

/** Passes its input through: a placeholder where a configurable model has no layer. */
export class Identity extends Module {
  forward(x: Tensor): Tensor {
    return x;
  }
}
