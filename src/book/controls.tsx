// The labelled controls every widget uses, so that they look and behave alike: a slider with its
// value written beside it, a number field that clamps what was typed, a select, a checkbox and a
// text field. Each is the native element (keyboard, screen readers and forms work as usual) with
// its <label> bound to it. `<Controls presenting>` lays them out in a grid, larger when a figure
// is presented to a class.
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { controlStrings } from './strings.ts';
import { formatNumber } from './urlState.ts';

export function Controls({ presenting = false, children }: { presenting?: boolean; children: ReactNode }) {
  return <div className={presenting ? 'controls controls-presenting' : 'controls'}>{children}</div>;
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /** The value as text beside the slider (and for screen readers); `formatNumber` by default. */
  format?: (value: number) => string;
}

export function Slider({ label, value, min, max, step = 1, onChange, format = formatNumber }: SliderProps) {
  const id = useId();
  const shown = Number.isFinite(value) ? format(value) : '–';
  return (
    <div className="control control-slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Number.isFinite(value) ? value : min}
        aria-valuetext={shown}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v)) onChange(clamp(v, min, max));
        }}
      />
      <output htmlFor={id} className="control-value">
        {shown}
      </output>
    </div>
  );
}

/** A value on a log scale, rounded to two significant digits: what a log slider gives back. */
export const fromLogPosition = (position: number) => Number((10 ** position).toPrecision(2));

/**
 * A slider over a quantity that spans decades (a learning rate, a scale): the thumb moves along
 * log₁₀ of the value, in steps of `step` decades, and hands back the value rounded to two
 * significant digits. `min`, `max`, `value` and `format` speak of the value itself.
 */
export function LogSlider({ label, value, min, max, step = 0.05, onChange, format = formatNumber }: SliderProps) {
  return (
    <Slider
      label={label}
      value={Math.log10(value)}
      min={Math.log10(min)}
      max={Math.log10(max)}
      step={step}
      format={(position) => format(fromLogPosition(position))}
      onChange={(position) => onChange(fromLogPosition(position))}
    />
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Round what was typed to a whole number. */
  integer?: boolean;
  onChange: (value: number) => void;
}

/**
 * A number typed freely, taken when it is a number within range (so the arrow keys act at once);
 * while what is typed is not taken, a note says why and which value is still in use; on Enter or
 * leaving the field, a value out of range is clamped and one that is not a number is put back to
 * the last value, each with a short note saying so.
 */
export function NumberField({ label, value, min, max, step = 1, integer = false, onChange }: NumberFieldProps) {
  const id = useId();
  const [textValue, setText] = useState(() => formatNumber(value));
  const [note, setNote] = useState('');

  // A value set from outside (reset, a link, another control) replaces what the field shows.
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : formatNumber(value)));
  }, [value]);

  const parse = (t: string): number | null => {
    const v = Number(t);
    return t.trim() === '' || !Number.isFinite(v) ? null : integer ? Math.round(v) : v;
  };

  const commit = () => {
    const v = parse(textValue);
    if (v === null) {
      setText(formatNumber(value));
      setNote(controlStrings.notANumber(formatNumber(min), formatNumber(max), formatNumber(value)));
      return;
    }
    const c = clamp(v, min, max);
    setText(formatNumber(c));
    setNote(c !== v ? controlStrings.clamped(formatNumber(c)) : '');
    if (c !== value) onChange(c);
  };

  return (
    <div className="control control-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={integer ? Math.max(1, Math.round(step)) : step}
        value={textValue}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const v = parse(t);
          const kept = formatNumber(value);
          if (v === null) setNote(controlStrings.notANumber(formatNumber(min), formatNumber(max), kept));
          else if (v < min || v > max) setNote(controlStrings.outOfRange(formatNumber(v), formatNumber(min), formatNumber(max), kept, formatNumber(clamp(v, min, max))));
          else {
            setNote('');
            if (v !== value) onChange(v);
          }
        }}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span id={`${id}-note`} className="control-note" aria-live="polite">
        {note}
      </span>
    </div>
  );
}

interface SelectProps<C extends string> {
  label: string;
  value: C;
  /** The values in order, each with the text shown for it (the value itself when absent). */
  options: readonly (C | { value: C; label: string })[];
  onChange: (value: C) => void;
}

export function Select<C extends string>({ label, value, options, onChange }: SelectProps<C>) {
  const id = useId();
  const list = options.map((o) => (typeof o === 'string' ? { value: o, label: o } : o));
  return (
    <div className="control control-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const picked = list.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="control control-checkbox">
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
    </div>
  );
}

export function TextField({
  label,
  value,
  maxLength,
  onChange,
}: {
  label: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="control control-text">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value.slice(0, maxLength))} />
    </div>
  );
}
