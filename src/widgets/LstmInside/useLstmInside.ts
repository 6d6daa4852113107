// LstmInside's engine side: which weights (the shipped file, or the reader's model from the
// shared store), a CharLSTM built from them for one read of the text and freed at once, and the
// per-character traces as plain arrays.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { choice, integer, text, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { sharedCharModel, subscribeCharModel, type SharedCharModel } from '../../models/charLstm/store.ts';
import { modelFromWeights } from '../../models/charLstm/charModel.ts';
import { MAX_READ, QUANTITIES, readThrough, type CharTrace } from './inside.ts';
import { checkShipped, SHIPPED_FILE, type ShippedCharModel } from '../../models/charLstm/shipped.ts';
import { insideStrings as s, type ModelSource } from './strings.ts';

export const MODEL_SOURCES = ['shipped', 'yours'] as const satisfies readonly ModelSource[];
export const MAX_UNITS = 192;

export const lstmInsideSchema = {
  source: choice(MODEL_SOURCES, 'shipped', () => s.linkLabels.source),
  text: text({ maxLength: MAX_READ, default: 'First Citizen: Before we proceed any further, hear me speak.', label: () => s.linkLabels.text }),
  unit: integer({ min: 1, max: MAX_UNITS, default: 1, label: () => s.linkLabels.unit }),
  quantity: choice(QUANTITIES, 'hidden', () => s.linkLabels.quantity),
  position: integer({ min: 1, max: MAX_READ, default: 1, label: () => s.linkLabels.position }),
};

export type LstmInsideProps = Partial<StateOf<typeof lstmInsideSchema>>;

let shippedPromise: Promise<ShippedCharModel> | null = null;
function loadShipped(): Promise<ShippedCharModel> {
  shippedPromise ??= fetch(`${import.meta.env.BASE_URL}models/${SHIPPED_FILE}`)
    .then((r) => {
      if (!r.ok) throw new Error(`${SHIPPED_FILE}: HTTP ${r.status}`);
      return r.json();
    })
    .then(checkShipped);
  shippedPromise.catch(() => (shippedPromise = null));
  return shippedPromise;
}

export type Weights = { kind: 'shipped'; model: ShippedCharModel } | { kind: 'yours'; model: SharedCharModel };

/** `onScreen`: the shipped weights are fetched only once the figure has come on screen. */
export function useLstmInside(initial: LstmInsideProps, onScreen = true) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(lstmInsideSchema, initial);
  const [shipped, setShipped] = useState<ShippedCharModel | { error: string } | null>(null);
  useEffect(() => {
    if (!onScreen) return;
    let live = true;
    loadShipped().then(
      (m) => live && setShipped(m),
      (e: unknown) => live && setShipped({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [onScreen]);

  const latest = useSyncExternalStore(subscribeCharModel, sharedCharModel, () => null);
  // The reader's weights are taken when asked (switching to them, or the refresh button), not at
  // every training step, so the picture holds still while it is being read.
  const [taken, setTaken] = useState<SharedCharModel | null>(null);
  useEffect(() => {
    if (state.source === 'yours' && !taken && latest) setTaken(latest);
  }, [state.source, taken, latest]);
  const refresh = useCallback(() => setTaken(sharedCharModel()), []);

  const weights: Weights | null =
    state.source === 'yours' && taken ? { kind: 'yours', model: taken } : shipped && 'chars' in shipped ? { kind: 'shipped', model: shipped } : null;

  const read = useMemo((): { traces: CharTrace[]; hidden: number; error: null } | { traces: null; hidden: number; error: string } | null => {
    if (!engine.ready || !weights) return null;
    const { chars, hidden } = weights.model;
    try {
      const { model, vocab } = modelFromWeights(chars, hidden, weights.model.weights);
      try {
        return { traces: readThrough(model, vocab, state.text), hidden, error: null };
      } finally {
        model.dispose();
      }
    } catch (e) {
      return { traces: null, hidden, error: e instanceof Error ? e.message : String(e) };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model itself, not the object that carries it
  }, [engine.ready, weights?.model, state.text]);

  return { engine, state, setState, shipped, latest, weights, read, refresh };
}
