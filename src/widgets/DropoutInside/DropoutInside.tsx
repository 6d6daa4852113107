// Dropout, inside: a 2 → 8 → 8 → 1 network trained live on a few noisy points, a fresh mask every
// step shown on its diagram; the decision surface at inference (or of the masked network, or of K
// thinned networks averaged); what one hidden unit passes on over many masks against its inference
// value (equal in expectation with the 1/(1−p) scaling, short by 1−p without); and the average of
// K thinned networks at a probe point against the single inference pass.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { EXTENT } from '../../models/generalisation/dropout/data.ts';
import { dropoutJob } from '../../models/generalisation/dropout/dropoutJob.ts';
import { MAX_RATE } from '../../models/generalisation/dropout/masks.ts';
import { AVERAGES } from '../../models/generalisation/dropout/thinned.ts';
import { UNITS } from '../../models/generalisation/dropout/types.ts';
import { Dots, DraggablePoint, HeatMap, Plot, TrainingBar, useNarrowScreen, useTrainingJob } from '../kit/index.ts';
import { percent, shortNumber } from '../kit/format.ts';
import { EnsemblePanel } from './EnsemblePanel.tsx';
import { NetworkDiagram } from './NetworkDiagram.tsx';
import { ScalingPanel } from './ScalingPanel.tsx';
import { dropoutStrings as s } from './strings.ts';
import { GRID, MAX_K, SURFACES, TEST_COUNT, TRAIN_COUNT, trainingPoints, useDropoutPictures } from './useDropoutPictures.ts';
import './dropoutInside.css';

/** The lower panels; a phone shows one at a time. */
export const PANELS = ['scaling', 'ensemble'] as const;

