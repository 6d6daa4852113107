// The Lab's exports of a trained network: a JSON file the Lab reads back, and PyTorch, Keras and
// NumPy scripts that build the same network with its trained parameters.
export { checkLabExport, labExportProblem, LabExportError, type Checked, type LabExport } from './check.ts';
export { LAB_JSON_FORMAT, LAB_JSON_VERSION, labJson, readLabJson } from './json.ts';
export { PYTORCH_FILE, pytorchCode } from './pytorch.ts';
export { KERAS_FILE, kerasCode } from './keras.ts';
export { NUMPY_FILE, numpyCode } from './numpy.ts';
