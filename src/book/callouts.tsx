// Boxes that set a paragraph apart: a note, a warning, a thing to try with a widget.
import type { ReactNode } from 'react';
import { useFixedText } from './StaticHtml.tsx';
import { calloutStrings as s } from './strings.ts';

interface CalloutProps {
  /** Replaces the default label ("Note", "Warning", "Try this", "Predict first"). */
  title?: string;
  /** In the built site, the number of the title's markup in the page instead (rehypeStaticHtml.ts). */
  titleK?: number;
  children?: ReactNode;
}

function Callout({ kind, label, title: given, titleK, children }: CalloutProps & { kind: string; label: string }) {
  const title = useFixedText(given, titleK);
  return (
    <aside className={`callout callout-${kind}`} aria-label={title ?? label}>
      <p className="callout-title" data-s={title === undefined ? undefined : titleK}>
        {title ?? label}
      </p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}

export function Note(props: CalloutProps) {
  return <Callout kind="note" label={s.note} {...props} />;
}

export function Warning(props: CalloutProps) {
  return <Callout kind="warning" label={s.warning} {...props} />;
}

export function TryThis(props: CalloutProps) {
  return <Callout kind="try" label={s.tryThis} {...props} />;
}

/**
 * A question to answer before using the widget that follows: the reader commits to a guess, then
 * runs the figure and compares.
 */
export function Predict(props: CalloutProps) {
  return <Callout kind="predict" label={s.predict} {...props} />;
}

/** A key on the keyboard, e.g. <Kbd>t</Kbd>. */
export function Kbd({ children }: { children?: ReactNode }) {
  return <kbd>{children}</kbd>;
}
