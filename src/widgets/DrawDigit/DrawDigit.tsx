// Draw a digit (mouse, touch or pen) or pick a test digit; the drawing is preprocessed like MNIST
// and read by the shipped CNN or by the one just trained in the page: class probabilities and the
// feature maps of every convolution layer.
import { useCallback, useEffect, useRef, useState, type PointerEvent } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select } from '../../book/controls.tsx';
import { choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { Random } from '../../engine/index.ts';
import { BarChart, RetryAlert, useEngine } from '../kit/index.ts';
import { DigitImage } from '../kit/DigitImage.tsx';
import { loadTestDigits } from '../kit/mnist/mnistData.ts';
import { useOnScreen } from '../kit/useOnScreen.ts';
import { percent } from '../kit/format.ts';
import { SIDE, toMnist } from './preprocess.ts';
import { drawStrings as s } from './strings.ts';
import { useDrawDigit, type ModelSource } from './useDrawDigit.ts';
import '../kit/figure.css';
import './drawDigit.css';

const CANVAS = 280;
/** Seed of the "random test digit" picks: every reader gets the same sequence of digits. */
const PICK_SEED = 7;
const SOURCES = ['shipped', 'yours'] as const;

export const drawDigitSchema = {
  source: choice(SOURCES, 'shipped', () => s.linkLabels.source),
  test: integer({ min: 1, max: 2000, default: 1, label: () => s.linkLabels.test }),
};

export type DrawDigitProps = Partial<StateOf<typeof drawDigitSchema>>;

export default function DrawDigit({ presenting, ...initial }: DrawDigitProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(drawDigitSchema, initial);
  const root = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const visible = useOnScreen(root);
  const engine = useEngine();
  const [image, setImage] = useState<Float32Array | null>(null);
  const [origin, setOrigin] = useState<{ kind: 'drawing' } | { kind: 'test'; index: number; label: number } | null>(null);
  const [testStatus, setTestStatus] = useState<string | null>(null);
  const d = useDrawDigit(visible, engine.ready, state.source as ModelSource, image);

  // Drawing: pointer events cover mouse, touch and pen alike.
  const drawing = useRef<{ x: number; y: number } | null>(null);
  const picks = useRef<Random | null>(null);
  const pending = useRef(0);
  const readCanvas = useCallback(() => {
    const c = canvasRef.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const ink = new Float32Array(c.width * c.height);
    for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3] / 255;
    setImage(toMnist(ink, c.width, c.height));
    setOrigin({ kind: 'drawing' });
  }, []);
  const schedule = () => {
    if (pending.current) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = 0;
      readCanvas();
    });
  };
  useEffect(() => () => cancelAnimationFrame(pending.current), []);
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * CANVAS, y: ((e.clientY - r.top) / r.height) * CANVAS };
  };
  const stroke = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 22;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    if (origin?.kind === 'test') clearCanvas();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = point(e);
    drawing.current = p;
    stroke(p, p);
    schedule();
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const p = point(e);
    stroke(drawing.current, p);
    drawing.current = p;
    schedule();
  };
  const onUp = () => {
    if (!drawing.current) return;
    drawing.current = null;
    readCanvas();
  };
  function clearCanvas() {
    const c = canvasRef.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
  }
  const clear = () => {
    clearCanvas();
    setImage(null);
    setOrigin(null);
  };

  // The keyboard-free alternative: a test digit, drawn on the canvas and fed as it is.
  const showTest = (index: number) => {
    setTestStatus(s.loadingTest);
    loadTestDigits().then(
      (test) => {
        setTestStatus(null);
        const i = Math.max(0, Math.min(test.count - 1, index));
        const px = test.image(i);
        const c = canvasRef.current;
        const ctx = c?.getContext('2d');
        if (c && ctx) {
          ctx.clearRect(0, 0, c.width, c.height);
          const cell = c.width / SIDE;
          ctx.fillStyle = '#000';
          for (let k = 0; k < px.length; k++) {
            if (px[k] <= 0) continue;
            ctx.globalAlpha = px[k];
            ctx.fillRect((k % SIDE) * cell, Math.floor(k / SIDE) * cell, cell, cell);
          }
          ctx.globalAlpha = 1;
        }
        setImage(px);
        setOrigin({ kind: 'test', index: i, label: test.labels[i] });
        setState({ test: i + 1 });
      },
      (e: unknown) => setTestStatus(s.testFailed(e instanceof Error ? e.message : String(e))),
    );
  };

  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.source} value={state.source} options={SOURCES.map((v) => ({ value: v, label: s.sourceNames[v] }))} onChange={(v: (typeof SOURCES)[number]) => setState({ source: v })} />
      <NumberField label={s.testDigit} value={state.test} min={1} max={2000} integer onChange={(v) => setState({ test: v })} />
    </Controls>
  );

  let modelStatus = null;
  if (engine.error) modelStatus = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (state.source === 'yours' && !d.yours) modelStatus = <p>{s.noTrained}</p>;
  else if (state.source === 'shipped' && d.shipped.status === 'error')
    modelStatus = <RetryAlert message={s.modelFailed(d.shipped.message)} onRetry={d.retry} />;
  else if (state.source === 'shipped' && d.shipped.status !== 'ready') modelStatus = <p>{s.loadingModel}</p>;
  else if (!engine.ready) modelStatus = <p>{s.starting}</p>;
  else if (d.built && 'error' in d.built) modelStatus = <p role="alert">{s.failed(d.built.error)}</p>;
  else if (d.built) modelStatus = <p className="fig-note">{s.modelInfo(d.built.params, d.built.from.testAccuracy === null ? s.unknownAcc : percent(d.built.from.testAccuracy, 1))}</p>;

  const inspection = d.result && 'inspection' in d.result ? d.result.inspection : null;
  const probs = inspection?.probabilities ?? null;
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const scale = presenting ? 1.4 : 1;

  return (
    <div ref={root} className={presenting ? 'dd dd-presenting' : 'dd'}>
      {controls}
      <div className="fig-buttons">
        <button type="button" onClick={clear}>
          {s.clear}
        </button>
        <button type="button" onClick={() => showTest(state.test - 1)}>
          {s.useTest}
        </button>
        <button type="button" onClick={() => showTest((picks.current ??= new Random(PICK_SEED)).int(2000))}>
          {s.randomTest}
        </button>
      </div>
      {testStatus ? (
        <p role="status" className="fig-note">
          {testStatus}
        </p>
      ) : null}
      {modelStatus}
      <div className="dd-row">
        <canvas
          ref={canvasRef}
          className="dd-canvas"
          width={CANVAS}
          height={CANVAS}
          style={{ width: CANVAS * scale, height: CANVAS * scale }}
          aria-label={s.canvasLabel}
          role="img"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          onPointerLeave={onUp}
        />
        <div className="dd-prepared">
          <p className="fig-note">{s.prepared}</p>
          <DigitImage
            values={image ?? new Float32Array(SIDE * SIDE)}
            rows={SIDE}
            cols={SIDE}
            scale={presenting ? 5 : 4}
            label={s.preparedLabel(origin?.kind === 'test' ? s.fromTest(origin.index + 1, origin.label) : image ? s.fromDrawing : s.empty)}
          />
        </div>
        <div className="dd-chart">
          {probs ? (
            <>
              <BarChart
                bars={probs.map((p, c) => ({ label: String(c), value: p }))}
                width={320}
                height={200}
                y={{ label: s.yAxis, domain: [0, 1] }}
                xLabel={s.xAxis}
                title={s.chartTitle}
                description={s.chartDescription(probs.map((p, c) => `${c}: ${percent(p, 1)}`).join(', '))}
                format={(v) => (v >= 0.01 ? `${Math.round(v * 100)}%` : '')}
              />
              <p className="dd-guess" aria-live="polite">
                {s.guess(best, percent(probs[best], 1))}
              </p>
            </>
          ) : (
            <p className="fig-note">{d.result && 'error' in d.result ? s.failed(d.result.error) : s.empty}</p>
          )}
        </div>
      </div>
      {inspection
        ? inspection.layers.map((l, li) => (
            <section key={li} className="fig-section">
              <h4>{s.mapsTitle(li + 1, l.side)}</h4>
              <div className="fig-tiles">
                {l.maps.map((m, i) => (
                  <DigitImage key={i} values={m} rows={l.side} cols={l.side} scale={(presenting ? 4.5 : 3) * (li === 0 ? 1 : 2)} mode="heat" label={s.mapLabel(li + 1, i)} />
                ))}
              </div>
            </section>
          ))
        : null}
    </div>
  );
}
