// A sentence written whole with `{name}` where something goes that is not plain text (a link, an
// emphasised name): the pieces in order, so a translation can move the placeholder where its
// grammar wants it.

/**
 * `template` cut at its `{name}` placeholders, each replaced by `values[name]`. A placeholder with no
 * value, or a value no placeholder uses, is a mistake in a catalogue: it throws, naming it.
 */
export function fillPlaceholders<T>(template: string, values: Readonly<Record<string, T>>): (string | T)[] {
  const pieces: (string | T)[] = [];
  const used = new Set<string>();
  let last = 0;
  for (const match of template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
    const name = match[1];
    if (!Object.hasOwn(values, name)) throw new Error(`"${template}": no value for the placeholder {${name}}`);
    if (match.index > last) pieces.push(template.slice(last, match.index));
    pieces.push(values[name]);
    used.add(name);
    last = match.index + match[0].length;
  }
  if (last < template.length) pieces.push(template.slice(last));
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length) throw new Error(`"${template}": no placeholder for ${unused.map((n) => `{${n}}`).join(', ')}`);
  return pieces;
}
