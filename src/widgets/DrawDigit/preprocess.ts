// A drawing turned into an MNIST-like 28×28 image, the way the MNIST digits themselves were made
// (LeCun et al. 1998): the digit's bounding box is scaled, keeping its aspect ratio, to fit a
// 20×20 box, with anti-aliasing (each new pixel averages the area of the drawing it covers), and
// placed in the 28×28 frame so that its centre of mass is at the centre. Values in [0, 1].
export const SIDE = 28;
export const BOX = 20;
/** Coverage below this counts as empty paper when finding the bounding box. */
export const INK_THRESHOLD = 0.05;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The smallest box holding every pixel above the threshold, or null for an empty drawing. */
export function boundingBox(ink: ArrayLike<number>, w: number, h: number, threshold = INK_THRESHOLD): Box | null {
  let x0 = w;
  let x1 = -1;
  let y0 = h;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Area-average resampling of a box of `src` (width sw) to tw×th: a box filter, so no aliasing. */
export function resampleArea(src: ArrayLike<number>, sw: number, box: Box, tw: number, th: number): Float32Array {
  const out = new Float32Array(tw * th);
  const fx = box.width / tw;
  const fy = box.height / th;
  for (let ty = 0; ty < th; ty++) {
    const sy0 = ty * fy;
    const sy1 = sy0 + fy;
    for (let tx = 0; tx < tw; tx++) {
      const sx0 = tx * fx;
      const sx1 = sx0 + fx;
      let sum = 0;
      for (let y = Math.floor(sy0); y < Math.ceil(sy1); y++) {
        const wy = Math.min(sy1, y + 1) - Math.max(sy0, y);
        for (let x = Math.floor(sx0); x < Math.ceil(sx1); x++) {
          const wx = Math.min(sx1, x + 1) - Math.max(sx0, x);
          sum += wx * wy * src[(box.top + y) * sw + box.left + x];
        }
      }
      out[ty * tw + tx] = sum / (fx * fy);
    }
  }
  return out;
}

/** Centre of mass (x, y) of a w×h image; the geometric centre if it has no mass. */
export function centreOfMass(img: ArrayLike<number>, w: number, h: number): [number, number] {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x];
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return m > 0 ? [sx / m, sy / m] : [w / 2, h / 2];
}

// #region preprocess
/** ink: w·h coverage values in [0, 1] (the canvas's alpha), row by row. Null when nothing is drawn. */
export function toMnist(ink: ArrayLike<number>, w: number, h: number): Float32Array | null {
  const box = boundingBox(ink, w, h);
  if (!box) return null;
  const scale = BOX / Math.max(box.width, box.height); // the longer side becomes 20 pixels
  const tw = Math.max(1, Math.round(box.width * scale));
  const th = Math.max(1, Math.round(box.height * scale));
  const small = resampleArea(ink, w, box, tw, th);
  const [cx, cy] = centreOfMass(small, tw, th);
  const left = Math.round(SIDE / 2 - cx); // put the centre of mass at (14, 14)
  const top = Math.round(SIDE / 2 - cy);
  const out = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const X = x + left;
      const Y = y + top;
      if (X >= 0 && X < SIDE && Y >= 0 && Y < SIDE) out[Y * SIDE + X] = Math.min(1, Math.max(0, small[y * tw + x]));
    }
  }
  return out;
}
// #endregion
