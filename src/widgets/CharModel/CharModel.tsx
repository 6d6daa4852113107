// A character-level LSTM trained live on Coriolanus or on text the reader pastes: the loss per
// character, characters per second, and samples at the reader's temperature as training goes on.
import { useId, useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { LossCurve, TrainingBar, useOnScreen } from '../kit/index.ts';
import { DEFAULT_CONFIG } from '../../models/charLstm/charModel.ts';
import { fixed } from '../kit/format.ts';
import { charModelStrings as s } from './strings.ts';
import { HIDDEN_SIZES, SAMPLE_EVERY, TEXT_SOURCES, useCharModel, type CharModelProps } from './useCharModel.ts';
import './charModel.css';

export type { CharModelProps };

/** Shows a sample's control characters as visible marks, keeping newlines as line breaks. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what this pattern is for
  return text.replace(/\t/g, '→').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '·');
}

export default function CharModel({ presenting, ...props }: CharModelProps & WidgetRenderProps) {
  const root = useRef<HTMLDivElement>(null);
  const m = useCharModel(props, useOnScreen(root));
  const { state, setState, training, prepared, job } = m;
  const { snapshot } = training;
  const pasteId = useId();
  const stopped = snapshot?.state === 'diverged' || snapshot?.state === 'failed' || job.failure !== null;
  const ready = job.engine.ready && prepared?.ok === true && snapshot !== null;
  const charsPerStep = m.batch * DEFAULT_CONFIG.steps;
  const vocab = prepared?.ok ? prepared.vocab.size : 0;

  let message: string | null = null;
  if (state.source === 'corpus' && m.corpus && 'error' in m.corpus) message = s.loadFailed(m.corpus.error);
  else if (state.source === 'corpus' && !m.corpus) message = s.loading;
  else if (state.source === 'pasted' && m.pasted === null) message = s.textProblem.empty;
  else if (prepared && !prepared.ok) {
    const p = prepared;
    message =
      p.reason === 'empty' ? s.textProblem.empty
      : p.reason === 'oneChar' ? s.textProblem.oneChar(p.length)
      : p.reason === 'tooShort' ? s.textProblem.tooShort(p.length, DEFAULT_CONFIG.steps)
      : s.textProblem.tooManyChars(p.distinct);
  }

  return (
    <div ref={root} className={presenting ? 'cm cm-presenting' : 'cm figure-first'}>
      <Controls presenting={presenting}>
        <Select label={s.source} value={state.source} options={TEXT_SOURCES.map((v) => ({ value: v, label: s.sourceNames[v] }))} onChange={(v) => setState({ source: v })} />
        <Select label={s.hidden} value={state.hidden} options={HIDDEN_SIZES.map((v) => ({ value: v, label: v }))} onChange={(v) => setState({ hidden: v })} />
        <Slider label={s.temperature} value={state.temperature} min={0} max={2} step={0.05} format={s.temperatureValue} onChange={(v) => setState({ temperature: v })} />
      </Controls>

      {state.source === 'pasted' ? (
        <div className="cm-paste fig-side">
          <label htmlFor={pasteId}>{s.pasteLabel}</label>
          <textarea id={pasteId} rows={presenting ? 4 : 5} value={m.draft} onChange={(e) => m.setDraft(e.target.value)} spellCheck={false} />
          <button type="button" onClick={m.usePasted}>
            {s.usePasted}
          </button>
        </div>
      ) : null}

      {message ? (
        <p className="cm-alert fig-note" role="status">
          {message}
        </p>
      ) : null}

      {prepared?.ok ? (
        <TrainingBar
          job={job}
          presenting={presenting}
          showSpeed={false}
          detail={snapshot ? s.progress({ chars: snapshot.step * charsPerStep, perSecond: training.running ? snapshot.stepsPerSecond * charsPerStep : 0, seconds: m.seconds, backend: m.backendName ?? snapshot.backend }) : null}
          advice={s.advice}
        >
          <button type="button" onClick={m.sample} disabled={!ready || stopped}>
            {s.sampleNow}
          </button>
        </TrainingBar>
      ) : null}
      {prepared?.ok ? (
        <p className="cm-note fig-note">
          {s.textInfo(prepared.length, vocab)} {prepared.truncated ? s.truncated : ''} {s.model(vocab, m.hidden, DEFAULT_CONFIG.steps, m.batch)}
          {m.batch < DEFAULT_CONFIG.batch ? ` ${s.smallBatch(DEFAULT_CONFIG.batch)}` : ''}
        </p>
      ) : null}
      {ready ? <p className="cm-note fig-note">{s.uniform(vocab, fixed(Math.log(vocab), 2))}</p> : null}

      <div className="cm-body figure-pass">
        <div className="figure-pin">
          <LossCurve series={[{ name: s.lossTitle, losses: training.losses, steps: training.lossSteps }]} width={360} height={220} title={s.lossTitle} />
        </div>
        <section className="cm-samples" aria-label={s.samplesHeading}>
          <h4>{s.samplesHeading}</h4>
          {m.samples.length === 0 ? <p className="cm-note">{s.noSamples(SAMPLE_EVERY)}</p> : null}
          <ol tabIndex={0} aria-label={s.samplesHeading}>
            {m.samples.map((sample) => (
              <li key={sample.id}>
                <span className="cm-sample-label">
                  {s.sampleLabel(sample.step, s.temperatureValue(sample.temperature))}
                  {sample.done ? '' : ` — ${s.generating}`}
                </span>
                <pre className="cm-sample">{visible(sample.text)}</pre>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
