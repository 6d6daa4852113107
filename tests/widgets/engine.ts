// The test widgets start the engine the way the book does: through the shell's boot module, which
// passes the WASM binaries' URLs and the `?backend=` choice. Waiting for it before the first op
// keeps tfjs's own auto-selection from running first.
const bootModules = import.meta.glob<{ bootEngine(): Promise<{ backend: string }> }>('../../src/book/engineBoot.ts');

let booted: Promise<string> | null = null;

/** Resolves to the backend's name once the engine can compute. */
export function engineReady(): Promise<string> {
  if (!booted) {
    const load = bootModules['../../src/book/engineBoot.ts'];
    booted = load
      ? load().then(async (m) => (await m.bootEngine()).backend)
      : Promise.reject(new Error('This build has no compute engine.'));
  }
  return booted;
}
