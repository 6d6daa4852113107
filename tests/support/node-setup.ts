// Every Node test file: tfjs's one-time hint to install its native Node backend (which cannot be
// installed here and is not what the book runs on) would otherwise be printed by every worker.
// IS_TEST only silences tfjs's own warnings (tfjs-core log.ts).
import * as tf from '@tensorflow/tfjs-core';

tf.env().set('IS_TEST', true);
