// The four inputs on the plane, marked by target (shape, colour and a label), shaded by the
// neuron's or the network's output, with the neuron's line or the two hidden neurons' lines.
import { Dots, HeatMap, Plot, PlotText, usePlotScales } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { clipLine } from '../kit/plane.ts';
import { BoundaryLine } from '../kit/PlaneMarks.tsx';
import { GATE_INPUTS, GATE_TARGETS, type Gate, type SingleNeuron, type TwoLayerNet } from './gates.ts';
import { gateStrings as s } from './strings.ts';
import { PLANE_CELLS, PLANE_HI, PLANE_LO } from './useLogicGates.ts';

interface Props {
  gate: Gate;
  plane: number[];
  neuron: SingleNeuron | null;
  net: TwoLayerNet | null;
}

export function GatePlane({ gate, plane, neuron, net }: Props) {
  const targets = GATE_TARGETS[gate];
  const points = GATE_INPUTS.map(([x1, x2], i) => `(${x1}, ${x2}) → ${targets[i]}`).join(', ');
  let line = '';
  if (neuron) {
    line =
      neuron.w1 === 0 && neuron.w2 === 0
        ? s.noLine
        : s.neuronLine(fixed(neuron.w1, 1), fixed(neuron.w2, 1), fixed(neuron.b, 1)) +
          (clipLine(neuron.w1, neuron.w2, neuron.b, PLANE_LO, PLANE_HI) ? '' : s.outsideWindow);
  } else if (net) {
    line = s.hiddenLines;
  }
  return (
    <Plot
      width={320}
      height={320}
      x={{ domain: [PLANE_LO, PLANE_HI], label: s.x1Axis, ticks: 4 }}
      y={{ domain: [PLANE_LO, PLANE_HI], label: s.x2Axis, ticks: 4 }}
      title={net ? s.plotTitleNetwork : s.plotTitle(gate)}
      description={s.plotDescription({ gate, points, line, region: s.shaded })}
    >
      <HeatMap values={plane} cols={PLANE_CELLS} rows={PLANE_CELLS} colorDomain={[0, 1]} opacity={0.45} />
      {neuron ? <BoundaryLine w1={neuron.w1} w2={neuron.w2} b={neuron.b} label={s.lineLabel} arrow /> : null}
      {net ? (
        <>
          <BoundaryLine w1={net.W1[0][0]} w2={net.W1[1][0]} b={net.b1[0]} label={s.unitShort[0]} dashed="8 5" />
          <BoundaryLine w1={net.W1[0][1]} w2={net.W1[1][1]} b={net.b1[1]} label={s.unitShort[1]} dashed="2 4" />
        </>
      ) : null}
      <Dots points={GATE_INPUTS.map(([x, y], i) => ({ x, y, cls: targets[i] }))} size={160} />
      <PointLabels targets={targets} />
    </Plot>
  );
}

/**
 * Each corner's input and target. Points on the right edge are labelled to their left, so the
 * label stays inside the plot; where two labels would meet between the points (a small plot, or
 * large type when presenting), each says only its target, the axes giving the input.
 */
function PointLabels({ targets }: { targets: readonly number[] }) {
  const { x, textPx } = usePlotScales();
  const room = Math.abs(x(1) - x(0)) / 2 - 0.07 * Math.abs(x(1) - x(0));
  const fits = GATE_INPUTS.every(([x1, x2], i) => s.pointText(x1, x2, targets[i]).length * 0.6 * textPx <= room);
  return GATE_INPUTS.map(([x1, x2], i) => (
    <PlotText key={i} x={x1 > 0.5 ? x1 - 0.07 : x1 + 0.07} y={x2 + 0.09} anchor={x1 > 0.5 ? 'end' : 'start'}>
      {fits ? s.pointText(x1, x2, targets[i]) : s.pointTarget(targets[i])}
    </PlotText>
  ));
}
