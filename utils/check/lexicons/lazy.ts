/** An `{ en, it }` whose values are computed on first read, once, and then kept. */
export function lazyByLang<T>(make: (lang: 'en' | 'it') => T): { readonly en: T; readonly it: T } {
  const made: { en?: T; it?: T } = {};
  return Object.freeze({
    get en() {
      return (made.en ??= make('en'));
    },
    get it() {
      return (made.it ??= make('it'));
    },
  });
}
