// Test accuracy of both networks after each epoch (solid), and their accuracy on their own plain
// training digits (dashed), on axes fixed by the run's length so that the curves grow into them.
import type { EpochPoint } from '../../models/generalisation/augmentation/augmentationJob.ts';
import { LinePath, Plot, seriesColors } from '../kit/index.ts';
import { augmentationStrings as s } from './strings.ts';

interface AccuracyPlotProps {
  history: EpochPoint[];
  epochs: number;
  testDigits: number;
  presenting: boolean;
}

/** The y axis starts here: below it lie only the first epochs, whose lines the plot cuts at its edge. */
export const ACCURACY_FLOOR = 0.5;

const PLAIN = seriesColors[0];
const AUGMENTED = seriesColors[1];

function Swatch({ color, dashed }: { color: string; dashed: boolean }) {
  return (
    <svg width="24" height="10" aria-hidden="true">
      <line x1="0" x2="24" y1="5" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dashed ? '6 4' : undefined} />
    </svg>
  );
}

export function AccuracyPlot({ history, epochs, testDigits, presenting }: AccuracyPlotProps) {
  const line = (pick: (p: EpochPoint) => number) => history.map((p) => [p.epoch, pick(p)] as const);
  const description = s.plotDescription(testDigits, history.map((p) => s.point(p.epoch, p.test[0], p.test[1], p.train[0], p.train[1])).join('; '));
  return (
    <div className="aug-plot">
      <Plot
        width={presenting ? 560 : 420}
        height={presenting ? 300 : 230}
        x={{ domain: [0, epochs], label: s.plotX }}
        y={{ domain: [ACCURACY_FLOOR, 1], label: s.plotY, format: (v) => `${Math.round(v * 100)}%` }}
        title={s.plotTitle}
        description={description}
      >
        <LinePath points={line((p) => p.train[0])} color={PLAIN} dashed />
        <LinePath points={line((p) => p.train[1])} color={AUGMENTED} dashed />
        <LinePath points={line((p) => p.test[0])} color={PLAIN} width={3} />
        <LinePath points={line((p) => p.test[1])} color={AUGMENTED} width={3} />
      </Plot>
      <ul className="plot-legend">
        <li>
          <Swatch color={PLAIN} dashed={false} />
          <Swatch color={PLAIN} dashed /> {s.legendPlain}
        </li>
        <li>
          <Swatch color={AUGMENTED} dashed={false} />
          <Swatch color={AUGMENTED} dashed /> {s.legendAugmented}
        </li>
        <li>{s.legendLines}</li>
      </ul>
    </div>
  );
}
