import { closest, closestName } from "./suggest.ts";
import { unreadLanguage } from "./language-tags.ts";
import { readsAsNumber, yamlScalar } from "./yaml-text.ts";
import { now } from "./clock.ts";
import { tomorrowUtc, writtenDateProblem } from "./written-dates.ts";

// Turns the references a writer typed (CSL YAML with pandoc's semantics, plus a few
// convenience forms) into strict CSL-JSON. citation-js silently prints "n.d." for a
// plain-string or Date date and its APA style breaks on numeric volumes, so nothing
// reaches it before passing through here.

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  "dropping-particle"?: string;
  "non-dropping-particle"?: string;
  suffix?: string;
}

export interface CslDate {
  "date-parts"?: number[][];
  literal?: string;
  circa?: boolean;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  [field: string]: unknown;
}

export interface ItemProblem {
  /** Path inside the item, e.g. ["issued"] or ["author", 1]. */
  path: (string | number)[];
  message: string;
  fix: string;
  /** "error" unless told: only errors keep the reference out of the page. */
  severity?: "error" | "warning";
}

export const CSL_TYPES = [
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
  "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
  "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
  "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical", "personal_communication",
  "post", "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech", "standard",
  "thesis", "treaty", "webpage",
] as const;

export const NAME_FIELDS = new Set([
  "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
  "director", "editor", "editorial-director", "editor-translator", "executive-producer", "guest", "host",
  "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
  "reviewed-author", "script-writer", "series-creator", "translator",
]);

export const DATE_FIELDS = new Set(["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]);

export const NUMBER_FIELDS = new Set([
  "chapter-number", "collection-number", "edition", "issue", "locator", "number", "number-of-pages",
  "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section", "supplement-number",
  "version", "volume", "citation-number",
]);

// The variables of CSL 1.0.2 and the keys pandoc and citation-js add: any other field would
// be dropped without a word, so it is reported with the CSL field to write instead.
export const CSL_FIELDS: ReadonlySet<string> = new Set([
  "id", "type", "categories", "custom", "language", "note", "abstract", "annote", "archive", "archive_collection",
  "archive_location", "archive-place", "authority", "call-number", "citation-key", "citation-label",
  "collection-title", "container-title", "container-title-short", "dimensions",
  "division", "DOI", "event", "event-title", "event-place", "genre", "ISBN", "ISSN", "jurisdiction",
  "keyword", "license", "medium", "original-publisher",
  "original-publisher-place", "original-title", "part-title", "PMCID", "PMID",
  "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale",
  "source", "status", "title", "title-short", "URL", "volume-title",
  "volume-title-short", "year-suffix", "shortTitle", "journalAbbreviation",
  ...NAME_FIELDS, ...DATE_FIELDS, ...NUMBER_FIELDS,
]);

const NAME_PARTS = new Set(["family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix", "static-ordering", "parse-names"]);

export interface NormaliseResult {
  item?: CslItem;
  problems: ItemProblem[];
}

/** How the writer wrote the references, so that a fix shows a line they can copy. */
export type ReferenceSyntax = "yaml" | "json" | "bibtex";

export interface NormaliseOptions {
  /** "yaml" unless told: front matter and CSL YAML files. */
  syntax?: ReferenceSyntax;
  /**
   * The YAML source of a field of the reference, by its key as written: the line its key is on
   * and the key's column (1-based); undefined when it cannot be found. Given by a reader that
   * has the source (a post's front matter), it tells a list in square brackets
   * (`author: [Topol, Eric]`) from one item per line, and places a fix at the key's
   * indentation. Without it a list's values alone decide (see splitNamesProblem).
   */
  fieldSource?: (key: string) => { line: string; column: number } | undefined;
}

const FIELD_BY_LOWER_CASE = new Map([...CSL_FIELDS].map((f) => [f.toLowerCase(), f]));

/**
 * The CSL field a key names, whatever its case: pandoc reads `url:` and `doi:` as URL and
 * DOI, so chatpost does too. undefined for a field CSL does not have.
 */
export function cslField(key: string): string | undefined {
  return CSL_FIELDS.has(key) ? key : FIELD_BY_LOWER_CASE.get(key.toLowerCase());
}

/**
 * The id of a reference as normaliseItem reads it, under any spelling it accepts (`id`, `ID`,
 * `Id`; the first one written when there are several), as text; undefined when there is none
 * (or it is empty, or not text or a number). normaliseItem returns no item when a reference
 * has errors, so this names it in their messages.
 */
export function referenceId(entry: unknown): string | undefined {
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) return undefined;
  for (const [key, value] of Object.entries(entry)) {
    if (cslField(key) !== "id") continue;
    return (typeof value === "string" || typeof value === "number") && String(value).trim() ? String(value) : undefined;
  }
  return undefined;
}

/** Normalise one reference. Never throws on bad input: problems are returned with their path. */
export function normaliseItem(input: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const syntax = options.syntax ?? "yaml";
  const problems: ItemProblem[] = [];
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    return {
      problems: [{ path: [], message: "a reference must be a set of fields (id, type, title, …)", fix: "start the reference with `- id: some-key` and indent its fields below" }],
    };
  }
  const raw = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};

  // Each CSL field and the key the writer wrote it with (`url` for URL).
  const written = new Map<string, string>();
  for (const key of Object.keys(raw)) {
    const field = cslField(key);
    if (field === undefined) continue;
    const first = written.get(field);
    if (first === undefined) written.set(field, key);
    else problems.push({ path: [key], message: `\`${key}\` and \`${first}\` are the same field, written twice`, fix: `keep one of the two, written \`${field}\`` });
  }
  const valueOf = (field: string) => (written.has(field) ? raw[written.get(field)!] : undefined);
  const pathOf = (field: string) => [written.get(field) ?? field];
  // A field written but left empty is where a value belongs: it is not "already written".
  const has = (field: string) => valueOf(field) !== undefined && valueOf(field) !== null && valueOf(field) !== "";

  const id = valueOf("id");
  if (id === undefined || id === null || id === "") {
    problems.push({ path: pathOf("id"), message: "the reference has no id", fix: syntax === "bibtex" ? "write a short unique key after the entry's type, then a comma, e.g. @article{smith2016," : `add ${syntax === "json" ? '`"id":`' : "`id:`"} with a short unique key such as smith2016` });
  } else if (typeof id !== "string" && typeof id !== "number") {
    problems.push({ path: pathOf("id"), message: "the id must be text", fix: "write a short key such as smith2016" });
  } else if (!/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(String(id))) {
    problems.push({ path: pathOf("id"), message: `the id "${String(id)}" has characters a citation key cannot hold`, fix: "use letters, digits and _ : . - / only, starting with a letter or digit" });
  }
  out.id = String(id ?? "");

  const type = valueOf("type");
  // `itemType:` and the like are reported as the type written under another name.
  const typeElsewhere = Object.keys(raw).some((key) => cslField(key) === undefined && ALIASES.get(letters(key)) === "type");
  const untyped = type === undefined || type === null || type === "";
  if (untyped) {
    if (!typeElsewhere) {
      problems.push({
        path: pathOf("type"), message: "the reference has no type",
        fix: syntax === "bibtex" ? "write the entry's type after @, e.g. @article, @book, @online, @report, @misc" : `add ${syntax === "json" ? '`"type":`' : "`type:`"}, e.g. article-journal, webpage, post-weblog, book, report`,
      });
    }
  } else if (typeof type !== "string" || !(CSL_TYPES as readonly string[]).includes(type)) {
    const named = typeof type === "string" ? cslType(type) : undefined;
    const guess = typeof type === "string" ? closest(type, CSL_TYPES) : undefined;
    problems.push({
      path: pathOf("type"),
      message: `"${shown(type)}" is not a CSL type${named?.from ? `: it is ${named.from}'s name for CSL's ${named.type}` : ""}`,
      fix: named ? `write it as ${fieldLine(syntax, "type", named.type)}` : guess ? `did you mean \`${guess}\`?` : "use a CSL type such as article-journal, webpage, post-weblog, book, report",
    });
  }
  out.type = type;

  for (const [key, value] of Object.entries(raw)) {
    const field = cslField(key);
    if (field === undefined) {
      problems.push(unknownFieldProblem(key, value, { has, type, title: valueOf("title"), syntax }));
      continue;
    }
    // The second spelling of a field is reported above.
    if (written.get(field) !== key || field === "id" || field === "type") continue;
    if (value === null || value === undefined) continue;
    // A .bib file's langid and language are read from its source (lib/bibliography.ts), where both are known.
    const languageProblem = field === "language" && syntax !== "bibtex" ? unreadLanguage(value, (tag) => fieldLine(syntax, key, tag)) : undefined;
    if (NAME_FIELDS.has(field)) {
      const split = syntax === "bibtex" ? undefined : splitNamesProblem(value, field, key, syntax, options.fieldSource);
      if (split) {
        problems.push({ path: [key], ...split });
        continue;
      }
      const names = normaliseNames(value, field, [key], problems, syntax);
      if (names) out[field] = names;
    } else if (DATE_FIELDS.has(field)) {
      const words = dateWords(value, field);
      if (words) {
        const problem = dateWordsProblem(words, key, has("status"), syntax);
        problems.push(problem);
        // Written as CSL's literal date (a .bib file's `year = {n.d.}`), it would still print: as meant.
        if (problem.severity === "warning") {
          if (words.kind === "suffix") out[field] = { "date-parts": [[words.year!]] };
          if (words.kind === "status" && !has("status")) out.status = words.status;
        }
      } else {
        const dateProblems: ItemProblem[] = [];
        const date = normaliseDate(value, [key], dateProblems);
        // 03/2021 and 2021/03 would be read as CSL's range from the year 3 to 2021: a month and its year.
        const monthAndYear = typeof value === "string" && /^\s*(?:\d{1,2}\/\d{4}|\d{4}\/\d{1,2})\s*$/.test(value);
        // 5 March 2026, 03/05/2021, March 2021: told with the line that writes the same date.
        const written = (dateProblems.length || monthAndYear) && syntax !== "bibtex" && typeof value === "string" ? writtenCslDate(value, field, key, syntax) : undefined;
        if (date && !written) out[field] = date;
        problems.push(...(written ? [{ path: [key], ...written }] : dateProblems));
      }
    } else if (typeof value === "number" && !Number.isFinite(value)) {
      // YAML reads .nan and .inf as numbers, which would be printed "NaN" and "Infinity".
      problems.push({ path: [key], message: `YAML reads ${yamlSpecial(value)} as a special number, which would be printed "${String(value)}"`, fix: `write the ${field}, or put the text in quotes if it is meant: ${key}: "${yamlSpecial(value)}"` });
    } else if (NUMBER_FIELDS.has(field)) {
      // Its ends trimmed, as citeproc-js prints it: `{\ufeff25}` in a .bib file, which plugin-bibtex reads " 25".
      if (typeof value === "number" || typeof value === "string") out[field] = String(value).trim();
      else problems.push({ path: [key], message: `${field} must be a number or text`, fix: `write e.g. ${fieldLine(syntax, syntax === "bibtex" ? BIBTEX_NAME_OF[field] ?? field : key, "16")}` });
      const issue = field === "volume" ? volumeWithIssue(value) : undefined;
      if (issue) problems.push({ path: [key], severity: "warning", ...volumeIssueProblem(issue, key, { issue: valueOf("issue"), page: valueOf("page") }, syntax) });
    } else if (field === "DOI") {
      const doi = normaliseDoi(value);
      if (doi !== undefined) out.DOI = doi;
      else problems.push(doiProblem(key, value, syntax));
    } else if (field === "status" && syntax === "bibtex" && typeof value === "string" && Object.hasOwn(PUBSTATE, value.trim())) {
      // BibLaTeX's `pubstate = {inpress}` is a key, which biblatex prints "in press".
      if (out.status === undefined) out.status = PUBSTATE[value.trim()];
    } else if (field === "note" && accessedNote(value) !== undefined) {
      const day = accessedNote(value)!;
      const note = fieldLine(syntax, "note", String(value).trim());
      const accessed = syntax === "bibtex" ? "urldate" : "accessed";
      problems.push({
        path: [key],
        severity: "warning",
        message: `"${String(value).trim()}" is the day you read it, but the citation style leaves a note out of the reference list`,
        fix: has("accessed")
          ? `remove ${note}: the day you read it is written in \`${accessed}\` already`
          : day ? `write ${fieldLine(syntax, accessed, day)} in place of ${note} (the style prints it where it prints access dates)` : `write the day as ${fieldLine(syntax, accessed, "YYYY-MM-DD")} in place of ${note}`,
      });
      out[field] = value;
    } else if (languageProblem) {
      // Still printed as written; only its entry cannot say its language.
      problems.push({ path: [key], severity: "warning", ...languageProblem });
      out[field] = typeof value === "number" || typeof value === "boolean" ? String(value) : value;
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      out[field] = typeof value === "string" ? value : String(value);
    } else if (field === "custom" || field === "language" || field === "note") {
      out[field] = value;
    } else {
      problems.push({ path: [key], message: `${field} must be plain text`, fix: syntax === "yaml" ? "write the value on one line, in quotes if it contains a colon" : syntax === "json" ? "write the value as one string, in double quotes" : "write the value as text in braces" });
    }
  }

  const title = valueOf("title");
  if (title === undefined || title === null || String(title).trim() === "") {
    problems.push({
      path: pathOf("title"), message: "the reference has no title",
      fix: syntax === "bibtex" ? "add `title = {…}` with the title of the work" : syntax === "json" ? 'add `"title": "…"` with the title of the work' : "add `title:` with the title of the work, in quotes if it contains a colon",
    });
  }
  // "SOCIAL MEDIA AND NURSES": printed in capitals, as typed.
  for (const field of ["title", "container-title"] as const) {
    const capitals = typeof out[field] === "string" ? capitalsProblem(out[field] as string, field, out.type, syntax) : undefined;
    if (capitals) problems.push({ path: pathOf(field), severity: "warning", ...capitals });
  }
  const url = valueOf("URL");
  if (typeof url === "string" && !/^https?:\/\/\S+$/.test(url.trim())) {
    problems.push({ path: pathOf("URL"), message: `"${url}" is not a web address`, fix: urlFix(url, String(pathOf("URL")[0]), has("DOI"), syntax) });
  } else if (
    typeof out.URL === "string" && !has("DOI") && !has("status") && !has("accessed") && out.status === undefined
    // Written "n.d.", the date is to be removed: the day read is wanted all the same.
    && (!has("issued") || (out.issued === undefined && dateWords(valueOf("issued"), "issued")?.kind === "none"))
    // A note that holds the day has its own warning; a URL written twice, its error.
    && !problems.some((p) => p.path.length > 0 && (written.get("note") === p.path[0] || cslField(String(p.path[0])) === "URL"))
  ) {
    // APA's "Retrieved https://…": a work with an address and no date is cited with the day it
    // was read, and APA writes the word for it whether that day is there or not.
    const accessed = syntax === "bibtex" ? "urldate" : "accessed";
    problems.push({
      path: pathOf("URL"),
      severity: "warning",
      message: `the work has an address but no date, and no day you read it: APA prints "Retrieved" followed directly by the address ("Retrieved ${out.URL.trim()}"), without the day that belongs between them`,
      fix: `add the day you read it, e.g. ${fieldLine(syntax, accessed, "2024-03-05")} (APA then prints "Retrieved March 5, 2024, from …"); or the work's date in ${syntax === "bibtex" ? "`year`" : "`issued`"}, if it has one`,
    });
  }
  // A warning is about a reference that still works as written: it keeps its item.
  return problems.some((p) => (p.severity ?? "error") === "error") ? { problems } : { item: out as CslItem, problems };
}

