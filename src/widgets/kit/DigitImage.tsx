// A small grey-level picture (a digit, a filter, a feature map) drawn on a canvas: an SVG cell per
// pixel would be thousands of elements for a grid of digits. Signed values (filters) use the
// blue–orange scale; a text alternative goes with every picture.
import { useEffect, useRef } from 'react';
import { useTheme } from '../../book/theme.ts';
import { divergingRgb, inkRgb } from './palette.ts';
import './figure.css';

export interface DigitImageProps {
  /** rows·cols values, row by row. */
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  /** CSS pixels per value. */
  scale: number;
  label: string;
  /** 'ink': [0, 1] as ink on paper in the page's theme; 'signed': ±max as blue/orange; 'heat': [0, max] as ink. */
  mode?: 'ink' | 'signed' | 'heat';
  className?: string;
}

export function DigitImage({ values, rows, cols, scale, label, mode = 'ink', className }: DigitImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useTheme() ?? 'light';
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const img = ctx.createImageData(cols, rows);
    let max = 1e-9;
    if (mode !== 'ink') for (let i = 0; i < rows * cols; i++) max = Math.max(max, Math.abs(values[i]));
    for (let i = 0; i < rows * cols; i++) {
      const v = Number.isFinite(values[i]) ? values[i] : 0;
      let rgb: [number, number, number];
      if (mode === 'signed') rgb = divergingRgb(v / max);
      else {
        rgb = inkRgb(mode === 'heat' ? Math.max(0, v) / max : v, theme);
      }
      img.data[4 * i] = rgb[0];
      img.data[4 * i + 1] = rgb[1];
      img.data[4 * i + 2] = rgb[2];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [values, rows, cols, mode, theme]);
  return (
    <canvas
      ref={ref}
      className={className ? `digit-image ${className}` : 'digit-image'}
      width={cols}
      height={rows}
      style={{ width: cols * scale, height: rows * scale }}
      role="img"
      aria-label={label}
    />
  );
}
