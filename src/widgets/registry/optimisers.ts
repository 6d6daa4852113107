// The widgets of the optimisers chapter, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { LandscapeRaceProps } from '../LandscapeRace/LandscapeRace.tsx';
import type { OptimiserRaceProps } from '../OptimiserRace/OptimiserRace.tsx';

import type { LearningRateExplorerProps } from '../LearningRateExplorer/LearningRateExplorer.tsx';
import type { AdamInsideProps } from '../AdamInside/AdamInside.tsx';

import type { MinibatchNoiseProps } from '../MinibatchNoise/MinibatchNoise.tsx';

export const optimisersWidgets = {
  LandscapeRace: defineWidget<LandscapeRaceProps>({
    name: 'LandscapeRace',
    title: () => widgetTitles.LandscapeRace,
    height: { wide: 1185, narrow: 1540 },
    load: () => import('../LandscapeRace/LandscapeRace.tsx'),
  }),
  OptimiserRace: defineWidget<OptimiserRaceProps>({
    name: 'OptimiserRace',
    title: () => widgetTitles.OptimiserRace,
    height: { wide: 930, narrow: 1385 },
    load: () => import('../OptimiserRace/OptimiserRace.tsx'),
  }),
  MinibatchNoise: defineWidget<MinibatchNoiseProps>({
    name: 'MinibatchNoise',
    title: () => widgetTitles.MinibatchNoise,
    height: { wide: 685, narrow: 1290 },
    load: () => import('../MinibatchNoise/MinibatchNoise.tsx'),
  }),
  LearningRateExplorer: defineWidget<LearningRateExplorerProps>({
    name: 'LearningRateExplorer',
    title: () => widgetTitles.LearningRateExplorer,
    height: { wide: 830, narrow: 1300 },
    load: () => import('../LearningRateExplorer/LearningRateExplorer.tsx'),
  }),
  AdamInside: defineWidget<AdamInsideProps>({
    name: 'AdamInside',
    title: () => widgetTitles.AdamInside,
    height: { wide: 890, narrow: 1235 },
    load: () => import('../AdamInside/AdamInside.tsx'),
  }),
};
