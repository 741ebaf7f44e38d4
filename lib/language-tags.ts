// The language a reference says its work is in (CSL's `language`, BibLaTeX's `langid` and
// `language`) as the BCP 47 tag a page's lang attribute takes, and what to tell a writer
// whose value names no language chatpost can read ("Deutsch", "jp", "Klingonish").

import { swapDistance } from "./suggest.ts";

// BibLaTeX's langid and language fields name languages as babel and polyglossia do (Zotero
// and writers use the English names, which are mostly the same words); plugin-bibtex passes
// them on as written. Keys as nameKey makes them.
const BABEL_NAMES: Record<string, string> = {
  english: "en", american: "en-US", usenglish: "en-US", british: "en-GB", ukenglish: "en-GB", canadian: "en-CA", australian: "en-AU", newzealand: "en-NZ",
  german: "de", ngerman: "de", austrian: "de-AT", naustrian: "de-AT", swissgerman: "de-CH", nswissgerman: "de-CH",
  french: "fr", francais: "fr", acadian: "fr-CA", canadien: "fr-CA", spanish: "es", catalan: "ca", galician: "gl", basque: "eu",
  italian: "it", portuguese: "pt", portuges: "pt", brazil: "pt-BR", brazilian: "pt-BR", dutch: "nl", danish: "da", swedish: "sv",
  norwegian: "no", norsk: "nb", bokmal: "nb", nynorsk: "nn", finnish: "fi", icelandic: "is", estonian: "et", latvian: "lv", lithuanian: "lt",
  polish: "pl", czech: "cs", slovak: "sk", slovene: "sl", slovenian: "sl", croatian: "hr", serbian: "sr", bulgarian: "bg", macedonian: "mk",
  russian: "ru", ukrainian: "uk", belarusian: "be", hungarian: "hu", magyar: "hu", romanian: "ro", greek: "el", turkish: "tr",
  japanese: "ja", chinese: "zh", korean: "ko", arabic: "ar", hebrew: "he", persian: "fa", farsi: "fa", hindi: "hi", urdu: "ur", bengali: "bn",
  tamil: "ta", thai: "th", vietnamese: "vi", indonesian: "id", bahasa: "id", malay: "ms", latin: "la", welsh: "cy", irish: "ga",
  scottish: "gd", afrikaans: "af", swahili: "sw", albanian: "sq", armenian: "hy", georgian: "ka",
};

/** A name's letters alone, for comparing names: "Français" and "francais", "Norwegian Bokmål" and "norwegianbokmal". */
function nameKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

// Languages named by more than their two-letter code, and the variants writers name ("Brazilian
// Portuguese", "Simplified Chinese"); every ISO 639-1 language is added from ICU.
const OTHER_LANGUAGES = ["ast", "ceb", "chr", "ckb", "fil", "grc", "gsw", "haw", "kok", "mai", "nds", "sco", "yue"];
const VARIANTS = [
  "en-GB", "en-US", "en-AU", "en-CA", "en-IN", "fr-CA", "fr-CH", "fr-BE", "de-AT", "de-CH", "es-ES", "es-MX", "es-419",
  "pt-BR", "pt-PT", "nl-BE", "zh-Hans", "zh-Hant", "sr-Latn", "sr-Cyrl",
];

interface LanguageNames {
  /** Each language's English names (ICU's, "German", "Brazilian Portuguese", "Portuguese (Brazil)"), by nameKey, and its tag. */
  english: Map<string, string>;
  /** Each language's names in itself ("Deutsch", "日本語", "português (Brasil)"), by nameKey, and its tag. */
  own: Map<string, string>;
}

let names: LanguageNames | undefined;

/** Built once, when a value first needs it (some tens of milliseconds): Node's full ICU names every language in English and in itself. */
function languageNames(): LanguageNames {
  if (names) return names;
  const english = new Map<string, string>();
  const own = new Map<string, string>();
  const add = (map: Map<string, string>, name: string | undefined, tag: string) => {
    const key = name && nameKey(name);
    if (key && !map.has(key)) map.set(key, tag);
  };
  const letters = "abcdefghijklmnopqrstuvwxyz";
  // A retired code's language under its code now: Tagalog (tl) is fil, Hebrew (iw) he.
  const codes = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter(knownLanguage);
  const canonical = (code: string) => Intl.getCanonicalLocales(code)[0]!;
  for (const [code, tag] of [...codes, ...OTHER_LANGUAGES, ...VARIANTS].map((code) => [code, canonical(code)] as const)) {
    for (const languageDisplay of ["dialect", "standard"] as const) {
      add(english, new Intl.DisplayNames("en", { type: "language", languageDisplay, fallback: "none" }).of(code), tag);
      // A language ICU has no names in is named in English: that name is in `english` already.
      add(own, new Intl.DisplayNames(tag, { type: "language", languageDisplay, fallback: "none" }).of(code), tag);
    }
  }
  names = { english, own };
  return names;
}

const englishNames = new Intl.DisplayNames("en", { type: "language", fallback: "none" });

