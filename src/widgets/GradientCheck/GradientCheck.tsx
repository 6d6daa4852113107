// The autograd gradient of one parameter beside a central finite difference, with the relative
// error and what it means, for a correct and two deliberately broken backward rules of σ; the curve
// shows the error for every ε, the V of truncation against rounding.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Select, Slider } from '../../book/controls.tsx';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { LinePath, Plot, RuleX, RuleY, seriesColors, useEngine } from '../kit/index.ts';
import { scientific, significant } from '../kit/format.ts';
import { params, rules, type Param, type Rule } from './check.ts';
import { checkStrings as s } from './strings.ts';
import { useGradientCheck } from './useGradientCheck.ts';
import './gradientCheck.css';

export const gradientCheckSchema = {
  param: choice(params, 'w1', () => s.linkLabels.param),
  rule: choice(rules, 'correct', () => s.linkLabels.rule),
  logEps: number({ min: -7, max: 0, step: 0.25, default: -3, label: () => s.linkLabels.logEps }),
};

export type GradientCheckProps = Partial<StateOf<typeof gradientCheckSchema>>;

const sci = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 0.01 && Math.abs(v) < 100 ? significant(v, 6, { trailingZeros: true }) : scientific(v, 2));
const FLOOR = 1e-8;

export default function GradientCheck({ presenting, ...initial }: GradientCheckProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(gradientCheckSchema, initial);
  const { param, rule, logEps } = state;
  const eps = 10 ** logEps;
  const engine = useEngine();
  const check = useGradientCheck(engine.ready, param, rule, eps);

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!check) body = <p>{s.starting}</p>;
  else if (check.error !== null) body = <p role="alert">{s.failed(check.error)}</p>;
  else {
    const r = check.result;
    const best = r.sweep.reduce((m, p) => (p.relative < m.relative ? p : m), r.sweep[0]);
    const at = `${s.relative}: ${sci(r.relative)}`;
    body = (
      <>
        <table className="gc-table">
          <tbody>
            <tr>
              <th scope="row">{s.autograd}</th>
              <td>{sci(r.autograd)}</td>
            </tr>
            <tr>
              <th scope="row">{s.numerical}</th>
              <td>{sci(r.numerical)}</td>
            </tr>
            <tr>
              <th scope="row">{s.relative}</th>
              <td>{sci(r.relative)}</td>
            </tr>
          </tbody>
        </table>
        <p className={r.verdict === 'wrong' ? 'gc-verdict gc-wrong' : 'gc-verdict'} aria-live="polite">
          {s.verdicts[r.verdict]}
        </p>
        <div className="gc-chart figure-pin">
          <Plot
            width={520}
            height={260}
            x={{ domain: [1e-7, 1], label: s.xAxis, log: true }}
            y={{ domain: [FLOOR, 10], label: s.yAxis, log: true }}
            title={s.chartTitle}
            description={s.chartDescription(s.ruleNames[rule], s.paramNames[param], sci(best.relative), scientific(best.eps, 1), at)}
            margin={{ left: 56, bottom: 40 }}
          >
            <RuleY y={1e-3} label="10⁻³" />
            <LinePath points={r.sweep.map((p) => [p.eps, Math.max(FLOOR, p.relative)] as const)} color={seriesColors[0]} width={2.5} />
            <RuleX x={eps} color={seriesColors[1]} label="ε" />
          </Plot>
        </div>
        <p className="gc-note">{s.guidance}</p>
      </>
    );
  }

  return (
    <div className={presenting ? 'gc gc-presenting' : 'gc figure-first'}>
      <Controls presenting={presenting}>
        <Select label={s.param} value={param} options={params.map((p) => ({ value: p, label: s.paramNames[p] }))} onChange={(v: Param) => setState({ param: v })} />
        <Select label={s.rule} value={rule} options={rules.map((p) => ({ value: p, label: s.ruleNames[p] }))} onChange={(v: Rule) => setState({ rule: v })} />
        <Slider label={s.eps} value={logEps} min={-7} max={0} step={0.25} format={(v) => scientific(10 ** v, 1)} onChange={(v) => setState({ logEps: v })} />
      </Controls>
      <p className="gc-note">{s.model}</p>
      {body}
    </div>
  );
}
