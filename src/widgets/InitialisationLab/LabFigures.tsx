// The figure's pictures for one report: the two violin plots (activations, gradients) and the
// spreads per layer with its legend. Plain props in, no engine: they render wherever a report is.
import { classColor } from '../kit/index.ts';
import { layerValues, setupOf } from './describe.ts';
import { LayerViolins } from './LayerViolins.tsx';
import { firstLayer, type InitReport } from './report.ts';
import { StdChart } from './StdChart.tsx';
import { initStrings as s } from './strings.ts';

/** The violins' design size: wide and low one above the other where there is room, else a phone's column. */
function violinSize(wide: boolean, presenting: boolean): [number, number] {
  if (wide) return presenting ? [900, 220] : [700, 150];
  return presenting ? [520, 230] : [360, 128];
}

export function Figures({ report, presenting, wide }: { report: InitReport; presenting: boolean; wide: boolean }) {
  const acts = report.activations;
  const grads = report.gradients;
  const setup = setupOf(report);
  const actOverflow = firstLayer(acts, (l) => !l.finite);
  const gradOverflow = firstLayer(grads, (l) => !l.finite);
  const allZero = grads.every((l) => l.finite && l.zeros === 1);
  const decades = report.gradientDecades ?? [-3, 0];
  const [w, h] = violinSize(wide, presenting);
  const actValues = layerValues(acts.map((l) => l.std));
  const gradValues = layerValues(grads.map((l) => l.std));
  return (
    <div className={wide ? 'init-violin-stack' : 'init-violin-row'}>
      <figure className="init-plot">
        <figcaption className="init-violin-caption">{s.activationsHeading}</figcaption>
        <LayerViolins
          bins={report.activationBins}
          lo={report.activationDomain[0]}
          hi={report.activationDomain[1]}
          log={false}
          color={classColor(0)}
          xLabel={s.layerAxis}
          yLabel={s.activationsAxis}
          title={s.activationsTitle}
          description={s.violinDescription({ what: s.activationWhat, setup, values: actValues, note: '' })}
          overflowFrom={actOverflow}
          overflowLabel={s.overflow}
          empty={null}
          width={w}
          height={h}
        />
      </figure>
      <figure className="init-plot">
        <figcaption className="init-violin-caption">{s.gradientsHeading}</figcaption>
        <LayerViolins
          bins={report.gradientBins}
          lo={decades[0]}
          hi={decades[1]}
          log
          color={classColor(1)}
          xLabel={s.layerAxis}
          yLabel={s.gradientsAxis}
          title={s.gradientsTitle}
          description={s.violinDescription({ what: s.gradientWhat, setup, values: gradValues, note: allZero ? s.allZeroGradients : '' })}
          overflowFrom={gradOverflow}
          overflowLabel={s.overflow}
          empty={allZero ? s.allZeroGradients : null}
          width={w}
          height={h}
        />
      </figure>
    </div>
  );
}

export function Spreads({ report, presenting }: { report: InitReport; presenting: boolean }) {
  const acts = report.activations.map((l) => l.std);
  const grads = report.gradients.map((l) => l.std);
  const hasZero = [...acts, ...grads].some((v) => v === 0);
  return (
    <figure className="init-plot">
      <figcaption className="init-legend">
        <span className="init-legend-title">{s.stdHeading}</span>
        <span>
          <svg width="24" height="12" aria-hidden="true">
            <line x1="0" x2="24" y1="6" y2="6" stroke={classColor(0)} strokeWidth="3" />
          </svg>{' '}
          {s.stdActivations}
        </span>
        <span>
          <svg width="24" height="12" aria-hidden="true">
            <line x1="0" x2="24" y1="6" y2="6" stroke={classColor(1)} strokeWidth="3" strokeDasharray="6 4" />
          </svg>{' '}
          {s.stdGradients}
        </span>
      </figcaption>
      <StdChart
        activations={acts}
        gradients={grads}
        overflowFrom={firstLayer(report.activations, (l) => !l.finite)}
        overflowLabel={s.overflow}
        xLabel={s.layerAxis}
        yLabel={s.stdAxis}
        title={s.stdTitle}
        description={s.stdDescription({ setup: setupOf(report), activations: layerValues(acts), gradients: layerValues(grads) }) + (hasZero ? ` ${s.stdZeros}` : '')}
        width={presenting ? 520 : 360}
        height={presenting ? 250 : 150}
        markers={acts.length <= 20}
      />
      {hasZero ? <p className="fig-note">{s.stdZeros}</p> : null}
    </figure>
  );
}
