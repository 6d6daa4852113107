// XOR learnt live by a 2-h-1 network: the decision surface, the loss curve and every hidden unit's
// own surface as training runs, with play, pause, one step and reset; learning rate, hidden size
// and seed are the reader's, and the same seed gives the same run.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Slider } from '../../book/controls.tsx';
import { integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { Dots, HeatMap, LiveHint, LossCurve, Plot, TrainingBar, useTrainingJob } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { xorStrings as s } from './strings.ts';
import { EXTENT, GRID, xorJob } from './xorJob.ts';
import { MAX_HIDDEN, MIN_HIDDEN, xorAccuracy, XOR_X, XOR_Y } from './xor.ts';
import './xorLive.css';

export const xorLiveSchema = {
  hidden: integer({ min: MIN_HIDDEN, max: MAX_HIDDEN, default: 3, label: () => s.linkLabels.hidden }),
  learningRate: number({ min: 0.01, max: 20, default: 1, label: () => s.linkLabels.learningRate }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type XorLiveProps = Partial<StateOf<typeof xorLiveSchema>>;

const dots = XOR_X.map(([x, y], i) => ({ x, y, cls: XOR_Y[i] }));

export default function XorLive({ presenting, ...initial }: XorLiveProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(xorLiveSchema, initial);
  const { hidden, learningRate, seed } = state;
  const job = useTrainingJob(xorJob, { config: { hidden, learningRate }, seed });
  const { training, view: picture } = job;
  const step = training.snapshot?.step ?? 0;
  const acc = picture ? s.accuracy(Math.round(xorAccuracy(picture.atPoints) * 4)) : s.notTrained;
  const points = picture ? XOR_X.map(([a, b], i) => s.pointText(a, b, XOR_Y[i], shortNumber(picture.atPoints[i]))).join('; ') : '';
  // Presenting, the drawings take their width from the screen (xorLive.css); these are their shapes.
  const big = presenting ? 380 : 280;
  const small = presenting ? 150 : 110;

  return (
    <div className={presenting ? 'xor xor-presenting' : 'xor figure-first'}>
      <Controls presenting={presenting}>
        <Slider label={s.hidden} value={hidden} min={MIN_HIDDEN} max={MAX_HIDDEN} step={1} format={(v) => String(v)} onChange={(v) => setState({ hidden: Math.round(v) })} />
        <Slider
          label={s.learningRate}
          value={Math.log10(learningRate)}
          min={-2}
          max={Math.log10(20)}
          step={0.05}
          format={(v) => shortNumber(Number((10 ** v).toPrecision(2)))}
          onChange={(v) => setState({ learningRate: Number((10 ** v).toPrecision(2)) })}
        />
        <LiveHint applies="restart" />
        <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
      </Controls>
      <TrainingBar job={job} presenting={presenting} detail={acc} advice={s.divergedAdvice} />
      <div className="xor-main figure-pass">
        <div className="figure-pin">
          <div className="xor-surface" style={presenting ? undefined : { width: big }}>
            <Plot
              width={big}
              height={big}
              x={{ domain: EXTENT, label: s.x1 }}
              y={{ domain: EXTENT, label: s.x2 }}
              title={s.outputTitle}
              description={s.outputDescription(step, acc, points)}
              margin={{ left: 40, bottom: 36 }}
            >
              {picture ? <HeatMap values={picture.output} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
              <Dots points={dots} size={presenting ? 160 : 90} />
            </Plot>
          </div>
        </div>
        <div className="xor-loss" style={presenting ? undefined : { width: big }}>
          <LossCurve series={[{ name: 'XOR', losses: training.losses, steps: training.lossSteps }]} width={big} height={presenting ? 260 : 200} log title={s.lossTitle} />
        </div>
      </div>
      <h4 className="xor-units-heading">{s.hiddenHeading}</h4>
      <div className="xor-units">
        {(picture?.hidden ?? []).map((values, k) => (
          <div className="xor-unit" key={k} style={presenting ? undefined : { width: small }}>
            <h5>{s.unitTitle(k + 1)}</h5>
            <Plot width={small} height={small} x={{ domain: EXTENT, label: '' }} y={{ domain: EXTENT, label: '' }} title={s.unitTitle(k + 1)} description={s.unitDescription(k + 1, step)} margin={{ left: 4, bottom: 4, top: 4, right: 4 }} grid={false} axes={false} className="xor-unit-plot">
              <HeatMap values={values} cols={GRID} rows={GRID} colorDomain={[-1, 1]} opacity={0.9} />
              <Dots points={dots} size={30} />
            </Plot>
          </div>
        ))}
      </div>
      {hidden === 2 ? <p className="xor-note">{s.stuckNote}</p> : null}
    </div>
  );
}
