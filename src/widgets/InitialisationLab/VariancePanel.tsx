// The variance argument for the chosen scheme and activation, with this figure's numbers in it
// (KaTeX): Var[W], then the gain per layer it implies forwards and backwards. What the gains
// predict over the whole depth is said beside the measured change in the findings (describe.ts).
import { Tex } from '../kit/Tex.tsx';
import { texNumber } from './describe.ts';
import type { InitReport } from './report.ts';
import { initStrings as s } from './strings.ts';
import { backwardFactor, factorIsBound, forwardFactor, layerGains } from './variance.ts';

/** A factor as TeX in front of n·Var[W]: nothing for 1, else ½, ¼ or 1/16 as a small fraction. */
function factorTex(k: number): string {
  const t = k === 1 ? '' : k === 0.5 ? String.raw`\tfrac12` : k === 0.25 ? String.raw`\tfrac14` : k === 1 / 16 ? String.raw`\tfrac1{16}` : texNumber(k);
  return t ? String.raw`${t}\,` : '';
}

/** One gain as an aligned row: the formula and its value here (n and Var[W] are written above it). */
function gainRow(lhs: string, rel: string, k: number, g: number): string {
  return String.raw`${lhs} &${rel} ${factorTex(k)}n\operatorname{Var}[W] = ${texNumber(g)}`;
}

export function VariancePanel({ report }: { report: InitReport }) {
  const { activation, scheme, scale } = report.config;
  const n = report.width;
  const gains = layerGains(activation, scheme, n, scale);
  const rel = factorIsBound(activation) ? String.raw`\le` : String.raw`\approx`;
  const forward =
    gains.forward === null
      ? gainRow(s.sigmoidForwardLhs, String.raw`\ge`, 0.25, gains.sigmoidFloor ?? 0)
      : gainRow(s.forwardLhs, rel, forwardFactor(activation) ?? 1, gains.forward);
  const backward = gainRow(s.backwardLhs, rel, backwardFactor(activation), gains.backward);
  return (
    <div className="init-formula">
      <h4>{s.formulaHeading}</h4>
      <Tex tex={s.varianceTex[scheme]({ m: texNumber(scale), n: String(n), v: texNumber(gains.variance) })} />
      <p className="init-formula-intro">{s.formulaIntro(n)}</p>
      <Tex tex={String.raw`\begin{aligned}${forward} \\[4pt] ${backward}\end{aligned}`} />
      {activation === 'sigmoid' ? <p className="fig-note">{s.sigmoidNote}</p> : null}
    </div>
  );
}
