// The names of a figure's settings in what the frame says about a shared link: every setting of
// these figures has one, read from the figure's catalogue when the notice is written (so in the
// page's locale), never an English literal fixed when the module loaded.
import { describe, expect, it } from 'vitest';
import { labelOf, type Schema } from '../../src/book/urlState.ts';
import { activationExplorerSchema } from '../../src/widgets/ActivationExplorer/ActivationExplorer.tsx';
import { classificationLossSchema } from '../../src/widgets/ClassificationLoss/useClassificationLoss.ts';
import { convolutionExplorerSchema } from '../../src/widgets/ConvolutionExplorer/ConvolutionExplorer.tsx';
import { crossEntropyByHandSchema } from '../../src/widgets/CrossEntropyByHand/useCrossEntropyByHand.ts';
import { forwardPassSchema } from '../../src/widgets/ForwardPass/ForwardPass.tsx';
import { gradientCheckSchema } from '../../src/widgets/GradientCheck/GradientCheck.tsx';
import { gradientDepthSchema } from '../../src/widgets/GradientDepth/GradientDepth.tsx';
import { graphStepperSchema } from '../../src/widgets/GraphStepper/GraphStepper.tsx';
import { logicGatesSchema } from '../../src/widgets/LogicGates/LogicGates.tsx';
import { neuronSchema } from '../../src/widgets/Neuron/Neuron.tsx';
import { poolingExplorerSchema } from '../../src/widgets/PoolingExplorer/PoolingExplorer.tsx';
import { receptiveFieldSchema } from '../../src/widgets/ReceptiveField/ReceptiveField.tsx';
import { regressionLossSchema } from '../../src/widgets/RegressionLoss/useRegressionLoss.ts';
import { rnnGradientsSchema } from '../../src/widgets/RnnGradients/RnnGradients.tsx';
import { softmaxTemperatureSchema } from '../../src/widgets/SoftmaxTemperature/SoftmaxTemperature.tsx';
import { trainingStepSchema } from '../../src/widgets/TrainingStep/TrainingStep.tsx';
import { unrolledRnnSchema } from '../../src/widgets/UnrolledRnn/UnrolledRnn.tsx';
import { xorLiveSchema } from '../../src/widgets/XorLive/XorLive.tsx';
import { lossLabSchema } from '../../src/widgets/LossLab/useLossLab.ts';
import { linearVsNonlinearSchema } from '../../src/widgets/LinearVsNonlinear/LinearVsNonlinear.tsx';
import { vanishingGradientsSchema } from '../../src/widgets/VanishingGradients/VanishingGradients.tsx';
import { sequenceSchema } from '../../src/widgets/SequencePrediction/useSequencePrediction.ts';
import { drawDigitSchema } from '../../src/widgets/DrawDigit/DrawDigit.tsx';
import { lstmInsideSchema } from '../../src/widgets/LstmInside/useLstmInside.ts';
import { labSchema } from '../../src/widgets/Lab/labState.ts';

const schemas: Record<string, Schema> = {
  ActivationExplorer: activationExplorerSchema,
  ClassificationLoss: classificationLossSchema,
  ConvolutionExplorer: convolutionExplorerSchema,
  CrossEntropyByHand: crossEntropyByHandSchema,
  ForwardPass: forwardPassSchema,
  GradientCheck: gradientCheckSchema,
  GradientDepth: gradientDepthSchema,
  GraphStepper: graphStepperSchema,
  LogicGates: logicGatesSchema,
  Lab: labSchema,
  Neuron: neuronSchema,
  PoolingExplorer: poolingExplorerSchema,
  ReceptiveField: receptiveFieldSchema,
  RegressionLoss: regressionLossSchema,
  RnnGradients: rnnGradientsSchema,
  SoftmaxTemperature: softmaxTemperatureSchema,
  TrainingStep: trainingStepSchema,
  XorLive: xorLiveSchema,
  LossLab: lossLabSchema,
  LinearVsNonlinear: linearVsNonlinearSchema,
  VanishingGradients: vanishingGradientsSchema,
  SequencePrediction: sequenceSchema,
  DrawDigit: drawDigitSchema,
  LstmInside: lstmInsideSchema,
  UnrolledRnn: unrolledRnnSchema,
};

describe('link labels', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name}: every setting is named from the catalogue`, () => {
      for (const [key, field] of Object.entries(schema)) {
        expect(typeof field.label, `${name}.${key}`).toBe('function');
        expect(labelOf(key, field).trim(), `${name}.${key}`).not.toBe('');
      }
    });
  }
});
