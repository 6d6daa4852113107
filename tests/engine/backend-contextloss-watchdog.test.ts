// A lost WebGL context whose `webglcontextlost` event never reaches the engine: the watchdog that
// polls the context while a read-back is pending must notice, and the engine move to WebAssembly
// just as it does on the event. Needs WebGL, so it runs in Chromium.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { engineInfo, initEngine } from '../../src/engine/backend';
import { trainingRun, wasmPaths } from './contextloss-support';

const inBrowser = typeof window !== 'undefined';
const block = inBrowser ? describe : describe.skip;

block(`WebGL context loss without its event${inBrowser ? '' : ' [skipped: needs WebGL, which Node lacks; runs in the engine-browser project]'}`, () => {
  it('the watchdog moves a running loop to WebAssembly within a few frames', async () => {
    // As in a browser that never fires the event: nobody (tfjs, the engine) may listen for it on
    // the canvas the WebGL backend creates now.
    const addEventListener = EventTarget.prototype.addEventListener;
    const dropped: string[] = [];
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | AddEventListenerOptions)?]) {
      if (type === 'webglcontextlost') dropped.push(type);
      else addEventListener.call(this, type, ...rest);
    };
    let info;
    try {
      info = await initEngine({ prefer: 'webgl', wasmPaths: await wasmPaths() });
    } finally {
      EventTarget.prototype.addEventListener = addEventListener;
    }
    expect(info.backend).toBe('webgl');
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    const run = trainingRun();
    run.loop.play();
    const before = await run.until((s) => s.step >= 10 && s.backend === 'webgl');

    const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    expect(gl.isContextLost()).toBe(true);

    const after = await run.until((s) => s.backend === 'wasm' && s.step >= before.step + 10);
    run.loop.pause();
    expect(engineInfo()).toMatchObject({ backend: 'wasm', choice: { code: 'moved', from: 'webgl' } });
    expect(after.frameLosses.every(Number.isFinite)).toBe(true);
    expect(run.frames.every((s) => s.state === 'running' || s.state === 'paused')).toBe(true);
    await run.dispose();
  });
});
