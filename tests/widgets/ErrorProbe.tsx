// A figure that throws while rendering when the command "explode" is run: it proves that the
// widget frame's error boundary shows the message instead of a blank page, and that its reset
// brings the figure back. Any other command is only counted.
import { useId, useState } from 'react';
import type { WidgetRenderProps } from '../../src/book/defineWidget.ts';

export const EXPLODE = 'explode';

export default function ErrorProbe(_: WidgetRenderProps) {
  const id = useId();
  const [command, setCommand] = useState('');
  const [ran, setRan] = useState<string[]>([]);
  if (ran.at(-1) === EXPLODE) throw new Error('the probe was asked to explode');
  return (
    <div className="test-widget">
      <label htmlFor={`${id}-cmd`}>Command</label>
      <input id={`${id}-cmd`} type="text" value={command} onChange={(e) => setCommand(e.target.value)} />
      <button type="button" onClick={() => setRan((r) => [...r, command.trim()])}>
        Run
      </button>
      <p>
        Commands run: <output>{ran.length}</output>
      </p>
    </div>
  );
}
