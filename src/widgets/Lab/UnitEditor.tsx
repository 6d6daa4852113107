// One unit's parameters as number fields: its bias and the weight from each unit feeding it. What
// the reader types goes to the network at once; training, if it runs, goes on from there. Opened
// from a unit (its bias first) or from a line (that weight's field takes the focus); Escape closes.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { NumberField } from '../../book/controls.tsx';
import { labStrings as s } from './strings.ts';

/** Typed parameters are kept within this size (a larger one only makes the run diverge). */
const LIMIT = 100;

export interface UnitEditorProps {
  name: string;
  sources: readonly string[];
  weights: readonly number[];
  bias: number;
  /** The weight whose field takes the focus, or null for the bias. */
  focus: number | null;
  onWeight: (from: number, value: number) => void;
  onBias: (value: number) => void;
  onClose: () => void;
}

export function UnitEditor({ name, sources, weights, bias, focus, onWeight, onBias, onClose }: UnitEditorProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const inputs = ref.current?.querySelectorAll('input');
    inputs?.[focus === null ? 0 : focus + 1]?.focus();
  }, [name, focus]);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="lab-editor" ref={ref} role="group" aria-label={s.editorTitle(name)} onKeyDown={onKey}>
      <h5>{s.editorTitle(name)}</h5>
      <p className="lab-help">{s.editorHint}</p>
      <div className="lab-editor-fields">
        <NumberField label={s.editorBias} value={bias} min={-LIMIT} max={LIMIT} step={0.1} onChange={onBias} />
        {weights.map((w, i) => (
          <NumberField key={i} label={s.editorWeight(sources[i])} value={w} min={-LIMIT} max={LIMIT} step={0.1} onChange={(v) => onWeight(i, v)} />
        ))}
      </div>
      <button type="button" onClick={onClose}>
        {s.editorClose}
      </button>
    </div>
  );
}
