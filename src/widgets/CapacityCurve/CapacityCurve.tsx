// Capacity against error: one sample of noisy points from sin(πx), a polynomial or a random-feature
// model fitted to it by least squares at every capacity at once, the fit of the chosen capacity
// beside its training, validation, cross-validation and test errors over the whole sweep. Past the
// interpolation threshold p = n the fit is the minimum-norm interpolant, and the test error comes
// down again (double descent); a ridge penalty flattens the peak.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { FAMILIES, MAX_DEGREE, MAX_WIDTH } from '../../models/generalisation/capacity/features.ts';
import { fixed } from '../kit/format.ts';
import { ErrorKey, ErrorPlot } from './ErrorPlot.tsx';
import { FitKey, FitPlot } from './FitPlot.tsx';
import { capacityStrings as s, familyNames, penalty } from './strings.ts';
import { FOLD_RANGE, lambdaSlider, lambdaToSlider, NOISE_RANGE, N_RANGE, sliderToLambda, useCapacityCurve, type CapacityCurveProps } from './useCapacityCurve.ts';
import { useNarrowScreen } from '../kit/index.ts';
import './capacityCurve.css';

export { capacityCurveSchema, type CapacityCurveProps } from './useCapacityCurve.ts';

export default function CapacityCurve({ presenting, ...initial }: CapacityCurveProps & WidgetRenderProps) {
  const w = useCapacityCurve(initial);
  const { state, sweep, fit, capacity, parameters, folds } = w;
  const { family, n, noise, lambda } = state;
  const polynomial = family === 'polynomial';
  const finite = [fit.train, fit.validation, fit.test].every(Number.isFinite);
  // A phone's width (the widget frame's own breakpoint), where the plots are drawn flatter.
  const narrow = useNarrowScreen('600px');
  const size = presenting ? { width: 460, height: 330 } : narrow ? { width: 400, height: 220 } : { width: 400, height: 290 };

  // One note, always there (so the figure's height does not change as the slider moves).
  const interpolates = fit.train < 1e-9;
  const note =
    parameters < n
      ? s.belowThreshold
      : lambda > 0
        ? s.ridgeNote(penalty(lambda))
        : !interpolates
          ? s.notYet
          : parameters === n
            ? s.atThreshold
            : s.aboveThreshold;

  return (
    <div className={presenting ? 'cap cap-presenting' : 'cap figure-first'}>
      <Controls presenting={presenting}>
        <Slider
          label={polynomial ? s.degree : s.width}
          value={capacity}
          min={polynomial ? 0 : 1}
          max={polynomial ? MAX_DEGREE : MAX_WIDTH}
          step={1}
          format={(v) => String(v)}
          onChange={w.setCapacity}
        />
      </Controls>

      <div className="cap-plots figure-pass">
        <figure className="cap-figure">
          <FitPlot
            family={family}
            capacity={capacity}
            parameters={parameters}
            train={sweep.sample.train}
            validation={sweep.sample.validation}
            curve={fit.curve}
            presenting={presenting}
            {...size}
          />
          <FitKey />
        </figure>
        <figure className="cap-figure figure-pin">
          <ErrorPlot sweep={sweep} parameters={parameters} presenting={presenting} {...size} />
          <ErrorKey sweep={sweep} />
        </figure>
      </div>

      <p className="cap-readout" aria-live="polite">
        {finite ? s.readout(s.modelNameCapital(family, capacity), parameters, n, fit.train, fit.validation, fit.cv, fit.test) : s.fitFailed} {note}
      </p>

      <div className="cap-settings" role="group" aria-label={s.settings}>
        <Controls presenting={presenting}>
          <Select label={s.family} value={family} options={FAMILIES.map((f) => ({ value: f, label: familyNames[f] }))} onChange={w.setFamily} />
        </Controls>
        <div className="cap-new">
          <button type="button" onClick={w.newSample}>
            {s.newSample}
          </button>
        </div>
        <Controls presenting={presenting}>
          <Slider label={s.n} value={n} min={N_RANGE[0]} max={N_RANGE[1]} step={1} format={(v) => String(v)} onChange={(v) => w.setState({ n: Math.round(v) })} />
          <Slider label={s.noise} value={noise} min={NOISE_RANGE[0]} max={NOISE_RANGE[1]} step={0.01} format={(v) => fixed(v, 2)} onChange={(v) => w.setState({ noise: v })} />
        </Controls>
        <Controls presenting={presenting}>
          <Slider
            label={s.lambda}
            value={lambdaToSlider(lambda)}
            {...lambdaSlider}
            format={(v) => penalty(sliderToLambda(v))}
            onChange={(v) => w.setState({ lambda: sliderToLambda(v) })}
          />
          <Slider
            label={s.folds}
            value={folds}
            min={FOLD_RANGE[0]}
            max={Math.min(FOLD_RANGE[1], n)}
            step={1}
            format={(v) => String(v)}
            onChange={(v) => w.setState({ folds: Math.round(v) })}
          />
        </Controls>
      </div>
    </div>
  );
}
