// Owns the XOR network, its optimiser and the four points: the kit's training loop runs the steps,
// and after a frame (at most every PICTURE_INTERVAL ms while running) one forward pass over the
// grid gives the output surface and every hidden unit's surface as plain arrays.
import { useRef } from 'react';
import { tensor, type nn, type optim } from '../../engine/index.ts';
import { gridCenters, useTraining, useTrainingPicture, type Training } from '../kit/index.ts';
import { makeOptimizer, makeXorNet, xorPicture, xorStep, XOR_X, XOR_Y, type XorPicture } from './xor.ts';

export const EXTENT: [number, number] = [-0.5, 1.5];
export const GRID = 32;
const STEPS_PER_FRAME = 5;
const PICTURE_INTERVAL = 100;
const grid = gridCenters({ x: EXTENT, y: EXTENT }, GRID, GRID);

export interface XorLive {
  training: Training;
  picture: XorPicture | null;
}

export function useXorLive(ready: boolean, hidden: number, learningRate: number, seed: number): XorLive {
  const netRef = useRef<nn.Sequential | null>(null);
  const training = useTraining(
    ready
      ? () => {
          const net = makeXorNet(hidden, seed);
          const start = net.stateDict();
          let opt: optim.SGD = makeOptimizer(net, learningRate);
          const x = tensor(XOR_X);
          const y = tensor(XOR_Y.map((v) => [v]));
          netRef.current = net;
          return {
            step: () => xorStep(net, opt, x, y),
            keep: () => [net, x, y],
            onReset: () => {
              net.loadStateDict(start);
              opt.dispose();
              opt = makeOptimizer(net, learningRate);
            },
            dispose: () => {
              if (netRef.current === net) netRef.current = null;
              opt.dispose();
              net.dispose();
              x.dispose();
              y.dispose();
            },
          };
        }
      : null,
    [hidden, learningRate, seed],
    { stepsPerFrame: STEPS_PER_FRAME },
  );

  const picture = useTrainingPicture(training.snapshot, () => (netRef.current ? xorPicture(netRef.current, grid) : null), PICTURE_INTERVAL);
  return { training, picture };
}
