// The words of the book's search: the button in the top bar and the search dialog.
import { catalogue } from '../../i18n/index.ts';

export const searchStrings = catalogue('search', {
  search: 'Search',
  searchBook: 'Search the book',
  field: 'Search the book for',
  placeholder: 'A term, a formula name, a figure…',
  close: 'Close',
  searching: 'Searching…',
  typeToSearch: 'Type a word to search every chapter, the glossary and the questions and answers.',
  results: (count: number, term: string) => (count === 1 ? `1 page mentions “${term}”.` : `${count} pages mention “${term}”.`),
  noResults: (term: string) => `Nothing in the book mentions “${term}”.`,
  unavailable: 'The search index could not be loaded. It is made when the book is built; reload the page to try again.',
  shown: (shown: number, count: number) => `Showing the first ${shown} of ${count}.`,
});
