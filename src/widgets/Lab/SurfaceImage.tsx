// A grid of colours shown as an image filling a plot's drawing area (or a canvas of its own for a
// unit's small map): painted into a canvas one pixel per cell and scaled smoothly by the browser.
import { useEffect, useRef } from 'react';
import { usePlotScales } from '../kit/index.ts';
import { paintGrid } from './draw.ts';

type Rgb = [number, number, number];

function paint(canvas: HTMLCanvasElement, size: number, colour: (i: number) => Rgb): boolean {
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const image = ctx.createImageData(size, size);
  paintGrid(image.data, size, colour);
  ctx.putImageData(image, 0, 0);
  return true;
}

/** Inside a <Plot>: the surface over the whole plotted square. `version` changes when the colours do. */
export function SurfaceImage({ size, colour, version }: { size: number; colour: (i: number) => Rgb; version: unknown }) {
  const { inner } = usePlotScales();
  const ref = useRef<SVGImageElement>(null);
  useEffect(() => {
    const canvas = document.createElement('canvas');
    if (ref.current && paint(canvas, size, colour)) ref.current.setAttribute('href', canvas.toDataURL());
  }, [version, size]); // eslint-disable-line react-hooks/exhaustive-deps -- `colour` is new at every render; `version` says when it changed
  return <image ref={ref} className="lab-surface" x={inner.left} y={inner.top} width={inner.width} height={inner.height} preserveAspectRatio="none" />;
}

/** A canvas of its own (a unit's map), sized by CSS; repainted when `version` changes. */
export function GridCanvas({ size, colour, version, className }: { size: number; colour: (i: number) => Rgb; version: unknown; className?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) paint(ref.current, size, colour);
  }, [version, size]); // eslint-disable-line react-hooks/exhaustive-deps -- as above
  return <canvas ref={ref} className={className} aria-hidden="true" />;
}
