// A code block (the highlighted <pre> of a fenced block) with a Copy button. The button copies the
// code as text; its result is announced ("Copied", or how to copy by hand where the clipboard is
// refused). Before the script runs, the block is plain highlighted code.
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { codeBlockStrings as s } from './strings.ts';

type Copied = 'idle' | 'copied' | 'failed';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  throw new Error('no clipboard');
}

export function CodeBlock(props: ComponentProps<'pre'>) {
  const pre = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<Copied>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const timer = window.setTimeout(() => setCopied('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    const text = pre.current?.querySelector('code')?.textContent ?? pre.current?.textContent ?? '';
    copyText(text).then(
      () => setCopied('copied'),
      () => {
        // Select the code instead, so Ctrl+C (⌘C) copies it.
        const code = pre.current?.querySelector('code') ?? pre.current;
        const selection = window.getSelection();
        if (code && selection) selection.selectAllChildren(code);
        setCopied('failed');
      },
    );
  };
  return (
    <div className="code-block">
      <pre ref={pre} {...props} />
      <button type="button" className="code-copy" onClick={copy} aria-label={s.copyCode}>
        {copied === 'copied' ? s.copied : s.copy}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied === 'copied' ? s.copiedCode : copied === 'failed' ? s.copyByHand : ''}
      </span>
    </div>
  );
}