// Field names other tools and plain English use, by their letters alone (case, -, _ and spaces
// dropped), and the CSL field that holds the same thing. A function decides by the value.
const looksLikeAddress = (value: unknown) => typeof value === "string" && /^(https?:\/\/|www\.)/i.test(value.trim());
const siteOrAddress = (value: unknown) => (looksLikeAddress(value) ? "URL" : "container-title");
const ALIASES = new Map<string, string | ((value: unknown) => string)>([
  ...aliases("container-title", "journal", "journaltitle", "journalname", "periodical", "publication", "publicationtitle", "magazine", "newspaper", "booktitle", "book", "proceedings", "proceedingstitle", "container"),
  ...aliases(siteOrAddress, "website", "websitetitle", "websitename", "site", "sitename", "blog", "blogtitle", "blogname", "web", "homepage"),
  ...aliases("URL", "link", "href", "uri", "weblink", "webaddress", "onlineaddress"),
  ...aliases((value: unknown) => (looksLikeAddress(value) ? "URL" : "publisher-place"), "address"),
  ...aliases("publisher-place", "location", "place", "city", "publicationplace", "placeofpublication", "publisherlocation"),
  ...aliases("issued", "year", "date", "month", "published", "publicationdate", "pubdate", "datepublished", "publishedon", "publisheddate"),
  ...aliases("accessed", "accessdate", "accesseddate", "accessedon", "dateaccessed", "urldate", "retrieved", "retrievedon", "dateretrieved", "lastaccessed", "viewed", "visited"),
  ...aliases("page", "pages", "pp", "pagerange", "pagenumbers"),
  ...aliases("volume", "vol"),
  ...aliases("issue", "no", "issueno", "issuenumber"),
  ...aliases("author", "authors", "creator", "creators", "by", "writer", "writers"),
  ...aliases("editor", "editors"),
  ...aliases("translator", "translators"),
  ...aliases("publisher", "institution", "organization", "organisation", "school", "university", "company"),
  ...aliases("collection-title", "series", "seriestitle"),
  ...aliases("collection-number", "seriesnumber"),
  ...aliases("chapter-number", "chapter"),
  ...aliases("number-of-pages", "pagecount", "numpages", "totalpages"),
  ...aliases("abstract", "abstractnote", "summary"),
  ...aliases("keyword", "keywords", "tags", "tag"),
  ...aliases("note", "notes", "comment", "comments", "extra"),
  ...aliases("language", "lang"),
  ...aliases("PMID", "pubmed", "pubmedid"),
  ...aliases("PMCID", "pmc"),
  ...aliases("id", "key", "citekey", "bibtexkey"),
  ...aliases("type", "itemtype", "entrytype", "reftype"),
  ...aliases("title", "subtitle"),
]);
const ORGANISATION_KEYS = new Set(["institution", "organization", "organisation", "school", "university", "company"]);
const WEB_TYPES = new Set(["webpage", "post-weblog", "post"]);

// Other programs' names for CSL's types (Zotero's itemType, BibTeX's entry types, schema.org)
// and the words writers use, by their letters: "journalArticle", "journal-article", "blog post".
const TYPE_NAMES: ReadonlyArray<[string, string, string[]]> = [
  ["Zotero", "article-journal", ["journalarticle"]],
  ["Zotero", "article-magazine", ["magazinearticle"]],
  ["Zotero", "article-newspaper", ["newspaperarticle"]],
  ["Zotero", "post-weblog", ["blogpost"]],
  ["Zotero", "post", ["forumpost"]],
  ["Zotero", "chapter", ["booksection"]],
  ["Zotero", "paper-conference", ["conferencepaper"]],
  ["Zotero", "speech", ["presentation"]],
  ["Zotero", "motion_picture", ["videorecording", "film"]],
  ["Zotero", "song", ["audiorecording", "podcast"]],
  ["Zotero", "software", ["computerprogram"]],
  ["Zotero", "entry-encyclopedia", ["encyclopediaarticle"]],
  ["Zotero", "entry-dictionary", ["dictionaryentry"]],
  ["Zotero", "broadcast", ["tvbroadcast", "radiobroadcast"]],
  ["Zotero", "personal_communication", ["email", "letter"]],
  ["BibTeX", "paper-conference", ["inproceedings", "conference"]],
  ["BibTeX", "chapter", ["incollection", "inbook"]],
  ["BibTeX", "report", ["techreport"]],
  ["BibTeX", "thesis", ["phdthesis", "mastersthesis"]],
  ["BibTeX", "document", ["misc"]],
  ["BibTeX", "webpage", ["online", "electronic", "www"]],
  ["BibTeX", "pamphlet", ["booklet"]],
  ["BibTeX", "manuscript", ["unpublished"]],
  ["schema.org", "article-journal", ["scholarlyarticle"]],
  ["schema.org", "post-weblog", ["blogposting"]],
  ["schema.org", "article-newspaper", ["newsarticle"]],
  ["everyday English", "article-journal", ["journal", "journalpaper", "researcharticle", "researchpaper", "paper"]],
  ["everyday English", "post-weblog", ["blog", "weblog", "blogarticle", "weblogpost"]],
  ["everyday English", "webpage", ["website", "web", "site", "page", "websitepage"]],
  ["everyday English", "article-newspaper", ["newspaper", "news", "newsstory"]],
  ["everyday English", "article-magazine", ["magazine"]],
  ["everyday English", "chapter", ["bookchapter"]],
  ["everyday English", "motion_picture", ["video", "movie"]],
  ["everyday English", "post", ["tweet", "socialmediapost", "toot", "skeet"]],
];
const TYPE_BY_LETTERS = new Map(TYPE_NAMES.flatMap(([from, type, names]) => names.map((n) => [n, { type, from }] as const)));
for (const type of CSL_TYPES) TYPE_BY_LETTERS.set(letters(type), { type, from: "CSL" });

/** The CSL type another program's (or everyday) name stands for: journalArticle → article-journal, with the program. */
function cslType(name: string): { type: string; from?: string } | undefined {
  const found = TYPE_BY_LETTERS.get(letters(name).replace(/[^a-z0-9]/g, ""));
  if (!found || found.type === name) return undefined;
  // CSL's own type in other capitals or separators, or an everyday word: no program to name.
  return found.from === "CSL" || found.from === "everyday English" ? { type: found.type } : found;
}

function aliases<T>(target: T, ...keys: string[]): [string, T][] {
  return keys.map((k) => [k, target]);
}

