// A figure's key: a small drawing of each mark beside its words, so that no mark is told apart by
// colour alone (thickness, dashes and shapes differ too).
import type { ArrowStyle } from './arrows.tsx';

export type KeyMark =
  | { kind: 'arrow'; style: ArrowStyle }
  | { kind: 'path'; style: ArrowStyle; dashed?: boolean }
  | { kind: 'line'; color: string; width: number; dashed?: boolean }
  | { kind: 'dot' }
  | { kind: 'ring'; color: string }
  | { kind: 'cross' };

function Swatch({ mark }: { mark: KeyMark }) {
  const body = (() => {
    switch (mark.kind) {
      case 'arrow':
        return (
          <>
            <path d="M2,7L20,7" stroke={mark.style.halo} strokeWidth={mark.style.width + 2.5} />
            <path d="M2,7L19,7" stroke={mark.style.color} strokeWidth={mark.style.width} />
            <path d="M26,7L17,2.5L17,11.5Z" fill={mark.style.color} stroke={mark.style.halo} strokeWidth={1} />
          </>
        );
      case 'path':
        return (
          <>
            <path d="M2,7L26,7" stroke={mark.style.halo} strokeWidth={mark.style.width + 2.5} />
            <path d="M2,7L26,7" stroke={mark.style.color} strokeWidth={mark.style.width} strokeDasharray={mark.dashed ? '6 4' : undefined} />
            <circle cx={14} cy={7} r={mark.style.width + 1} fill={mark.style.color} />
          </>
        );
      case 'line':
        return <path d="M2,7L26,7" stroke={mark.color} strokeWidth={mark.width} strokeDasharray={mark.dashed ? '5 3' : undefined} />;
      case 'dot':
        return <circle cx={14} cy={7} r={4.5} fill="var(--text, #000)" />;
      case 'cross':
        return (
          <>
            <path d="M9,2L19,12M9,12L19,2" stroke="#ffffff" strokeWidth={4.5} />
            <path d="M9,2L19,12M9,12L19,2" stroke="#000000" strokeWidth={2} />
          </>
        );
      case 'ring':
        return <circle cx={14} cy={7} r={5.5} fill="none" stroke={mark.color} strokeWidth={3} />;
    }
  })();
  return (
    <svg className="mbn-swatch" width={28} height={14} viewBox="0 0 28 14" aria-hidden="true">
      {body}
    </svg>
  );
}

export function Key({ items }: { items: readonly { mark: KeyMark; label: string }[] }) {
  return (
    <ul className="mbn-key">
      {items.map((item, i) => (
        <li key={i}>
          <Swatch mark={item.mark} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
