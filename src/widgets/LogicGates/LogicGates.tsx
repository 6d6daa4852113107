// Logic gates from one threshold neuron: the reader sets w₁, w₂ and b until the truth table
// matches. For XOR no setting works; the figure says why and offers a hidden layer (2-2-1).
import { useState } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, number, numberList, type Label, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { TableScroll, useEngine } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { BLANK_NET, GATES, listToNet, netToList, rowMatches, XOR_SOLUTIONS, type Gate, type UnitKind } from './gates.ts';
import { GatePlane } from './GatePlane.tsx';
import { gateStrings as s } from './strings.ts';
import { TruthTable } from './TruthTable.tsx';
import { useGateNetwork, useGateNeuron } from './useLogicGates.ts';
import './logicGates.css';

const NET_LIMIT = 20;
/** Slider moves on XOR before the figure explains, unasked, why none works. */
const TRIES_BEFORE_HELP = 20;

const param = (label: Label) => number({ min: -3, max: 3, step: 0.1, default: 0, label });

export const logicGatesSchema = {
  gate: choice(GATES, 'AND', () => s.gate),
  w1: param(() => s.w1),
  w2: param(() => s.w2),
  b: param(() => s.b),
  hidden: boolean(false, () => s.hiddenLayer),
  unit: choice(['step', 'sigmoid'] as const, 'step', () => s.unitKind),
  net: numberList({ length: 9, min: -NET_LIMIT, max: NET_LIMIT, default: netToList(BLANK_NET), label: () => s.networkWeights }),
};

export type LogicGatesProps = Partial<Pick<StateOf<typeof logicGatesSchema>, 'gate'>>;

export default function LogicGates({ presenting, gate: gateProp }: LogicGatesProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(logicGatesSchema, { gate: gateProp });
  const [tries, setTries] = useState(0);
  const [askedWhy, setAskedWhy] = useState(false);
  const engine = useEngine();
  const gate = state.gate;
  const networkOn = gate === 'XOR' && state.hidden;
  const neuron = { w1: state.w1, w2: state.w2, b: state.b };
  const net = listToNet(state.net);
  const single = useGateNeuron(engine.ready, neuron);
  const network = useGateNetwork(engine.ready && networkOn, networkOn ? net : null, state.unit);
  const rows = networkOn ? network : single;
  const matches = rows ? rowMatches(gate, rows.y).filter(Boolean).length : 0;
  const showWhy = gate === 'XOR' && (askedWhy || tries >= TRIES_BEFORE_HELP || state.hidden);

  const setWeight = (key: 'w1' | 'w2' | 'b', v: number) => {
    setState({ [key]: v });
    if (gate === 'XOR') setTries((n) => n + 1);
  };
  const setNetValue = (i: number, v: number) => {
    const next = state.net.slice();
    next[i] = v;
    setState({ net: next });
  };

  return (
    <div className={presenting ? 'gates gates-presenting' : 'gates figure-first'}>
      <Controls presenting={presenting}>
        <Select
          label={s.gate}
          value={gate}
          options={GATES}
          onChange={(g: Gate) => setState({ gate: g })}
        />
        {networkOn ? null : (
          <>
            <Slider label={s.w1} value={state.w1} min={-3} max={3} step={0.1} format={(v) => fixed(v, 1)} onChange={(v) => setWeight('w1', v)} />
            <Slider label={s.w2} value={state.w2} min={-3} max={3} step={0.1} format={(v) => fixed(v, 1)} onChange={(v) => setWeight('w2', v)} />
            <Slider label={s.b} value={state.b} min={-3} max={3} step={0.1} format={(v) => fixed(v, 1)} onChange={(v) => setWeight('b', v)} />
          </>
        )}
      </Controls>
      {networkOn ? <p>{s.networkIntro}</p> : <p>{s.neuronRule} {s.task(gate)}</p>}
      {networkOn ? (
        <div className="gates-network">
          <Controls presenting={presenting}>
            <Select
              label={s.unitKind}
              value={state.unit}
              options={(['step', 'sigmoid'] as const).map((u) => ({ value: u, label: s.unitNames[u] }))}
              onChange={(u: UnitKind) => setState({ unit: u })}
            />
          </Controls>
          <div className="gates-units">
            {[0, 1, 2].map((u) => (
              <fieldset key={u} className="gates-unit">
                <legend>{s.unitTitle[u]}</legend>
                {[0, 1, 2].map((part) => (
                  <NumberField
                    key={part}
                    label={s.fieldLabel(s.unitShort[u], s.parts[part])}
                    value={state.net[u * 3 + part]}
                    min={-NET_LIMIT}
                    max={NET_LIMIT}
                    step={0.5}
                    onChange={(v) => setNetValue(u * 3 + part, v)}
                  />
                ))}
              </fieldset>
            ))}
          </div>
          <div className="gates-buttons">
            <button type="button" onClick={() => setState({ net: netToList(XOR_SOLUTIONS[state.unit]) })}>
              {s.loadSolution}
            </button>
            <button type="button" onClick={() => setState({ net: netToList(BLANK_NET) })}>
              {s.clearNetwork}
            </button>
            <button type="button" onClick={() => setState({ hidden: false })}>
              {s.backToOne}
            </button>
          </div>
        </div>
      ) : null}
      {engine.error ? (
        <p role="alert">{s.engineFailed(engine.error)}</p>
      ) : !rows ? (
        <p>{s.starting}</p>
      ) : (
        <div className="gates-layout figure-pass">
          <div className="gates-table-side">
            <TableScroll label={s.tableCaption(gate, networkOn)}>
              <TruthTable gate={gate} rows={rows} network={networkOn} unit={state.unit} />
            </TableScroll>
            <p className={matches === 4 ? 'gates-status gates-correct' : 'gates-status'} role="status">
              {matches === 4 ? s.correct : s.score(matches)}
            </p>
            {networkOn && state.unit === 'sigmoid' ? <p className="gates-note">{s.sigmoidRead}</p> : null}
            {networkOn && matches === 4 ? <p className="gates-note">{s.solutionNote}</p> : null}
          </div>
          <div className="gates-plane figure-pass">
            <div className="figure-pin">
              <GatePlane gate={gate} plane={rows.plane} neuron={networkOn ? null : neuron} net={networkOn ? net : null} />
            </div>
            <p className="gates-note">{s.legend}</p>
          </div>
        </div>
      )}
      {gate === 'XOR' && !showWhy ? (
        <button type="button" onClick={() => setAskedWhy(true)}>
          {s.whyButton}
        </button>
      ) : null}
      {showWhy && !networkOn ? (
        <div className="gates-why" role="note">
          <p>
            <strong>{s.whyTitle}.</strong> {s.why}
          </p>
          <p>{s.whyProof}</p>
          <button type="button" onClick={() => setState({ hidden: true })}>
            {s.addHidden}
          </button>
        </div>
      ) : null}
    </div>
  );
}