function letters(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

interface ItemContext {
  has: (field: string) => boolean;
  type: unknown;
  title: unknown;
  syntax: ReferenceSyntax;
}

/** A field CSL does not have: name the CSL field to write instead, with the writer's value. */
function unknownFieldProblem(key: string, value: unknown, ctx: ItemContext): ItemProblem {
  const problem = (fix: string): ItemProblem => ({ path: [key], message: `unknown field \`${key}\`: it would be left out of the reference`, fix });
  const alias = ALIASES.get(letters(key));
  const target = typeof alias === "function" ? alias(value) : alias;
  if (target) return problem(aliasFix(key, value, target, ctx));
  const guess = [...CSL_FIELDS].find((f) => letters(f) === letters(key)) ?? closestName(key, [...CSL_FIELDS]);
  const text = scalarText(value);
  if (guess) return problem(`did you mean \`${guess}\`?${text !== undefined && !ctx.has(guess) ? ` Write it as ${fieldLine(ctx.syntax, guess, text)}` : ""}`);
  const fields = "container-title (journal or site), publisher, URL or note";
  return problem(text !== undefined ? `use the CSL field that fits: ${fields}; to keep it as a remark, write ${fieldLine(ctx.syntax, "note", text)}` : `use the CSL field that fits: ${fields}`);
}

function aliasFix(key: string, value: unknown, target: string, ctx: ItemContext): string {
  const text = scalarText(value);
  if (target === "title") {
    return typeof ctx.title === "string" && text !== undefined ? `add it to the title after a colon: ${fieldLine(ctx.syntax, "title", `${ctx.title.trim()}: ${text}`)}` : "add it to the title after a colon";
  }
  if (ctx.has(target)) return `\`${target}\` is already written for this reference: keep the right value there and delete \`${key}\``;
  // Zotero's `itemType: journalArticle`: CSL's field, with CSL's name for the type.
  if (target === "type" && text !== undefined) return `write it as ${fieldLine(ctx.syntax, "type", (CSL_TYPES as readonly string[]).includes(text) ? text : cslType(text)?.type ?? text)}`;
  if (text === undefined) {
    return value !== null && typeof value === "object" && !(value instanceof Date) ? `rename \`${key}\` to \`${target}\`, keeping its value` : `write \`${target}\` instead of \`${key}\``;
  }
  if (NAME_FIELDS.has(target)) {
    const etAl = etAlIn(text);
    if (etAl) return etAlFix(ctx.syntax, target, namesIn(etAl.rest), false);
    const people = severalPeople(text);
    if (people) return peopleFix(ctx.syntax, target, people.map(dotted), false);
    const organisation = commaOrganisation(text);
    if (organisation && !organisation.legalForm) return organisationProblem(text, organisation, target, ctx.syntax, false).fix;
  }
  if (DATE_FIELDS.has(target)) {
    const words = dateWords(value, target);
    if (words) return dateWordsFix(words, key, ctx.has("status"), ctx.syntax, target);
    const problems: ItemProblem[] = [];
    if (normaliseDate(value, [], problems)) return `write it as ${fieldLine(ctx.syntax, target, text)}`;
    const written = ctx.syntax !== "bibtex" ? writtenCslDate(text, target, target, ctx.syntax) : undefined;
    if (written) return `${written.fix}${/^write [^,(]*$/.test(written.fix) ? ` in place of ${fieldLine(ctx.syntax, key, text)}` : ""}`;
    if (letters(key) === "month") return `write the year and month together, e.g. ${fieldLine(ctx.syntax, target, "2016-08")}`;
    return `write the date as YYYY-MM-DD (or YYYY, or YYYY-MM), e.g. ${fieldLine(ctx.syntax, target, "2016-08-26")}`;
  }
  const fixed = target === "URL" && /^www\./i.test(text) ? `https://${text}` : text;
  const line = `write it as ${fieldLine(ctx.syntax, target, fixed)}`;
  if (ORGANISATION_KEYS.has(letters(key))) return `${line} (or ${fieldLine(ctx.syntax, "author", text)} if the organisation wrote it)`;
  // A site's name is container-title for any type, but a site usually means a web page.
  if (target === "container-title" && /^(web|site|blog|homepage)/.test(letters(key)) && typeof ctx.type === "string" && !WEB_TYPES.has(ctx.type)) {
    return `${line}, the site's name; for a web page, use \`type: webpage\` (\`post-weblog\` for a blog post)`;
  }
  return line;
}

const BIBTEX_NAMES_FIX = (field: string) => `write each person as "Last, First", separated by "and", and an organisation in a second pair of braces, e.g. ${field === "container-author" ? "bookauthor" : field} = {Smith, Ann and {World Health Organization}}`;

// The BibTeX field a CSL number field is written in, where the names differ.
const BIBTEX_NAME_OF: Record<string, string> = { issue: "number", page: "pages", "number-of-pages": "pagetotal", "collection-number": "number", "chapter-number": "chapter", "number-of-volumes": "volumes" };

/** One field written as the writer's file writes it, in backticks. */
function fieldLine(syntax: ReferenceSyntax, field: string, text: string): string {
  if (syntax === "json") return `\`"${field}": ${JSON.stringify(text)}\``;
  if (syntax === "bibtex") return `\`${field.toLowerCase()} = {${text}}\``;
  // A number (`volume: 39`, `issued: 2016`, `PMID: 27562728`) is written plain, as writers do: a reference's number is read as its text.
  return `\`${field}: ${readsAsNumber(text) ? text : yamlScalar(text)}\``;
}

/** A value that fits on one line, as text; undefined for a list, a group of fields or nothing. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** YAML's way to write a number that is not finite. */
function yamlSpecial(value: number): string {
  return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
}

/** A value as the writer would recognise it in a message. */
function shown(value: unknown): string {
  if (typeof value === "string") return value;
  // YAML's .nan and .inf, as written (JavaScript would say NaN, Infinity).
  if (typeof value === "number" && !Number.isFinite(value)) return yamlSpecial(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
  if (value === null || typeof value !== "object") return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return "(a list or group of fields)";
  }
}

const DOI_RESOLVER = /^(?:https?:\/\/)?(?:(?:dx|www)\.)?(?:doi\.org|hdl\.handle\.net)\//i;
const DOI_LABEL = /^doi\s*:?\s*/i;
const DOI = /^10\.\d+(?:\.\d+)*\/\S+$/;

/**
 * The bare DOI (10.1186/…) in what a writer copied: a resolver address with or without
 * https:// and www., a "doi:" or "DOI " label, trailing punctuation. undefined if it is not one.
 */
/**
 * The fix for a URL that is not a web address, with the address the writer meant when it
 * can be told: pasted with its brackets (`<https://…>`, `(https://…)`), as a markdown link,
 * without `https://`, or a DOI.
 */
function urlFix(url: string, key: string, hasDoi: boolean, syntax: ReferenceSyntax): string {
  const text = url.trim();
  // The field as the writer's syntax writes it.
  const field = (value: string) => (syntax === "json" ? `"${key}": ${JSON.stringify(value)}` : syntax === "bibtex" ? `${key.toLowerCase()} = {${value}}` : `${key}: ${value}`);
  const address = /^https?:\/\/\S+$/;
  const wrapped = /^([<(\["'“‘])\s*(\S+?)\s*([>)\]"'”’])$/.exec(text);
  if (wrapped && address.test(wrapped[2]!)) return `write the address without the ${wrapped[1]} ${wrapped[3]} around it: ${field(wrapped[2]!)}`;
  const link = /^\[[^\]]*\]\(\s*<?(\S+?)>?\s*\)$/.exec(text);
  if (link && address.test(link[1]!)) return `write the address alone, without the markdown link around it: ${field(link[1]!)}`;
  const doi = normaliseDoi(text);
  const named = (f: string) => (syntax === "bibtex" ? `the line ${f.toLowerCase()} = {…}` : `\`${f}:\``);
  if (doi) return hasDoi ? `remove ${named(key)}: the DOI is written in ${named("DOI")} already` : `a DOI goes in its own field: write ${syntax === "json" ? `"DOI": "${doi}"` : syntax === "bibtex" ? `doi = {${doi}}` : `DOI: ${doi}`} in place of ${named(key)}`;
  if (/^\S+$/.test(text) && /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?:[/?#]\S*)?$/u.test(text)) return `write the full address, with https:// in front: ${field(`https://${text}`)}`;
  if (address.test(text.replace(/\s+/g, "%20")) && /\s/.test(text)) return "a web address has no spaces: copy it again from the browser's address bar";
  return "write the full address starting with https://";
}

export function normaliseDoi(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  let text = value.trim();
  let fromAddress = false;
  for (;;) {
    const resolver = DOI_RESOLVER.exec(text);
    const label = resolver ? undefined : DOI_LABEL.exec(text);
    const m = resolver ?? label;
    if (!m) break;
    fromAddress ||= !!resolver;
    text = text.slice(m[0].length).trim();
  }
  // An address may carry the DOI's slash as %2F.
  if (fromAddress && /%[0-9a-f]{2}/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // Not percent-encoding after all: the text is checked as it is.
    }
  }
  text = trimDoiEnd(text);
  return DOI.test(text) ? text : undefined;
}

/** Sentence punctuation after a DOI, and a closing bracket that was never opened in it. */
function trimDoiEnd(text: string): string {
  let t = text.replace(/[\s.,;:]+$/, "");
  const count = (c: string) => t.split(c).length - 1;
  while ((t.endsWith(")") && count(")") > count("(")) || (t.endsWith("]") && count("]") > count("["))) t = t.slice(0, -1).replace(/[\s.,;:]+$/, "");
  return t;
}

function doiProblem(key: string, value: unknown, syntax: ReferenceSyntax): ItemProblem {
  const message = `"${shown(value)}" is not a DOI: a DOI starts with 10. and has a / in it`;
  const inside = typeof value === "string" ? /10\.\d{4,9}\/[^\s"<>]+/.exec(value)?.[0] : undefined;
  const found = inside !== undefined ? trimDoiEnd(inside) : undefined;
  if (found) return { path: [key], message, fix: `write only the DOI: ${fieldLine(syntax, "DOI", found)}` };
  if (looksLikeAddress(value)) {
    const address = String(value).trim();
    return { path: [key], message, fix: `this is a web address: write it as ${fieldLine(syntax, "URL", /^www\./i.test(address) ? `https://${address}` : address)}, and the DOI alone in DOI if the work has one` };
  }
  return { path: [key], message, fix: `write the DOI alone, e.g. ${fieldLine(syntax, "DOI", "10.1186/s12913-016-1691-0")}, or remove the line if the work has none` };
}

function normaliseNames(value: unknown, field: string, path: (string | number)[], problems: ItemProblem[], syntax: ReferenceSyntax): CslName[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  // BibTeX writes "et al." as `and others`, and plugin-bibtex hands it over as a person named
  // "others": the fix rewrites the whole field, the one line a .bib file has for it.
  if (syntax === "bibtex") {
    const found = list.map((entry) => entryEtAl(entry));
    const first = found.find((f) => f !== undefined);
    if (first) {
      // "Smith, JA and others": the names are written back with the initials' full stops.
      const names = list.flatMap((entry, i) => (found[i] ? found[i]!.names : [entry as string | CslName])).map((n) => {
        const run = typeof n === "string" ? undefined : initialsRunTogether(n);
        return run && typeof n !== "string" ? { ...n, given: run.initials } : n;
      });
      const marker = !first.text && /others/i.test(first.marker) ? "and others" : first.marker;
      problems.push({ path, message: etAlMessage(first, field, syntax), fix: etAlFix(syntax, field, names, false, marker) });
      return undefined;
    }
  }
  const names: CslName[] = [];
  // "Kate DOE" reads two ways, but among "Smith JA" and "Doe K" it is PubMed's too.
  const pubmedList = list.some((entry) => typeof entry === "string" && !entry.includes(",") && pubmedName(entry.trim()) !== undefined);
  list.forEach((entry, i) => {
    const etAl = entryEtAl(entry);
    if (etAl) {
      problems.push({ path: Array.isArray(value) ? [...path, i] : path, message: etAlMessage(etAl, field, syntax), fix: etAlFix(syntax, field, etAl.names, Array.isArray(value), etAl.marker) });
      return;
    }
    if (typeof entry === "string") {
      const text = entry.trim();
      if (!text) return;
      // Titles, degrees, "Given Family" people and PubMed's "Smith JA". Not for BibTeX, which
      // reads names itself; nor with ";", which only separates people (severalPeople's).
      const mistake = syntax === "bibtex" || text.includes(";") ? undefined : nameMistake(text, field, syntax, Array.isArray(value), pubmedList);
      if (mistake) {
        problems.push({ path: Array.isArray(value) ? [...path, i] : path, ...mistake });
        // A warning keeps the name as it is read without one.
        if (mistake.severity === "warning") names.push(nameAsWritten(text));
        return;
      }
      const people = severalPeople(text);
      if (people) {
        problems.push({
          path: Array.isArray(value) ? [...path, i] : path,
          message: `"${text}" is ${people.length} people written as one name: it would be printed as one person`,
          fix: peopleFix(syntax, field, people.map(dotted), Array.isArray(value)),
        });
        return;
      }
      // A company's legal form after a comma is the organisation's name and nothing else: kept
      // whole, as text without a comma is. Another organisation with a comma may be one
      // organisation or several authors, so the writer says which.
      const organisation = commaOrganisation(text);
      if (organisation?.legalForm) {
        names.push({ literal: text });
        return;
      }
      if (organisation) {
        problems.push({ path: Array.isArray(value) ? [...path, i] : path, ...organisationProblem(text, organisation, field, syntax, Array.isArray(value)) });
        return;
      }
      const name = nameAsWritten(text);
      names.push(name);
      if (text.indexOf(",") > 0) {
        // "Smith, JA", printed "Smith, J.". A .bib file's names are told for the whole field, below.
        const found = initialsRunTogether(name);
        if (found && syntax !== "bibtex") problems.push({ path: Array.isArray(value) ? [...path, i] : path, severity: "warning", ...initialsProblem(name, text, found, field, syntax, Array.isArray(value)) });
        // "Kim, Min-jun", printed "Kim, M.".
        const hyphen = syntax === "bibtex" ? undefined : hyphenProblem(name, text, field, syntax, Array.isArray(value));
        if (hyphen) problems.push({ path: Array.isArray(value) ? [...path, i] : path, severity: "warning", ...hyphen });
        return;
      }
      // "Kate Doe" may well be a person, who would be printed whole and sorted under Kate: a
      // warning, as it may be an organisation too. Not for BibTeX: it reads "Kate Doe" as a
      // person itself, and plugin-bibtex hands names over as {family, given}, never as text.
      // "The Guardian" is never a person, and "Dr Pepper" has no given name to put after a comma.
      if (syntax === "bibtex" || organisationName(text) || /^the\s/i.test(text) || TITLE.test(text.split(/\s+/)[0]!)) return;
      const person = familyFirst(text);
      if (person) problems.push({ path: Array.isArray(value) ? [...path, i] : path, severity: "warning", ...givenFamilyProblem(text, person, field, syntax, Array.isArray(value)) });
    } else if (entry && typeof entry === "object" && !Array.isArray(entry)) {
      const name: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry)) {
        if (!NAME_PARTS.has(k)) {
          problems.push({ path: [...path, i, k], message: `"${k}" is not part of a name`, fix: "use family and given (a person) or literal (an organisation)" });
        } else if (v !== null && v !== undefined) name[k] = typeof v === "string" || typeof v === "boolean" ? v : String(v);
      }
      if (!name.family && !name.literal && !name.given) {
        problems.push({ path: [...path, i], message: "this name is empty", fix: syntax === "bibtex" ? BIBTEX_NAMES_FIX(field) : syntax === "json" ? 'write {"family": "Smith", "given": "Ann"} or {"literal": "World Health Organization"}' : "write {family: Smith, given: Ann} or {literal: World Health Organization}" });
      }
      names.push(name as CslName);
      const found = initialsRunTogether(name as CslName);
      if (found && syntax !== "bibtex") problems.push({ path: Array.isArray(value) ? [...path, i] : path, severity: "warning", ...initialsProblem(name as CslName, undefined, found, field, syntax, Array.isArray(value)) });
      const hyphen = syntax === "bibtex" ? undefined : hyphenProblem(name as CslName, undefined, field, syntax, Array.isArray(value));
      if (hyphen) problems.push({ path: Array.isArray(value) ? [...path, i] : path, severity: "warning", ...hyphen });
    } else {
      problems.push({ path: [...path, i], message: "a name must be text or {family, given}", fix: syntax === "bibtex" ? BIBTEX_NAMES_FIX(field) : syntax === "json" ? 'write "Smith, Ann" or {"family": "Smith", "given": "Ann"}' : 'write "Smith, Ann" or {family: Smith, given: Ann}' });
    }
  });
  // plugin-bibtex reads "Smith, JA" (and "JA Smith") as {family: Smith, given: JA}: one warning
  // for the field, with the field rewritten, the one line a .bib file has for it.
  if (syntax === "bibtex") {
    const found = names.map(initialsRunTogether);
    if (found.some((f) => f !== undefined)) problems.push({ path, severity: "warning", ...bibtexInitialsProblem(names, found, field) });
    // "Kim, Min-jun": the field rewritten, each such name with its capital (and initials with their full stops, as above).
    const hyphens = names.map((n) => capitalsAfterHyphens(n.given));
    if (hyphens.some((h) => h !== undefined)) {
      const hits = names.flatMap((n, k) => (hyphens[k] !== undefined ? [n] : []));
      const rewritten = names.map((n, k) => bibtexName({ ...n, ...(found[k] && !found[k]!.asName ? { given: found[k]!.initials } : {}), ...(hyphens[k] !== undefined ? { given: hyphens[k] } : {}) })).join(" and ");
      problems.push({ path, severity: "warning", message: hyphenMessage(hits.map((n) => [bibtexName(n), n])), fix: `write each part of the given name with a capital, so that the style writes both initials: ${field.toLowerCase()} = {${rewritten}}` });
    }
  }
  return names;
}

// One or a few initials standing alone: "S", "S.", "J. A.", "J.-P.". No organisation or
// one-word author is written so; in a list of names, one is the given half of "Family, Given".
const LONE_INITIALS = /^\p{Lu}\.?$|^(?:\p{Lu}\.[ \t]?-?){2,3}$/u;

/** One family name as it starts "Family, Given": one capitalised word, not in capitals (WHO), after particles if any ("van Beethoven"). */
function familyHalf(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (!last || !words.slice(0, -1).every((w) => PARTICLES.has(w))) return false;
  return NAME_WORD.test(last) && !/^\p{Lu}+$/u.test(last) && !LONE_INITIALS.test(last) && !organisationName(last) && !LEGAL_FORM.test(last);
}

/** Given names as they end "Family, Given": capitalised words or initials ("Eric", "David J.", "S.", "JA"), not an acronym of a place or a company's form (UK, AG). */
function givenHalf(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > MOST_GIVEN_NAMES) return false;
  if (LONE_INITIALS.test(text.trim())) return true;
  return words.every((w) => (NAME_WORD.test(w) && (!/^\p{Lu}{2,}$/u.test(w) || (INITIALS.test(w) && !NOT_INITIALS.has(w)))) || PARTICLES.has(w)) && !organisationName(text);
}

/**
 * A list of names whose items are the halves of "Family, Given" names: `author: [Topol, Eric]`
 * is YAML's list of two texts, "Topol" and "Eric", printed as two authors ("Topol & Eric"),
 * and `[Fox, S., Duggan, M.]` as four. The rule, for a list of two texts or more, none with a
 * comma or an object:
 * - any item that is initials alone ("S.", "M", "J. A.") makes it an error wherever the list
 *   is written: no organisation or one-word author is written so. Each such item is read as
 *   the given names of the family name before it;
 * - otherwise, an even count that alternates a family name (one capitalised word, particles
 *   allowed: "Topol", "van Beethoven") and given names ("Eric", "David J.") is one too, when the
 *   list is written in square brackets on the key's line, or in a CSL JSON file, whose lists
 *   are all in brackets (in YAML whose lines are not known, a shared CSL YAML file, it is not
 *   told: the list may be written one name per line). Names in capitals (WHO, UNICEF), of an
 *   organisation's words, or of several words ("Kate Doe") are never family names here, and an
 *   odd count (`[Cochrane]`, `[Plato]`, `[WHO, UNICEF, Cochrane]`) never pairs up. Two one-word
 *   names (`[Plato, Aristotle]`) read both ways, so the fix shows both; one per line, or with
 *   `literal:`, they are left as written.
 */
function splitNamesProblem(value: unknown, field: string, key: string, syntax: "yaml" | "json", fieldSource: NormaliseOptions["fieldSource"]): { message: string; fix: string } | undefined {
  if (!Array.isArray(value) || value.length < 2 || !value.every((v) => typeof v === "string" && v.trim() && !v.includes(","))) return undefined;
  const items = (value as string[]).map((v) => v.trim());
  const initialsAt = items.flatMap((t, i) => (LONE_INITIALS.test(t) ? [i] : []));
  const paired = items.length % 2 === 0 && items.every((t, i) => (i % 2 === 0 ? familyHalf(t) : givenHalf(t)));
  if (!initialsAt.length && !paired) return undefined;
  const source = syntax === "yaml" ? fieldSource?.(key) : undefined;
  // The key's line as written from the key on: `author: [`, `"author": [`.
  const after = source?.line.slice(source.column - 1);
  const written = after === undefined ? undefined : after.replace(/^["']/, "").startsWith(key) && /^["']?[ \t]*:[ \t]*\[/.test(after.replace(/^["']/, "").slice(key.length));
  // One item per line is what the fix asks for: only initials alone there are a mistake. In
  // YAML whose lines are not known (a shared CSL YAML file) the list may be written so too.
  if (!initialsAt.length && syntax === "yaml" && written !== true) return undefined;
  // The people: each family name with the given names after it (an item of initials joins the word before it).
  const people: string[] = [];
  let open = false;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    const given = paired ? i % 2 === 1 : initialsAt.includes(i);
    if (given && open) {
      people[people.length - 1] = dotted(`${people.at(-1)}, ${t}`);
      open = false;
    } else if (given && i + 1 < items.length && familyHalf(items[i + 1]!) && !initialsAt.includes(i + 1)) {
      // `[S., Fox]`: initials before the family name, as in "S. Fox".
      people.push(dotted(`${items[++i]}, ${t}`));
      open = false;
    } else {
      people.push(t);
      open = familyHalf(t);
    }
  }
  const who = NAMES_OF.get(field) ?? "names";
  const quoted = (list: string[]) => (list.length > 1 ? `${list.slice(0, -1).map((t) => `"${t}"`).join(", ")} and "${list.at(-1)}"` : `"${list[0]}"`);
  const brackets = written || syntax === "json" ? `in square brackets each comma separates two names, so ` : "";
  const initialsWord = initialsAt.length ? `; ${quoted(initialsAt.map((i) => items[i]!))} ${initialsAt.length > 1 ? "are initials" : "is initials"}, not a name` : "";
  const message = `the ${who} are read as ${items.length} names, ${quoted(items)}: ${brackets}a name written "Family, Given" is split in two${initialsWord}`;
  // Two one-word names (`[Plato, Aristotle]`, `[Google, Microsoft]`) read both ways; "David J." is no name alone.
  const bothWays = !initialsAt.length && items.every((t) => !/\s/.test(t));
  const ifPeople = bothWays ? `if ${people.length === 1 ? "it is one person" : `they are ${people.length} people`}, ` : "";
  const oneWordEach = `if they are ${items.length} names of one word each (organisations, or one-word names such as Plato)`;
  if (syntax === "json") {
    const fix = `${ifPeople}write each person as one text, family name first, then a comma: "${field}": [${people.map((n) => JSON.stringify(n)).join(", ")}]`;
    return { message, fix: bothWays ? `${fix}; ${oneWordEach}, write each with "literal": "${field}": [${items.map((t) => `{"literal": ${JSON.stringify(t)}}`).join(", ")}]` : fix };
  }
  const asPeople = `${ifPeople}write one person per line, family name first, then a comma`;
  // At the key's indentation when it starts its line (`    author:` below `  - id:`), else (unknown, or in `{…}`) as the README shows a field.
  const indent = source && /^[ \t]*(?:-[ \t]+)?$/.test(source.line.slice(0, source.column - 1)) ? " ".repeat(source.column - 1) : "  ";
  const lines = (names: string[]) => `\n${indent}${key}:\n${names.map((n) => `${indent}  - ${yamlScalar(n)}`).join("\n")}`;
  if (!bothWays) return { message, fix: `${asPeople}:${lines(people)}` };
  // Written one per line, the names are left as written; where that cannot be told from brackets, `literal:` keeps them so.
  const asWords = written
    ? `${oneWordEach}, write one per line:${lines(items)}`
    : `${oneWordEach}, write each with \`literal:\`:\n${indent}${key}:\n${items.map((n) => `${indent}  - literal: ${yamlScalar(n)}`).join("\n")}`;
  return { message, fix: `${asPeople}:${lines(people)}\n${asWords}` };
}

// The small words after a hyphen that are not a given name of their own ("Abd-al", "Ahmad-ud-Din"):
// a name with one is left as written.
const HYPHEN_PARTICLES = new Set(["al", "el", "ul", "ud", "ur", "ad", "ar", "as", "ash", "at", "az", "ibn", "bin", "bint", "ben", "de", "du", "da", "di", "del", "la", "le", "y", "e", "i"]);

/**
 * A given name with a small letter after a hyphen, "Min-jun", with its capitals, "Min-Jun";
 * undefined for any other. citeproc-js reads "-jun" as part of "Min", not as a second given
 * name: APA prints "Kim, M.", Vancouver "Kim M jun". "Min-Jun" is "M.-J.", "MJ".
 */
function capitalsAfterHyphens(given: string | undefined): string | undefined {
  if (!given) return undefined;
  let changed = false;
  const words = given.trim().split(/\s+/).map((w) => {
    const parts = w.split("-");
    if (parts.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(parts[0]!) || !parts.slice(1).every((h) => /^\p{L}\p{Ll}+$/u.test(h))) return w;
    if (!parts.slice(1).some((h) => /^\p{Ll}/u.test(h)) || parts.some((h) => HYPHEN_PARTICLES.has(h.toLowerCase()))) return w;
    changed = true;
    return parts.map((h) => `${[...h][0]!.toUpperCase()}${h.slice([...h][0]!.length)}`).join("-");
  });
  return changed ? words.join(" ") : undefined;
}

/** How APA prints a given name's initials, as citeproc-js does for "Min-jun": "M.", the part after the small letter's hyphen dropped. */
function apaInitials(given: string): string {
  return given.trim().split(/\s+/).map((w) => w.split("-").filter((h) => /^\p{Lu}/u.test(h)).map((h) => `${[...h][0]}.`).join("-")).filter(Boolean).join(" ");
}

/** The message for names written `shown` with a small letter after a hyphen. */
function hyphenMessage(hits: [string, CslName][]): string {
  const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]!);
  const printed = list(hits.map(([, n]) => `"${[[n["non-dropping-particle"], n.family].filter(Boolean).join(" "), apaInitials(n.given!), ...(n.suffix ? [n.suffix] : [])].join(", ")}"`));
  const parts = hits.flatMap(([, n]) => n.given!.split(/[\s-]+/).filter((h) => /^\p{Ll}/u.test(h)));
  const [, one] = hits[0]!;
  // Vancouver's "Kim M jun", shown for a single given name, which it prints so.
  const vancouver = hits.length === 1 && !/\s/.test(one.given!.trim()) && !one.suffix && !one["non-dropping-particle"] ? `; Vancouver prints "${one.family} ${apaInitials(one.given!).replace(/[.-]/g, "")} ${parts.join(" ")}"` : "";
  return `${list(hits.map(([s]) => `"${s}"`))} would be printed ${printed} in APA: the citation style reads a part written with a small letter after a hyphen (${list([...new Set(parts)].map((h) => `"${h}"`))}) as no given name of its own and writes no initial for it${vancouver}`;
}

