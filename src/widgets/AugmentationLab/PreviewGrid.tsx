// One training digit and its augmented copies, large enough to read, each with a sentence saying
// what was drawn for it (the text alternative of the tile).
import type { AugmentDraw, AugmentSettings } from '../../models/generalisation/augmentation/augment.ts';
import { DigitImage } from '../kit/DigitImage.tsx';
import { augmentationStrings as s } from './strings.ts';

interface PreviewGridProps {
  image: Float32Array;
  label: number;
  index: number;
  copies: { image: Float32Array; draw: AugmentDraw }[];
  settings: AugmentSettings;
  presenting: boolean;
}

function describeDraw(d: AugmentDraw, noise: number): string {
  const parts = [d.flipped ? s.mirrored : null, s.turned(d.degrees), s.moved(d.dx, d.dy), noise > 0 ? s.noisy(noise) : null];
  return parts.filter((p) => p !== null).join(', ');
}

export function PreviewGrid({ image, label, index, copies, settings, presenting }: PreviewGridProps) {
  const scale = presenting ? 4 : 3;
  return (
    <ul className="aug-grid">
      <li className="aug-original">
        <DigitImage values={image} rows={28} cols={28} scale={scale} label={s.originalLabel(label, index)} />
      </li>
      {copies.map((c, k) => (
        <li key={k}>
          <DigitImage values={c.image} rows={28} cols={28} scale={scale} label={s.copyLabel(k + 1, describeDraw(c.draw, settings.noise))} />
        </li>
      ))}
    </ul>
  );
}
