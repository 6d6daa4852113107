// A 3×3 kernel slides over an image: step by step or playing, the window outlined on the padded
// input, the dot product at the current position written out, the output map built up cell by
// cell, and the output-size formula with the live numbers.
import { useEffect, useMemo, useState } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider, TextField } from '../../book/controls.tsx';
import { choice, integer, numberList, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/index.ts';
import { INPUTS, inputImage, KERNEL_PRESETS, kernelText, outputSize, padImage, parseKernel, PRESET_KERNELS, range, termsAt, dot, type InputName, type KernelPreset } from '../../models/convolution/convolution.ts';
import { MapGrid, mapCells } from '../kit/MapGrid.tsx';
import { convStrings as s } from './strings.ts';
import { useConvolution } from './useConvolutionExplorer.ts';
import { fixed } from '../kit/format.ts';
import '../kit/figure.css';

const K = 3;

export const convolutionExplorerSchema = {
  input: choice(INPUTS, 'square', () => s.linkLabels.input),
  preset: choice(KERNEL_PRESETS, 'sobelX', () => s.linkLabels.preset),
  custom: numberList({ length: 9, min: -100, max: 100, default: PRESET_KERNELS.sharpen, label: () => s.linkLabels.custom }),
  stride: integer({ min: 1, max: 3, default: 1, label: () => s.linkLabels.stride }),
  padding: integer({ min: 0, max: 2, default: 0, label: () => s.linkLabels.padding }),
  dilation: integer({ min: 1, max: 3, default: 1, label: () => s.linkLabels.dilation }),
};

export type ConvolutionExplorerProps = Partial<StateOf<typeof convolutionExplorerSchema>>;

const fmt = (v: number) => (Number.isInteger(v) ? fixed(v, 0, { minus: '-' }) : Math.abs(v) < 0.005 ? '0' : fixed(v, 2, { minus: '-' }));

export default function ConvolutionExplorer({ presenting, ...initial }: ConvolutionExplorerProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(convolutionExplorerSchema, initial);
  const { input, preset, custom, stride, padding } = state;
  const dilation = stride > 1 ? 1 : state.dilation; // the engine, like TensorFlow, takes one or the other
  const kernel = preset === 'custom' ? custom : PRESET_KERNELS[preset];
  const [draft, setDraft] = useState(() => kernelText(custom, K));
  const [draftError, setDraftError] = useState<string | null>(null);
  const engine = useEngine();
  const image = useMemo(() => inputImage(input), [input]);
  const n = image.length;
  const outSide = outputSize(n, K, stride, padding, dilation);
  const fits = outSide >= 1;
  const result = useConvolution(engine.ready && fits, image, kernel, K, stride, padding, dilation);
  const padded = useMemo(() => padImage(image, padding), [image, padding]);

  // The position of the kernel: output cells 0 … done−1 are computed.
  const total = fits ? outSide * outSide : 0;
  const [done, setDone] = useState(1);
  const [playing, setPlaying] = useState(false);
  useEffect(() => setDone(1), [input, preset, stride, padding, dilation]);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setDone((d) => (d >= total ? d : d + (total > 200 ? 3 : 1))), 60);
    return () => clearInterval(id);
  }, [playing, total]);
  useEffect(() => {
    if (done >= total) setPlaying(false);
  }, [done, total]);
  const current = Math.max(0, Math.min(done, total) - 1);
  const ci = Math.floor(current / Math.max(outSide, 1));
  const cj = current % Math.max(outSide, 1);

  const span = dilation * (K - 1) + 1;
  const cell = presenting ? (n > 20 ? 11 : 26) : n > 20 ? 8 : 20;
  const outCell = presenting ? (outSide > 20 ? 11 : 26) : outSide > 20 ? 8 : 20;
  const terms = fits ? termsAt(padded, kernel, K, stride, ci, cj, dilation) : [];
  const output = result?.output ?? null;
  const [lo, hi] = output ? range(output) : [0, 1];
  const outScale = Math.max(Math.abs(lo), Math.abs(hi), 1e-6);

  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.input} value={input} options={INPUTS.map((v) => ({ value: v, label: s.inputNames[v] }))} onChange={(v: InputName) => setState({ input: v })} />
      <Select label={s.preset} value={preset} options={KERNEL_PRESETS.map((v) => ({ value: v, label: s.presetNames[v] }))} onChange={(v: KernelPreset) => {
        if (v === 'custom' && preset !== 'custom') {
          setState({ preset: v, custom: [...kernel] });
          setDraft(kernelText(kernel, K));
          setDraftError(null);
        } else setState({ preset: v });
      }} />
      <Slider label={s.stride} value={stride} min={1} max={3} step={1} format={String} onChange={(v) => setState({ stride: Math.round(v) })} />
      <Slider label={s.padding} value={padding} min={0} max={2} step={1} format={String} onChange={(v) => setState({ padding: Math.round(v) })} />
      <Slider label={s.dilation} value={dilation} min={1} max={3} step={1} format={String} onChange={(v) => setState({ dilation: Math.round(v), ...(v > 1 ? { stride: 1 } : {}) })} />
    </Controls>
  );

  const formula = (
    <p className="fig-formula" aria-live="polite">
      {s.formula}: {s.formulaWorking(n, padding, dilation, K, stride)} <strong>{fits ? outSide : '—'}</strong>
      {fits ? ` (${outSide}×${outSide})` : ''}
    </p>
  );

  let body;
  if (!fits) body = <p role="alert">{s.tooBig}</p>;
  else if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!result) body = <p>{s.starting}</p>;
  else if (result.error !== null) body = <p role="alert">{s.failed(result.error)}</p>;
  else {
    const map = result.output;
    body = (
      <>
        <div className="fig-maps figure-pin">
          <figure style={mapCells(padded.length)}>
            <figcaption>{s.inputTitle}</figcaption>
            <MapGrid
              values={padded}
              cell={cell}
              color="grey"
              dim={(r, c) => r < padding || c < padding || r >= n + padding || c >= n + padding}
              outlines={[{ row: ci * stride, col: cj * stride, rows: span, cols: span }]}
              numbers={n <= 12}
              format={fmt}
              title={s.inputTitle}
              description={s.inputDescription(n, n, padding, ci * stride, cj * stride, span)}
            />
          </figure>
          <figure className="fig-map-fixed">
            <figcaption>{s.kernelTitle}</figcaption>
            <MapGrid values={[0, 1, 2].map((r) => kernel.slice(r * K, r * K + K))} cell={presenting ? 46 : 34} color="signed" scale={Math.max(...kernel.map(Math.abs), 1e-6)} numbers format={fmt} title={s.kernelTitle} description={s.kernelDescription(kernelText(kernel, K))} />
          </figure>
          <figure style={mapCells(outSide)}>
            <figcaption>{s.outputTitle}</figcaption>
            <MapGrid
              values={map}
              cell={outCell}
              color="signed"
              scale={outScale}
              filled={(r, c) => r * outSide + c < done}
              outlines={[{ row: ci, col: cj, rows: 1, cols: 1 }]}
              numbers={outSide <= 12}
              format={fmt}
              title={s.outputTitle}
              description={s.outputDescription(outSide, outSide, Math.min(done, total), fmt(lo), fmt(hi))}
            />
          </figure>
        </div>
        <p className="fig-formula" aria-live="polite">
          {s.dotAt(ci, cj)} {terms.map((t) => `${fmt(t.w)}·${fmt(t.x)}`).join(' + ')} = <strong>{fmt(dot(terms))}</strong>
        </p>
        <p className="fig-note">{s.engineNote}</p>
      </>
    );
  }

  return (
    <div className={presenting ? 'ce fig-presenting' : 'ce figure-first'}>
      {controls}
      {preset === 'custom' ? (
        <div className="ce-custom">
          <TextField
            label={s.kernelText}
            value={draft}
            maxLength={120}
            onChange={(text: string) => {
              setDraft(text);
              const parsed = parseKernel(text, K);
              if ('kernel' in parsed) {
                setDraftError(null);
                setState({ custom: parsed.kernel });
              } else setDraftError(parsed.error);
            }}
          />
          {draftError ? <p role="alert">{s.kernelBad(draftError)}</p> : null}
        </div>
      ) : null}
      <div className="fig-buttons">
        <button type="button" title={s.stepHint} disabled={!fits || done >= total} onClick={() => setDone((d) => Math.min(d + 1, total))}>
          {s.step}
        </button>
        <button type="button" disabled={!fits || done >= total} onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? s.pause : s.play}
        </button>
        <button type="button" title={s.finishHint} disabled={!fits || done >= total} onClick={() => setDone(total)}>
          {s.finish}
        </button>
        <button type="button" disabled={done <= 1} onClick={() => {
          setPlaying(false);
          setDone(1);
        }}>
          {s.restart}
        </button>
      </div>
      {formula}
      {body}
    </div>
  );
}
