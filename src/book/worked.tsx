// A number the engine computed at build time (src/worked/), placed in the prose by
// `<Computed of="neurons.weightedSum" />`. The build fills in `value`; the span keeps its key so a
// test can check every number on a page against an independent recomputation.
export function Computed({ of, value }: { of: string; value?: string; digits?: number }) {
  if (value === undefined) throw new Error(`<Computed of="${of}">: the build did not fill in its value`);
  return (
    <span className="computed" data-computed={of}>
      {value}
    </span>
  );
}
