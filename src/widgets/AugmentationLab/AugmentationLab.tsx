// Data augmentation on a few hundred MNIST digits: one network trained on the digits as they are
// and an identical one (same initial weights, same batches) trained on fresh shifted, rotated or
// noisy copies each epoch, their test accuracy after every epoch side by side, and a preview of
// the copies the second one sees. A flip, which turns a digit into something else, shows the
// augmentation that hurts.
import { useId, useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { LIMITS } from '../../models/generalisation/augmentation/augment.ts';
import { TEST_DIGITS } from '../../models/generalisation/augmentation/augmentationJob.ts';
import { MODEL_KINDS } from '../../models/generalisation/augmentation/augmentedPair.ts';
import { LiveHint, RetryAlert, TrainingBar, useOnScreen } from '../kit/index.ts';
import { AccuracyPlot } from './AccuracyPlot.tsx';
import { PreviewGrid } from './PreviewGrid.tsx';
import { augmentationStrings as s } from './strings.ts';
import { useAugmentationLab } from './useAugmentationLab.ts';
import '../kit/figure.css';
import './augmentationLab.css';

export const augmentationLabSchema = {
  shift: integer({ min: LIMITS.shift[0], max: LIMITS.shift[1], default: 2, label: () => s.linkLabels.shift }),
  rotation: integer({ min: LIMITS.rotation[0], max: LIMITS.rotation[1], default: 15, label: () => s.linkLabels.rotation }),
  noise: number({ min: LIMITS.noise[0], max: LIMITS.noise[1], default: 0, label: () => s.linkLabels.noise }),
  flip: boolean(false, () => s.linkLabels.flip),
  trainSize: integer({ min: 100, max: 1000, default: 300, label: () => s.linkLabels.trainSize }),
  model: choice(MODEL_KINDS, 'mlp', () => s.linkLabels.model),
  epochs: integer({ min: 5, max: 100, default: 40, label: () => s.linkLabels.epochs }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
  digit: integer({ min: 1, max: 1000, default: 1, label: () => s.linkLabels.digit }),
  draw: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.draw }),
};

export type AugmentationLabProps = Partial<StateOf<typeof augmentationLabSchema>>;

export default function AugmentationLab({ presenting, ...initial }: AugmentationLabProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(augmentationLabSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const visible = useOnScreen(root);
  const settings = { shift: state.shift, rotation: state.rotation, noise: state.noise, flip: state.flip };
  const lab = useAugmentationLab(visible, { trainSize: state.trainSize, model: state.model, settings, epochs: state.epochs, seed: state.seed, digit: state.digit, draw: state.draw });
  const { book, job, history, preview } = lab;
  const last = history.at(-1);

  let status = null;
  if (book.status === 'failed') status = <RetryAlert message={s.loadFailed(book.message)} onRetry={book.retry} />;
  else if (book.status === 'waiting') status = <p className="fig-note">{s.waiting}</p>;
  else if (book.status === 'loading') status = <p className="fig-note">{s.loading}</p>;

  const gap = last && last.epoch > 0 ? s.gap(last.epoch, last.test[0], last.test[1], TEST_DIGITS) : s.gapNone;

  return (
    <div ref={root} className={presenting ? 'aug fig-presenting aug-presenting' : 'aug'}>
      <div className={presenting ? 'aug-top' : 'aug-top figure-first'}>
        <div className="aug-controls">
          <Controls presenting={presenting}>
            <Slider label={s.shift} value={state.shift} min={LIMITS.shift[0]} max={LIMITS.shift[1]} step={1} format={String} onChange={(v) => setState({ shift: Math.round(v) })} />
            <Slider label={s.rotation} value={state.rotation} min={LIMITS.rotation[0]} max={LIMITS.rotation[1]} step={5} format={String} onChange={(v) => setState({ rotation: Math.round(v) })} />
            <Slider label={s.noise} value={state.noise} min={LIMITS.noise[0]} max={LIMITS.noise[1]} step={0.05} format={(v) => v.toFixed(2)} onChange={(v) => setState({ noise: Math.round(v * 100) / 100 })} />
            <Checkbox label={s.flip} checked={state.flip} onChange={(v) => setState({ flip: v })} />
          </Controls>
          <Controls presenting={presenting}>
            <Slider label={s.trainSize} value={state.trainSize} min={100} max={1000} step={100} format={String} onChange={(v) => setState({ trainSize: Math.round(v / 100) * 100 })} />
            <Select label={s.model} value={state.model} options={MODEL_KINDS.map((m) => ({ value: m, label: s.modelNames[m] }))} onChange={(m: (typeof MODEL_KINDS)[number]) => setState({ model: m })} />
            <Slider label={s.epochs} value={state.epochs} min={5} max={100} step={5} format={String} onChange={(v) => setState({ epochs: Math.round(v) })} />
            <NumberField label={s.seed} value={state.seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
          </Controls>
          <p className="fig-note aug-model">{s.modelNote[state.model]}</p>
          <LiveHint applies="restart" />
        </div>
        <section className="aug-preview figure-pin" aria-labelledby={headingId}>
          <h4 id={headingId} className="aug-heading">{s.previewHeading}</h4>
          <div className="fig-buttons aug-buttons">
            <button type="button" onClick={() => setState({ draw: (state.draw % 9999) + 1 })}>
              {s.newDraws}
            </button>
            <button type="button" onClick={() => setState({ digit: (lab.index % state.trainSize) + 1 })}>
              {s.nextDigit}
            </button>
            <span className="aug-draw">{s.drawNumber(state.draw, lab.index)}</span>
          </div>
          {preview ? <PreviewGrid image={preview.image} label={preview.label} index={lab.index} copies={preview.copies} settings={settings} presenting={Boolean(presenting)} /> : status}
          <p className="fig-note aug-note">{s.previewNote}</p>
        </section>
      </div>
      <div className="aug-run">
        <TrainingBar job={job} presenting={presenting} showLoss={false} advice={s.advice} />
        <p className="aug-gap" aria-live="polite">
          {gap}
          {lab.evaluating !== null && lab.evaluating > 0 ? ` ${s.evaluating(lab.evaluating)}` : ''}
        </p>
        <AccuracyPlot history={history} epochs={state.epochs} testDigits={TEST_DIGITS} presenting={Boolean(presenting)} />
      </div>
    </div>
  );
}
