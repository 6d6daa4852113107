// Shows which backend the engine computes on ("WebGL (GPU)", "WebAssembly (SIMD)", "CPU
// (JavaScript)") and why, so a reader knows what speed to expect. The engine's entry is fetched
// only here, once `start` is true: when the badge's figure nears the window (WidgetFrame), so a
// reader who never scrolls to a figure downloads no engine.
import { useEffect, useId, useState } from 'react';
import type { EngineInfo } from './engineBoot.ts';
import { badgeStrings } from './strings.ts';

type BadgeState =
  | { status: 'starting' }
  | { status: 'ready'; label: string; reason: string }
  | { status: 'failed'; reason: string };

/** Every label the badge can show (in the current locale): the widest sets its width. */
const labels = () => [badgeStrings.starting, badgeStrings.failed, badgeStrings.webgl, badgeStrings.wasmSimd, badgeStrings.wasm, badgeStrings.cpu];

export function ComputeBadge({ start }: { start: boolean }) {
  const [state, setState] = useState<BadgeState>({ status: 'starting' });
  const reasonId = useId();

  useEffect(() => {
    if (!start) return;
    let live = true;
    let unsubscribe: (() => void) | undefined;
    import('./engineBoot.ts')
      .then(async ({ bootEngine, backendLabel, backendReason, onBackendChange }) => {
        const show = (info: EngineInfo) => {
          if (live) setState({ status: 'ready', label: backendLabel(info), reason: backendReason(info) });
        };
        show(await bootEngine());
        // The engine moves to another backend if the GPU is lost mid-training: follow it.
        if (live) unsubscribe = onBackendChange(show);
      })
      .catch((error: unknown) => {
        // The engine's message names what failed, for whoever debugs it; the reader gets a sentence.
        console.warn('The compute engine could not start:', error);
        if (live) setState({ status: 'failed', reason: badgeStrings.startFailed });
      });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [start]);

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
      <span className="compute-badge-prefix">{badgeStrings.prefix}</span>{' '}
      {/* As wide as its longest label from the start, so the frame's header never moves when the engine is chosen. */}
      <span className="compute-badge-label">
        <span className="compute-badge-text">{label}</span>
        {labels().map((text) => (
          <span key={text} className="compute-badge-sizer" aria-hidden="true">
            {text}
          </span>
        ))}
      </span>
      {reason ? (
        <span id={reasonId} className="visually-hidden compute-badge-reason">
          {reason}
        </span>
      ) : null}
    </span>
  );
}
