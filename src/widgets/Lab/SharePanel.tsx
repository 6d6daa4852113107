// An instructor's link builder: the Lab exactly as it is now, with the parts ticked here hidden,
// as one link to prepare before class. The link is written, not opened: the reader's own page
// keeps every control.
import { memo, useContext, useId, useState } from 'react';
import { Checkbox } from '../../book/controls.tsx';
import { encodeState, frameElementId, widgetParamName, withParam } from '../../book/urlState.ts';
import { WidgetLinkContext } from '../../book/useWidgetState.ts';
import { HIDEABLE, hideKey, labSchema, type Hideable, type LabState } from './labState.ts';
import { copyText } from './clipboard.ts';
import { labStrings as s } from './strings.ts';

export const SharePanel = memo(function SharePanel({ state }: { state: LabState }) {
  const frame = useContext(WidgetLinkContext);
  const fieldId = useId();
  const [hide, setHide] = useState<Set<Hideable>>(() => new Set(HIDEABLE.filter((p) => state[hideKey(p)])));
  const [note, setNote] = useState('');
  const id = frame?.instanceId ?? null;
  let url = '';
  if (id && typeof location !== 'undefined') {
    const shared = { ...state } as LabState;
    for (const part of HIDEABLE) shared[hideKey(part)] = hide.has(part);
    const search = withParam(location.search, widgetParamName(id), encodeState(labSchema, shared));
    url = `${location.origin}${location.pathname}${search}#${frameElementId(id)}`;
  }
  const toggle = (part: Hideable, on: boolean) => {
    const next = new Set(hide);
    if (on) next.add(part);
    else next.delete(part);
    setHide(next);
    setNote('');
  };
  const copy = () => void copyText(url).then((ok) => setNote(ok ? s.copied : s.copyFailed));
  return (
    <details className="lab-share">
      <summary>{s.shareHeading}</summary>
      <p className="lab-help">{s.shareHelp}</p>
      <div className="lab-hide">
        {HIDEABLE.map((part) => (
          <Checkbox key={part} label={s.hidePart(s.hideParts[part])} checked={hide.has(part)} onChange={(on) => toggle(part, on)} />
        ))}
      </div>
      <label htmlFor={fieldId}>{s.shareLink}</label>
      <div className="lab-row">
        <input id={fieldId} className="lab-link-field" type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy} disabled={url === ''}>
          {s.copyLink}
        </button>
        <span className="lab-help" aria-live="polite">
          {note}
        </span>
      </div>
    </details>
  );
});
