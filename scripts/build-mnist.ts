// Converts the MNIST digits by hand (the Vite plugin does the same at build start):
//   node --import tsx scripts/build-mnist.ts [--force]
import { resolve } from 'node:path';
import { convertMnist, ensureMnist } from '../src/build/mnist.ts';

const outDir = resolve(import.meta.dirname, '..', 'public', 'data');
const r = process.argv.includes('--force') ? convertMnist(outDir) : ensureMnist(outDir);
console.log(
  r.written
    ? `MNIST: wrote ${r.train} training and ${r.test} test images to ${r.outDir} (${r.duplicatesRemoved} duplicate images removed)`
    : `MNIST: ${r.outDir} is up to date (${r.train} training, ${r.test} test images)`,
);