/** The warning for "Kim, Min-jun" or {family: Kim, given: Min-jun}: the name with its capitals, in the writer's syntax. */
function hyphenProblem(name: CslName, written: string | undefined, field: string, syntax: "yaml" | "json", inList: boolean): { message: string; fix: string } | undefined {
  if (name.literal || !name.family) return undefined;
  const given = capitalsAfterHyphens(name.given);
  if (given === undefined) return undefined;
  // A name written as text is shown as text, {family, given} as {family, given}.
  const fixed = written !== undefined ? [name.family, given, ...(name.suffix ? [name.suffix] : [])].join(", ") : { ...name, given };
  return {
    message: hyphenMessage([[written ?? `${name.family}, ${name.given}`, name]]),
    fix: namesFix(syntax, field, [fixed], inList, `write each part of the given name with a capital, so that the style writes both initials ("${name.family}, ${apaInitials(given)}")`),
  };
}

interface RunTogether {
  /** The given name as written: "JA". */
  given: string;
  /** With full stops: "J. A.". */
  initials: string;
  /** When it may be a given name written in capitals, "ANN", the name as it is usually written: "Ann". */
  asName?: string;
}

// Two capitals that are a degree after a whole name ("Kate Doe, MA") more often than initials.
const DEGREE_OR_INITIALS = new Set(["MA", "MS", "BA", "BS", "JD", "PA"]);

/**
 * Initials run together without full stops after a family name, "Smith, JA" or {family: Smith,
 * given: JAK}: citeproc-js reads "JA" as one given name and prints "Smith, J.". Not a country or a
 * company's legal form ("Müller, AG"), nor a degree after a whole name ("Kate Doe, MA").
 */
function initialsRunTogether(name: CslName): RunTogether | undefined {
  const given = name.given?.trim();
  const family = name.family?.trim();
  if (!given || !family || name.literal || !/^\p{Lu}{2,3}$/u.test(given) || NOT_INITIALS.has(given)) return undefined;
  if (/\s/.test(family) && (DEGREE_OR_INITIALS.has(given) || degreeOf(given))) return undefined;
  return { given, initials: [...given].map((c) => `${c}.`).join(" "), ...(nameInCapitals(given) ? { asName: capitalised(given) } : {}) };
}

/** How citeproc-js prints a name whose given name is initials run together: "Smith, J.". */
function printedWithOneInitial(name: CslName): string {
  return [[name["non-dropping-particle"], name.family].filter(Boolean).join(" "), `${[...name.given!.trim()][0]}.`, ...(name.suffix ? [name.suffix] : [])].join(", ");
}

/** The warning for "Smith, JA" in a front matter or a CSL file: the name written with full stops, in the writer's syntax. */
function initialsProblem(name: CslName, written: string | undefined, found: RunTogether, field: string, syntax: "yaml" | "json", inList: boolean): { message: string; fix: string } {
  const shownName = written ?? `${name.family}, ${name.given}`;
  const printed = printedWithOneInitial(name);
  // A name written as text is shown as text, {family, given} as {family, given}.
  const withGiven = (given: string): string | CslName => (written !== undefined ? [name.family, given, ...(name.suffix ? [name.suffix] : [])].join(", ") : { ...name, given });
  if (!found.asName) {
    return {
      message: `"${shownName}" would be printed "${printed}": the citation style reads "${found.given}" as one given name, not as initials, and prints only its first letter`,
      fix: namesFix(syntax, field, [withGiven(found.initials)], inList, "write the initials with full stops"),
    };
  }
  return {
    message: `"${shownName}" would be printed "${printed}": the citation style reads "${found.given}" as one given name; if it is initials run together, all but the first are lost`,
    fix: eitherFix(
      syntax, field, inList,
      [`if "${found.given}" are initials, write them with full stops`, [withGiven(found.initials)]],
      [`if "${found.given}" is a given name, write it with small letters after the first`, [withGiven(found.asName)]],
    ),
  };
}

/** The warning for the names of a BibTeX field with initials run together, with the field rewritten. */
function bibtexInitialsProblem(names: CslName[], found: (RunTogether | undefined)[], field: string): { message: string; fix: string } {
  const hits = names.flatMap((name, i) => (found[i] ? [{ name, ...found[i]! }] : []));
  const list = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]!);
  const shownNames = list(hits.map((h) => `"${bibtexName(h.name)}"`));
  const printed = list(hits.map((h) => `"${printedWithOneInitial(h.name)}"`));
  const ambiguous = hits.filter((h) => h.asName);
  const message = hits.length === 1
    ? `${shownNames} would be printed ${printed}: the citation style reads "${hits[0]!.given}" as one given name${ambiguous.length ? "; if it is initials run together, all but the first are lost" : ", not as initials, and prints only its first letter"}`
    : `${shownNames} would be printed ${printed}: the citation style reads initials run together as one given name and prints only the first`;
  const rewritten = (asNames: boolean) => `${field.toLowerCase()} = {${names.map((n, i) => bibtexName(found[i] ? { ...n, given: asNames && found[i]!.asName ? found[i]!.asName : found[i]!.initials } : n)).join(" and ")}}`;
  if (!ambiguous.length) return { message, fix: `write the initials with full stops: ${rewritten(false)}` };
  const words = list(ambiguous.map((h) => `"${h.given}"`));
  const one = ambiguous.length === 1;
  return {
    message,
    fix: `if ${words} ${one ? "are initials" : "are all initials"}, write them with full stops: ${rewritten(false)}; if ${words} ${one ? "is a given name" : "are given names"}, write ${one ? "it" : "them"} with small letters after the first: ${rewritten(true)}`,
  };
}

/**
 * A name written as one text, read as chatpost reads it: "Family, Given" is a person, with a
 * suffix after a second comma as CSL's suffix ("King, Martin Luther, Jr."); anything without a
 * comma is kept whole (an organisation).
 */
function nameAsWritten(text: string): CslName {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length < 2 || parts[0] === "") return { literal: text };
  if (parts.length === 3 && SUFFIX.test(parts[2]!)) return { family: parts[0]!, given: parts[1]!, suffix: parts[2]! };
  return { family: parts[0]!, given: text.slice(text.indexOf(",") + 1).trim() };
}

/**
 * An organisation written with a comma, which would be printed as a person: the message says
 * how, and the fix shows it written as an organisation with `literal:` (BibTeX: in a second
 * pair of braces), and as several authors or as a person where it could be those.
 */
export function organisationProblem(
  text: string, organisation: CommaOrganisation, field: string, syntax: ReferenceSyntax, inList: boolean,
  bibtexField: (written: string) => string = (written) => `${field.toLowerCase()} = {${written}}`,
): { message: string; fix: string } {
  const who = NAMES_OF.get(field) ?? "names";
  const [family, ...given] = organisation.parts;
  if (syntax === "bibtex") {
    // `bibtexField` writes the whole field with this name in place of the one written, the
    // other people of the field kept: a fix that showed this name alone would drop them.
    const as = `BibTeX reads "${text}" as a person, "Last, First", with the given name "${given.join(", ")}"`;
    const message = organisation.legalForm ? `${as}: it would be printed as a person` : `${as}, printed "${organisation.printed}"; but ${organisation.why}`;
    const whole = `put it in a second pair of braces, which keeps an organisation's name whole: ${bibtexField(`{${text}}`)}`;
    if (organisation.legalForm) return { message, fix: whole };
    const several = organisation.severalAuthors ? `; if it is ${organisation.parts.length} ${who}, separate them with "and": ${bibtexField(organisation.parts.map((p) => `{${p}}`).join(" and "))}` : "";
    return { message, fix: `if it is one organisation, ${whole}${several}` };
  }
  const message = `"${text}" is written like a person ("Family, Given") and would be printed as one, "${organisation.printed}", but ${organisation.why}`;
  const person: CslName = { family: family!, given: given.join(", ") };
  if (syntax === "json") {
    const literal = `{"literal": ${JSON.stringify(text)}}`;
    const whole = inList ? `write it as ${literal}` : `write "${field}": [${literal}]`;
    const several = organisation.severalAuthors
      ? `; if it is ${organisation.parts.length} ${who}, ${inList ? "write them as separate names in the list" : "write one name for each"}: ${inList ? "" : `"${field}": [`}${organisation.parts.map((p) => JSON.stringify(p)).join(", ")}${inList ? "" : "]"}`
      : "";
    const asPerson = organisation.person ? `; if it is a person, write ${jsonName(person)}` : "";
    return { message, fix: `if it is one organisation, ${whole}, which keeps it as written${several}${asPerson}` };
  }
  const head = inList ? "" : `\n  ${field}:`;
  const lines = (names: string[]) => `${head}\n${names.map((n) => `    - ${n}`).join("\n")}`;
  // Quoted, so that the comma is plainly part of the name.
  const options = [`if it is one organisation, write it with \`literal:\`, which keeps it as written:${lines([`literal: ${JSON.stringify(text)}`])}`];
  if (organisation.severalAuthors) options.push(`if it is ${organisation.parts.length} ${who}, write one per line${inList ? ", in place of this one" : ""}:${lines(organisation.parts.map(yamlScalar))}`);
  if (organisation.person) options.push(`if it is a person, write the parts of the name:${lines([yamlName(person)])}`);
  return { message, fix: options.join("\n") };
}

/**
 * A person's name written "Given Family", which is read as an organisation's: the message
 * says how it is printed and sorted, and the fix shows it both ways, as a person
 * ("Family, Given", the `person` given) and as an organisation (`literal:`, which also says so).
 */
function givenFamilyProblem(text: string, person: string, field: string, syntax: "yaml" | "json", inList: boolean): { message: string; fix: string } {
  const first = text.split(/\s+/)[0]!;
  const message = `"${text}" is read as an organisation's name: it is printed as written and sorted under "${first}"`;
  // "Min-jun Kim" is "Kim, Min-Jun": written "Kim, Min-jun", the style would leave out the J.
  const comma = person.indexOf(",");
  const capitals = comma > 0 ? capitalsAfterHyphens(person.slice(comma + 1)) : undefined;
  if (capitals !== undefined) person = `${person.slice(0, comma)}, ${capitals}`;
  const asPerson = `if it is a person, write the family name first, then a comma${capitals !== undefined ? ", and each part of the given name with a capital (else the style leaves out the initial of the part after the hyphen)" : ""}`;
  const asOrganisation = "if it is an organisation, write it with `literal:`, which keeps it as written";
  if (syntax === "json") {
    const literal = `{"literal": ${JSON.stringify(text)}}`;
    return inList
      ? { message, fix: `${asPerson}: ${JSON.stringify(person)}; ${asOrganisation}: ${literal}` }
      : { message, fix: `${asPerson}: "${field}": ${JSON.stringify(person)}; ${asOrganisation}: "${field}": [${literal}]` };
  }
  if (inList) return { message, fix: `${asPerson}:\n    - ${yamlScalar(person)}\n${asOrganisation}:\n    - literal: ${yamlScalar(text)}` };
  return { message, fix: `${asPerson}:\n  ${field}: ${yamlScalar(person)}\n${asOrganisation}:\n  ${field}:\n    - literal: ${yamlScalar(text)}` };
}

/** The list of people written out, in the writer's syntax; `inList` when it replaces one entry of a list. */
function peopleFix(syntax: ReferenceSyntax, field: string, people: string[], inList: boolean): string {
  if (syntax === "json") {
    const names = people.map((p) => JSON.stringify(p)).join(", ");
    return inList ? `write them as separate names in the list: ${names}` : `write one name per person: "${field}": [${names}]`;
  }
  if (syntax === "bibtex") return `separate the people with "and": ${field.toLowerCase()} = {${people.join(" and ")}}`;
  const lines = people.map((p) => `    - ${yamlScalar(p)}`).join("\n");
  return inList ? `write one person per line, in place of this one:\n${lines}` : `write one person per line:\n  ${field}:\n${lines}`;
}

// "et al." and the other ways of writing "and more people" after a list of names. CSL has no
// place for them: the style writes "et al." itself when there are enough names. Matched only
// as words of their own, so that Al-Farsi, al-Khwarizmi, Alice or a family name Etal stay names.
const ET_AL = /(?<=^|[\s,;])et(?:\s+|\.\s*)al(?:ii|ia|\.)?(?=$|[\s,;.)])/i;
// "and others" (BibTeX's own way), "& others" and an ellipsis, at the end only: "Doctors and
// Others Foundation" is an organisation.
const ET_AL_AT_END = /(?<=^|[\s,;])(?:(?:and|&)\s+others|…|\.\.\.)\.?(?=\s*$)/i;
const OTHERS_ALONE = /^(?:(?:and|&)\s+)?others\.?$/i;

