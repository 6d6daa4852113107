// A catalogue: the words of one part of the book (a widget, the shell), written in English and
// optionally in other locales. It reads like the plain object it wraps (`s.play`,
// `s.metrics(1, 0.5, 0.75)`), but each word is looked up in the current locale when it is read, so
// one module serves every locale.
//
// A locale's table must have every key of the English one with the same type (a missing key or a
// function with other parameters fails the type check). A locale with no table at all reads the
// English words, so a new locale can be translated one catalogue at a time.
import { currentLocale, DEFAULT_LOCALE, type Locale } from './locale.ts';

/** The locales other than English, each of which may bring its own table. */
export type OtherLocale = Exclude<Locale, typeof DEFAULT_LOCALE>;

/**
 * What another locale's table of a catalogue must hold: the English table's keys, with strings for
 * strings (any wording, not the English literal), functions of the same parameters, and nested
 * tables and lists of the same shape.
 */
export type Translation<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Translation<R>
    : T extends readonly unknown[]
      ? { readonly [K in keyof T]: Translation<T[K]> }
      : T extends object
        ? { readonly [K in keyof T]: Translation<T[K]> }
        : T;

/** Every locale's table but English's, each optional. */
export type OtherTables<T> = { readonly [L in OtherLocale]?: Translation<T> };

interface Registered {
  en: Record<string, unknown>;
  tables: Partial<Record<Locale, unknown>>;
}

const registry = new Map<string, Registered>();

/**
 * The catalogue `name` (the widget's or the shell part's name): `en` is the English table, `others`
 * the tables of other locales. The result has the keys of `en`; each read returns the current
 * locale's value.
 */
export function catalogue<T extends object>(name: string, en: T, others: OtherTables<NoInfer<T>> = {}): Translation<T> {
  const tables: Partial<Record<Locale, unknown>> = { ...others, [DEFAULT_LOCALE]: en };
  // A module evaluated again (the dev server's hot reload) replaces its catalogue.
  registry.set(name, { en: en as Record<string, unknown>, tables });
  return localisedView(en, tables, currentLocale);
}

/**
 * An object with the keys of `en` whose every read returns `tables[locale()]`'s value, or
 * English's where that locale has no table. (What `catalogue` returns; separate so that a test can
 * drive the locale.)
 */
export function localisedView<T extends object>(en: T, tables: Readonly<Record<string, unknown>>, locale: () => string): Translation<T> {
  const view = {};
  for (const key of Object.keys(en)) {
    Object.defineProperty(view, key, {
      enumerable: true,
      get: () => ((tables[locale()] ?? en) as Record<string, unknown>)[key],
    });
  }
  return Object.freeze(view) as Translation<T>;
}

/** Every catalogue defined so far, by name: its English table and the locales that have a table. */
export function registeredCatalogues(): ReadonlyMap<string, { en: Record<string, unknown>; locales: Locale[] }> {
  return new Map([...registry].map(([name, r]) => [name, { en: r.en, locales: Object.keys(r.tables) as Locale[] }]));
}

/** The table of `locale` in catalogue `name` (undefined where that locale has none). */
export function catalogueTable(name: string, locale: Locale): Record<string, unknown> | undefined {
  return registry.get(name)?.tables[locale] as Record<string, unknown> | undefined;
}
