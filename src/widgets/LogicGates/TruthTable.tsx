// The truth table: inputs, the neuron's (or network's) numbers, output, target, and whether they
// match, written as a tick or a cross with a word, never by colour alone.
import { fixed } from '../kit/format.ts';
import { asBit, GATE_INPUTS, GATE_TARGETS, type Gate, type UnitKind } from './gates.ts';
import { gateStrings as s } from './strings.ts';
import type { GateRows } from './useLogicGates.ts';

export function TruthTable({ gate, rows, network, unit }: { gate: Gate; rows: GateRows; network: boolean; unit: UnitKind }) {
  const targets = GATE_TARGETS[gate];
  const digits = network && unit === 'sigmoid' ? 3 : 0;
  return (
    <table className="gates-table">
      <caption>{s.tableCaption(gate, network)}</caption>
      <thead>
        <tr>
          <th scope="col">{s.colX1}</th>
          <th scope="col">{s.colX2}</th>
          {network ? (
            <>
              <th scope="col">{s.colH1}</th>
              <th scope="col">{s.colH2}</th>
            </>
          ) : (
            <th scope="col">{s.colZ}</th>
          )}
          <th scope="col">{s.colOutput}</th>
          <th scope="col">{s.colTarget}</th>
          <th scope="col">{s.colMatch}</th>
        </tr>
      </thead>
      <tbody>
        {GATE_INPUTS.map(([x1, x2], i) => {
          const ok = asBit(rows.y[i]) === targets[i];
          return (
            <tr key={i} className={ok ? 'gates-row-ok' : 'gates-row-bad'}>
              <td>{x1}</td>
              <td>{x2}</td>
              {network ? (
                <>
                  <td>{fixed(rows.h[i]?.[0] ?? Number.NaN, digits)}</td>
                  <td>{fixed(rows.h[i]?.[1] ?? Number.NaN, digits)}</td>
                </>
              ) : (
                <td>{fixed(rows.z[i], 1)}</td>
              )}
              <td>{fixed(rows.y[i], digits)}</td>
              <td>{targets[i]}</td>
              <td>{ok ? s.right : s.wrong}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
