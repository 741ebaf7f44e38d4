import { closest } from "./suggest.ts";

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

const NAME_PARTS = new Set(["family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix", "static-ordering", "parse-names"]);

export interface NormaliseResult {
  item?: CslItem;
  problems: ItemProblem[];
}

/** Normalise one reference. Never throws on bad input: problems are returned with their path. */
export function normaliseItem(input: unknown): NormaliseResult {
  const problems: ItemProblem[] = [];
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    return {
      problems: [{ path: [], message: "a reference must be a set of fields (id, type, title, …)", fix: "start the reference with `- id: some-key` and indent its fields below" }],
    };
  }
  const raw = input as Record<string, unknown>;
  const out: Record<string, unknown> = {};

  const id = raw.id;
  if (id === undefined || id === null || id === "") {
    problems.push({ path: ["id"], message: "the reference has no id", fix: "add `id:` with a short unique key such as smith2016" });
  } else if (typeof id !== "string" && typeof id !== "number") {
    problems.push({ path: ["id"], message: "the id must be text", fix: "write a short key such as smith2016" });
  } else if (!/^[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*$/u.test(String(id))) {
    problems.push({ path: ["id"], message: `the id "${String(id)}" has characters a citation key cannot hold`, fix: "use letters, digits and _ : . - / only, starting with a letter or digit" });
  }
  out.id = String(id ?? "");

  const type = raw.type;
  if (type === undefined || type === null || type === "") {
    problems.push({ path: ["type"], message: "the reference has no type", fix: `add \`type:\`, e.g. article-journal, webpage, post-weblog, book, report` });
  } else if (typeof type !== "string" || !(CSL_TYPES as readonly string[]).includes(type)) {
    const guess = typeof type === "string" ? closest(type, CSL_TYPES) : undefined;
    problems.push({ path: ["type"], message: `"${String(type)}" is not a CSL type`, fix: guess ? `did you mean \`${guess}\`?` : "use a CSL type such as article-journal, webpage, post-weblog, book, report" });
  }
  out.type = type;

  for (const [key, value] of Object.entries(raw)) {
    if (key === "id" || key === "type") continue;
    if (value === null || value === undefined) continue;
    if (NAME_FIELDS.has(key)) {
      const names = normaliseNames(value, [key], problems);
      if (names) out[key] = names;
    } else if (DATE_FIELDS.has(key)) {
      const date = normaliseDate(value, [key], problems);
      if (date) out[key] = date;
    } else if (NUMBER_FIELDS.has(key)) {
      if (typeof value === "number" || typeof value === "string") out[key] = String(value);
      else problems.push({ path: [key], message: `${key} must be a number or text`, fix: `write e.g. \`${key}: 16\`` });
    } else if (key === "DOI") {
      out.DOI = typeof value === "string" ? value.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, "") : String(value);
    } else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      out[key] = typeof value === "string" ? value : String(value);
    } else if (key === "custom" || key === "language" || key === "note") {
      out[key] = value;
    } else {
      problems.push({ path: [key], message: `${key} must be plain text`, fix: "write the value on one line, in quotes if it contains a colon" });
    }
  }

  const title = raw.title;
  if (title === undefined || title === null || String(title).trim() === "") {
    problems.push({ path: ["title"], message: "the reference has no title", fix: "add `title:` with the title of the work, in quotes if it contains a colon" });
  }
  if (typeof raw.URL === "string" && !/^https?:\/\/\S+$/.test(raw.URL.trim())) {
    problems.push({ path: ["URL"], message: `"${raw.URL}" is not a web address`, fix: "write the full address starting with https://" });
  }
  return problems.length ? { problems } : { item: out as CslItem, problems };
}

function normaliseNames(value: unknown, path: (string | number)[], problems: ItemProblem[]): CslName[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  const names: CslName[] = [];
  list.forEach((entry, i) => {
    if (typeof entry === "string") {
      const text = entry.trim();
      if (!text) return;
      // "Family, Given" is a person; anything without a comma is kept whole (an organisation).
      const comma = text.indexOf(",");
      if (comma > 0) names.push({ family: text.slice(0, comma).trim(), given: text.slice(comma + 1).trim() });
      else names.push({ literal: text });
    } else if (entry && typeof entry === "object" && !Array.isArray(entry)) {
      const name: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(entry)) {
        if (!NAME_PARTS.has(k)) {
          problems.push({ path: [...path, i, k], message: `"${k}" is not part of a name`, fix: "use family and given (a person) or literal (an organisation)" });
        } else if (v !== null && v !== undefined) name[k] = typeof v === "string" || typeof v === "boolean" ? v : String(v);
      }
      if (!name.family && !name.literal && !name.given) {
        problems.push({ path: [...path, i], message: "this name is empty", fix: "write {family: Smith, given: Ann} or {literal: World Health Organization}" });
      }
      names.push(name as CslName);
    } else {
      problems.push({ path: [...path, i], message: "a name must be text or {family, given}", fix: 'write "Smith, Ann" or {family: Smith, given: Ann}' });
    }
  });
  return names;
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