/** Whether ICU knows a language by this code (de, fil): "jp" and "ge" are no language's. */
function knownLanguage(code: string): boolean {
  try {
    return englishNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** The first value of a language field: BibLaTeX's is a list ("german and english"), YAML's may be. */
function firstValue(language: unknown): string | undefined {
  const first = Array.isArray(language) ? language[0] : language;
  if (typeof first === "number" || typeof first === "boolean") return String(first);
  if (typeof first !== "string") return undefined;
  return first.split(/\s+and\s+/)[0]!.trim();
}

/**
 * The BCP 47 tag of a reference's `language`: a tag as written (de-DE, en_US, zh-Hant), or a
 * language's English name as BibTeX, Zotero and writers write it (ngerman, German, Amharic,
 * Brazilian Portuguese); the first of a list. undefined for anything else, which no page can
 * say (unreadLanguage tells the writer what to write instead).
 */
export function languageTag(language: unknown): string | undefined {
  const written = firstValue(language);
  if (!written) return undefined;
  const key = nameKey(written);
  // BibLaTeX also takes its localisation keys: langgerman.
  const babel = Object.hasOwn(BABEL_NAMES, key) ? key : key.startsWith("lang") && Object.hasOwn(BABEL_NAMES, key.slice(4)) ? key.slice(4) : undefined;
  if (babel) return BABEL_NAMES[babel];
  // A language subtag has 2 or 3 letters: "german" would pass as a tag of the syntax alone.
  if (/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(written)) {
    try {
      const tag = Intl.getCanonicalLocales(written.replace(/_/g, "-"))[0]!;
      // ICU names every two-letter language code: one it does not ("jp") is a slip. A rarer
      // three-letter one it may not have a name for is taken as written.
      const primary = tag.split("-")[0]!;
      if (primary.length === 2 && !knownLanguage(primary)) return undefined;
      return tag;
    } catch {
      return undefined;
    }
  }
  return languageNames().english.get(key);
}

/** The BibLaTeX name of a tag's language (de → german), for a .bib file's fix; the tag itself when babel has none. */
export function babelName(tag: string): string {
  return Object.keys(BABEL_NAMES).find((name) => BABEL_NAMES[name] === tag) ?? tag;
}

/** The English name of a tag's language, for a message: de → German, pt-BR → Brazilian Portuguese. */
export function languageName(tag: string): string {
  try {
    return englishNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export interface LanguageProblem {
  message: string;
  fix: string;
}

/**
 * What to tell a writer whose language field names no language chatpost can read, so that the
 * reference's entry cannot say its language; undefined when languageTag reads it, or nothing is
 * written. `line` writes the field with a tag in it, as the writer would (`language: de`,
 * `langid = {german}`): the fix is that line.
 */
export function unreadLanguage(language: unknown, line: (tag: string) => string): LanguageProblem | undefined {
  if (language === undefined || language === null || languageTag(language) !== undefined) return undefined;
  const written = firstValue(language);
  if (written === "") return undefined;
  const unmarked = "so the entry is not marked as being in another language, and screen readers read it in the page's language";
  if (written === undefined) {
    return { message: `a work's language is written as one code or name, not a list or a group of fields, ${unmarked}`, fix: `write e.g. ${line("de")} for a work in German` };
  }
  const key = nameKey(written);
  const own = languageNames().own.get(key);
  if (own) {
    return {
      message: `"${written}" is ${languageName(own)}'s own name, which chatpost does not read, so the entry is not marked as being in ${languageName(own)}, and screen readers read it in the page's language`,
      fix: `write ${line(own)}`,
    };
  }
  // "jp", "cn", "gr": a country's code where its language's belongs.
  const code = /^([a-z]{2})(?:[-_]|$)/i.exec(written)?.[1];
  const country = code && new Intl.DisplayNames("en", { type: "region", fallback: "none" }).of(code.toUpperCase());
  if (code && country) {
    const spoken = new Intl.Locale(`und-${code.toUpperCase()}`).maximize().language;
    return {
      message: `"${code}" is not a language's code but a country's (${country}), so the entry is not marked as being in another language, and screen readers read it in the page's language`,
      fix: spoken !== "und" && spoken !== "en" ? `write ${line(spoken)} for ${languageName(spoken)} (a language's code is not always its country's)` : `write the language's code or English name, e.g. ${line("de")} for a work in German (a language's code is not always its country's)`,
    };
  }
  const guessed = key.length >= 4 ? nearestLanguage(key) : undefined;
  return {
    message: `"${written}" names no language chatpost knows, ${unmarked}`,
    fix: guessed
      ? `did you mean ${languageName(guessed)}? Write ${line(guessed)}`
      : `write the language's code or English name, e.g. ${line("de")} for a work in German; or remove it if the work is in the site's language`,
  };
}

/**
 * The language whose name (English or its own) `key` is a slip of: a letter or two off ("Germn",
 * "Englisch"), and nearer to it than to any other language's; a wrong guess is worse than none.
 */
function nearestLanguage(key: string): string | undefined {
  const { english, own } = languageNames();
  let best: { distance: number; tags: Set<string> } = { distance: key.length <= 6 ? 2 : 3, tags: new Set() };
  for (const [name, tag] of [...english, ...own]) {
    const distance = swapDistance(key, name);
    if (distance < best.distance) best = { distance, tags: new Set([tag]) };
    else if (distance === best.distance && best.tags.size) best.tags.add(tag);
  }
  return best.tags.size === 1 ? [...best.tags][0] : undefined;
}

/**
 * A BCP 47 tag as Open Graph's `og:locale` takes it, language_TERRITORY: "ar" → "ar_EG",
 * "en-US" → "en_US". Link previews may ignore a locale without its territory; the likeliest
 * one is CLDR's (Intl.Locale#maximize), and a region that is no country (es-419) gives the
 * language's own.
 */
export function openGraphLocale(tag: string): string {
  try {
    const full = new Intl.Locale(tag).maximize();
    const country = (region: string | undefined) => (region && /^[A-Z]{2}$/.test(region) ? region : undefined);
    const region = country(full.region) ?? country(new Intl.Locale(full.language).maximize().region);
    return region ? `${full.language}_${region}` : full.language;
  } catch {
    return tag.replace(/-/g, "_");
  }
}
