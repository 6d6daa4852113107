// The widgets of the chapter on training deep networks, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { PlainVsResidualProps } from '../PlainVsResidual/PlainVsResidual.tsx';
import type { NetworkDoctorProps } from '../NetworkDoctor/NetworkDoctor.tsx';
import type { InitialisationLabProps } from '../InitialisationLab/InitialisationLab.tsx';
import type { BatchNormInsideProps } from '../BatchNormInside/BatchNormInside.tsx';

export const trainingDeepNetworksWidgets = {
  PlainVsResidual: defineWidget<PlainVsResidualProps>({
    name: 'PlainVsResidual',
    title: () => widgetTitles.PlainVsResidual,
    height: { wide: 830, narrow: 1120 },
    load: () => import('../PlainVsResidual/PlainVsResidual.tsx'),
  }),
  NetworkDoctor: defineWidget<NetworkDoctorProps>({
    name: 'NetworkDoctor',
    title: () => widgetTitles.NetworkDoctor,
    height: { wide: 926, narrow: 960 },
    load: () => import('../NetworkDoctor/NetworkDoctor.tsx'),
  }),
  InitialisationLab: defineWidget<InitialisationLabProps>({
    name: 'InitialisationLab',
    title: () => widgetTitles.InitialisationLab,
    height: { wide: 990, narrow: 1220 },
    load: () => import('../InitialisationLab/InitialisationLab.tsx'),
  }),
  BatchNormInside: defineWidget<BatchNormInsideProps>({
    name: 'BatchNormInside',
    title: () => widgetTitles.BatchNormInside,
    height: { wide: 865, narrow: 1083 },
    load: () => import('../BatchNormInside/BatchNormInside.tsx'),
  }),
};
