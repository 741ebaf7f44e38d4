// The direction a site's language is written in, for <html dir>: "rtl" for a language
// whose script runs right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur,
// Yiddish, Dhivehi, Sorani Kurdish…), "ltr" otherwise.
//
// Decided by the script: the one the tag names (ar-Latn is Arabic in Latin letters, ltr;
// ku-Arab is Kurdish in Arabic letters, rtl), else the language's likely script from
// CLDR (Intl.Locale#maximize: he → Hebr, dv → Thaa, ckb → Arab). Not by
// Intl.Locale#textInfo / getTextInfo(): its name changed between V8 versions, and ICU
// answers "ltr" for locales it has no data for, such as dv (Dhivehi, in Thaana) or ku-Arab.

export type TextDirection = "ltr" | "rtl";

/** ISO 15924 codes of the scripts written right to left (Unicode: Bidi_Class R or AL). */
export const RTL_SCRIPTS: ReadonlySet<string> = new Set([
  "Adlm", "Arab", "Aran", "Armi", "Avst", "Chrs", "Cprt", "Elym", "Gara", "Hatr", "Hebr", "Hung",
  "Khar", "Lydi", "Mand", "Mani", "Mend", "Merc", "Mero", "Narb", "Nbat", "Nkoo", "Orkh", "Ougr",
  "Palm", "Phli", "Phlp", "Phnx", "Prti", "Rohg", "Samr", "Sarb", "Sogd", "Sogo", "Syrc", "Syre",
  "Syrj", "Syrn", "Thaa", "Yezi",
]);

/** Languages written right to left by default, for a tag Intl.Locale refuses (e.g. "ar-EG-EG"). */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw", "ks", "lrc",
  "mzn", "nqo", "pnb", "prs", "ps", "sd", "sdh", "skr", "syr", "ug", "ur", "yi",
]);

/** The script a BCP 47 tag is written in: the one it names, else its language's likely script. */
export function scriptOf(language: string): string | undefined {
  try {
    const locale = new Intl.Locale(language);
    return locale.script ?? locale.maximize().script;
  } catch {
    return undefined;
  }
}

/** "rtl" when `language` (a BCP 47 tag such as ar-EG, he, fa-IR, ku-Arab) is written right to left. */
export function textDirection(language: string): TextDirection {
  const script = scriptOf(language);
  if (script) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(language.split(/[-_]/)[0]!.toLowerCase()) ? "rtl" : "ltr";
}
