// Binary cross-entropy against squared error for a sigmoid output: both losses and both
// gradients with respect to the logit, over z, with the current prediction marked and the
// confidently-wrong corner (where squared error's gradient vanishes) called out.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, Slider } from '../../book/controls.tsx';
import { Band, classColor, Dots, LinePath, Plot, RuleX, RuleY } from '../kit/index.ts';
import { CONFIDENTLY_WRONG, logit, P_RANGE, Z_RANGE } from './classification.ts';
import { fixed } from '../kit/format.ts';
import { classificationStrings as s, fmtSmall } from './strings.ts';
import { useClassificationLoss, type ClassificationLossProps } from './useClassificationLoss.ts';
import './classificationLoss.css';

const SIZE = { width: 360, height: 260 };
const BCE = { color: classColor(0), cls: 0 }; // blue, circle
const MSE = { color: classColor(2), cls: 2 }; // green, square
const WRONG_Z = logit(CONFIDENTLY_WRONG);

const pairs = (xs: number[], ys: number[]) => xs.map((x, i) => [x, ys[i]] as const);

export default function ClassificationLoss({ presenting, ...props }: ClassificationLossProps & WidgetRenderProps) {
  const { engine, p, z, curves, here, setP, setZ } = useClassificationLoss(props);
  const wrong = p < CONFIDENTLY_WRONG;
  const ratio = here && here.mseGrad !== 0 ? here.bceGrad / here.mseGrad : Infinity;

  return (
    <div className={presenting ? 'cl cl-presenting' : 'cl'}>
      <p className="cl-setup">{s.setup}</p>
      <Controls presenting={presenting}>
        <Slider label={s.p} value={p} min={P_RANGE[0]} max={P_RANGE[1]} step={0.001} format={(v) => fmtSmall(v)} onChange={setP} />
        <Slider label={s.z} value={z} min={Z_RANGE[0]} max={Z_RANGE[1]} step={0.05} format={(v) => fixed(v, 2, { minus: '-' })} onChange={setZ} />
      </Controls>
      {engine.error ? <p role="alert">{s.engineFailed(engine.error)}</p> : null}
      {!curves || !here ? (
        <p className="cl-status">{engine.error ? null : s.starting}</p>
      ) : (
        <>
          <div className="cl-plots">
            <Plot {...SIZE} x={{ domain: Z_RANGE, label: s.zAxis }} y={{ domain: [0, 8.5], label: s.lossAxis }} title={s.lossTitle} description={s.lossDescription(z, p, here.bce, here.mse)}>
              <Band x0={Z_RANGE[0]} x1={WRONG_Z} label={s.wrongBand} />
              <LinePath points={pairs(curves.z, curves.bce)} color={BCE.color} width={2.5} />
              <LinePath points={pairs(curves.z, curves.mse)} color={MSE.color} width={2.5} dashed />
              <RuleX x={z} />
              <Dots
                size={90}
                points={[
                  { x: z, y: here.bce, cls: BCE.cls },
                  { x: z, y: here.mse, cls: MSE.cls },
                ]}
              />
            </Plot>
            <Plot {...SIZE} x={{ domain: Z_RANGE, label: s.zAxis }} y={{ domain: [-1.1, 0.15], label: s.gradAxis }} title={s.gradTitle} description={s.gradDescription(z, here.bceGrad, here.mseGrad)}>
              <Band x0={Z_RANGE[0]} x1={WRONG_Z} label={s.wrongBand} />
              <RuleY y={0} dashed={false} />
              <LinePath points={pairs(curves.z, curves.bceGrad)} color={BCE.color} width={2.5} />
              <LinePath points={pairs(curves.z, curves.mseGrad)} color={MSE.color} width={2.5} dashed />
              <RuleX x={z} />
              <Dots
                size={90}
                points={[
                  { x: z, y: here.bceGrad, cls: BCE.cls },
                  { x: z, y: here.mseGrad, cls: MSE.cls },
                ]}
              />
            </Plot>
          </div>
          <ul className="plot-legend cl-legend">
            <li>
              <svg width="34" height="12" aria-hidden="true">
                <line x1="0" x2="34" y1="6" y2="6" stroke={BCE.color} strokeWidth="3" />
                <circle cx="17" cy="6" r="4.5" fill={BCE.color} />
              </svg>{' '}
              {s.bce}
            </li>
            <li>
              <svg width="34" height="12" aria-hidden="true">
                <line x1="0" x2="34" y1="6" y2="6" stroke={MSE.color} strokeWidth="3" strokeDasharray="6 4" />
                <rect x="12.5" y="1.5" width="9" height="9" fill={MSE.color} />
              </svg>{' '}
              {s.mse}
            </li>
          </ul>
          <table className="cl-table">
            <caption>{s.tableCaption(z, p)}</caption>
            <thead>
              <tr>
                {s.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{s.bceShort}</th>
                <td>{fixed(here.bce, 3)}</td>
                <td>{fmtSmall(here.bceGrad)}</td>
              </tr>
              <tr>
                <th scope="row">{s.mseShort}</th>
                <td>{fixed(here.mse, 3)}</td>
                <td>{fmtSmall(here.mseGrad)}</td>
              </tr>
            </tbody>
          </table>
          <p className={wrong ? 'cl-note cl-note-wrong' : 'cl-note'} aria-live="polite">
            {wrong ? (
              <>
                <strong>{s.vanishingTitle}</strong> {s.vanishing(p, here.bceGrad, here.mseGrad, ratio)}
              </>
            ) : (
              s.notWrong
            )}
          </p>
        </>
      )}
    </div>
  );
}
