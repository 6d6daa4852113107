// The full-batch gradient against mini-batch gradients, on a line fitted to 200 points: on the
// left the loss over (w, b) with the point the reader drags, the full-batch step (thick) and twenty
// mini-batch steps (thin); on the right how the mini-batch gradient's variance falls with the
// batch size, measured from 200 batches of each size, on the line σ²/B·(N − B)/(N − 1).
import { useMemo } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, Slider } from '../../book/controls.tsx';
import type { StateOf } from '../../book/urlState.ts';
import { Key } from './Key.tsx';
import { ARROWS, batchSizes, BATCH_SIZES, DRAWS, ETA, N, PATH_STEPS, theoryVariance } from './problem.ts';
import { arrowSpread, batchArithmetic } from './readout.ts';
import { minibatchStrings as s } from './strings.ts';
import { FULL_PATH_STYLE, FULL_STYLE, MINI_PATH_STYLE, MINI_STYLE, SurfacePlot } from './SurfacePlot.tsx';
import { contourLevels } from '../kit/index.ts';
import { MINIMUM, minibatchNoiseSchema, useMinibatchNoise } from './useMinibatchNoise.ts';
import { THEORY_COLOR, VariancePlot } from './VariancePlot.tsx';
import '../kit/figure.css';
import './minibatchNoise.css';

export { minibatchNoiseSchema };
export type MinibatchNoiseProps = Partial<StateOf<typeof minibatchNoiseSchema>>;

const PLOT = { width: 360, height: 330 };
const PLOT_PRESENTING = { width: 520, height: 470 };

export default function MinibatchNoise({ presenting, ...initial }: MinibatchNoiseProps & WidgetRenderProps) {
  const m = useMinibatchNoise(initial);
  const { state, setState, picture, paths, batch, chosen } = m;
  const levels = useMemo(() => (m.surface ? contourLevels(m.surface) : []), [m.surface]);
  const size = presenting ? PLOT_PRESENTING : PLOT;
  const k = picture?.arrows.length ?? 0;
  const spread = picture ? s.spread(arrowSpread(picture.full, picture.arrows, picture.sigma2), k, batch, N) : '';

  let surfaceText: string = s.starting;
  let varianceText: string = s.starting;
  if (picture) {
    surfaceText =
      s.surfaceDescription(state.w, state.b, picture.loss, picture.full, MINIMUM) +
      (paths ? s.pathsDescription(paths.full.at(-1)!, paths.mini.at(-1)!, batch, PATH_STEPS) : s.arrowsDescription(ETA, k, batch, spread));
    const rows = batchSizes.map((b, i) => (b >= N ? s.varianceLastRow(N) : s.varianceRow(b, picture.variances[i], theoryVariance(picture.sigma2, b)))).join(' ');
    varianceText = s.varianceDescription(picture.sigma2, rows, batch, DRAWS);
  }

  const surfaceKey = [
    ...(paths
      ? [
          { mark: { kind: 'path', style: FULL_PATH_STYLE, dashed: true } as const, label: s.keyFullPath },
          { mark: { kind: 'path', style: MINI_PATH_STYLE } as const, label: s.keyMiniPath(batch) },
        ]
      : [
          { mark: { kind: 'arrow', style: FULL_STYLE } as const, label: s.keyFull },
          { mark: { kind: 'arrow', style: MINI_STYLE } as const, label: s.keyMini(batch, k || ARROWS) },
        ]),
    { mark: { kind: 'cross' } as const, label: s.keyMinimum },
  ];

  return (
    <div className={presenting ? 'mbn mbn-presenting' : 'mbn'}>
      <Controls presenting={presenting}>
        <Slider
          label={s.batch}
          value={chosen}
          min={0}
          max={BATCH_SIZES.length - 1}
          step={1}
          format={(v) => BATCH_SIZES[Math.round(v)] ?? ''}
          onChange={(v) => setState({ batch: BATCH_SIZES[Math.round(v)] })}
        />
      </Controls>
      <div className="fig-buttons mbn-buttons">
        <button type="button" onClick={m.newBatches}>
          {s.newBatches}
        </button>
        <span className="mbn-draw">{s.drawNumber(state.draw)}</span>
        <button type="button" onClick={m.toMinimum}>
          {s.toMinimum}
        </button>
        <Checkbox label={s.paths(PATH_STEPS)} checked={state.paths} onChange={(v) => setState({ paths: v })} />
      </div>
      {m.error ? (
        <p role="alert" className="mbn-error">
          {s.failed(m.error)}
        </p>
      ) : !picture ? (
        <p className="fig-note" aria-live="polite">
          {s.starting}
        </p>
      ) : null}
      <div className="mbn-plots">
        <figure className="mbn-figure">
          <SurfacePlot
            size={size}
            surface={m.surface}
            levels={levels}
            picture={picture}
            paths={paths}
            point={{ w: state.w, b: state.b }}
            minimum={MINIMUM}
            description={surfaceText}
            presenting={presenting}
            onMove={(w, b) => setState({ w, b })}
          />
          <figcaption className="mbn-caption">
            <Key items={surfaceKey} />
            {picture ? <span className="mbn-readout">{s.readout(state.w, state.b, picture.loss, picture.full)}</span> : null} <span>{paths ? s.keyPathEta(ETA, PATH_STEPS) : s.keyEta(ETA)}</span> <span>{picture && !paths ? spread : ''}</span> <span>{s.dragHint}</span>
          </figcaption>
        </figure>
        <figure className="mbn-figure">
          <VariancePlot size={size} sigma2={picture?.sigma2 ?? null} variances={picture?.variances ?? null} chosen={chosen} description={varianceText} />
          <figcaption className="mbn-caption">
            <Key
              items={[
                { mark: { kind: 'dot' }, label: s.keyMeasured(DRAWS) },
                { mark: { kind: 'line', color: THEORY_COLOR, width: 2.5 }, label: s.keyTheory },
                { mark: { kind: 'line', color: 'var(--text-muted, #666)', width: 1.5, dashed: true }, label: s.keyReplacement },
              ]}
            />
            <span className="mbn-arithmetic">{picture ? s.arithmetic(batch, batchArithmetic(batch), picture.sigma2, N) : ''}</span>
          </figcaption>
        </figure>
      </div>
    </div>
  );
}
