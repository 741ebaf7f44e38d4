// String order that is the same on every machine. localeCompare without a locale uses the
// machine's LANG (Danish sorts "aa" after "z", Turkish folds "I" apart), and a build's
// output must not depend on where it runs.

/** Plain string order by UTF-16 code unit. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
