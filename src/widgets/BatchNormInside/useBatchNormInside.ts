// The figure's engine side: one BatchNormStream, kept between renders by a StreamKeeper so that
// "next batch" costs one forward pass, and built again from the seed when it must (see
// StreamKeeper). React gets plain numbers only; the stream is disposed when the figure goes.
import { useEffect, useMemo, useState } from 'react';
import type { EngineStatus } from '../kit/index.ts';
import { StreamKeeper, type StreamSetting } from './batchNormStream.ts';
import { pictureOf, type BatchNormPicture, type PictureRequest } from './picture.ts';

export type BatchNormResult = { picture: BatchNormPicture; error: null } | { picture: null; error: string };

export function useBatchNormInside(engine: EngineStatus, o: StreamSetting & PictureRequest): BatchNormResult | null {
  const [keeper] = useState(() => new StreamKeeper());
  useEffect(() => () => keeper.dispose(), [keeper]);
  const { seed, batchSize, momentum, batches, evalBatches, mode, gamma, beta } = o;
  const gammaKey = gamma.join(' ');
  const betaKey = beta.join(' ');
  return useMemo(() => {
    if (!engine.ready) return null;
    try {
      const stream = keeper.streamFor({ seed, batchSize, momentum }, batches, engine.backend);
      return { picture: pictureOf(stream, { batches, evalBatches, mode, gamma, beta }), error: null };
    } catch (e) {
      keeper.dispose();
      return { picture: null, error: e instanceof Error ? e.message : String(e) };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- γ and β by their values (the lists are new objects at every update)
  }, [keeper, engine.ready, engine.backend, seed, batchSize, momentum, batches, evalBatches, mode, gammaKey, betaKey]);
}

/** Time between batches when the figure runs several: slow enough to watch the lines grow. */
const STEP_MS = 90;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Takes n batches through `advance`, one every STEP_MS (all at once when the reader asks for
 * reduced motion); a run stops when `blocked` (the figure's limit). `advance` must be stable.
 */
export function useBatchRunner(advance: (n: number) => void, blocked: boolean): { running: boolean; run: (n: number) => void; stop: () => void } {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const id = setTimeout(() => {
      if (!blocked) advance(1);
      setLeft(blocked ? 0 : left - 1);
    }, STEP_MS);
    return () => clearTimeout(id);
  }, [left, blocked, advance]);
  return {
    running: left > 0 && !blocked,
    run: (n) => {
      if (reducedMotion()) advance(n);
      else setLeft(n);
    },
    stop: () => setLeft(0),
  };
}
