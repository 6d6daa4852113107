// Shows which backend the engine computes on ("WebGL (GPU)", "WebAssembly (SIMD)", "CPU
// (JavaScript)") and why, so a reader knows what speed to expect. The engine's entry is
// fetched only here, that is, only on a page that shows a widget.
import { useEffect, useId, useState } from 'react';
import type { EngineInfo } from './engineBoot.ts';

type BadgeState =
  | { status: 'starting' }
  | { status: 'ready'; label: string; reason: string }
  | { status: 'failed'; reason: string };

export const badgeStrings = {
  prefix: 'Compute:',
  starting: 'starting…',
  failed: 'unavailable',
};

export function ComputeBadge() {
  const [state, setState] = useState<BadgeState>({ status: 'starting' });
  const reasonId = useId();

  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    import('./engineBoot.ts')
      .then(async ({ bootEngine, backendLabel, onBackendChange }) => {
        const show = (info: EngineInfo) => {
          if (live) setState({ status: 'ready', label: backendLabel(info), reason: info.reason });
        };
        show(await bootEngine());
        // The engine moves to another backend if the GPU is lost mid-training: follow it.
        if (live) unsubscribe = onBackendChange(show);
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);

  const label =
    state.status === 'starting' ? badgeStrings.starting : state.status === 'ready' ? state.label : badgeStrings.failed;
  const reason = state.status === 'starting' ? undefined : state.reason;
  return (
    <span
      className="compute-badge"
      data-compute-badge=""
      data-status={state.status}
      title={reason}
      aria-describedby={reason ? reasonId : undefined}
    >
      <span className="compute-badge-prefix">{badgeStrings.prefix}</span> {label}
      {reason ? (
        <span id={reasonId} className="visually-hidden">
          {reason}
        </span>
      ) : null}
    </span>
  );
}
