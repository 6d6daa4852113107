// The plain shapes the dropout figure's model passes around: no tensors, so views and tests use them.
export type Point = readonly [number, number];

/** The network's numbers as plain arrays, weights row-major [in, out] as the engine keeps them. */
export interface NetWeights {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number[];
  w3: number[];
  b3: number[];
}

export const INPUTS = 2;
/** Units in each of the two hidden layers. */
export const UNITS = 8;
