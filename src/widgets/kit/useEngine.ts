// Boots the engine once for the page (WebGL on a real GPU, else WebAssembly, else CPU) and tells
// the widget when it may compute. The engine's entry is imported here, inside the widget's own
// chunk, so pages without widgets never fetch it.
import { useEffect, useState } from 'react';
import { bootEngine, backendLabel, onBackendChange } from '../../book/engineBoot.ts';

export interface EngineStatus {
  ready: boolean;
  /** The backend's name for the reader ("WebAssembly (SIMD)"), once ready. */
  backend: string | null;
  /** Why the engine could not start, in words. */
  error: string | null;
}

export function useEngine(): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ ready: false, backend: null, error: null });
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    bootEngine().then(
      (info) => {
        if (!live) return;
        setStatus({ ready: true, backend: backendLabel(info), error: null });
        unsubscribe = onBackendChange((next) => live && setStatus({ ready: true, backend: backendLabel(next), error: null }));
      },
      (e: unknown) => live && setStatus({ ready: false, backend: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);
  return status;
}
