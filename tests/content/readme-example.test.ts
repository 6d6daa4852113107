// Runs the README's engine example exactly as written, so the README cannot drift from the engine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');

function engineExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The engine'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```ts block under "## The engine"');
  return block[1];
}

it('the README example trains XOR as it says', async () => {
  const dir = join(root, 'tests', 'content', '.generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'readme-example.ts');
  writeFileSync(file, engineExample().replace("'./src/engine'", "'../../../src/engine'"));
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  try {
    await import(/* @vite-ignore */ file);
  } finally {
    log.mockRestore();
  }
  expect(lines[0]).toMatch(/^backend: (cpu|wasm) \(/);
  const outputs = lines[1].split(',').map(Number);
  expect(outputs).toHaveLength(4);
  [0, 1, 1, 0].forEach((target, i) => expect(Math.abs(outputs[i] - target), `output ${i}: ${outputs[i]}`).toBeLessThan(0.2));
});
