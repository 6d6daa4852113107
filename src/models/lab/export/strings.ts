// The reasons a network cannot be exported, or a saved network file cannot be read, as the reader
// sees them: each names the part of the file at fault and what it should hold.
import { catalogue } from '../../../i18n/index.ts';

export const exportStrings = catalogue('lab.export', {
  notJson: 'This file is not valid JSON, so it holds no network.',
  notObject: 'This file holds no network: its JSON is not an object.',
  wrongFormat: 'This file is not a network saved by the Lab: its "format" should be "deep-learning-live/lab-network".',
  newerVersion: (version: number) =>
    `This network was saved in version ${version} of the Lab's file format, newer than this page reads (version 1).`,
  badVersion: 'The file\'s "version" should be the whole number 1.',
  missing: (path: string) => `The file has no "${path}".`,
  /** `what` is one of the phrases below (a list, a whole number from 1 to 8, …). */
  shouldBe: (path: string, what: string) => `"${path}" should be ${what}.`,
  anObject: 'an object of named fields',
  aList: 'a list',
  trueOrFalse: 'true or false',
  wholeNumber: (low: number, high: number) => `a whole number from ${low} to ${high}`,
  wholeNumberFrom: (low: number) => `a whole number, ${low} or more`,
  positiveNumber: 'a number greater than 0',
  nonNegativeNumber: 'a number, 0 or more',
  dropoutRate: 'a number from 0 up to, but not including, 1',
  unknownName: (path: string, value: string, known: readonly string[]) =>
    `"${path}" is "${value}", which the Lab does not know: it should be one of ${known.join(', ')}.`,
  noFeatures: 'The network has no inputs: it needs at least one feature.',
  repeatedFeature: (feature: string) => `The input "${feature}" is listed twice.`,
  curveFeature: (feature: string) => `A curve y = f(x₁) has no x₂ input, so it cannot use the input "${feature}".`,
  lossNeedsClasses: (loss: string) => `The loss "${loss}" needs classes: a regression network is trained with mse.`,
  regressionClasses: 'A regression network has 1 output: its "classes" should be 1.',
  tooManyLayers: (count: number, max: number) => `The network has ${count} hidden layers; the Lab builds at most ${max}.`,
  parameterLayers: (count: number, wanted: number) =>
    `The file holds the parameters of ${count} layers; this network has ${wanted} (its hidden layers and its output layer).`,
  hiddenLayer: (n: number) => `hidden layer ${n}`,
  outputLayer: 'the output layer',
  weightRows: (layer: string, count: number, wanted: number) =>
    `The weights of ${layer} have ${count} rows; they should have one per input of the layer: ${wanted}.`,
  weightColumns: (layer: string, row: number, count: number, wanted: number) =>
    `Row ${row} of the weights of ${layer} has ${count} numbers; it should have one per unit of the layer: ${wanted}.`,
  biasCount: (layer: string, count: number, wanted: number) =>
    `The biases of ${layer} are ${count} numbers; they should be one per unit of the layer: ${wanted}.`,
  notFinite: (layer: string) =>
    `A weight or bias of ${layer} is not a finite number (NaN or infinity), as after a run that diverged: reset the run and train it again before exporting it.`,
  notNumber: (layer: string) => `A weight or bias of ${layer} is not a number.`,
});
