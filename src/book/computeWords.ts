// The compute badge's words: which backend the engine computes on, and why. Apart from the
// engine's entry (engineBoot.ts), so that the words can be checked without loading the engine.
import type { EngineInfo } from '../engine/backend';
import { badgeStrings } from './strings.ts';

/** The compute badge's words for a backend. */
export function backendLabel(info: Pick<EngineInfo, 'backend' | 'simd'>): string {
  switch (info.backend) {
    case 'webgl':
      return badgeStrings.webgl;
    case 'wasm':
      return info.simd === false ? badgeStrings.wasm : badgeStrings.wasmSimd;
    case 'cpu':
      return badgeStrings.cpu;
  }
}

/**
 * Why the engine computes where it does, in a sentence for the reader, from the engine's code for
 * its choice (its `reason` is the developer's English, with the details of what failed).
 */
export function backendReason(info: Pick<EngineInfo, 'backend' | 'simd' | 'renderer' | 'choice'>): string {
  const used = backendLabel(info);
  const choice = info.choice;
  switch (choice.code) {
    case 'gpu':
      return badgeStrings.onGpu(info.renderer ?? badgeStrings.unknownRenderer);
    case 'forced':
      return badgeStrings.forced(info.backend);
    case 'moved':
      return badgeStrings.moved(backendLabel({ backend: choice.from }), used);
    case 'fallback':
      if (choice.forcedFailed) return badgeStrings.forcedFailed(choice.forcedFailed, used);
      return choice.webgl === 'software' ? badgeStrings.softwareGl(info.renderer ?? badgeStrings.unknownRenderer, used) : badgeStrings.noGl(used);
  }
}
