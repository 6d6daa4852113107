// One scene's figure: the chapter's figure with the chapter's props, opened in the scene's state.
// The state goes through the figure's own schema as a link's would (the frame says what it had to
// change), and the figure reports its state back to `source` rather than to the address bar.
import { useMemo } from 'react';
import { HeldFigureContext, type HeldFigure } from '../useWidgetState.ts';
import { figureHref, type Figure } from './figures.ts';

interface Props {
  figure: Figure;
  /** The scene's state, a link parameter's value; '' for the chapter's. */
  state: string;
  source: HeldFigure['source'];
  presenting: boolean;
}

export function SceneFigure({ figure, state, source, presenting }: Props) {
  const held = useMemo<HeldFigure>(
    () => ({ linkValue: state === '' ? null : state, source, presenting, shareUrl: (encoded) => figureHref(figure, encoded) }),
    [figure, state, source, presenting],
  );
  const { Component } = figure;
  return (
    <HeldFigureContext value={held}>
      <Component {...figure.props} id={figure.id} />
    </HeldFigureContext>
  );
}
