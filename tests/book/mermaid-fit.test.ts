// A diagram's words stay legible in a narrow column (Mermaid.tsx): a flowchart that runs across is
// also drawn running down, and the drawing's full width (its viewBox) decides which fits.
// A chart is known again, on a later visit, by its key.
import { describe, expect, it } from 'vitest';
import { chartKey, fullWidth, turnedFlowchart } from '../../src/book/Mermaid.tsx';

describe('fitting a diagram to its column', () => {
  it('turns a flowchart that runs across to run down, keeping everything else', () => {
    const chart = 'flowchart LR\n  accTitle: A chain\n  a["input x"] --> b["model"] --> c["output"]\n';
    expect(turnedFlowchart(chart)).toBe('flowchart TB\n  accTitle: A chain\n  a["input x"] --> b["model"] --> c["output"]\n');
    expect(turnedFlowchart('graph RL\n  a --> b')).toBe('graph BT\n  a --> b');
    expect(turnedFlowchart('\nflowchart LR\n  x --> y')).toBe('\nflowchart TB\n  x --> y');
  });

  it('leaves alone a flowchart that already runs down, one with subgraphs, and other kinds of diagram', () => {
    expect(turnedFlowchart('flowchart TB\n  a --> b')).toBeNull();
    expect(turnedFlowchart('flowchart TD\n  a --> b')).toBeNull();
    expect(turnedFlowchart('flowchart LR\n  subgraph left["folded"]\n    a --> b\n  end')).toBeNull();
    expect(turnedFlowchart('sequenceDiagram\n  A->>B: hi')).toBeNull();
    // A node's words that merely contain "LR" are not a direction.
    expect(turnedFlowchart('flowchart TB\n  a["flowchart LR"] --> b')).toBeNull();
  });

  it('reads a drawing’s full width from its viewBox', () => {
    expect(fullWidth('<svg id="m" width="100%" viewBox="0 0 1168.28125 209" style="max-width: 1168.28125px;">')).toBeCloseTo(1168.28);
    expect(fullWidth('<svg viewBox="-8 -8 744.5 278">')).toBeCloseTo(744.5);
    expect(fullWidth('<svg>')).toBe(0);
  });

  it('keys a chart for the widths kept in the browser by its text: the same text, the same key', () => {
    const chart = 'flowchart LR\n  a --> b --> c';
    expect(chartKey(chart)).toBe(chartKey(`${chart}`));
    expect(chartKey(chart)).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    expect(chartKey(chart)).not.toBe(chartKey('flowchart LR\n  a --> b --> d'));
    expect(chartKey(chart)).not.toBe(chartKey(`${chart} `));
    expect(chartKey('')).toBe(chartKey(''));
  });
});
