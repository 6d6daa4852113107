// Prints the slowest test files and tests of the last run from Vitest's JSON report
// (.vitest-results.json, written when CI is set): where the suite's time goes, run after run.
// Usage: node --import tsx scripts/slowest-tests.ts [report] [--top N]
import { existsSync, readFileSync } from 'node:fs';

interface AssertionResult {
  fullName: string;
  duration?: number | null;
  status: string;
}
interface FileResult {
  name: string;
  startTime: number;
  endTime: number;
  assertionResults: AssertionResult[];
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 12;
const path = args.find((a, i) => !a.startsWith('--') && i !== topAt + 1) ?? '.vitest-results.json';
if (!existsSync(path)) {
  console.log(`No test report at ${path}: nothing to summarise.`);
  process.exit(0);
}
const report = JSON.parse(readFileSync(path, 'utf8')) as { testResults: FileResult[] };
const root = `${process.cwd()}/`;
const short = (name: string) => name.replace(root, '');
const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);

const files = report.testResults
  .map((f) => ({ name: short(f.name), ms: f.endTime - f.startTime, tests: f.assertionResults.length }))
  .sort((a, b) => b.ms - a.ms);
console.log(`\nSlowest test files (of ${files.length}; a file that runs in two projects is listed twice):`);
console.log(`${'s'.padStart(7)}  tests  file`);
for (const f of files.slice(0, top)) console.log(`${seconds(f.ms)}  ${String(f.tests).padStart(5)}  ${f.name}`);

const tests = report.testResults
  .flatMap((f) => f.assertionResults.map((t) => ({ file: short(f.name), name: t.fullName, ms: t.duration ?? 0 })))
  .sort((a, b) => b.ms - a.ms);
console.log(`\nSlowest tests (of ${tests.length}):`);
for (const t of tests.slice(0, top)) console.log(`${seconds(t.ms)}  ${t.file} › ${t.name}`);
