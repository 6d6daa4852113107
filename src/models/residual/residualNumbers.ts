// The numbers the chapter quotes about plain and residual networks, computed by the engine from the
// figure's own defaults and seed, so the text and the figure say the same thing: how the gradient
// is spread over the blocks at the start, and where each network stands after so many steps.
import { tensor, tidy } from '../../engine/index.ts';
import { buildNet, NETWORKS, specOf, type NetworkName } from './deepNets.ts';
import { gradientNormsNow, ResidualRace, spiralPoints, type RaceConfig } from './residualRace.ts';

/** The figure's starting settings. */
export const DEFAULT_RACE: RaceConfig = { blocks: 20, width: 32, norm: 'batch', optimizer: 'adam', learningRate: 0.003 };
export const DEFAULT_SEED = 1;
/** The step at which the chapter compares the four. */
export const QUOTED_STEPS = 100;

export interface StartingGradients {
  /** ‖∂L/∂W‖ per block at the starting weights, block 1 (next to the input) first. */
  norms: number[];
  /** Block 1's norm over the last block's. */
  firstOverLast: number;
}

/** Each network's gradient norms per block at its starting weights, and block 1's over the last's. */
export function startingGradients(config: RaceConfig = DEFAULT_RACE, seed = DEFAULT_SEED): Record<NetworkName, StartingGradients> {
  const points = spiralPoints();
  const x = tensor(points.x);
  const y = tensor(points.y.map((v) => [v]));
  try {
    const entries = NETWORKS.map((name) => {
      const net = buildNet(specOf(name, config.norm), { blocks: config.blocks, width: config.width, seed });
      try {
        const norms = gradientNormsNow(net, x, y);
        return [name, { norms, firstOverLast: norms[0] / norms[norms.length - 1] }] as const;
      } finally {
        net.model.dispose();
      }
    });
    return Object.fromEntries(entries) as Record<NetworkName, StartingGradients>;
  } finally {
    x.dispose();
    y.dispose();
  }
}

export interface Standing {
  /** Training loss and accuracy at the last step it took (null if it took none). */
  loss: number | null;
  accuracy: number | null;
  /** The step at which its loss diverged, or null. */
  divergedAt: number | null;
}

/** Where each network stands after `steps` steps of the race (the figure's run, step for step). */
export function standingAfter(steps: number, config: RaceConfig = DEFAULT_RACE, seed = DEFAULT_SEED): Record<NetworkName, Standing> {
  const race = new ResidualRace(config, seed);
  try {
    for (let i = 1; i <= steps && !race.finished(); i++) tidy(() => void race.step(i));
    const entries = race.view().map((n) => [n.name, { loss: n.loss, accuracy: n.accuracy, divergedAt: n.stop?.step ?? null }] as const);
    return Object.fromEntries(entries) as Record<NetworkName, Standing>;
  } finally {
    race.dispose();
  }
}
