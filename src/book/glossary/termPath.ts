/** Where a term's entry is, below the site's base: one place for the page, the chapters and the build. */
export function termPath(term: string): string {
  return `glossary/#term-${term}`;
}
