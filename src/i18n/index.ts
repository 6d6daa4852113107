// The book's locales and their words: the current locale, catalogues of strings, numbers written in
// the locale's conventions, and where a locale sits in a page's address.
export { currentLocale, DEFAULT_LOCALE, isLocale, LOCALES, setLocale, withLocale, type Locale } from './locale.ts';
export { catalogue, catalogueTable, localisedView, registeredCatalogues, type OtherLocale, type OtherTables, type Translation } from './catalogue.ts';
export { formatNumber, numberFormat } from './format.ts';
export { localeHref, localePrefix, splitLocale } from './paths.ts';
export { fillPlaceholders } from './placeholders.ts';
