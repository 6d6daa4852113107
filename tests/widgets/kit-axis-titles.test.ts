// Axis titles longer than their axis (src/widgets/kit/plot/Plot.tsx): two lines, broken at the
// space nearest the middle, so a short chart's title stays within its drawing.
import { describe, expect, it } from 'vitest';
import { axisTitleLines, yTitleLayout } from '../../src/widgets/kit/plot/Plot.tsx';

describe('axis titles', () => {
  it('keeps a title that fits on one line', () => {
    expect(axisTitleLines('loss (log scale)', 16)).toEqual(['loss (log scale)']);
  });

  it('breaks a longer title before its parenthesis where both lines then fit', () => {
    expect(axisTitleLines('loss (log scale)', 15)).toEqual(['loss', '(log scale)']);
    expect(axisTitleLines('mean squared distance (log scale)', 21)).toEqual(['mean squared distance', '(log scale)']);
  });

  it('else at the space nearest its middle', () => {
    expect(axisTitleLines('mean squared distance (log scale)', 20)).toEqual(['mean squared', 'distance (log scale)']);
    expect(axisTitleLines('class (the true one is outlined)', 10)).toEqual(['class (the true', 'one is outlined)']);
    expect(axisTitleLines('training images seen', 12)).toEqual(['training', 'images seen']);
  });

  it('leaves a single word whole', () => {
    expect(axisTitleLines('probability', 4)).toEqual(['probability']);
  });

  it('centres the y title on its axis where it fits there, else on the drawing, else in two lines', () => {
    // A 160-unit-tall plot with margins 12 and 42: the axis centres at 65, so 130 units of room
    // about it and 160 in all. 'loss (log scale)' is 16 × 0.62 em: 119 units at 12 px, 198 at 20 px.
    expect(yTitleLayout('loss (log scale)', 12, 118, 160, 1)).toEqual({ lines: ['loss (log scale)'], at: 65 });
    expect(yTitleLayout('loss (log scale)', 12, 118, 160, 16 / 12)).toEqual({ lines: ['loss (log scale)'], at: 80 });
    expect(yTitleLayout('loss (log scale)', 12, 118, 160, 20 / 12)).toEqual({ lines: ['loss', '(log scale)'], at: 80 });
    expect(yTitleLayout('loss (log scale)', 12, 130, 172, 20 / 12)).toEqual({ lines: ['loss', '(log scale)'], at: 71 });
    expect(yTitleLayout('loss (log scale)', 12, 48, 90, 20 / 12)).toEqual({ lines: ['loss (log', 'scale)'], at: 45 });
  });
});
