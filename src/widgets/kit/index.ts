// The widget kit: what every widget builds on. Engine boot and live training as hooks, a plotting
// layer (d3-scale, d3-shape, d3-contour) with text alternatives, and colour-blind-safe palettes.
export { useEngine, type EngineStatus } from './useEngine.ts';
export { useOnScreen } from './useOnScreen.ts';
export { useWideFigure } from './useWideFigure.ts';
export { useNarrowScreen } from './useNarrowScreen.ts';
export { textSize } from './textSize.ts';
export { FigureTable, TableScroll } from './TableScroll.tsx';
export { useTrainingJob, type Training, type TrainingJob, type TrainingJobOptions } from './training/useTrainingJob.ts';
export { TrainingBar, LiveHint, type TrainingBarProps } from './training/TrainingBar.tsx';
export { trainingStrings } from './training/strings.ts';
export { Plot, usePlotScales, type Axis, type PlotProps, type PlotScales } from './plot/Plot.tsx';
export { LinePath, Dots, RuleX, RuleY, Band, PlotText, classSymbols, classShapeNames, type Dot } from './plot/marks.tsx';
export { HeatMap, Contours, gridCenters, type Extent } from './plot/surface.tsx';
export { contourLevels } from './plot/grid.ts';
export { DraggablePoint, draggableStrings } from './plot/DraggablePoint.tsx';
export { BarChart, type Bar } from './plot/BarChart.tsx';
export { LossCurve, lossCurveStrings, type LossSeries } from './plot/LossCurve.tsx';
export { RetryAlert, retryStrings } from './RetryAlert.tsx';
export * from './palette.ts';
