// The LSTM cell for one unit and one character, drawn with its live values: the old cell state
// goes through the forget gate, the input gate lets the candidate in, the sum is the new cell
// state, and the output gate shows tanh of it as the hidden state. Each box is coloured on the
// diverging scale (gates centred at 0.5) and carries its number.
import { useId } from 'react';
import { divergingColor, textSize } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { insideStrings as s } from './strings.ts';

export interface CellValues {
  i: number;
  f: number;
  g: number;
  o: number;
  cBefore: number;
  c: number;
  h: number;
}

const TEXT_SCALE = 0.85; // the palette's ends are too dark for dark text; stop short of them

function Box({ x, y, w, label, value, gate, scale = 1 }: { x: number; y: number; w: number; label: string; value: number; gate?: boolean; scale?: number }) {
  const t = gate ? 2 * value - 1 : scale > 0 ? value / scale : 0;
  return (
    <g>
      <rect x={x} y={y - 17} width={w} height={34} rx={6} fill={divergingColor(TEXT_SCALE * Math.max(-1, Math.min(1, t)))} stroke="currentColor" strokeWidth={1.2} />
      <text x={x + w / 2} y={y + 5} textAnchor="middle" fill="#111" style={textSize(15)}>
        {label} = {fixed(value, 2, { signedZero: true })}
      </text>
    </g>
  );
}

function Op({ x, y, sign }: { x: number; y: number; sign: string }) {
  return (
    <g>
      <circle cx={x} cy={y} r={13} fill="none" stroke="currentColor" strokeWidth={1.5} />
      <text x={x} y={y + 5} textAnchor="middle" style={textSize(16)} fill="currentColor">
        {sign}
      </text>
    </g>
  );
}

export function CellDiagram({ v, title, description, cellScale }: { v: CellValues; title: string; description: string; cellScale: number }) {
  const id = useId().replace(/:/g, '');
  const arrow = `url(#${id}-arrow)`;
  const line = { stroke: 'currentColor', strokeWidth: 1.5, fill: 'none', markerEnd: arrow } as const;
  const cs = Math.max(cellScale, Math.abs(v.cBefore), Math.abs(v.c), 1e-6);
  return (
    <svg className="li-diagram" viewBox="0 0 600 250" role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0 L10 5 L0 10 z" fill="currentColor" />
        </marker>
      </defs>
      {/* The cell's own line, left to right: c₋₁ → ×f → + → c */}
      <Box x={10} y={40} w={120} label={s.cellSymbols.cBefore} value={v.cBefore} scale={cs} />
      <path d="M130 40 H198" {...line} />
      <Op x={212} y={40} sign="×" />
      <Box x={160} y={100} w={105} label={s.cellSymbols.f} value={v.f} gate />
      <path d="M212 83 V56" {...line} />
      <path d="M225 40 H318" {...line} />
      <Op x={332} y={40} sign="+" />
      <path d="M345 40 H418" {...line} />
      <Box x={420} y={40} w={130} label={s.cellSymbols.c} value={v.c} scale={cs} />
      {/* What enters: i × g */}
      <Box x={230} y={160} w={90} label={s.cellSymbols.i} value={v.i} gate />
      <Box x={330} y={160} w={90} label={s.cellSymbols.g} value={v.g} />
      <Op x={332} y={110} sign="×" />
      <path d="M275 143 L320 118" {...line} />
      <path d="M375 143 L343 119" {...line} />
      <path d="M332 97 V56" {...line} />
      {/* What is shown: o × tanh(c) */}
      <path d="M485 57 V96" {...line} />
      <text x={495} y={82} style={textSize(13)} fill="currentColor">
        {s.cellSymbols.tanh}
      </text>
      <Op x={485} y={110} sign="×" />
      <Box x={360} y={222} w={100} label={s.cellSymbols.o} value={v.o} gate />
      <path d="M440 205 L476 121" {...line} />
      <path d="M492 122 L530 203" {...line} />
      <Box x={480} y={222} w={115} label={s.cellSymbols.h} value={v.h} />
    </svg>
  );
}