interface EtAl {
  /** What the writer wrote for "et al.", e.g. "et. al." or "and others". */
  marker: string;
  /** The whole name it was written in; undefined when the name is nothing else. */
  text?: string;
  /** The names written with it, without it, as the fix shows them. */
  names: (string | CslName)[];
}

/** The marker in a text, and the text without it: "Smith, J. et al." → "et al." and "Smith, J.". */
export function etAlIn(text: string): { marker: string; rest: string } | undefined {
  const t = text.trim();
  if (OTHERS_ALONE.test(t)) return { marker: t, rest: "" };
  const m = ET_AL.exec(t) ?? ET_AL_AT_END.exec(t);
  if (!m) return undefined;
  const before = withoutTrailingJoiners(t.slice(0, m.index));
  const after = t.slice(m.index + m[0].length).replace(/^[\s,;.]+/, "").trim();
  return { marker: m[0], rest: [before, after].filter(Boolean).join(", ") };
}

/**
 * The text without the separators and joining words it ends with: "Smith, J., and " → "Smith, J.".
 * An "and" or "&" counts only as a word of its own (after a space or at the start). A scan from
 * the end, not a regex: `(?:[\s,;]+|…)+$` tried every way of splitting a run of spaces and commas,
 * doubling the time with each one (an author pasted with 30 spaces took minutes).
 */
function withoutTrailingJoiners(text: string): string {
  const wordStart = (at: number) => at === 0 || /\s/.test(text[at - 1]!);
  let end = text.length;
  for (;;) {
    while (end > 0 && /[\s,;]/.test(text[end - 1]!)) end--;
    if (end >= 3 && /^and$/i.test(text.slice(end - 3, end)) && wordStart(end - 3)) end -= 3;
    else if (end >= 1 && text[end - 1] === "&" && wordStart(end - 1)) end -= 1;
    else return text.slice(0, end);
  }
}

/** The people in what is left of a name once "et al." is taken out, as "Family, Given" where it is clear. */
function namesIn(rest: string): string[] {
  if (!rest) return [];
  // "Smith JA et al.": initials run together get their full stops ("Smith, J. A."), else the A is lost.
  return (severalPeople(rest) ?? [vancouverName(rest) ?? givenFamilyName(rest) ?? rest]).map((p) => (/,\s*\p{Lu}{2,3}$/u.test(p) ? dotted(p) : p));
}

const NAME_ORDER = ["given", "dropping-particle", "non-dropping-particle", "family", "suffix", "literal"] as const;

/** "et al." written in one entry of a name field: as text, or in a part of {family, given}. */
function entryEtAl(entry: unknown): EtAl | undefined {
  if (typeof entry === "string") {
    const found = etAlIn(entry);
    return found && { marker: found.marker, ...(found.rest ? { text: entry.trim() } : {}), names: namesIn(found.rest) };
  }
  if (!entry || typeof entry !== "object" || Array.isArray(entry)) return undefined;
  const name = entry as Record<string, unknown>;
  const whole = NAME_ORDER.map((k) => name[k]).filter((v): v is string => typeof v === "string" && v.trim() !== "").join(" ");
  const found = etAlIn(whole);
  if (!found) return undefined;
  if (!found.rest) return { marker: found.marker, names: [] };
  // Taken out of the part it is in, the other parts kept as written; across parts (plugin-bibtex
  // reads "Smith et al." as given "Smith et", family "al."), the name is read again as text.
  const rest: Record<string, unknown> = { ...name };
  let inPart = false;
  for (const k of NAME_ORDER) {
    const part = typeof name[k] === "string" ? etAlIn(name[k] as string) : undefined;
    if (!part) continue;
    inPart = true;
    if (part.rest) rest[k] = part.rest;
    else delete rest[k];
  }
  if (inPart) return { marker: found.marker, text: bibtexName(name as CslName), names: [nameAsText(rest as CslName)] };
  return { marker: found.marker, text: whole, names: namesIn(found.rest) };
}

/** {family, given} as "Family, Given" when nothing else is in it (chatpost reads that back the same); else the name itself. */
function nameAsText(name: CslName): string | CslName {
  const keys = Object.keys(name);
  if (keys.every((k) => k === "family" || k === "given") && name.family && name.given && !name.family.includes(",") && !name.given.includes(",")) return `${name.family}, ${name.given}`;
  if (keys.length === 1 && name.literal && !name.literal.includes(",")) return name.literal;
  return name;
}

const NAMES_OF = new Map([["author", "authors"], ["editor", "editors"], ["translator", "translators"], ["container-author", "authors"], ["original-author", "authors"]]);

function etAlMessage(etAl: EtAl, field: string, syntax: ReferenceSyntax): string {
  const why = `the citation style writes "et al." itself when there are enough ${NAMES_OF.get(field) ?? "names"}`;
  if (syntax === "bibtex" && !etAl.text && /others/i.test(etAl.marker)) return `"and others" would be printed as a person named "others": ${why}`;
  if (etAl.text) return `"${etAl.text}" has "${etAl.marker}" in it, which is not part of a name: ${why}`;
  return `"${etAl.marker}" is not a name: ${why}`;
}

/** The names without "et al.", in the writer's syntax, and where to add the others; `inList` when it replaces one entry of a list. */
function etAlFix(syntax: ReferenceSyntax, field: string, names: (string | CslName)[], inList: boolean, marker = "et al."): string {
  const who = NAMES_OF.get(field) ?? "names";
  const better = `if you cannot find them, the ones you know are still better than "et al."`;
  if (syntax === "bibtex") {
    const written = names.map(bibtexName).join(" and ");
    return names.length
      ? `write the field without "${marker}", and add the other ${who} from the work after the names, separated by "and" (${better}): ${field.toLowerCase()} = {${written}}`
      : `write the ${who} from the work, separated by "and", e.g. ${field.toLowerCase()} = {Smith, Jane and Doe, Kate}`;
  }
  if (syntax === "json") {
    const written = names.map(jsonName).join(", ");
    if (inList) {
      return names.length
        ? `write it as ${written} and add the other ${who} from the work after it (${better})`
        : `remove it from the list and write the other ${who} from the work in its place (${better})`;
    }
    return names.length
      ? `write one name per person and add the other ${who} from the work (${better}): "${field}": [${written}]`
      : `write the ${who} from the work, one name per person, e.g. "${field}": ["Smith, Jane", "Doe, Kate"]`;
  }
  const lines = names.map((n) => `    - ${yamlName(n)}`).join("\n");
  if (inList) {
    return names.length
      ? `write it without "${marker}" and add the other ${who} from the work below it, one per line (${better}):\n${lines}`
      : `delete this line and write the other ${who} from the work in its place, one per line (${better})`;
  }
  return names.length
    ? `${names.length === 1 ? "write the name on a line of its own" : "write one person per line"}, and add the other ${who} from the work below, one per line (${better}):\n  ${field}:\n${lines}`
    : `write the ${who} from the work, one per line, e.g.\n  ${field}:\n    - Smith, Jane\n    - Doe, Kate`;
}

function yamlName(name: string | CslName): string {
  if (typeof name === "string") return yamlScalar(name);
  // In {…}, a comma, bracket or brace ends a plain value.
  const value = (v: unknown) => (typeof v === "string" && !/[,[\]{}]/.test(v) && yamlScalar(v) === v ? v : JSON.stringify(v));
  return `{${Object.entries(name).map(([k, v]) => `${k}: ${value(v)}`).join(", ")}}`;
}

function jsonName(name: string | CslName): string {
  if (typeof name === "string") return JSON.stringify(name);
  return `{${Object.entries(name).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`;
}

/** A name as a .bib file writes it: "von Family, Jr., Given", {Organisation} kept whole. */
function bibtexName(name: string | CslName): string {
  if (typeof name === "string") return name;
  if (name.literal) return `{${name.literal}}`;
  const family = [name["non-dropping-particle"], name["dropping-particle"], name.family].filter(Boolean).join(" ");
  // A family name alone, of several words, is kept whole in braces (else BibTeX reads "Given Family").
  if (!name.given && !name.suffix) return /\s/.test(family) ? `{${family}}` : family;
  return [family, name.suffix, name.given].filter(Boolean).join(", ");
}

// What a name in "Family, Given" or "Given Family" form is made of: capitalised words,
// initials (J. or J.A.), and the particles that start a family name (van, de, …).
const PARTICLES = new Set(["van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "ten", "ter", "bin", "al", "el", "y"]);
const NAME_WORD = /^(?:\p{Lu}|\p{Ll}{1,2}['’]\p{Lu})[\p{L}\p{M}'’.-]*$/u;
const INITIALS = /^(?:\p{Lu}{1,3}|(?:\p{Lu}\.-?){1,3})$/u;
// Words of company, media and project names, which no person's name holds ("Klick Health",
// "NHS Digital"). A message names another word first: "Organization" in "World Health Organization".
const COMPANY_WORDS = [
  "Health", "Healthcare", "Digital", "Media", "Labs?", "Partners", "Partnership", "Research", "Solutions", "Systems",
  "Technolog(?:y|ies)", "News", "Times", "Journal", "Magazine", "Review", "Blog", "Podcast", "Team", "Project",
  "Initiative", "Collaborative", "Programm?e?", "Insights",
];
const COMPANY_WORD = new RegExp(`^(?:${COMPANY_WORDS.join("|")})\\.?$`, "iu");
// Words that make "John Wiley & Sons, Inc." or "Mayo Clinic, Rochester" an organisation, however
// its commas fall: words of no family or given name (Press, Church or Hall are, so are not here).
const ORGANISATION_WORD = new RegExp(`^(?:${[
  "Inc", "Ltd", "LLC", "LLP", "Co", "Corp", "Corporation", "Company", "GmbH", "plc", "AG", "Pty", "Sons", "Group", "Associates", "Publishers",
  "Foundation", "Institutes?", "Institut", "Instituto", "Istituto", "Institution", "Universit(?:y|ies|ät|é|at|ad|ade|à|eit)", "College", "School",
  "Academy", "Association", "Society", "Council", "Commission", "Committee", "Department", "Ministry", "Agency", "Office", "Bureau",
  "Administration", "Authority", "Directorate", "Secretariat", "Government", "Parliament", "Organi[sz]ations?", "Cent(?:re|er)s?", "Clinics?",
  "Hospitals?", "Hôpital", "Klinik(?:um)?", "Laborator(?:y|ies)", "Services", "Network", "Alliance", "Coalition", "Federation", "Consortium",
  "Trust", "Charitable", "Charities", "Hospices?", "Fund", "Museum", "Library", "Collaborations?", "Collaborators", "Investigators", "Observator(?:y|ies)",
  ...COMPANY_WORDS,
].join("|")})\\.?$`, "iu");
const SUFFIX = /^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/;
// A company's legal form after its name: "Pew Research Center, Inc." is one organisation and
// nothing else. "Co" and "AG" are left out: "Smith, CO" may be a person's initials.
const LEGAL_FORM = /^(?:Inc|Incorporated|Ltd|Limited|LLC|L\.L\.C|LLP|Corp|Co\.|GmbH|plc|Pty\.?\s+Ltd|PBC)\.?$/i;
// Words that join the words of an organisation's name and are in no person's name. Particles
// are not here: "García, Juan de Dios", "Beethoven, Ludwig van" and "in 't Veld, Sophie" are people.
// Nor is "&": it joins people's names as well ("Smith & Jones, Ann"), so it decides nothing alone.
const JOINING_WORDS = new Set(["of", "for", "and", "the", "on", "at", "to", "und", "für", "pour"]);
// More given names than a person is likely to write ("Anna Maria Luisa Carla" is four).
const MOST_GIVEN_NAMES = 4;

export interface CommaOrganisation {
  /** What comes after the commas is only a legal form (Inc., Ltd): one organisation, whatever else it could be. */
  legalForm: boolean;
  /** The text between its commas: a name for each, if it names several authors. */
  parts: string[];
  /** Whether each part could be an author on its own ("Office of Science Policy"; not "Rochester" or "UK"). */
  severalAuthors: boolean;
  /** Why it is not a person, to end a message, e.g. "Clinic" is a word of an organisation's name. */
  why: string;
  /** Whether it could still be a person, one with many given names. */
  person: boolean;
  /** How it would be printed as a person, with initials: "Mayo Clinic, R.". */
  printed: string;
}

/**
 * A name with a comma, "Family, Given" to pandoc and citation-js, that is an organisation:
 * "Mayo Clinic, Rochester", "National Institutes of Health, Office of Science Policy",
 * "Pew Research Center, Inc.". undefined for a person, with a suffix or particles too
 * ("King, Martin Luther, Jr.", "de la Cruz, M."), and for text without a comma.
 */
export function commaOrganisation(text: string): CommaOrganisation | undefined {
  const parts = text.trim().split(",").map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === "")) return undefined;
  const family = parts[0]!;
  const found = (why: string, person = false): CommaOrganisation => ({
    legalForm: false, parts, severalAuthors: !person && parts.every(couldBeAuthor), why, person, printed: [family, initials(parts[1]!), ...parts.slice(2)].join(", "),
  });
  if (parts.slice(1).every((p) => LEGAL_FORM.test(p))) return { ...found(`"${parts.at(-1)}" is a company's legal form`), legalForm: true, severalAuthors: false };
  // A suffix (Jr., III) between or after the commas belongs to a person.
  const named = parts.filter((p, i) => i === 0 || !SUFFIX.test(p));
  const words = named.flatMap((p) => p.split(/\s+/));
  // Initials such as AG or CO are a person's, whatever else they could stand for.
  const organisation = [...words.filter((w) => !COMPANY_WORD.test(w)), ...words].find((w) => ORGANISATION_WORD.test(w) && !INITIALS.test(w));
  if (organisation) return found(`"${organisation.replace(/\.$/, "")}" is a word of an organisation's name`);
  const joining = words.find((w) => JOINING_WORDS.has(w));
  if (joining) return found(`"${joining}" is not part of a person's name`);
  const givenNames = named.slice(1).join(" ").split(/\s+/).filter((w) => !PARTICLES.has(w) && !INITIALS.test(w));
  if (givenNames.length > MOST_GIVEN_NAMES) return found(`"${named.slice(1).join(", ")}" is more given names than a person usually has`, true);
  return undefined;
}

/** Text that is an organisation's name however it is read: "World Health Organization", "Agency for Healthcare Research and Quality". */
export function organisationName(text: string): boolean {
  return text.trim().split(/[\s,]+/).some((w) => (ORGANISATION_WORD.test(w) && !INITIALS.test(w)) || JOINING_WORDS.has(w));
}

// Words of organisations' names that are also family names ("Maria Co", "Kate Center",
// "Ann Trust"): in a name without a comma, where a person writes "First Last", they decide nothing.
const ALSO_FAMILY_NAME = /^(?:Co|Cent(?:er|re)|Trust|Bureau)\.?$/i;

/**
 * Why text without a comma, which BibTeX reads as a person ("First von Last"), is an
 * organisation's name: "World Health Organization" ("Organization" is a word of an
 * organisation's name), "Department of Health" ("of" is no part of a person's name), "The
 * Lancet". undefined for a person, particles and all ("Ludwig van Beethoven", "Maria de la
 * Cruz", "Hans von und zu Aufsess", "Kelvin To"), and for one word, which BibTeX prints as written.
 * Stricter than organisationName: a word that is also a family name, or a joining word at
 * either end, tells nothing here, where a person is read as much as an organisation.
 */
export function bibtexOrganisation(text: string): string | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2 || text.includes(",")) return undefined;
  const telling = words.filter((w) => ORGANISATION_WORD.test(w) && !INITIALS.test(w) && !ALSO_FAMILY_NAME.test(w));
  const organisation = telling.find((w) => !COMPANY_WORD.test(w)) ?? telling[0];
  if (organisation) return `"${organisation.replace(/\.$/, "")}" is a word of an organisation's name`;
  // "von und zu" is a German noble's particle, not "and".
  const joining = words.find((w, i) => i > 0 && i < words.length - 1 && JOINING_WORDS.has(w) && !(w === "und" && words[i - 1] === "von" && words[i + 1] === "zu"));
  if (joining) return `"${joining}" is not part of a person's name`;
  if (words[0] === "The") return `"The" starts no person's name`;
  return undefined;
}

