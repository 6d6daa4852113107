// What a deck link had wrong, in a sentence for the reader. Names read from the link are echoed
// cut short and without control characters (they are also checked against a pattern first).
import { echo } from '../stateSchema.ts';
import type { DeckProblem } from './deckLink.ts';
import { deckStrings as s } from './strings.ts';

export function deckProblemMessage(problem: DeckProblem): string {
  const p = s.problem;
  switch (problem.code) {
    case 'tooLong':
      return p.tooLong(problem);
    case 'notADeck':
      return p.notADeck();
    case 'newerVersion':
      return p.newerVersion(problem);
    case 'badScene':
      return p.badScene(problem);
    case 'unknownChapter':
      return p.unknownChapter(problem, echo(problem.chapter));
    case 'unknownFigure':
      return p.unknownFigure(problem, echo(problem.chapter), echo(problem.figure));
    case 'stateTooLong':
      return p.stateTooLong(problem);
    case 'textCut':
      return p.textCut(problem);
    case 'tooManyScenes':
      return p.tooManyScenes(problem);
  }
}
