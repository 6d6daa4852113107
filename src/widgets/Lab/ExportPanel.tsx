// The trained network taken away: its weights as JSON, or code that rebuilds the same network
// (inputs, layers, loss, optimiser) and loads those weights, in PyTorch, Keras or NumPy. Shown on
// demand (the text is written only while the panel is open), with copy and download.
import { useState } from 'react';
import { Select } from '../../book/controls.tsx';
import { kerasCode, KERAS_FILE, labExportProblem, labJson, numpyCode, NUMPY_FILE, pytorchCode, PYTORCH_FILE, type LabExport } from '../../models/lab/export/index.ts';
import type { LabView } from '../../models/lab/labJob.ts';
import type { LabData } from '../../models/lab/spec.ts';
import { labConfig, labLive, type LabState } from './labState.ts';
import { copyText, downloadText } from './clipboard.ts';
import { labStrings as s } from './strings.ts';

const FORMATS = ['json', 'pytorch', 'keras', 'numpy'] as const;
type Format = (typeof FORMATS)[number];
const WRITERS: Record<Format, { write: (input: LabExport) => string; file: string; type: string }> = {
  json: { write: labJson, file: 'lab-network.json', type: 'application/json' },
  pytorch: { write: pytorchCode, file: PYTORCH_FILE, type: 'text/x-python' },
  keras: { write: kerasCode, file: KERAS_FILE, type: 'text/x-python' },
  numpy: { write: numpyCode, file: NUMPY_FILE, type: 'text/x-python' },
};

export function ExportPanel({ state, data, view, step }: { state: LabState; data: LabData | null; view: LabView | null; step: number }) {
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('pytorch');
  const [note, setNote] = useState('');
  let text: string | null = null;
  let problem: string | null = null;
  if (open && view && data) {
    const input: LabExport = { network: { ...labConfig(state).network, ...labLive(state) }, data, parameters: view.parameters, seed: state.seed, step };
    problem = labExportProblem(input);
    if (!problem) text = WRITERS[format].write(input);
  }
  const copy = () => {
    if (text !== null) void copyText(text).then((ok) => setNote(ok ? s.copied : s.copyFailed));
  };
  const download = () => {
    if (text !== null) downloadText(text, WRITERS[format].file, WRITERS[format].type);
  };
  return (
    <details className="lab-export" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{s.exportHeading}</summary>
      <div className="lab-row">
        <Select label={s.exportFormat} value={format} options={FORMATS.map((f) => ({ value: f, label: s.exportFormats[f] }))} onChange={(f) => { setFormat(f); setNote(''); }} />
        <button type="button" onClick={copy} disabled={text === null}>
          {s.copy}
        </button>
        <button type="button" onClick={download} disabled={text === null}>
          {s.download}
        </button>
        <span className="lab-help" aria-live="polite">
          {note}
        </span>
      </div>
      {text !== null ? (
        <pre className="lab-code" tabIndex={0} aria-label={s.exportCode(s.exportFormats[format])}>
          <code>{text}</code>
        </pre>
      ) : (
        <p className="lab-help">{problem ?? s.exportNotReady}</p>
      )}
    </details>
  );
}