/** A part between commas that could be an author alone: several words, an acronym such as UNICEF, or an organisation. */
function couldBeAuthor(part: string): boolean {
  return /\s/.test(part) || /^\p{Lu}{4,}$/u.test(part) || organisationName(part);
}

/** Given names as the author-date styles print them: "Office of Science Policy" → "O. of S. P.". citeproc-js keeps what follows a second comma as written. */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (/^\p{Lu}/u.test(w) ? w.split("-").map((h) => `${[...h][0]}.`).join("-") : w))
    .join(" ");
}

function nameWords(text: string, min: number, max: number): string[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < min || words.length > max) return undefined;
  if (!words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w))) return undefined;
  return words.some((w) => NAME_WORD.test(w)) ? words : undefined;
}

/** "Smith JA" (Vancouver: family name, then initials) → "Smith, JA". */
function vancouverName(text: string): string | undefined {
  const words = nameWords(text, 2, 4);
  if (!words || !INITIALS.test(words.at(-1)!)) return undefined;
  const family = words.slice(0, -1);
  if (family.some((w) => INITIALS.test(w))) return undefined;
  return `${family.join(" ")}, ${words.at(-1)}`;
}

/** "Kate Doe" → "Doe, Kate", "Ludwig van Beethoven" → "van Beethoven, Ludwig"; not "NHS England" (acronymFirst). */
function givenFamilyName(text: string): string | undefined {
  const words = nameWords(text, 2, 4);
  if (!words || !NAME_WORD.test(words[0]!) || INITIALS.test(words.at(-1)!) || words.at(-1)!.endsWith(".") || acronymFirst(text)) return undefined;
  const particle = words.findIndex((w, i) => i > 0 && PARTICLES.has(w));
  const split = particle > 0 ? particle : words.length - 1;
  return `${words.slice(split).join(" ")}, ${words.slice(0, split).join(" ")}`;
}

/**
 * An organisation's name that starts with its acronym, "NHS England", "WHO Europe", "UK Biobank":
 * capitals without full stops, then words. PubMed's initials come after the family name ("Smith JA").
 */
function acronymFirst(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length > 1 && /^\p{Lu}{2,}$/u.test(words[0]!) && !INITIALS.test(words.at(-1)!);
}

/** The people in text with commas but no "and": "Smith, J." is one; "Smith J, Doe K" and "Smith, J., Doe, K." are two. */
function peopleIn(text: string): string[] | undefined {
  const parts = text.split(",").map((p) => p.trim());
  if (parts.length > 1 && parts.at(-1) === "") parts.pop();
  if (parts.some((p) => p === "")) return undefined;
  if (parts.length === 1) {
    // "Smith, John and NHS England": the organisation is kept as written, one name of the list.
    const person = vancouverName(text) ?? givenFamilyName(text) ?? (nameWords(text, 2, 4) && acronymFirst(text) ? text : undefined);
    return person ? [person] : undefined;
  }
  const vancouver = parts.map(vancouverName);
  if (vancouver.every((p) => p !== undefined)) return vancouver as string[];
  if (parts.length === 3 && SUFFIX.test(parts[2]!)) return nameWords(parts[0]!, 1, 4) && nameWords(parts[1]!, 1, 4) ? [text] : undefined;
  if (parts.length % 2 !== 0) return undefined;
  const people: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (!nameWords(parts[i]!, 1, 4) || !nameWords(parts[i + 1]!, 1, 4)) return undefined;
    people.push(`${parts[i]}, ${parts[i + 1]}`);
  }
  return people;
}

/**
 * The people in a name written as one text, when it clearly holds several: "Smith, J. and
 * Doe, K.", "Smith, J.; Doe, K.", "Smith J, Doe K". undefined for one person or an
 * organisation: text without a comma is kept whole ("Johnson & Johnson").
 */
export function severalPeople(text: string): string[] | undefined {
  const t = text.trim();
  if (t.includes(";")) {
    const parts = t.split(";").map((p) => p.trim().replace(/^(?:and|&)\s+/i, "")).filter(Boolean);
    if (parts.length < 2) return undefined;
    // Text without a comma may be an organisation: it is kept as written.
    return parts.flatMap((p) => (p.includes(",") ? (peopleIn(p) ?? [p]) : [vancouverName(p) ?? p]));
  }
  if (!t.includes(",") || t.split(/[\s,]+/).some((w) => ORGANISATION_WORD.test(w))) return undefined;
  // `(?!(?<=\s)\s)` (here and in the splits below): a separator is tried where a run of spaces
  // starts, not again at each space inside it, which finds nothing the run's start did not. A
  // run pasted into a name then costs its length, not its cube (5,000 spaces took a minute).
  const byAnd = t.split(/(?!(?<=\s)\s)(?:\s*,\s+|\s+)(?:and|&)\s+/i);
  const people = byAnd.length > 1 ? byAnd.map(peopleIn) : [peopleIn(t)];
  if (people.some((p) => p === undefined)) return undefined;
  const all = people.flat() as string[];
  return all.length > 1 ? all : undefined;
}

// Titles before a name and degrees after it: the citation style prints them as part of the name,
// and reference lists leave them out (APA: no titles, no degrees). Only words that are no one's
// name and, after a name, no one's initials: "MA", "MS", "BA", "BS", "JD" and "PA" are left out,
// as "Smith MA" is PubMed's way of writing M. A. Smith. A suffix (Jr., III) is part of the name.
// Not "Doctor": it starts companies' names as often ("Doctor On Demand", "Doctor Care Anywhere").
const TITLE = /^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame)\.?$/;
const DEGREES = [
  "MD", "DO", "RN", "NP", "PhD", "DPhil", "DrPH", "EdD", "PsyD", "PharmD", "DNP", "DDS", "DMD", "DVM", "DSc", "ScD", "MBBS", "MBChB",
  "MSc", "MPhil", "MBA", "MPH", "MSN", "MSW", "MHA", "MEd", "BSc", "BSN", "APRN", "FRCP", "FRCPC", "FRCS", "FRACP", "FRCGP", "MRCP",
  "MRCGP", "FACP", "FACS", "FAAN", "FAAP", "FACC",
];
// Written with or without full stops (Ph.D., M.D.); in any capitals from three letters on (PHD,
// Phd), while "Md" or "Do" could be something else.
const DEGREE_BY_LETTERS = new Map(DEGREES.map((d) => [d.length > 2 ? d.toLowerCase() : d, d]));
// Written as names are, these are names (Edd Byrnes, Okafor, John Mba), not EdD and MBA.
const NAMES_LIKE_DEGREES = new Set(["Edd", "Mba"]);
// A lower-case abbreviation that continues a title: "Dr. med.", "Dr. rer. nat.", "Prof. em.", "Dr. h.c.".
const TITLE_PART = /^\p{Ll}[\p{Ll}.]*\.$/u;
const degreeOf = (word: string) => {
  if (NAMES_LIKE_DEGREES.has(word)) return undefined;
  const bare = word.replace(/\./g, "");
  return DEGREE_BY_LETTERS.get(bare.length > 2 ? bare.toLowerCase() : bare);
};
// Capitals after a family name that are a place, a company's legal form or a subject, not
// initials: "Diabetes UK", "Bayer AG", "Sanofi SA", "Google AI". Such a name gets no warning.
// AB, AS and SE (Volvo AB) are left out: they are too often a person's initials ("O'Neil AB").
const NOT_INITIALS = new Set(["UK", "US", "USA", "EU", "UN", "NZ", "UAE", "AG", "SA", "NV", "BV", "KG", "AI", "IT", "TV", "PR"]);

/** The titles and degrees taken out of a name, and what is left: "Dr Kate Doe, PhD" → "Kate Doe". */
export function withoutTitles(text: string): { rest: string; removed: string[] } | undefined {
  // Each person's part and each part between commas, with what separates them.
  const pieces = text.split(/(?!(?<=\s)\s)(\s*,\s*|\s+(?:and|&)\s+)/i);
  const removed: string[] = [];
  const kept: string[] = [];
  // The words of the parts kept so far, counted as they are kept: counting them again for each
  // part made a list of thousands of commas take seconds.
  let keptWords = 0;
  for (let i = 0; i < pieces.length; i += 2) {
    const afterComma = i > 0 && pieces[i - 1]!.trim() === ",";
    // "Dr. Smith, John": a title before a family name written first.
    const beforeComma = pieces[i + 1]?.trim() === ",";
    // The words of the name before this part ("Kate Doe" or "Doe" and "Kate"): a degree is only a
    // degree after a whole name, else "Doe, MD" is M. D. Doe.
    const before = keptWords;
    let words = pieces[i]!.split(/\s+/).filter(Boolean);
    if (words.length > 0 && words.every((w) => degreeOf(w)) && afterComma && (before >= 2 || kept.length >= 3)) {
      removed.push(...words);
      continue;
    }
    // "Dr Pepper" and "Dr. Oetker" are companies: a title needs a whole name after it, or given
    // names after a comma ("Doe, Dr Kate").
    if (words.length > 1 && TITLE.test(words[0]!) && (words.length > 2 || afterComma || (beforeComma && i === 0))) {
      // The whole of a title of more words: "Prof. Dr.", "Dr. med.", "Dr. rer. nat.", "Prof. em.".
      do {
        removed.push(words[0]!);
        words = words.slice(1);
      } while (words.length > 1 && (TITLE.test(words[0]!) || TITLE_PART.test(words[0]!)) && (words.length > 2 || afterComma || (beforeComma && i === 0)));
    }
    while (words.length > 1 && degreeOf(words.at(-1)!) && (words.length > 2 || afterComma)) removed.unshift(words.pop()!);
    kept.push(...(i > 0 ? [pieces[i - 1]!] : []), words.join(" "));
    keptWords += words.length;
  }
  return removed.length ? { rest: kept.join("").trim(), removed } : undefined;
}

/** "Smith JA" as PubMed writes it, not "Diabetes UK", nor "Kate DOE", which may be either (capitalsReadings): "Smith, J. A.". */
function pubmedName(text: string): string | undefined {
  const name = vancouverName(text);
  return name && !NOT_INITIALS.has(text.trim().split(/\s+/).at(-1)!) && !capitalsReadings(text) ? dotted(name) : undefined;
}

// Two-letter family names, common in Chinese, Korean and Vietnamese names, that are written in
// capitals to mark the family name ("Wei LI"): as rarely initials as they are often names. Not
// "MA", "HE", "LE", "DO" or "AN": as often initials (M. A., H. E.) as a name.
const TWO_LETTER_FAMILY = new Set(["LI", "WU", "XU", "HU", "YU", "LU", "DU", "QI", "XI", "NG", "GU", "FU", "HO", "OH"]);

/**
 * Three capitals with a vowel, "DOE", "LEE", "ANN", or a two-letter family name, "LI", "WU": a
 * name written in capitals as well as initials run together. "JA", "JK" or "JKR" are initials only.
 */
function nameInCapitals(word: string): boolean {
  return (/^\p{Lu}{3}$/u.test(word) && /[AEIOUY]/.test(word.normalize("NFD"))) || TWO_LETTER_FAMILY.has(word);
}

/** "DOE" → "Doe". */
function capitalised(word: string): string {
  const [first, ...rest] = [...word];
  return `${first}${rest.join("").toLowerCase()}`;
}

/**
 * "Kate DOE" and "Smith JAK", which read two ways: a given name, then the family name in capitals
 * ("Doe, Kate"), or PubMed's family name, then initials ("Kate, D. O. E."). Words before that
 * start a family name ("van der Berg JAK") leave only PubMed's reading: undefined.
 */
function capitalsReadings(text: string): { word: string; family: string; initials: string } | undefined {
  const name = vancouverName(text);
  const words = text.trim().split(/\s+/);
  const word = words.at(-1)!;
  if (!name || !nameInCapitals(word) || NOT_INITIALS.has(word) || words.slice(0, -1).some((w) => PARTICLES.has(w))) return undefined;
  return { word, family: `${capitalised(word)}, ${words.slice(0, -1).join(" ")}`, initials: dotted(name) };
}

/**
 * A name without a comma whose last word may be PubMed's initials, as a .bib file reads it:
 * BibTeX takes text without a comma for "First Last", so "Smith JA" becomes given name Smith,
 * family name JA. The rule: two to four words, the last 1–3 capitals without full stops (not
 * UK, AG and the like, nor a degree after a whole name, "Kate Doe MD"), the word before it a
 * capitalised name word that is not itself initials ("NHS JA" is not read), no title first and
 * no organisation's word ("Diabetes UK", "Klick Health TV"). `initials` is the name written
 * "Smith, J. A."; `family`, when the capitals are also a word ("DOE", "LEE": three letters with
 * a vowel, and no particle before them), the other reading, "Doe, Kate" (capitalsReadings).
 * undefined for anything else: "John Smith", "Ng Wei", "Kate Doe", "Smith J. A.".
 */
export function pubmedReadings(text: string): { word: string; initials: string; family?: string } | undefined {
  const t = text.trim();
  const words = t.split(/\s+/);
  const word = words.at(-1)!;
  if (t.includes(",") || words.length < 2 || !/^\p{Lu}{1,3}$/u.test(word) || NOT_INITIALS.has(word)) return undefined;
  if (!NAME_WORD.test(words.at(-2)!) || TITLE.test(words[0]!) || (words.length > 2 && (DEGREE_OR_INITIALS.has(word) || degreeOf(word)))) return undefined;
  if (organisationName(t) || words.some((w) => COMPANY_WORD.test(w))) return undefined;
  const name = vancouverName(t);
  if (!name) return undefined;
  const readings = capitalsReadings(t);
  return { word, initials: dotted(name), ...(readings ? { family: readings.family } : {}) };
}

