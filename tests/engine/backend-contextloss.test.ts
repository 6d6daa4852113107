// WebGL context loss in the middle of training: the engine must notice (nothing throws, but every
// read-back would wait forever), move to WebAssembly, and carry on from the last weights read
// back: no crash, no hang, no reset, the loss curve unbroken. Needs WebGL, so it runs in Chromium.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { engineInfo, initEngine, onBackendChange } from '../../src/engine/backend';
import { trainingRun, wasmPaths } from './contextloss-support';

const inBrowser = typeof window !== 'undefined';
const block = inBrowser ? describe : describe.skip;

block(`WebGL context loss${inBrowser ? '' : ' [skipped: needs WebGL, which Node lacks; runs in the engine-browser project]'}`, () => {
  it('moves a running loop to WebAssembly and continues from the last read-back', async () => {
    const info = await initEngine({ prefer: 'webgl', wasmPaths: await wasmPaths() });
    expect(info.backend).toBe('webgl');
    const run = trainingRun();
    const { frames, until } = run;
    const initial = run.model.parameters().map((p) => Array.from(p.value.dataSync()));
    const changes: string[] = [];
    const off = onBackendChange((i) => changes.push(i.backend));

    run.loop.play();
    const before = await until((s) => s.step >= 20 && s.backend === 'webgl');
    const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
    gl.getExtension('WEBGL_lose_context')!.loseContext();

    const after = await until((s) => s.backend === 'wasm' && s.step >= before.step + 20);
    run.loop.pause();
    expect(changes).toEqual(['wasm']);
    expect(engineInfo()).toMatchObject({
      backend: 'wasm',
      choice: { code: 'moved', from: 'webgl' },
      reason: 'the WebGL context was lost: moved from webgl to wasm',
    });
    expect(tf.getBackend()).toBe('wasm');
    expect(frames.every((s) => s.state === 'running' || s.state === 'paused')).toBe(true);
    for (const s of frames) {
      expect(s.loss === null || Number.isFinite(s.loss)).toBe(true);
      expect(s.frameLosses.every(Number.isFinite)).toBe(true);
    }
    // The curve is unbroken: step counts never go back, and the first losses on WebAssembly carry
    // on from the last ones on WebGL instead of starting over.
    const steps = frames.map((s) => s.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const lastWebgl = frames.filter((s) => s.backend === 'webgl' && s.loss !== null).at(-1)!;
    const firstWasm = frames.find((s) => s.backend === 'wasm' && s.frameLosses.length > 0)!;
    expect(Math.abs(firstWasm.frameLosses[0] - lastWebgl.loss!)).toBeLessThan(0.2 * lastWebgl.loss!);
    expect(firstWasm.frameLosses[0]).toBeLessThan(frames.find((s) => s.frameLosses.length > 0)!.frameLosses[0]);
    expect(after.loss!).toBeLessThan(lastWebgl.loss! * 1.2);
    // The weights were trained, not reset.
    const now = run.model.parameters().map((p) => Array.from(p.value.dataSync()));
    expect(now).not.toEqual(initial);
    off();
    await run.dispose();
  });
});