export const dropoutInsideSchema = {
  p: number({ min: 0, max: MAX_RATE, default: 0.5, label: () => s.linkLabels.p }),
  scaled: boolean(true, () => s.linkLabels.scaled),
  k: integer({ min: 1, max: MAX_K, default: 16, label: () => s.linkLabels.k }),
  surface: choice(SURFACES, 'inference', () => s.linkLabels.surface),
  average: choice(AVERAGES, 'logits', () => s.linkLabels.average),
  unit: integer({ min: 1, max: UNITS, default: 3, label: () => s.linkLabels.unit }),
  probeX: number({ min: EXTENT[0], max: EXTENT[1], default: 0.5, label: () => s.linkLabels.probeX }),
  probeY: number({ min: EXTENT[0], max: EXTENT[1], default: -0.5, label: () => s.linkLabels.probeY }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
  panel: choice(PANELS, 'scaling', () => s.linkLabels.panel),
};

export type DropoutInsideProps = Partial<StateOf<typeof dropoutInsideSchema>>;

const hundredth = (v: number) => Math.round(v * 100) / 100;
const countOf = (keep: readonly boolean[]) => keep.filter(Boolean).length;

export default function DropoutInside({ presenting = false, ...initial }: DropoutInsideProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(dropoutInsideSchema, initial);
  const narrow = useNarrowScreen();
  const { p, scaled, k, surface, average, unit, probeX, probeY, seed, panel } = state;
  const job = useTrainingJob(dropoutJob, { config: { p, scaled }, seed });
  const picture = job.view;
  const pictures = useDropoutPictures(picture, { p, scaled, k, surface, average, unit, probe: [probeX, probeY], seed });
  const step = job.training.snapshot?.step ?? 0;
  const ready = job.engine.ready && picture !== null;
  const detail = pictures ? s.testAccuracy(percent(pictures.testAccuracy, 0)) : null;

  const controls = (
    <Controls presenting={presenting}>
      <Slider label={s.rate} value={p} min={0} max={MAX_RATE} step={0.05} format={(v) => shortNumber(v)} onChange={(v) => setState({ p: hundredth(v) })} />
      <Slider label={s.thinned} value={Math.log2(k)} min={0} max={Math.log2(MAX_K)} step={0.125} format={() => String(k)} onChange={(v) => setState({ k: Math.round(2 ** v) })} />
      <Checkbox label={s.scaled} checked={scaled} onChange={(v) => setState({ scaled: v })} />
    </Controls>
  );
  const mask = picture?.mask;
  const caption = !mask ? '' : p === 0 ? s.noDropCaption : picture.trainedWith ? s.maskCaption(step, countOf(mask.keep1), countOf(mask.keep2), UNITS) : s.lookCaption(countOf(mask.keep1), countOf(mask.keep2), UNITS);
  const surfaceTitle = surface === 'average' ? s.surfaceTitle.average(k) : s.surfaceTitle[surface];
  const accuracyText = pictures ? s.accuracy(Math.round(pictures.trainAccuracy * TRAIN_COUNT), TRAIN_COUNT, percent(pictures.testAccuracy, 0), TEST_COUNT) : '';
  const size = presenting ? { diagram: [460, 400], surface: 440, panel: [460, 220] } : narrow ? { diagram: [360, 160], surface: 320, panel: [360, 150] } : { diagram: [340, 300], surface: 320, panel: [340, 170] };

  return (
    <div className={presenting ? 'drop drop-presenting fig-presenting' : 'drop'}>
      {controls}
      <TrainingBar job={job} presenting={presenting} detail={detail} advice={s.divergedAdvice} showSpeed={!narrow} />
      <div className="drop-row">
        <div>
          {picture ? (
            <figure className="drop-panel">
              <NetworkDiagram weights={picture.weights} mask={picture.mask} unit={unit} width={size.diagram[0]} height={size.diagram[1]} />
              <figcaption className="drop-caption">
                <button type="button" title={s.newMaskHint} onClick={() => job.request({ type: 'newMask' })} disabled={!ready || p === 0 || job.training.running}>
                  {s.newMask}
                </button>
                <span className="drop-readout">{caption}</span>
              </figcaption>
            </figure>
          ) : null}
        </div>
        <div>
          <div className="drop-toggle drop-surface-toggle" role="group" aria-label={s.surfaceGroup}>
            <span aria-hidden="true">{s.surfaceGroup}</span>
            {SURFACES.map((m) => (
              <button key={m} type="button" aria-pressed={surface === m} title={s.surfaceLong[m]} onClick={() => setState({ surface: m })}>
                {s.surfaceNames[m]}
              </button>
            ))}
          </div>
          <div className="drop-surface">
            <Plot
              width={size.surface}
              height={size.surface}
              x={{ domain: EXTENT, label: s.x1 }}
              y={{ domain: EXTENT, label: s.x2 }}
              title={surfaceTitle}
              description={s.surfaceDescription(surfaceTitle.toLowerCase(), step, accuracyText)}
              interactive
              margin={{ left: 40, bottom: 36, top: 8 }}
            >
              {pictures ? <HeatMap values={pictures.surface} cols={GRID} rows={GRID} colorDomain={[0, 1]} /> : null}
              <Dots points={trainingPoints} size={presenting ? 90 : 60} />
              <DraggablePoint x={probeX} y={probeY} label={s.probe} onMove={(x, y) => setState({ probeX: hundredth(x), probeY: hundredth(y) })} />
            </Plot>
          </div>
        </div>
      </div>
      {pictures ? (
        <div className="drop-row drop-panels" data-panel={panel}>
          <div className="drop-panel-switch drop-toggle" role="group" aria-label={s.panelGroup}>
            {PANELS.map((m) => (
              <button key={m} type="button" aria-pressed={panel === m} title={s.panelLong[m]} onClick={() => setState({ panel: m })}>
                {s.panelNames[m]}
              </button>
            ))}
          </div>
          <div className="drop-scaling">
            <ScalingPanel samples={pictures.samples} p={p} scaled={scaled} unit={unit} width={size.panel[0]} height={size.panel[1]}>
              <div className="drop-toggle" role="group" aria-label={s.unitGroup}>
                <span aria-hidden="true">{s.unitShort}</span>
                {Array.from({ length: UNITS }, (_, i) => (
                  <button key={i} type="button" aria-pressed={unit === i + 1} aria-label={s.unitOption(i + 1)} onClick={() => setState({ unit: i + 1 })}>
                    {i + 1}
                  </button>
                ))}
              </div>
            </ScalingPanel>
          </div>
          <div className="drop-ensemble">
            <EnsemblePanel ensemble={pictures.ensemble} k={k} averageName={s.averageShort[average]} width={size.panel[0]} height={size.panel[1]} />
          </div>
        </div>
      ) : null}
      <details className="drop-settings">
        <summary>{s.moreSettings(s.averageShort[average], seed)}</summary>
        <Controls presenting={presenting}>
          <Select label={s.average} value={average} options={AVERAGES.map((a) => ({ value: a, label: s.averageNames[a] }))} onChange={(v) => setState({ average: v })} />
          <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
        </Controls>
      </details>
    </div>
  );
}