/**
 * "Doe, KL" (one comma, initials run together) with full stops, "Doe, K. L.", as the warning for
 * "Smith, JA" writes it; undefined when the name is something else or the capitals may be a given
 * name ("Lee, ANN"), which only the writer can tell.
 */
export function commaInitialsDotted(text: string): string | undefined {
  const parts = text.split(",");
  if (parts.length !== 2) return undefined;
  const name = { family: parts[0]!.trim(), given: parts[1]!.trim() };
  const found = initialsRunTogether(name);
  return found && !found.asName ? `${name.family}, ${found.initials}` : undefined;
}

/** "Kate Doe" and "Kate Doe Jr." as "Doe, Kate" and "Doe, Kate, Jr.", which CSL reads as a person. */
function familyFirst(text: string): string | undefined {
  const words = text.split(/\s+/);
  const suffix = words.length > 2 && SUFFIX.test(words.at(-1)!) ? words.pop() : undefined;
  const person = givenFamilyName(words.join(" "));
  return person && (suffix ? `${person}, ${suffix}` : person);
}

/**
 * "Family, JA" with full stops after the initials, "Family, J. A.": citeproc-js reads "JA" as a
 * name and prints only its first letter, "Smith, J.". Anything else is returned as it is.
 */
export function dotted(name: string): string {
  const comma = name.indexOf(",");
  const given = name.slice(comma + 1).trim();
  if (comma < 0 || !INITIALS.test(given) || /-/.test(given)) return name;
  return `${name.slice(0, comma)}, ${[...given.replace(/\./g, "")].map((c) => `${c}.`).join(" ")}`;
}

/** Each person of text that names several people each as "Given Family" (or PubMed's "Family JA" without a comma). */
function givenFamilyPeople(text: string): { people: string[]; commas: number } | undefined {
  const parts = text.split(/(?!(?<=\s)\s)(?:(?:\s*,\s+|\s+)(?:and|&)\s+|\s*,\s*)/i);
  const commas = text.split(",").length - 1;
  if (parts.length < 2 || parts.some((p) => p === "" || organisationName(p))) return undefined;
  // With commas, a part of PubMed's form is severalPeople's to read.
  const pubmed = parts.map((p) => (commas ? undefined : pubmedName(p)));
  // "Kate DOE and John Smith": a part that reads two ways is read as the others are written.
  const asPubmed = pubmed.some((p) => p !== undefined);
  const people = parts.map((p, i) => familyFirst(p) ?? pubmed[i] ?? (commas ? undefined : capitalsReadings(p)?.[asPubmed ? "initials" : "family"]));
  return people.every((p) => p !== undefined) ? { people: people as string[], commas } : undefined;
}

/** The people a name with a mistake stands for, as they are to be written; the text itself when it cannot be told. */
function peopleOf(text: string): string[] {
  const several = severalPeople(text);
  if (several) return several.map(dotted);
  const listed = givenFamilyPeople(text);
  if (listed) return listed.people;
  if (text.includes(",")) return [dotted(text)];
  return [pubmedName(text) ?? familyFirst(text) ?? text];
}

/**
 * A person's name written in a way the citation style misreads, other than "et al." and the
 * people severalPeople finds: a title or degree in it ("Dr Kate Doe, PhD"), people written "Given
 * Family" in one text ("Kate Doe and John Smith", "Kate Doe, John Smith"), PubMed's "Smith JA".
 * A warning unless it is surely several people: the reading is a guess, and the reference prints.
 * `pubmedList` when another name of the list is PubMed's "Smith JA", so that "Smith JAK" is too.
 */
function nameMistake(text: string, field: string, syntax: "yaml" | "json", inList: boolean, pubmedList = false): Omit<ItemProblem, "path"> | undefined {
  // An organisation's word in any person's part ("Dr Reddy's Laboratories") keeps it as written.
  // Each part alone: "and" between people is no organisation's word here.
  if (/^the\s/i.test(text) || commaOrganisation(text)?.legalForm || text.split(/(?!(?<=\s)\s)(?:\s*,\s*|\s+(?:and|&)\s+)/i).some(organisationName)) return undefined;
  const titles = withoutTitles(text);
  if (titles) {
    // BibTeX's "King, Jr., Martin Luther" is written "King, Martin Luther, Jr." here, as the style reads it.
    const parts = titles.rest.split(/(?!(?<=\s)\s)\s*,\s*/);
    const rest = parts.length === 3 && SUFFIX.test(parts[1]!) ? `${parts[0]}, ${parts[2]}, ${parts[1]}` : titles.rest;
    const people = peopleOf(rest);
    const several = people.length > 1;
    const severity = several && (severalPeople(titles.rest) || (givenFamilyPeople(titles.rest)?.commas ?? 0) > 0) ? "error" : "warning";
    const words = [...new Set(titles.removed)].map((w) => `"${w}"`);
    const message = `"${text}" has ${words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words[0]} in it, which the citation style would print as part of the name: reference lists leave out titles (Dr, Prof) and degrees (PhD, MD)${several ? `; and it is ${people.length} people written as one name` : ""}`;
    const how = `write the ${several ? "names" : "name"} without ${words.length > 1 ? "them" : "it"}${several ? ", one person per line" : people[0] !== titles.rest ? ", family name first, then a comma" : ""}`;
    return { severity, message, fix: namesFix(syntax, field, people, inList, how) };
  }
  const three = text.split(/(?!(?<=\s)\s)\s*,\s*/);
  if (three.length === 3 && SUFFIX.test(three[1]!) && three.every(Boolean)) {
    const person = `${three[0]}, ${three[2]}, ${three[1]}`;
    return {
      severity: "warning",
      message: `"${text}" is BibTeX's order (family name, suffix, given names): here "${three[1]}, ${three[2]}" would be read as the given names, and the suffix printed as one`,
      fix: namesFix(syntax, field, [person], inList, "write the suffix last"),
    };
  }
  const listed = givenFamilyPeople(text);
  if (listed) {
    const n = listed.people.length;
    const asPeople = `if they are ${n} people, write one per line, family name first, then a comma`;
    if (listed.commas === 0) {
      return {
        severity: "warning",
        message: `"${text}" looks like ${n} people written as one name: it is read as one organisation's name and printed as written`,
        fix: eitherFix(syntax, field, inList, [asPeople, listed.people], [LITERAL_WAY, [{ literal: text }]]),
      };
    }
    // No one person's name has three parts between commas, but "García Márquez, Gabriel José" is
    // one person, family name first, as "Kate Doe, John Smith" is two.
    if (n > 2) return { message: `"${text}" is ${n} people written as one name: it would be printed as one person`, fix: peopleFix(syntax, field, listed.people, inList) };
    const [family, given] = text.split(",").map((p) => p.trim()) as [string, string];
    return {
      severity: "warning",
      message: `"${text}" is read as one person, family name "${family}" and given names "${given}", printed "${family}, ${initials(given)}"; it may be ${n} people`,
      fix: eitherFix(syntax, field, inList, [asPeople, listed.people], ["if it is one person, write the parts of the name", [{ family, given }]], [LITERAL_WAY, [{ literal: text }]]),
    };
  }
  // "Smith JAK" among other names written as PubMed writes them is read as they are.
  const person = pubmedName(text) ?? (pubmedList ? capitalsReadings(text)?.initials : undefined);
  if (person && !text.includes(",")) {
    return {
      severity: "warning",
      message: `"${text}" is written as PubMed writes a name, family name then initials, but it is read as an organisation's name: it is printed as written, initials and all, in the text's citations too`,
      fix: eitherFix(syntax, field, inList, ["if it is a person, write the family name first, then a comma and the initials with full stops", [person]], [LITERAL_WAY, [{ literal: text }]]),
    };
  }
  const readings = text.includes(",") ? undefined : capitalsReadings(text);
  if (readings) {
    const { word } = readings;
    return {
      severity: "warning",
      message: `"${text}" is read as an organisation's name and printed as written; if it is a person, "${word}" may be the family name written in capitals, or initials after the family name, as PubMed writes them`,
      fix: eitherFix(
        syntax, field, inList,
        [`if "${word}" is the family name, write it first, then a comma and the given name`, [readings.family]],
        [`if "${word}" are initials, write the family name first, then a comma and the initials with full stops`, [readings.initials]],
        [LITERAL_WAY, [{ literal: text }]],
      ),
    };
  }
  return undefined;
}

const LITERAL_WAY = "if it is an organisation, write it with `literal:`, which keeps it as written";

/** The names to write in place of one, in the writer's syntax, after `how` ("write the name without it"). */
function namesFix(syntax: "yaml" | "json", field: string, names: (string | CslName)[], inList: boolean, how: string): string {
  if (syntax === "json") {
    const written = names.map(jsonName).join(", ");
    if (inList) return `${how}: ${written}`;
    return `${how}: "${field}": ${names.length === 1 && typeof names[0] === "string" ? written : `[${written}]`}`;
  }
  // `literal:` on a line of its own, as the README shows it; quoted with a comma, so that the comma is plainly part of the name.
  const literal = (text: string) => `literal: ${text.includes(",") ? JSON.stringify(text) : yamlScalar(text)}`;
  const line = (n: string | CslName) => `    - ${typeof n !== "string" && Object.keys(n).length === 1 && n.literal ? literal(n.literal) : yamlName(n)}`;
  if (inList) return `${how}:\n${names.map(line).join("\n")}`;
  if (names.length === 1 && typeof names[0] === "string") return `${how}:\n  ${field}: ${yamlScalar(names[0])}`;
  return `${how}:\n  ${field}:\n${names.map(line).join("\n")}`;
}

/** Several ways out, each "if it is …" with the names it would be written as. */
function eitherFix(syntax: "yaml" | "json", field: string, inList: boolean, ...ways: [string, (string | CslName)[]][]): string {
  return ways.map(([how, names]) => namesFix(syntax, field, names, inList, how)).join(syntax === "json" ? "; " : "\n");
}

interface VolumeIssue {
  /** As written. */
  text: string;
  volume: string;
  issue: string;
  /** The pages after a colon, as PubMed writes them: "39(7):491-520". */
  page?: string;
}

/** A volume written with its issue, as PubMed ("12(3)", "39(7):491-520") or a journal's page ("12, no. 3", "Vol. 12, Issue 3") writes it; undefined for a volume alone. */
function volumeWithIssue(value: unknown): VolumeIssue | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim().replace(/^vol(?:ume)?\.?\s*/i, "");
  const m = /^(\d+)\s*\(\s*(\d+(?:\s*[-–]\s*\d+)?)\s*\)(?:\s*:\s*(\d+(?:\s*[-–]\s*\d+)?))?$/.exec(text) ?? /^(\d+)\s*[,;]?\s*(?:no|nr|num|number|issue|iss)\.?\s*(\d+(?:\s*[-–]\s*\d+)?)$/i.exec(text);
  if (!m) return undefined;
  return { text: value.trim(), volume: m[1]!, issue: m[2]!.replace(/\s+/g, ""), ...(m[3] ? { page: m[3].replace(/\s+/g, "") } : {}) };
}

/** The warning for "volume: 12(3)": the volume, issue (and pages) each in its own field, in the writer's syntax. */
function volumeIssueProblem(found: VolumeIssue, key: string, written: { issue: unknown; page: unknown }, syntax: ReferenceSyntax): { message: string; fix: string } {
  const issueField = syntax === "bibtex" ? "number" : "issue";
  const line = (field: string, text: string) => fieldLine(syntax, field, text);
  const volumeLine = syntax === "bibtex" ? `\`volume = {${found.volume}}\`` : line(key, found.volume);
  const same = (a: unknown, b: string) => a !== undefined && a !== null && String(a).replace(/\s+/g, "").replace(/–/g, "-") === b.replace(/–/g, "-");
  const lines = [volumeLine];
  const notes: string[] = [];
  for (const [field, value, have] of [[issueField, found.issue, written.issue], ["page", found.page, written.page]] as const) {
    if (value === undefined) continue;
    const shownField = field === "page" && syntax === "bibtex" ? "pages" : field;
    if (have === undefined || have === null || have === "") lines.push(line(shownField, value));
    else if (!same(have, value)) notes.push(`\`${shownField}\` already says ${String(have)}, the volume ${value}: keep the right one there`);
  }
  const what = found.page !== undefined ? "its issue and pages" : "its issue";
  return {
    message: `"${found.text}" is the volume written with ${what}: the citation style prints it all as the volume (APA in italics, the issue too)`,
    fix: `write ${lines.length > 2 ? `${lines.slice(0, -1).join(", ")} and ${lines.at(-1)}` : lines.join(" and ")}${notes.length ? `; ${notes.join("; ")}` : ""}`,
  };
}

