// A figure's header tools: where it computes (the compute badge), Present, Copy link and Reset.
// Wide enough, they sit beside the title. On a phone they fold into one menu button, so the header
// is one row (the title and that button) and the figure starts higher; the menu spells out the
// badge's reason, which a touch screen cannot show as a tooltip. CSS decides which layout shows
// (widgets.css), so the pre-rendered page and the first render match at every width.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ComputeBadge } from './ComputeBadge.tsx';
import { ToolIcon } from './ToolIcon.tsx';
import { frameStrings } from './strings.ts';

interface FrameToolsProps {
  /** The figure has started: the badge may start the engine. */
  started: boolean;
  presenting: boolean;
  /** A lecture deck presents the figure itself: no Present button of the frame's own. */
  deckPresenting: boolean;
  onPresent: () => void;
  onShare: () => void;
  onReset: () => void;
}

export function FrameTools({ started, presenting, deckPresenting, onPresent, onShare, onReset }: FrameToolsProps) {
  const [open, setOpen] = useState(false);
  const toolsId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // An open menu closes on a press anywhere else on the page.
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    // Escape closes the menu only; it does not also leave a presentation or close the book's menu.
    e.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };
  // A tool used from the menu closes it, so what the tool shows (the link's notice) is in view.
  const use = (act: () => void) => () => {
    setOpen(false);
    act();
  };

  return (
    <div
      ref={wrapRef}
      className="widget-tools-wrap"
      data-tools-open={open ? '' : undefined}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tabbing out of the menu closes it.
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="widget-tools-toggle"
        data-action="tools"
        aria-expanded={open}
        aria-controls={toolsId}
        title={frameStrings.toolsHint}
        onClick={() => setOpen((o) => !o)}
      >
        <ToolIcon name="more" />
        <span className="visually-hidden">{frameStrings.tools}</span>
      </button>
      <div className="widget-tools" id={toolsId}>
        <ComputeBadge start={started} />
        {deckPresenting ? null : (
          <button type="button" data-action="present" aria-pressed={presenting} title={frameStrings.presentHint} onClick={use(onPresent)}>
            <ToolIcon name={presenting ? 'leave' : 'present'} />
            <span className="tool-label">{presenting ? frameStrings.leavePresent : frameStrings.present}</span>
          </button>
        )}
        <button type="button" data-action="share" title={frameStrings.shareHint} onClick={use(onShare)}>
          <ToolIcon name="link" />
          <span className="tool-label">{frameStrings.share}</span>
        </button>
        <button type="button" data-action="reset" title={frameStrings.resetHint} onClick={use(onReset)}>
          <ToolIcon name="reset" />
          <span className="tool-label">{frameStrings.reset}</span>
        </button>
      </div>
    </div>
  );
}
