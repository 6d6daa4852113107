// How the engine chooses its backend. In Node there is no WebGL, so WebAssembly wins; in the test
// Chromium, WebGL runs on SwiftShader, a software renderer, which must count as no GPU.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { engineInfo, initEngine, onBackendChange, type EngineInfo } from '../../src/engine/backend';

const inBrowser = typeof window !== 'undefined';

async function boot(): Promise<EngineInfo> {
  if (inBrowser) {
    const { bootEngine } = await import('../../src/book/engineBoot');
    return bootEngine();
  }
  return initEngine();
}

describe('initEngine', () => {
  it('chooses once: concurrent calls share one choice', async () => {
    const a = boot();
    const b = boot();
    expect(await a).toBe(await b);
    expect(engineInfo()).toBe(await a);
  });

  it('prefers WebAssembly when WebGL is missing or only software, and says why', async () => {
    const info = await boot();
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.simd).toBe(true);
    if (inBrowser) {
      expect(info.renderer).toMatch(/SwiftShader/i);
      expect(info.choice).toEqual({ code: 'fallback', webgl: 'software' });
      expect(info.reason).toBe('software WebGL (SwiftShader): using WebAssembly');
    } else {
      expect(info.choice).toEqual({ code: 'fallback', webgl: 'unavailable' });
      expect(info.reason).toBe('WebGL unavailable: this environment has no WebGL: using WebAssembly');
    }
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(y.dataSync()[0]).toBe(11);
    tf.dispose(y);
  });

  it('a forced backend wins and listeners hear of the change', async () => {
    await boot();
    const heard: string[] = [];
    const off = onBackendChange((info) => heard.push(info.backend));
    const cpu = await initEngine({ prefer: 'cpu' });
    expect(cpu).toMatchObject({ backend: 'cpu', choice: { code: 'forced' }, reason: 'forced by ?backend=cpu' });
    expect(tf.getBackend()).toBe('cpu');
    expect(engineInfo()).toBe(cpu);
    // Asking again for the same backend changes nothing.
    expect(await initEngine({ prefer: 'cpu' })).toBe(cpu);
    // A call without preference keeps the forced choice.
    expect(await initEngine()).toBe(cpu);
    if (inBrowser) {
      const webgl = await initEngine({ prefer: 'webgl' });
      expect(webgl).toMatchObject({ backend: 'webgl', choice: { code: 'forced' }, reason: 'forced by ?backend=webgl' });
      expect(tf.getBackend()).toBe('webgl');
      expect(heard).toEqual(['cpu', 'webgl']);
    } else {
      const webgl = await initEngine({ prefer: 'webgl' });
      // Forcing a backend that cannot start falls back in the usual order, saying so.
      expect(webgl.backend).toBe('wasm');
      expect(webgl.choice).toEqual({ code: 'fallback', webgl: 'unavailable', forcedFailed: 'webgl' });
      expect(webgl.reason).toMatch(/^\?backend=webgl failed \(this environment has no WebGL\); /);
      expect(heard).toEqual(['cpu', 'wasm']);
    }
    off();
  });
});
