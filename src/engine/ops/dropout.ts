// Inverted dropout (Srivastava et al., 2014): in training, each entry is zeroed with probability p
// and the survivors are scaled by 1/(1−p), so the expected value is unchanged and evaluation needs
// no rescaling. The mask comes from the engine's seeded generator, so a run is reproducible.
import { defaultRandom, type Random } from '../random';
import { tensor, type Tensor } from '../tensor';
import { mul } from './arithmetic';

/** x times a fixed mask of 0 and 1/(1−p): a composite, its gradient the same mask times dy. */
export function dropout(x: Tensor, p: number, training: boolean, rng: Random = defaultRandom()): Tensor {
  if (!(p >= 0 && p <= 1)) throw new Error(`dropout: p must lie in [0, 1], got ${p}`);
  if (!training || p === 0) return x;
  const scale = p === 1 ? 0 : 1 / (1 - p);
  const draws = rng.uniformArray(x.size);
  const maskValues = new Float32Array(x.size);
  for (let i = 0; i < x.size; i++) maskValues[i] = draws[i] < p ? 0 : scale;
  return mul(x, tensor(maskValues, x.shape));
}
