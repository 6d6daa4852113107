// The book's MNIST digits for a figure that trains on them: fetched once the figure has been on
// screen (loadBookMnist shares one download between the page's figures), with a way to try again
// after a failed fetch.
import { useEffect, useState } from 'react';
import type { data } from '../../../engine/index.ts';
import { loadBookMnist } from './mnistData.ts';

export type BookMnist =
  | { status: 'waiting'; mnist: null }
  | { status: 'loading'; mnist: null }
  | { status: 'ready'; mnist: data.Mnist }
  | { status: 'failed'; mnist: null; message: string };

/** `visible`: whether the figure has been on screen (useOnScreen, which stays true once it has). */
export function useBookMnist(visible: boolean): BookMnist & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<{ attempt: number; mnist: data.Mnist } | { attempt: number; message: string } | null>(null);
  useEffect(() => {
    if (!visible) return;
    let live = true;
    loadBookMnist().then(
      (mnist) => live && setOutcome({ attempt, mnist }),
      (e: unknown) => live && setOutcome({ attempt, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [visible, attempt]);
  const retry = () => setAttempt((a) => a + 1);
  const current = outcome?.attempt === attempt ? outcome : null;
  if (!visible) return { status: 'waiting', mnist: null, retry };
  if (!current) return { status: 'loading', mnist: null, retry };
  return 'mnist' in current ? { status: 'ready', mnist: current.mnist, retry } : { status: 'failed', mnist: null, message: current.message, retry };
}
