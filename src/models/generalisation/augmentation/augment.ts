// Label-preserving variations of a 28×28 digit (Shorten & Khoshgoftaar 2019, "A survey on image
// data augmentation for deep learning"): a small shift, a small rotation about the centre, Gaussian
// pixel noise, and the horizontal flip, which for digits is the wrong one (a 2 becomes an S, a 3
// faces the other way). Each is a pure function of a plain image, row by row, values in [0, 1];
// what is random comes from a seeded generator, so the same seed draws the same copies.
import { Random } from '../../../engine/index.ts';

export const SIDE = 28;
const CENTRE = (SIDE - 1) / 2;

/** The value at (row, col) read between pixels by bilinear interpolation; 0 outside the image. */
export function sampleBilinear(image: ArrayLike<number>, row: number, col: number): number {
  const r0 = Math.floor(row);
  const c0 = Math.floor(col);
  if (r0 < -1 || r0 >= SIDE || c0 < -1 || c0 >= SIDE) return 0;
  const fr = row - r0;
  const fc = col - c0;
  // The four neighbours, each 0 where it falls outside (inlined: this runs for every pixel of every copy).
  const top = r0 >= 0;
  const bottom = r0 + 1 < SIDE;
  const left = c0 >= 0;
  const right = c0 + 1 < SIDE;
  const i = r0 * SIDE + c0;
  const a = top && left ? image[i] : 0;
  const b = top && right ? image[i + 1] : 0;
  const c = bottom && left ? image[i + SIDE] : 0;
  const d = bottom && right ? image[i + SIDE + 1] : 0;
  return (1 - fr) * ((1 - fc) * a + fc * b) + fr * ((1 - fc) * c + fc * d);
}

/**
 * The image moved `dx` pixels right and `dy` pixels down, what leaves the frame lost and what
 * enters it blank. Whole-pixel moves copy pixels exactly; fractional ones interpolate.
 */
export function shiftImage(image: ArrayLike<number>, dx: number, dy: number): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  const whole = Number.isInteger(dx) && Number.isInteger(dy);
  for (let r = 0; r < SIDE; r++)
    for (let c = 0; c < SIDE; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (whole) out[r * SIDE + c] = sr < 0 || sr >= SIDE || sc < 0 || sc >= SIDE ? 0 : image[sr * SIDE + sc];
      else out[r * SIDE + c] = sampleBilinear(image, sr, sc);
    }
  return out;
}

/**
 * The image turned `degrees` anticlockwise (as seen on screen) about its centre. Each output pixel
 * reads the input where the inverse rotation takes it, interpolated between the four nearest pixels.
 */
export function rotateImage(image: ArrayLike<number>, degrees: number): Float32Array {
  if (degrees === 0) return Float32Array.from(image);
  const t = (degrees * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const out = new Float32Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++)
    for (let c = 0; c < SIDE; c++) {
      // Screen coordinates with y up: x = c − centre, y = centre − r; rotate back by −θ.
      const x = c - CENTRE;
      const y = CENTRE - r;
      const sx = cos * x + sin * y;
      const sy = -sin * x + cos * y;
      out[r * SIDE + c] = sampleBilinear(image, CENTRE - sy, sx + CENTRE);
    }
  return out;
}

/** Each pixel plus Gaussian noise of standard deviation `sigma`, kept in [0, 1]. */
export function addNoise(image: ArrayLike<number>, sigma: number, rng: Random): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, image[i] + (sigma > 0 ? rng.normal(0, sigma) : 0)));
  return out;
}

/** The image mirrored left to right. */
export function flipHorizontal(image: ArrayLike<number>): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) out[r * SIDE + c] = image[r * SIDE + (SIDE - 1 - c)];
  return out;
}

/** How strongly each copy varies; all zero (and no flip) is the plain image. */
export interface AugmentSettings {
  /** Largest shift in whole pixels, each way, drawn independently across and down. */
  shift: number;
  /** Largest rotation in degrees, either way. */
  rotation: number;
  /** Standard deviation of the pixel noise. */
  noise: number;
  /** Mirror half of the copies left to right (the augmentation that changes what a digit is). */
  flip: boolean;
}

export const NO_AUGMENTATION: AugmentSettings = { shift: 0, rotation: 0, noise: 0, flip: false };

/** The ranges the figure offers; `safeSettings` keeps any value within them. */
export const LIMITS = { shift: [0, 6], rotation: [0, 180], noise: [0, 0.5] } as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : lo);

/** Settings within the figure's ranges: a value out of range is clamped, one that is not a number is 0. */
export function safeSettings(s: AugmentSettings): AugmentSettings {
  return { shift: Math.round(within(s.shift, LIMITS.shift)), rotation: within(s.rotation, LIMITS.rotation), noise: within(s.noise, LIMITS.noise), flip: Boolean(s.flip) };
}

/** What one copy drew: the values `applyDraw` turns into the image. */
export interface AugmentDraw {
  dx: number;
  dy: number;
  degrees: number;
  flipped: boolean;
}

/** One copy's random choices: shifts uniform over the whole pixels in ±shift, angle uniform in ±rotation. */
export function drawAugmentation(settings: AugmentSettings, rng: Random): AugmentDraw {
  const s = safeSettings(settings);
  const dx = s.shift > 0 ? rng.int(2 * s.shift + 1) - s.shift : 0;
  const dy = s.shift > 0 ? rng.int(2 * s.shift + 1) - s.shift : 0;
  const degrees = s.rotation > 0 ? rng.uniform(-s.rotation, s.rotation) : 0;
  const flipped = s.flip ? rng.next() < 0.5 : false;
  return { dx, dy, degrees, flipped };
}

/** The geometric part of a draw: flip, then rotate about the centre, then shift. */
export function applyDraw(image: ArrayLike<number>, d: AugmentDraw): Float32Array {
  let out: ArrayLike<number> = image;
  if (d.flipped) out = flipHorizontal(out);
  if (d.degrees !== 0) out = rotateImage(out, d.degrees);
  if (d.dx !== 0 || d.dy !== 0) out = shiftImage(out, d.dx, d.dy);
  return out === image ? Float32Array.from(image) : (out as Float32Array);
}

/** One augmented copy of `image`: a fresh draw of every transformation, then the noise. */
export function augment(image: ArrayLike<number>, settings: AugmentSettings, rng: Random): Float32Array {
  return augmentWithDraw(image, settings, rng).image;
}

/** The same, with what was drawn (for the figure's text alternative). */
export function augmentWithDraw(image: ArrayLike<number>, settings: AugmentSettings, rng: Random): { image: Float32Array; draw: AugmentDraw } {
  const s = safeSettings(settings);
  const draw = drawAugmentation(s, rng);
  const moved = applyDraw(image, draw);
  return { image: s.noise > 0 ? addNoise(moved, s.noise, rng) : moved, draw };
}

/** `count` copies of one image from `seed`: the figure's preview grid. */
export function augmentedCopies(image: ArrayLike<number>, settings: AugmentSettings, count: number, seed: number): { image: Float32Array; draw: AugmentDraw }[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, () => augmentWithDraw(image, settings, rng));
}
