// What the engine asks of TensorFlow.js's WebGL context: which renderer draws (a real GPU or a
// software one), whether the context is lost, and the event that says it was.
import * as tf from '@tensorflow/tfjs-core';

/** Renderers that run on the CPU: slower than WebAssembly on the same machine. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render/i;

interface WebGLBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** The webgl backend's context, once that backend has been set up. */
export function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | undefined {
  return (tf.findBackend('webgl') as unknown as WebGLBackendLike | null)?.gpgpu?.gl;
}

export function webglRenderer(): string | undefined {
  const gl = webglContext();
  if (!gl) return undefined;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const value = gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof value === 'string' ? value : undefined;
}

export function isSoftwareRenderer(renderer: string | undefined): boolean {
  return renderer !== undefined && SOFTWARE_RENDERER.test(renderer);
}

/** A renderer's short name for a message: 'SwiftShader' rather than ANGLE's whole string. */
export function shortRenderer(renderer: string | undefined): string {
  const m = renderer?.match(SOFTWARE_RENDERER);
  if (!m) return renderer ?? 'renderer unknown';
  return /swiftshader/i.test(m[0]) ? 'SwiftShader' : m[0];
}

let watchedCanvas: unknown = null;

/** Calls `lost` when the webgl backend's context is lost (once per canvas: later calls add nothing). */
export function onWebglContextLost(lost: () => void): void {
  const canvas = webglContext()?.canvas as (EventTarget & object) | undefined;
  if (!canvas || canvas === watchedCanvas || typeof canvas.addEventListener !== 'function') return;
  watchedCanvas = canvas;
  canvas.addEventListener('webglcontextlost', (event) => {
    // preventDefault says the page would like the context back; the engine moves on regardless.
    event.preventDefault();
    lost();
  });
}
