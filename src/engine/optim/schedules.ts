// Learning-rate schedules, after torch.optim.lr_scheduler. Each is a pure function of the epoch
// (so a widget can plot a whole schedule without an optimiser) and a small class that writes it
// into an optimiser's `lr` each time `step()` is called, once per epoch, after the epoch's
// optimiser steps (PyTorch's order).

/** base·γ^⌊epoch / stepSize⌋: divide by 1/γ every `stepSize` epochs. */
export function stepLR(baseLr: number, epoch: number, stepSize: number, gamma = 0.1): number {
  return baseLr * gamma ** Math.floor(epoch / stepSize);
}

/** base·γ^epoch. */
export function exponentialLR(baseLr: number, epoch: number, gamma: number): number {
  return baseLr * gamma ** epoch;
}

/**
 * Cosine annealing without restarts (the schedule of SGDR, Loshchilov & Hutter 2017):
 * ηmin + (base − ηmin)·(1 + cos(π·epoch / tMax)) / 2, from base at epoch 0 to ηmin at tMax.
 * This is PyTorch's closed form; past tMax the cosine climbs back, as PyTorch's does.
 */
export function cosineAnnealingLR(baseLr: number, epoch: number, tMax: number, etaMin = 0): number {
  return etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * epoch) / tMax))) / 2;
}

/**
 * Linear warm-up: base·epoch / warmup, from 0 at epoch 0 up to base at `warmup`, then base. The
 * warm-up of Hugging Face's get_cosine_schedule_with_warmup (after the gradual warm-up of Goyal et
 * al. 2017, §2.2); a schedule that follows it starts its own epoch count at `warmup`.
 */
export function linearWarmupLR(baseLr: number, epoch: number, warmup: number): number {
  return warmup > 0 && epoch < warmup ? (baseLr * Math.max(0, epoch)) / warmup : baseLr;
}

/** Anything with a settable learning rate (every Optimizer). */
export interface HasLearningRate {
  lr: number;
}

export abstract class LRScheduler {
  /** The learning rate the optimiser had when the schedule was attached. */
  readonly baseLr: number;
  /** Epochs completed (calls to `step()`). */
  epoch = 0;

  constructor(protected readonly optimizer: HasLearningRate) {
    this.baseLr = optimizer.lr;
  }

  /** The schedule's learning rate at `epoch`. */
  abstract lrAt(epoch: number): number;

  /** Ends an epoch: advances the count and sets the optimiser's lr; returns the new lr. */
  step(): number {
    this.epoch += 1;
    this.optimizer.lr = this.lrAt(this.epoch);
    return this.optimizer.lr;
  }

  /** The first `epochs` learning rates, from epoch 0 (for plotting a schedule). */
  preview(epochs: number): number[] {
    return Array.from({ length: epochs }, (_, e) => this.lrAt(e));
  }
}

export class StepLR extends LRScheduler {
  constructor(
    optimizer: HasLearningRate,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    super(optimizer);
    if (!(Number.isInteger(stepSize) && stepSize > 0)) throw new Error(`StepLR: stepSize must be a positive integer, got ${stepSize}`);
  }

  lrAt(epoch: number): number {
    return stepLR(this.baseLr, epoch, this.stepSize, this.gamma);
  }
}

export class ExponentialLR extends LRScheduler {
  constructor(
    optimizer: HasLearningRate,
    readonly gamma: number,
  ) {
    super(optimizer);
    if (!(gamma > 0)) throw new Error(`ExponentialLR: gamma must be positive, got ${gamma}`);
  }

  lrAt(epoch: number): number {
    return exponentialLR(this.baseLr, epoch, this.gamma);
  }
}

export class CosineAnnealingLR extends LRScheduler {
  constructor(
    optimizer: HasLearningRate,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    super(optimizer);
    if (!(tMax > 0)) throw new Error(`CosineAnnealingLR: tMax must be positive, got ${tMax}`);
  }

  lrAt(epoch: number): number {
    return cosineAnnealingLR(this.baseLr, epoch, this.tMax, this.etaMin);
  }
}
