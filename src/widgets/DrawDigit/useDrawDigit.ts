// The drawing widget's engine side: the shipped model (fetched once the widget is on screen) or
// the reader's own, published by the trainer as a state dict; one engine model built from the
// chosen one (disposed when replaced and on unmount); and a forward pass per new input image.
import { useEffect, useRef, useState } from 'react';
import { buildCnn, type Model } from '../../models/mnist/cnnModel.ts';
import { inspect, type Inspection } from '../../models/mnist/inspect.ts';
import { onTrained, trainedModel, type SharedModel } from '../../models/mnist/mnistStore.ts';
import { loadPretrained } from '../kit/mnist/mnistData.ts';

export type ModelSource = 'shipped' | 'yours';

type Loaded = { status: 'waiting' | 'loading' } | { status: 'ready'; model: SharedModel } | { status: 'error'; message: string };

export function useDrawDigit(visible: boolean, engineReady: boolean, source: ModelSource, image: Float32Array | null) {
  const [shipped, setShipped] = useState<Loaded>({ status: 'waiting' });
  const [yours, setYours] = useState<SharedModel | null>(() => trainedModel());
  useEffect(() => onTrained(setYours), []);
  useEffect(() => {
    if (!visible || shipped.status !== 'waiting') return;
    setShipped({ status: 'loading' });
    loadPretrained().then(
      (model) => setShipped({ status: 'ready', model }),
      (e: unknown) => setShipped({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [visible, shipped.status]);

  const chosen = source === 'yours' ? yours : shipped.status === 'ready' ? shipped.model : null;
  const modelRef = useRef<{ model: Model; from: SharedModel } | null>(null);
  const [built, setBuilt] = useState<{ from: SharedModel; params: number } | { error: string } | null>(null);
  useEffect(() => {
    if (!engineReady || !chosen) return;
    let model: Model | null = null;
    try {
      model = buildCnn(chosen.architecture, 1);
      model.loadStateDict(chosen.state);
      modelRef.current = { model, from: chosen };
      setBuilt({ from: chosen, params: model.numParameters() });
    } catch (e) {
      model?.dispose();
      model = null;
      modelRef.current = null;
      setBuilt({ error: e instanceof Error ? e.message : String(e) });
    }
    return () => {
      if (modelRef.current?.model === model) modelRef.current = null;
      model?.dispose();
    };
  }, [engineReady, chosen]);

  const [result, setResult] = useState<{ inspection: Inspection } | { error: string } | null>(null);
  useEffect(() => {
    const m = modelRef.current;
    if (!m || !image || !built || 'error' in built) {
      setResult(null);
      return;
    }
    try {
      setResult({ inspection: inspect(m.model, m.from.architecture, image) });
    } catch (e) {
      setResult({ error: e instanceof Error ? e.message : String(e) });
    }
  }, [image, built]);

  const retry = () => setShipped({ status: 'waiting' });
  return { shipped, yours, chosen, built, result, retry };
}
