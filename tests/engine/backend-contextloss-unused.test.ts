// Losing a WebGL context the engine passed over (SwiftShader, tried and found to be software)
// must not move the engine: only the loss of the backend in use matters.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { engineInfo, onBackendChange } from '../../src/engine/backend';

const inBrowser = typeof window !== 'undefined';
const block = inBrowser ? describe : describe.skip;

block(`unused WebGL context${inBrowser ? '' : ' [skipped: needs WebGL, which Node lacks; runs in the engine-browser project]'}`, () => {
  it('stays on WebAssembly when the passed-over WebGL context is lost', async () => {
    const { bootEngine } = await import('../../src/book/engineBoot');
    const info = await bootEngine();
    expect(info.backend).toBe('wasm');
    const changes: string[] = [];
    const off = onBackendChange((i) => changes.push(i.backend));
    const gl = (tf.findBackend('webgl') as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
    const lost = new Promise<void>((resolve) => gl.canvas.addEventListener('webglcontextlost', () => resolve(), { once: true }));
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    await lost;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toEqual([]);
    expect(engineInfo()).toBe(info);
    expect(tf.getBackend()).toBe('wasm');
    const y = tf.add(tf.scalar(2), tf.scalar(3));
    expect((await y.data())[0]).toBe(5);
    y.dispose();
    off();
  });
});
