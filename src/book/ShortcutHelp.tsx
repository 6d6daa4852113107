// The `?` dialog listing the keyboard shortcuts (a native <dialog>: focus is trapped, Esc closes),
// and the reader's one setting about links: the address bar in step with the figures.
import { useEffect, useId, useRef } from 'react';
import { addressInStep } from './addressInStep.ts';
import { shortcutList } from './shortcuts.ts';
import { shortcutStrings as s } from './strings.ts';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const inStep = addressInStep.use();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose}>
      <h2 id="shortcut-help-title">{s.title}</h2>
      <table>
        <tbody>
          {shortcutList().map((shortcut) => (
            <tr key={shortcut.description}>
              <th scope="row">
                {shortcut.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{s.whileTyping}</p>
      <p className="shortcut-setting">
        <input id={id} type="checkbox" checked={inStep} onChange={(event) => addressInStep.set(event.target.checked)} aria-describedby={`${id}-why`} />
        <label htmlFor={id}>{s.addressInStep}</label>
        <span id={`${id}-why`} className="shortcut-setting-why">
          {s.addressInStepWhy}
        </span>
      </p>
      <form method="dialog">
        <button type="submit">{s.close}</button>
      </form>
    </dialog>
  );
}
