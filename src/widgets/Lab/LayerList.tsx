// The hidden layers as a list the reader edits in place: for each, its units (fewer, more), its
// activation and its dropout, and a button that removes it; a button below adds one. Changing any
// of them builds the network again (same seed).
import { memo } from 'react';
import { Select } from '../../book/controls.tsx';
import { ACTIVATIONS, MAX_LAYERS, MAX_UNITS, type LabActivation, type LabLayer } from '../../models/lab/spec.ts';
import { layersOf, withLayers, type LabState } from './labState.ts';
import { labStrings as s } from './strings.ts';

const DROPOUTS = ['0', '0.1', '0.2', '0.3', '0.5'] as const;
type Dropout = (typeof DROPOUTS)[number];

export const LayerList = memo(function LayerList({ state, onState }: { state: LabState; onState: (update: Partial<LabState>) => void }) {
  const layers = layersOf(state);
  const set = (next: LabLayer[]) => onState(withLayers(next));
  const change = (i: number, part: Partial<LabLayer>) => set(layers.map((l, k) => (k === i ? { ...l, ...part } : l)));
  const activationOptions = ACTIVATIONS.map((a) => ({ value: a, label: s.activations[a] }));
  return (
    <div className="lab-layers">
      <h4>{s.hiddenCount(layers.length)}</h4>
      <ol>
        {layers.map((layer, i) => (
          <li key={i} className="lab-layer">
            <fieldset>
              <legend>{s.layerTitle(i + 1, layer.units)}</legend>
              <span className="lab-stepper">
                <button type="button" aria-label={s.removeUnit(i + 1)} disabled={layer.units <= 1} onClick={() => change(i, { units: layer.units - 1 })}>
                  −
                </button>
                <button type="button" aria-label={s.addUnit(i + 1)} disabled={layer.units >= MAX_UNITS} onClick={() => change(i, { units: layer.units + 1 })}>
                  +
                </button>
              </span>
              <Select label={s.activationShort} value={layer.activation} options={activationOptions} onChange={(a: LabActivation) => change(i, { activation: a })} />
              <Select
                label={s.dropoutShort}
                value={String(layer.dropout) as Dropout}
                options={DROPOUTS.includes(String(layer.dropout) as Dropout) ? DROPOUTS : [...DROPOUTS, String(layer.dropout) as Dropout]}
                onChange={(d) => change(i, { dropout: Number(d) })}
              />
              <button type="button" className="lab-remove" onClick={() => set(layers.filter((_, k) => k !== i))}>
                {s.removeLayer(i + 1)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" disabled={layers.length >= MAX_LAYERS} onClick={() => set([...layers, { units: 4, activation: layers.at(-1)?.activation ?? 'tanh', dropout: 0 }])}>
        {s.addLayer}
      </button>
    </div>
  );
});