// Small words that a title in sentence or title case writes in small letters after its first word.
const MINOR_WORDS = new Set(["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "over", "per", "the", "to", "upon", "via", "vs", "with"]);

/**
 * A title typed all in capitals, "SOCIAL MEDIA AND NURSES": three words or more and no small
 * letter (acronyms alone, "NHS", "COVID-19", are titles too). The fix shows it in sentence case
 * (a journal's, site's or blog's name in title case), the capitals of names left to the writer.
 */
function capitalsProblem(text: string, field: "title" | "container-title", type: unknown, syntax: ReferenceSyntax): { message: string; fix: string } | undefined {
  if (/[<{\\]/.test(text) || /\p{Ll}/u.test(text)) return undefined;
  const words = text.trim().split(/\s+/);
  if (words.filter((w) => /\p{Lu}.*\p{Lu}/u.test(w)).length < 3) return undefined;
  // A book's title in a chapter or a conference paper is written as a work's title; a journal, site or blog's as a name.
  const titleCase = field === "container-title" && !["chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia"].includes(String(type));
  let start = true;
  const cased = words.map((w, k) => {
    const first = start;
    start = /[:?!.]$/.test(w);
    // Words with a digit (COVID-19, H1N1) or without a vowel (NHS, CDC) are kept: likely acronyms.
    if (/\d/.test(w) || !/[AEIOUY]/.test(w.normalize("NFD"))) return w;
    const lower = w.toLowerCase();
    const capital = first || k === 0 || (titleCase && !MINOR_WORDS.has(lower.replace(/[^\p{L}]/gu, "")));
    return capital ? lower.replace(/\p{L}/u, (c) => c.toUpperCase()) : lower;
  });
  const how = titleCase ? "in title case, a capital for each word but the small ones (of, and, the, …)" : "in sentence case, a capital only for the first word, the first after a colon, and names";
  return {
    message: `"${text}" is written in capitals: the citation style prints ${field === "title" ? "a title" : "the name"} as typed, in capitals`,
    // A .bib file's container is its journal, journaltitle or booktitle: the value alone, for the field on this line.
    fix: `write it ${how}, e.g. ${syntax === "bibtex" && field === "container-title" ? `\`{${cased.join(" ")}}\`` : fieldLine(syntax, field, cased.join(" "))} (check the capitals of names and acronyms)`,
  };
}

/**
 * The warning for a reference with the DOI of an earlier one under another id (`topol2019` and
 * `Topol2019`), which the reference list would print as two works; undefined for a new DOI.
 * `earlier` holds each DOI seen, in small letters (DOIs are the same in any capitals), with its
 * id: this item's is added to it. `entry` is the reference as written, for the DOI's key.
 */
export function sameDoiProblem(entry: unknown, item: CslItem, earlier: Map<string, string>): ItemProblem | undefined {
  if (typeof item.DOI !== "string") return undefined;
  const doi = item.DOI.toLowerCase();
  const first = earlier.get(doi);
  if (first === undefined) {
    earlier.set(doi, item.id);
    return undefined;
  }
  if (first === item.id) return undefined;
  const key = entry && typeof entry === "object" ? Object.keys(entry).find((k) => cslField(k) === "DOI") : undefined;
  return {
    path: [key ?? "DOI"],
    severity: "warning",
    message: `the same DOI as reference "${first}" (${item.DOI}): the reference list would print the work twice`,
    fix: `delete this reference and cite the work as @${first} wherever the text has @${item.id}; if it is another work, correct its DOI`,
  };
}

// What writers put where a work's date goes when it has none ("n.d."), is not published yet
// ("in press") or has APA's letter ("2019a"): each has its own way to be written.
const NO_DATE = /^(?:n\.?\s?d\.?|no date|undated|date unknown)$/i;
const IN_PRESS = /^(?:in[\s-]?press|forthcoming|accepted(?: for publication)?)$/i;
const SUBMITTED = /^(?:submitted(?: for publication)?|under review|in review)$/i;
const YEAR_LETTER = /^(\d{4})\s?([a-z])$/i;

// BibLaTeX's pubstate keys and what biblatex prints for them.
const PUBSTATE: Record<string, string> = { inpress: "in press", inpreparation: "in preparation", prepublished: "pre-published", forthcoming: "forthcoming", submitted: "submitted" };

interface DateWords {
  text: string;
  /** The CSL date field it is written for. */
  field: string;
  kind: "none" | "status" | "suffix";
  /** The status to write in place of the date, for "status". */
  status?: string;
  /** The year without its letter, for "suffix". */
  year?: number;
  /** Written as CSL's literal date, `{literal: …}` (what plugin-bibtex makes of `year = {n.d.}`). */
  literal: boolean;
}

/** A date field's value that is one of those words, or undefined. */
function dateWords(value: unknown, field: string): DateWords | undefined {
  const obj = value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) ? (value as Record<string, unknown>) : undefined;
  const literal = !!obj && Object.keys(obj).length === 1 && typeof obj.literal === "string";
  const raw = literal ? (obj!.literal as string) : typeof value === "string" ? value : undefined;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  // "(n.d.)", "[in press]", as a reference list prints them.
  const bare = text.replace(/^[([]\s*(.*?)\s*[)\]]$/, "$1");
  if (NO_DATE.test(bare)) return { text, field, kind: "none", literal };
  // Only a work's own date is printed as its status, or told apart by a letter.
  if (field !== "issued") return undefined;
  if (IN_PRESS.test(bare)) return { text, field, kind: "status", status: "in press", literal };
  if (SUBMITTED.test(bare)) return { text, field, kind: "status", status: "submitted for publication", literal };
  const year = YEAR_LETTER.exec(bare);
  if (year) return { text, field, kind: "suffix", year: Number(year[1]), literal };
  return undefined;
}

/** The problem with a date field (`key`, CSL's `issued` or another) written as words. */
function dateWordsProblem(words: DateWords, key: string, hasStatus: boolean, syntax: ReferenceSyntax): ItemProblem {
  const { text, kind } = words;
  const message =
    kind === "none" ? (words.field === "issued" ? `"${text}" is not a date: for a work without one, leave the date out, and the style prints "n.d." itself` : `"${text}" is not a date: leave the field out when there is none`)
    : kind === "status" ? `"${text}" is not a date: a work not yet published has its status (${words.status}) in place of a date, which APA prints "(${words.status})"`
    : `"${text}" is not a date: the style adds a, b itself when one author has several works in a year`;
  // Written as a literal date it still prints, as written: a warning, and the item read as meant.
  return { path: [key], ...(words.literal ? { severity: "warning" as const } : {}), message: words.literal ? message.replace(" is not a date: ", " is written as a date: ") : message, fix: dateWordsFix(words, key, hasStatus, syntax, key) };
}

/** The line to write for a date written as words (`key` as written, `target` its CSL field). */
function dateWordsFix(words: DateWords, key: string, hasStatus: boolean, syntax: ReferenceSyntax, target: string): string {
  // The writer's line, as their file has it: a .bib file's `issued` is its `year` (or `date`).
  const bibtexField = target === "issued" ? "year" : target === "accessed" ? "urldate" : key.toLowerCase();
  const line = syntax === "bibtex" ? `\`${bibtexField} = {${words.text}}\`` : !words.literal ? fieldLine(syntax, key, words.text) : syntax === "json" ? `\`"${key}"\`` : `\`${key}:\``;
  if (words.kind === "none") return `remove ${syntax === "yaml" && !words.literal ? "the line " : ""}${line}`;
  if (words.kind === "suffix") return `write it as ${syntax === "bibtex" ? `\`${bibtexField} = {${words.year}}\`` : fieldLine(syntax, target, String(words.year))}${syntax === "bibtex" || key === target ? "" : ` in place of ${line}`}`;
  if (hasStatus) return `remove ${line}: \`${syntax === "bibtex" ? "pubstate" : "status"}\` says the work is not published yet`;
  const status = syntax === "bibtex" ? `\`pubstate = {${words.status === "in press" ? "inpress" : "submitted"}}\`` : fieldLine(syntax, "status", words.status!);
  return `write ${status} in place of ${line}`;
}

/** The day in a note such as "Accessed: 2024-01-05" as YYYY-MM-DD; "" when it cannot be read; undefined for another note. */
function accessedNote(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(?:last\s+)?(?:accessed|retrieved|viewed|visited)(?:\s+on)?\s*:?\s*(.+?)\.?$/i.exec(value.trim());
  if (!m) return undefined;
  const text = m[1]!;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateText(text)) return text;
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const month = (name: string) => months.findIndex((n) => name.length >= 3 && n.startsWith(name.toLowerCase().replace(/\.$/, ""))) + 1;
  const dmy = /^(\d{1,2})\s+([a-z.]+)\s+(\d{4})$/i.exec(text);
  const mdy = /^([a-z.]+)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  const [y, mo, d] = dmy ? [Number(dmy[3]), month(dmy[2]!), Number(dmy[1])] : mdy ? [Number(mdy[3]), month(mdy[1]!), Number(mdy[2])] : [0, 0, 0];
  return mo && validParts([y, mo, d]) ? `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` : "";
}

/**
 * A reference's date written the everyday way (`accessed: 5 March 2026`, `issued: 03/05/2021`,
 * `issued: March 2021`), with the line that writes the same date (`key` as written, `field`
 * its CSL name); undefined for a text that is no date. The day a page was read is not after
 * tomorrow (UTC): of the two readings of 03/12/2026, one ahead is left out.
 */
function writtenCslDate(text: string, field: string, key: string, syntax: ReferenceSyntax): { message: string; fix: string } | undefined {
  const latest = field === "accessed" ? tomorrowUtc(now) : undefined;
  return writtenDateProblem(text, {
    line: (date) => fieldLine(syntax, key, date),
    precision: "any",
    time: { dropped: "a reference gives the date alone (the style prints no time)" },
    latest,
  });
}

const DATE_TEXT = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Normalise a CSL date: Date, year number, "YYYY[-MM[-DD]]", "a/b" ranges, or {date-parts}. */
export function normaliseDate(value: unknown, path: (string | number)[], problems: ItemProblem[]): CslDate | undefined {
  const bad = (shown: string): undefined => {
    problems.push({
      path,
      message: `"${shown}" is not a date`,
      fix: "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2016-08-26",
    });
    return undefined;
  };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad("Invalid Date");
    // YAML timestamps are read as UTC midnight: the UTC fields are the digits written.
    return { "date-parts": [[value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()]] };
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < -9999 || value > 9999) return bad(String(value));
    return { "date-parts": [[value]] };
  }
  if (typeof value === "string") {
    const text = value.trim();
    const ends = text.split("/");
    if (ends.length > 2) return bad(text);
    const parts: number[][] = [];
    for (const end of ends) {
      const p = parseDateText(end.trim());
      if (!p) return bad(text);
      parts.push(p);
    }
    return { "date-parts": parts };
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (typeof obj.literal === "string") return { literal: obj.literal };
    if (typeof obj.raw === "string") return normaliseDate(obj.raw, path, problems);
    const dp = obj["date-parts"];
    if (Array.isArray(dp) && dp.length >= 1 && dp.length <= 2) {
      const parts: number[][] = [];
      for (const part of dp) {
        if (!Array.isArray(part) || part.length < 1 || part.length > 3) return bad(JSON.stringify(dp));
        const nums = part.map((n) => (typeof n === "string" ? Number(n) : n));
        if (!nums.every((n) => typeof n === "number" && Number.isInteger(n)) || !validParts(nums as number[])) return bad(JSON.stringify(dp));
        parts.push(nums as number[]);
      }
      return { "date-parts": parts, ...(obj.circa ? { circa: true } : {}) };
    }
    return bad(JSON.stringify(value));
  }
  return bad(String(value));
}

function parseDateText(text: string): number[] | undefined {
  const m = DATE_TEXT.exec(text);
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  return validParts(nums) ? nums : undefined;
}

function validParts(parts: number[]): boolean {
  const [y, m, d] = parts;
  if (y === undefined) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const days = new Date(Date.UTC(y, m!, 0)).getUTCDate();
    if (d < 1 || d > days) return false;
  }
  return true;
}


// Characters that take no room on screen, pasted with text from a web page, a PDF or a word
// processor: zero-width space, joiners, word joiner, byte order mark, soft hyphen, and the
// non-breaking spaces, which look like an ordinary one; and the direction marks (left-to-right,
// right-to-left, embeddings, overrides, isolates), pasted with text from right-to-left pages and
// from Wikipedia, often around a number.
const INVISIBLE_NAMES: Record<string, string> = {
  "\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner", "\u200d": "a zero-width joiner", "\u2060": "a word joiner",
  "\ufeff": "a byte order mark", "\u00ad": "a soft hyphen", "\u00a0": "a non-breaking space", "\u2007": "a figure space", "\u202f": "a narrow non-breaking space",
  "\u200e": "a left-to-right mark", "\u200f": "a right-to-left mark", "\u061c": "an Arabic letter mark",
  "\u202a": "a left-to-right embedding mark", "\u202b": "a right-to-left embedding mark", "\u202c": "an end-of-direction mark (pop directional formatting)",
  "\u202d": "a left-to-right override mark", "\u202e": "a right-to-left override mark",
  "\u2066": "a left-to-right isolate mark", "\u2067": "a right-to-left isolate mark", "\u2068": "a first-strong isolate mark", "\u2069": "an end-of-isolate mark (pop directional isolate)",
};

/**
 * The characters that take no room at all, as the inside of a regular expression's [...]: the
 * zero-width ones, the byte order mark, the soft hyphen and the direction marks. The one list
 * every check of invisible characters is built from (here, lib/bibliography.ts, lib/front-matter.ts).
 */
export const ZERO_WIDTH_CHARS = "\\u200b-\\u200f\\u061c\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff\\u00ad";

/** What a writer calls an invisible character, and its code: "a zero-width space, U+200B". */
export function invisibleName(c: string): string {
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${INVISIBLE_NAMES[c] ?? "an invisible character"}, ${code}`;
}

/** The non-breaking spaces: in text they keep `10 pm` on one line; in an identifier, a space that is not one. */
export const NBSP = /[\u00a0\u2007\u202f]/;
/** Every invisible character, as a value that names something (an identifier) must not hold one. */
export const INVISIBLE_VALUE = new RegExp(`[${ZERO_WIDTH_CHARS}\\u00a0\\u2007\\u202f]`);
// Joiners are a text's own (Persian, Indic scripts, emoji such as 👩‍⚕️), and a non-breaking
// space is a space. Direction marks are a right-to-left text's own (an Arabic or Hebrew title,
// an English one quoting a Hebrew name): they keep a number or a Latin word the right way round,
// and browsers, screen readers and search ignore them. So in text, only these have no use.
export const INVISIBLE_IN_TEXT = /[\u200b\u2060\ufeff\u00ad]/;
// A zero-width joiner between two pictographs, with a skin tone or an emoji sign after the
// first (👩‍⚕️, 👩🏽‍⚕️, 🏳️‍🌈): part of one emoji.
export const EMOJI_JOINER = String.raw`(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\u{FE0F}]?)\u200d(?=\p{Extended_Pictographic})`;
/** In an identifier: any invisible character but an emoji's joiner. */
export const INVISIBLE_IN_IDENTIFIER = new RegExp(`(?!${EMOJI_JOINER})${INVISIBLE_VALUE.source}`, "u");

// A reference's fields that name something (its id and type, codes, addresses, dates): an
// invisible character makes another value that only looks the same, an error. In a number
// (volume, page, edition: CSL's number variables) it makes the style read text, not a number,
// an error too. Every other field (titles, names) is text, which it only makes odd, a warning.
// The rule of a post's references (lib/schema-messages.ts) and of the shared bibliography files.
const REFERENCE_IDENTIFIERS = new Set(["id", "type", "DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID", "language", "citation-key", ...DATE_FIELDS]);

/** What a reference's field is, for an invisible character in it, under any spelling cslField reads (`doi:` is DOI). */
export function referenceValueKind(key: string): "identifier" | "number" | "text" {
  const field = cslField(key) ?? key;
  return NUMBER_FIELDS.has(field) ? "number" : REFERENCE_IDENTIFIERS.has(field) ? "identifier" : "text";
}

const ZERO_WIDTH_IN_IDENTIFIER = new RegExp(`(?!${EMOJI_JOINER})[${ZERO_WIDTH_CHARS}]`, "u");
// In a number (`1\u200b6`, `442\u200b-450`): any character that takes no room, and a
// non-breaking space between two digits (`1\u00a06`). citeproc-js then reads the value as
// text, not as a number: it prints "1 6", a page range `442\u200b-450` as "p. 442 – 450" (not
// "pp. 442–450"), an edition `2\u200b` as "2" (not "2nd ed."), so each is an error. A
// non-breaking space anywhere else belongs there (`442\u00a0–\u00a0450` prints "442–450").
export const INVISIBLE_IN_NUMBER = new RegExp(`${ZERO_WIDTH_IN_IDENTIFIER.source}|(?<=\\d)(?:${NBSP.source})+(?=\\d)`, "u");

/** A number as written, without the characters INVISIBLE_IN_NUMBER finds. */
export function visibleNumber(value: string): string {
  return value.replace(new RegExp(ZERO_WIDTH_IN_IDENTIFIER.source, "gu"), "").replace(new RegExp(`(?<=\\d)(?:${NBSP.source})+(?=\\d)`, "g"), "");
}

/** What an invisible character in a number (`field`, a CSL number variable) does to the printed reference. */
export function numberEffect(field: string | undefined): string {
  if (field === "page" || field === "page-first" || field === "locator") return "a page range is printed as written, without the en dash and the \"pp.\" the style gives a range";
  if (field === "edition") return "an edition is printed as written, not as the style writes one (\"2nd ed.\")";
  return "it is printed with the character in it, without the label or ordinal the style gives a number";
}
