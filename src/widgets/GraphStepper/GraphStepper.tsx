// A computation graph the engine really computed, stepped through node by node: forward, each node
// computes its value; backward, each node receives ∂L/∂node as the sum, over the edges leaving it,
// of local derivative × upstream gradient, written out in KaTeX with the live numbers. Graphs come
// from a menu or from an expression the reader types (kit/expression/parse.ts: never evaluated as
// JavaScript).
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select, TextField } from '../../book/controls.tsx';
import { choice, integer, numberList, text, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import type { TracedGraph, TracedNode } from '../../engine/index.ts';
import { useEngine } from '../kit/index.ts';
import { DEFAULT_VALUES, presetExpressions, presets, VALUE_LIMIT, type Preset } from './build.ts';
import { layoutGraph, NODE_H, NODE_W } from './layout.ts';
import { MAX_LENGTH, VARIABLES, type Variable } from '../kit/expression/parse.ts';
import { backwardTex, consumersOf, forwardTex, makeScript, nameTex, nameText, opSymbol, stepView, valueTex, valueText, type StepView } from './steps.ts';
import { stepperStrings as s } from './strings.ts';
import { useGraphStepper } from './useGraphStepper.ts';
import { shortNumber } from '../kit/format.ts';
import { Tex } from '../kit/Tex.tsx';
import './graphStepper.css';

export const MAX_STEP = 200;

export const graphStepperSchema = {
  preset: choice(presets, 'chain', () => s.linkLabels.preset),
  expression: text({ maxLength: MAX_LENGTH, default: 'tanh(a*x + b)*c', label: () => s.linkLabels.expression }),
  values: numberList({ length: VARIABLES.length, min: -VALUE_LIMIT, max: VALUE_LIMIT, default: DEFAULT_VALUES, label: () => s.linkLabels.values }),
  step: integer({ min: 0, max: MAX_STEP, default: 0, label: () => s.linkLabels.step }),
};

export type GraphStepperProps = Partial<StateOf<typeof graphStepperSchema>>;

/** A value short enough for a node's box: a number, a short row, or the matrix's shape. */
function boxValue(values: readonly number[] | null | undefined, shape: readonly number[]): string {
  if (!values) return '–';
  if (values.length > 3) return `${shape.join('×')} matrix`;
  return values.length === 1 ? shortNumber(values[0]) : `[${values.map((v) => shortNumber(Number(v.toPrecision(2)))).join(' ')}]`;
}

/** Whether a box's value fits at the normal size (a row of three numbers needs the smaller one). */
const fits = (values: readonly number[] | null) => !values || values.length < 3 || values.length > 3;

function GraphDrawing({ graph, view, selected, onSelect }: {
  graph: TracedGraph;
  view: StepView;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const current = view.current;
  const labelled = new Map<string, string>(); // edge key → local derivative shown on it
  if (current && view.phase === 'backward') {
    for (const { consumer, index } of consumersOf(graph, current)) {
      const local = consumer.localGrads?.[index];
      if (local && local.length === 1) labelled.set(`${current.id}-${consumer.id}-${index}`, shortNumber(local[0]));
    }
  }
  const known = graph.nodes
    .map((n) => s.nodeText(nameText(n), opSymbol[n.op] ?? '', view.valueKnown.has(n.id) ? valueText(n.value) : s.unknown, view.gradKnown.has(n.id) ? valueText(n.grad) : null))
    .join('; ');
  return (
    <div className="gs-graph figure-pin">
      {/* A wide graph is never drawn below 70%: it scrolls sideways rather than shrinking its labels. */}
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={s.graphTitle}
        style={layout.width > 1000 ? { minWidth: Math.round(layout.width * 0.7) } : undefined}
      >
        <title>{s.graphTitle}</title>
        <desc>{s.graphDescription(known)}</desc>
        <defs>
          <marker id="gs-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {graph.nodes.flatMap((n) =>
          n.inputs.map((inputId, k) => {
            const from = layout.nodes.get(inputId)!;
            const to = layout.nodes.get(n.id)!;
            const x1 = from.x + NODE_W;
            const y1 = from.y + NODE_H / 2;
            const x2 = to.x;
            const y2 = to.y + NODE_H / 2 + (n.inputs.length > 1 ? (k - (n.inputs.length - 1) / 2) * 16 : 0);
            const mid = (x1 + x2) / 2;
            const key = `${inputId}-${n.id}-${k}`;
            const forwardActive = current?.id === n.id && view.phase === 'forward';
            const backActive = labelled.has(key) || (current?.id === inputId && view.phase === 'backward');
            const label = labelled.get(key);
            return (
              <g key={key}>
                <path
                  className={`gs-edge${forwardActive ? ' gs-active' : ''}${backActive ? ' gs-back' : ''}`}
                  d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 2},${y2}`}
                  markerEnd="url(#gs-arrow)"
                />
                {label ? (
                  <text className="gs-edge-label" x={mid} y={(y1 + y2) / 2 - 6} textAnchor="middle">
                    {label}
                  </text>
                ) : null}
              </g>
            );
          }),
        )}
        {graph.nodes.map((n) => {
          const p = layout.nodes.get(n.id)!;
          const leaf = n.op === 'leaf';
          const valueShown = view.valueKnown.has(n.id);
          const gradShown = view.gradKnown.has(n.id);
          const cls = ['gs-node', leaf ? 'gs-leaf' : '', current?.id === n.id ? 'gs-current' : '', selected === n.id ? 'gs-selected' : ''].join(' ');
          const label = s.nodeText(nameText(n), opSymbol[n.op] ?? '', valueShown ? valueText(n.value) : s.unknown, gradShown ? valueText(n.grad) : null);
          const onKey = (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              onSelect(n.id);
            }
          };
          return (
            <g key={n.id} className={cls} transform={`translate(${p.x},${p.y})`} tabIndex={0} role="button" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)} onKeyDown={onKey}>
              {/* The accessible name: the node's name, op, value and (once known) gradient, in words. */}
              <title>{label}</title>
              <rect width={NODE_W} height={NODE_H} rx={leaf ? 4 : 14} />
              <text className="gs-name" x={10} y={22}>
                {nameText(n)}
                {leaf ? '' : `  ${opSymbol[n.op] ?? n.op}`}
              </text>
              <text className={fits(n.value) ? 'gs-val' : 'gs-val gs-long'} x={10} y={45}>
                {valueShown ? boxValue(n.value, n.shape) : '?'}
              </text>
              {gradShown ? (
                <text className={fits(n.grad ?? null) ? 'gs-grad' : 'gs-grad gs-long'} x={10} y={66}>
                  {s.gradBox(boxValue(n.grad, n.shape))}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

export default function GraphStepper({ presenting, ...initial }: GraphStepperProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(graphStepperSchema, initial);
  const { preset, expression, values, step } = state;
  const engine = useEngine();
  const built = useGraphStepper(engine.ready, preset, expression, values);
  const [selected, setSelected] = useState<number | null>(null);

  const graph = built?.ok ? built.graph : null;
  const script = useMemo(() => (graph ? makeScript(graph) : null), [graph]);
  const total = script?.total ?? 0;
  const at = Math.min(step, total);
  const view = graph && script ? stepView(graph, script, at) : null;
  const go = (next: number) => {
    setSelected(null);
    setState({ step: Math.max(0, Math.min(total, next)) });
  };

  const variables: Variable[] = built?.ok ? built.variables : preset === 'typed' ? [] : preset === 'network' ? ['a', 'b', 'y'] : [];
  const setValue = (v: Variable, value: number) => {
    const next = [...values];
    next[VARIABLES.indexOf(v)] = value;
    setState({ values: next });
  };

  const controls = (
    <Controls presenting={presenting}>
      <Select
        label={s.preset}
        value={preset}
        options={presets.map((p) => ({ value: p, label: s.presetNames[p] }))}
        onChange={(v: Preset) => {
          setSelected(null);
          setState({ preset: v, step: 0 });
        }}
      />
      {preset === 'typed' ? <TextField label={s.expression} value={expression} maxLength={MAX_LENGTH} onChange={(v) => setState({ expression: v, step: 0 })} /> : null}
    </Controls>
  );
  const inputs = (
    <Controls presenting={presenting}>
      {variables.map((v) => (
        <NumberField
          key={v}
          label={preset === 'network' ? (s.networkNames[v] ?? v) : v}
          value={values[VARIABLES.indexOf(v)]}
          min={-VALUE_LIMIT}
          max={VALUE_LIMIT}
          step={0.1}
          onChange={(x) => setValue(v, x)}
        />
      ))}
    </Controls>
  );

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!built) body = <p>{s.starting}</p>;
  else if (!built.ok) {
    body = (
      <div className="gs-error" role="alert">
        <p>
          <strong>{s.invalid}</strong> {built.message}
        </p>
        <button type="button" onClick={() => setState({ preset: 'chain', step: 0 })}>
          {s.showPreset}
        </button>
      </div>
    );
  } else if (graph && view && script) {
    const focus = selected !== null ? (graph.nodes.find((n) => n.id === selected) ?? null) : view.current;
    const lines: string[] = [];
    let phaseText = view.phase === 'start' ? s.phaseStart : view.phase === 'forward' ? s.phaseForward : s.phaseBackward;
    if (at === total) phaseText = s.done;
    if (focus) {
      if (focus.op !== 'leaf' && view.valueKnown.has(focus.id)) lines.push(forwardTex(graph, focus));
      if (focus.op === 'leaf' && view.valueKnown.has(focus.id)) lines.push(forwardTexLeaf(focus));
      if (view.gradKnown.has(focus.id) && (selected !== null || view.phase === 'backward')) lines.push(...backwardTex(graph, focus));
    }
    body = (
      <>
        <GraphDrawing graph={graph} view={view} selected={selected} onSelect={(id) => setSelected(id === selected ? null : id)} />
        <div className="gs-details" aria-live="polite">
          <p>
            <strong>{s.details}:</strong> {phaseText}
          </p>
          {lines.map((tex, i) => (
            <Tex key={i} tex={tex} />
          ))}
        </div>
        {view.phase === 'backward' ? <p className="gs-legend">{s.edgeNote}</p> : null}
      </>
    );
  }

  return (
    <div className={presenting ? 'gs gs-presenting' : 'gs figure-first'}>
      {controls}
      <div className="gs-inputs">{inputs}</div>
      {preset === 'typed' ? <p className="gs-help">{s.expressionHelp}</p> : <p className="gs-help">{preset === 'network' ? '' : presetExpressions[preset]}</p>}
      <div className="gs-buttons">
        <button type="button" onClick={() => go(at - 1)} disabled={!graph || at === 0}>
          {s.back}
        </button>
        <button type="button" onClick={() => go(at + 1)} disabled={!graph || at >= total}>
          {s.forward}
        </button>
        <button type="button" onClick={() => go(total)} disabled={!graph || at >= total}>
          {s.toEnd}
        </button>
        <button type="button" onClick={() => go(0)} disabled={!graph || at === 0}>
          {s.restart}
        </button>
        <span className="gs-step" aria-live="polite">
          {graph ? s.stepOf(at, total) : ''}
        </span>
      </div>
      {body}
    </div>
  );
}

/** An input node: its name and value. */
function forwardTexLeaf(node: TracedNode): string {
  return `${nameTex(node)} = ${valueTex(node.value, node.shape)} \\quad \\text{(an input)}`;
}
