// The Lab's experiments: a choice of preset and, for the chosen one, its question and commentary.
import { memo } from 'react';
import { Select } from '../../book/controls.tsx';
import { PRESET_NAMES, type PresetName } from './presets.ts';
import { labStrings as s } from './strings.ts';

export const PresetBar = memo(function PresetBar({ preset, onPick }: { preset: PresetName | 'none'; onPick: (name: PresetName | 'none') => void }) {
  const options = [{ value: 'none' as const, label: s.presetNone }, ...PRESET_NAMES.map((name) => ({ value: name, label: s.presetNames[name] }))];
  return (
    <div className="lab-presets">
      <Select label={s.preset} value={preset} options={options} onChange={onPick} />
      {preset === 'none' ? null : (
        <>
          <p className="lab-commentary">{s.presetText[preset]}</p>
          <button type="button" onClick={() => onPick(preset)}>
            {s.presetAgain}
          </button>
        </>
      )}
    </div>
  );
});
