// Turns zod issues into writer-facing diagnostics: file, line, field, what, fix.
// A schema message may carry its own fix after " → " ("expected … → write …").
import { z } from "zod";
import type { Diagnostic } from "./diagnostics.ts";
import { fieldPath, fieldWords } from "./diagnostics.ts";
import { CSL_FIELDS, DATE_FIELDS, NAME_FIELDS, cslField, referenceId, referenceValueKind, type ItemProblem } from "./csl-normalise.ts";
import { commentedOutBelow, curlyQuoted, quoteYaml, trailingComment, type Locate, type ReadOptions, type ValueKind } from "./front-matter.ts";
import { yamlScalar } from "./yaml-text.ts";
import { pastedTopics, withoutTopicLabel } from "./topic-labels.ts";
import { closest } from "./suggest.ts";
import { languageName } from "./language-tags.ts";
import { nociteSchema, postLanguageSuggestion } from "./post-schema.ts";

export interface IssueContext {
  /** The parsed YAML, to tell a missing field from a wrong one and to quote the value back. */
  data?: unknown;
  /** Fields left empty by a `#` that YAML read as a comment, with the text after the colon. */
  commentedOut?: ReadonlyMap<string, string>;
  /** Where a missing top-level field goes, in words; default: between the --- fences of a post. */
  topLevel?: string;
  /**
   * The YAML text as written and the file line it starts on, so that a fix can show a
   * value as the writer typed it (`1.50`, not the number 1.5) in a line rewritten whole.
   */
  source?: { text: string; firstLine: number };
}

export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: Locate,
  schema: z.ZodType,
  context: IssueContext = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Facts of each list whose items became fields, found once: a list of thousands of such items
  // (`- Question 12: …?`) has an issue for each.
  const lists: ListFacts = new Map();
  // `Title:` or `titel:` for a missing `title:`: told once, as the unknown field with its line
  // renamed; "`title` is missing → add a line" too would have the writer write it twice.
  const meant = meantMissing(issues, schema, context.data);
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const at = { severity: "error" as const, file, ...locate([...issue.path, key]), field: fieldPath([...issue.path, key]) };
        // `“description”: x`: the quotes, from a word processor, are part of the name to YAML.
        const curlyKey = curlyQuoted(key);
        if (curlyKey && known.includes(curlyKey.text.trim())) {
          const name = curlyKey.text.trim();
          const written = context.source && at.line !== undefined ? context.source.text.split("\n")[at.line - context.source.firstLine] : undefined;
          const fixed = written?.includes(key) ? written.replace(key, name).trim() : undefined;
          out.push({
            ...at, field: fieldPath([...issue.path, name]),
            message: `the field name \`${name}\` is written in curly quotes ${curlyKey.open} ${curlyKey.close}: YAML does not read them as quotes, so they are part of the name, and \`${key}\` is not a field`,
            fix: fixed ? `write the name without quotes, so that the line reads \`${fixed}\`` : `write the name without quotes: \`${name}:\``,
          });
          continue;
        }
        // `Title:`, `Date:`, `Start:` (a phone's capital at the start of a line): the same name in other letters.
        const cased = sameNameCased(key, known);
        if (cased) {
          out.push({ ...at, ...casedWords(key, cased, issue.path, context, at.line, locate) });
          continue;
        }
        const home = homeOf(key, schema, issue.path, known);
        if (home) {
          out.push({ ...at, ...misplacedWords(key, home, issue.path, context.data, file.endsWith(".md") ? "the front matter" : "this file") });
          continue;
        }
        // `  topics:` indented under `chat:`: a field of the post, named as such, never "remove it".
        const higher = higherLevelField(schema, [...issue.path, key], file.endsWith(".md") ? "post" : "file", context.data, locate);
        if (higher) {
          out.push({ ...at, ...higher });
          continue;
        }
        // `status: draft`, `published: false`: removed, the post would be published.
        const publication = publicationWords(key, valueAt(context.data, [...issue.path, key]), issue.path, schema, context.data, locate);
        if (publication) {
          out.push({ ...at, ...publication });
          continue;
        }
        // `lang: es`, as pandoc, Jekyll and Eleventy name it: chatpost's field is `language:` (the site's and references' name too).
        if (key.toLowerCase() === "lang" && known.includes("language")) {
          out.push({ ...at, ...langField(key, valueAt(context.data, [...issue.path, key]), valueAt(context.data, [...issue.path, "language"]), locate([...issue.path, "language"]).line) });
          continue;
        }
        const alias = ALIASES[key.toLowerCase()];
        const above = closest(key, known) || (alias && known.includes(alias)) ? undefined : closestHigher(schema, issue.path, key);
        if (above) {
          out.push({ ...at, field: fieldPath([...above.path, above.key]), message: `unknown field \`${key}\`: \`${above.key}\` is a field of ${levelWords(above.path, file.endsWith(".md") ? "post" : "file")}, not of \`${fieldPath(issue.path)}\``, fix: `did you mean \`${above.key}\`? ${placeWords(above.path, `as \`${above.key}:\``)}` });
          continue;
        }
        const guess = closest(key, known) ?? (ALIASES[key.toLowerCase()] && known.includes(ALIASES[key.toLowerCase()]!) ? ALIASES[key.toLowerCase()] : undefined);
        // For a missing field (`titel:` without `title:`), whose own "is missing" is not told: the line to write.
        const renamed = guess && meant.has(pathKey([...issue.path, guess])) ? renamedLine(key, guess, context, at.line) : undefined;
        out.push({
          ...at,
          message: `unknown field \`${key}\``,
          fix: guess ? `did you mean \`${guess}\`?${renamed ? ` write the line as \`${renamed}\`` : ""}` : `remove it; the fields here are ${known.map((k) => `\`${k}\``).join(", ")}`,
        });
      }
      continue;
    }
    const path = issue.path as PropertyKey[];
    if (!hasValue(context.data, path) && meant.has(pathKey(path))) continue;
    // `alt:` written beside `image:` is reported where it is written, with the indentation it needs.
    if (path.length > 1 && !hasValue(context.data, path) && strayFields(schema, path.slice(0, -1), context.data).includes(String(path[path.length - 1]))) continue;
    const field = fieldPath(path);
    const where = context.topLevel ?? (file.endsWith(".md") ? undefined : ", not indented");
    const { message, fix, once } = explainIssue(issue, path, schema, { ...context, ...(where ? { topLevel: where } : {}) }, locate, lists);
    // An item whose fix is another item's (the line of a list in brackets, rewritten whole).
    if (once) continue;
    out.push({ severity: "error", file, ...locate(path), field, message, fix });
  }
  return out;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields indented below it",
  date: "a date",
};

function explainIssue(
  issue: z.core.$ZodIssue,
  path: PropertyKey[],
  schema: z.ZodType,
  context: IssueContext,
  locate: Locate,
  lists: ListFacts = new Map(),
): { message: string; fix: string; once?: true } {
  const field = fieldPath(path);
  const key = path.length ? String(path[path.length - 1]) : field;
  // A list item is written `- text`, a field `key: text`: what a fix shows the writer to type.
  const item = typeof path[path.length - 1] === "number";
  const lead = item ? "- " : `${key}: `;
  const name = fieldWords(path);
  const present = hasValue(context.data, path);
  const value = present ? valueAt(context.data, path) : undefined;
  const [own, ownFix] = splitFix(issue.message);
  const expected =
    issue.code === "invalid_type"
      ? expectedWords(issue, own)
      : issue.code === "invalid_value"
        ? `one of ${issue.values.map((v) => String(v)).join(", ")}`
        : own;

  if (!present) {
    const topLevel = context.topLevel ?? " between the two --- lines";
    const parentPath = path.slice(0, -1);
    const parent = path.length <= 1 ? topLevel : parentPath.some((seg) => typeof seg === "number") ? `, in ${fieldWords(parentPath)}` : `, indented under \`${fieldPath(parentPath)}:\``;
    return { message: `${name} is missing`, fix: `add a line \`${key}: …\`${parent} (${expected})` };
  }
  if (value === null) {
    const list = issue.code === "invalid_type" && issue.expected === "array";
    // `topics:` with its items still commented out below it (`#   - First question?`, as `npm run new` writes them).
    const below = item ? undefined : commentedValue(path, list, context, locate);
    if (below) return below;
    const commented = context.commentedOut?.get(field);
    // `# the chat's questions …` (a # and a space): a note after the empty field, written as notes are; its text is no value.
    if (commented !== undefined && /^#(?:[ \t]|$)/.test(commented)) {
      if (item) return { message: `${name} is empty: the text after # is a note, which YAML leaves out`, fix: "write its text before the #, or remove it from the list" };
      return {
        message: `${name} is empty: the text after # is a note, which YAML leaves out of the value`,
        fix: list
          ? `write its items on the lines below \`${key}:\`, each indented and starting with "- " (the note can stay), or remove the line if the field is optional`
          : `write the value after \`${key}:\`, before the # (${expected}; the note can stay after it), or remove the line if the field is optional`,
      };
    }
    // `- ## How do rotas work?`: a markdown heading's marks, read as a comment; in quotes they would be shown as typed.
    const heading = commented !== undefined && ["title", "description", "topics"].includes(String(path[0])) ? /^(#{2,6})[ \t]+(\S.*)$/.exec(commented) : null;
    if (heading) {
      const { value: words, comment } = trailingComment(heading[2]!);
      return {
        message: `${name} is empty: YAML reads everything after # as a comment (and front matter is not markdown: ${heading[1]} makes no heading there)`,
        fix: `write it without the ${heading[1]}: ${lead}${yamlScalar(words.trimEnd())}${comment}`,
      };
    }
    if (commented !== undefined) {
      // `hashtag: #hcldr`: the value itself, read as a comment; a note after it stays a note.
      const { value: written, comment } = trailingComment(commented);
      return {
        message: `${name} is empty: YAML reads everything after # as a comment`,
        fix: `put the value in quotes: ${lead}${quoteYaml(written)}${comment}`,
      };
    }
    if (item) return { message: `${name} is empty`, fix: `write its text, or remove it from the list` };
    // `chat:` followed by its fields not indented: they are read beside it, and it is empty.
    const strays = strayFields(schema, path, context.data);
    if (strays.length) {
      const named = strays.map((k) => `\`${k}\``).join(" and ");
      return {
        message: `${name} is empty: ${named} ${strays.length > 1 ? "are" : "is"} not indented below it, so ${strays.length > 1 ? "they are read as fields" : "it is read as a field"} of ${path.length > 1 ? `\`${fieldPath(path.slice(0, -1))}\`` : "their own"}, not of \`${key}\``,
        fix: `indent ${strays.map((k) => `\`${k}:\``).join(" and ")} by two spaces, below \`${key}:\``,
      };
    }
    return { message: `${name} is empty`, fix: `write a value after \`${key}:\` (${expected}), or remove the line if the field is optional` };
  }
  // `“60”` is text to YAML: the writer meant quotes, or no quotes at all for a number or true/false.
  const curly = typeof value === "string" ? curlyValueWords(path, value, issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "boolean")) : undefined;
  if (curly) return curly;
  const colon = issue.code === "invalid_type" && issue.expected === "string" ? colonField(value) : undefined;
  // `topics: [“T1: why”, “T2: how”]`: the fix is the line in its own form, brackets and all, once for all its items.
  const flowColon = colon !== undefined && item ? flowColonFix(path, context, locate, lists) : undefined;
  if (flowColon && flowColon !== "lines") return flowColon;
  // In brackets over several lines: the item as it is written there, not as a `- ` line.
  const itemLead = flowColon === "lines" ? "" : lead;
  const inside = flowColon === "lines" ? ", inside the brackets" : "";
  if (colon !== undefined) {
    const straight = curlyQuoted(colon);
    // `- T1: Should vendors join?`: the colon was the number's; the page numbers topics itself.
    const unlabeled = !straight && path[0] === "topics" && typeof path[1] === "number" ? withoutTopicLabel(colon, path[1]) : undefined;
    if (unlabeled !== undefined) {
      return {
        message: `${name} became a field named \`${Object.keys(value as object)[0]}\`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself`,
        fix: `write it without the number${inside}: ${itemLead}${flowColon === "lines" ? flowItem(unlabeled) : yamlScalar(unlabeled)}`,
      };
    }
    return {
      message: `${name} became a field named \`${Object.keys(value as object)[0]}\`: YAML reads a colon followed by a space as the end of a field's name${straight ? `, and the quotes are curly quotes ${straight.open} ${straight.close} — YAML needs straight quotes " "` : ""}`,
      fix: `put the text in ${straight ? "straight " : ""}quotes, so that the colon stays part of it${inside}: ${itemLead}${quoteYaml(straight ? straight.text : colon)}`,
    };
  }
  // A list item's message says which item it is, as the writer counts them.
  const label = item ? `${name}: ` : "";
  if (issue.code === "invalid_type" || issue.code === "invalid_union") {
    // Questions pasted as one paragraph ("T1 … T2 …", "1. … 2. …", "• … • …"): the fix is the list, one per line.
    const pasted = path.length === 1 && path[0] === "topics" && typeof value === "string" ? pastedTopics(value) : undefined;
    if (pasted) {
      return {
        message: `expected a list of questions, found ${pasted.length} questions written as one text`,
        fix: `write \`topics:\` alone on its line and each question on its own line below it, starting with "- " (the page numbers them itself):\n${["topics:", ...pasted.map((q) => `  - ${yamlScalar(q)}`)].join("\n")}`,
      };
    }
    // `tags: [2026, true]`: the fix is the line in its own form, brackets and all, not a `- ` item to paste into it.
    const flow = item && issue.code === "invalid_type" && issue.expected === "string" && !ownFix ? flowListFix(path, context, locate) : undefined;
    return { message: `${label}${expected}, found ${foundWords(value)}`, fix: flow ?? ownFix ?? typeFix(issue, key, value, knownKeys(schema, path), writtenScalar(path, value, context, locate), (text) => itemAsWritten(path, text), indentOf(path, context, locate)) };
  }
  if (ownFix) {
    // A fix that says "write it in quotes" has its own words for a value already in quotes.
    const quotedFix = issue.code === "custom" ? (issue.params as { quotedFix?: unknown } | undefined)?.quotedFix : undefined;
    const fix = typeof quotedFix === "string" && writtenInQuotes(path, context, locate) ? quotedFix : ownFix;
    return { message: `${label}${own}`, fix };
  }
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return { message: own, fix: `add at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}, each on its own line starting with -, or remove \`${key}:\`` };
      if (issue.origin === "string" && item) return { message: `${name} is empty`, fix: `write its text, or remove it from the list` };
      if (issue.origin === "string") return { message: own, fix: `write the text after \`${key}:\`, or remove the line if the field is optional` };
      // zod's own words ("Too small: expected number to be >=1") are a programmer's.
      if (typeof value === "number") return { message: `${String(value)} is too small: the smallest allowed here is ${String(issue.minimum)}`, fix: `use ${String(issue.minimum)} or more` };
      return { message: own, fix: `use ${String(issue.minimum)} or more` };
    case "too_big":
      if (issue.origin === "array") return { message: `the list has ${Array.isArray(value) ? `${value.length} items` : "too many items"}: at most ${String(issue.maximum)} are allowed here`, fix: `shorten it to at most ${String(issue.maximum)}` };
      if (issue.origin === "string") return { message: `the text is ${typeof value === "string" ? `${[...value].length} characters` : "too"} long: at most ${String(issue.maximum)} are allowed here`, fix: `shorten it to at most ${String(issue.maximum)} characters` };
      if (typeof value === "number") return { message: `${String(value)} is too big: the largest allowed here is ${String(issue.maximum)}`, fix: `use ${String(issue.maximum)} or less` };
      return { message: own, fix: `use ${String(issue.maximum)} or less` };
    case "invalid_value": {
      const allowed = issue.values.map((v) => String(v));
      const typed = String(value).trim().toLowerCase();
      const starting = allowed.filter((v) => typed && v.toLowerCase().startsWith(typed));
      const guess = closest(String(value), allowed) ?? (starting.length === 1 ? starting[0] : undefined);
      const list = allowed.map((v) => `\`${v}\``).join(", ");
      return {
        message: `${JSON.stringify(value)} is not one of the values allowed here`,
        fix: guess ? `did you mean \`${guess}\`? (allowed: ${list})` : `use one of ${list}`,
      };
    }
    default:
      // Schema messages without a fix describe what is expected: "a 24-hour time such as 20:30".
      return /^(a|an|the) /i.test(own)
        ? { message: `${JSON.stringify(value)} is not ${own}`, fix: `write ${own}` }
        : { message: own, fix: `rewrite \`${key}:\` as the message describes, or see the README for an example` };
  }
}

/**
 * `found`, the errors of the checks run on a post's values (the schema's, a zone's, an image
 * file's, a reference's), each said as the cause the front matter shows when there is one,
 * once per value: a value in curly quotes (`zone: “Europe/London”`, which a zone check calls
 * "not an IANA time zone") names the quotes, with the line in straight quotes or none; a value
 * with an invisible character in it (`invisibleIn`), which front-matter.ts has told with the
 * line without it, is not told again. Warnings are kept as they are.
 */
export function valueCauses(found: readonly Diagnostic[], data: unknown, invisibleIn?: ReadonlySet<string>): Diagnostic[] {
  const told = new Set<string>();
  return found.flatMap((d) => {
    if (d.severity !== "error" || !d.field) return [d];
    if (invisibleIn?.has(d.field)) return [];
    const path = dottedPath(d.field);
    const value = valueAt(data, path);
    const words = typeof value === "string" ? curlyValueWords(path, value, false, true) : undefined;
    // Only an error that shows the value as written is about it (not `url:` out of its group).
    if (!words || !d.message.includes((value as string).trim())) return [d];
    if (told.has(d.field)) return [];
    told.add(d.field);
    // The schema's own error already names them (with its fix for a number).
    if (d.message.includes("the quotes are curly quotes")) return [d];
    // A reference's errors start with its id: as the writer meant it.
    const entry = path[0] === "references" && typeof path[1] === "number" ? valueAt(data, path.slice(0, 2)) : undefined;
    const id = entry === undefined ? undefined : referenceId(entry);
    const reference = entry === undefined ? "" : `reference "${id === undefined ? `#${Number(path[1]) + 1}` : (curlyQuoted(id)?.text.trim() ?? id)}": `;
    return [{ ...d, message: `${reference}${words.message}`, fix: words.fix }];
  });
}

// A number as YAML's core schema reads one: the text of such a value needs quotes to stay text.
const YAML_NUMBER = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?$|^0x[\da-fA-F]+$|^0o[0-7]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;

/**
 * The words for a value at `path` written in curly quotes (`zone: “Europe/London”`), which
 * YAML keeps as part of it: undefined for any other value. The fix is the line in straight
 * quotes, or with none where the value reads the same without (`bare` for a number or
 * true/false, which must have none; `plain` for any value YAML reads back as the same text).
 */
export function curlyValueWords(path: readonly PropertyKey[], value: string, bare: boolean, plain = false): { message: string; fix: string } | undefined {
  const curly = curlyQuoted(value);
  if (!curly) return undefined;
  const item = typeof path[path.length - 1] === "number";
  const lead = item ? "- " : `${String(path[path.length - 1])}: `;
  const text = curly.text.trim();
  const unquoted = bare || (plain && yamlScalar(text) === text && !YAML_NUMBER.test(text));
  return {
    message: `${item ? `${fieldWords(path)}: ` : ""}the quotes are curly quotes ${curly.open} ${curly.close} — YAML needs straight quotes " ", so they became part of the value ${JSON.stringify(value)}`,
    fix: unquoted ? `write it without quotes: ${lead}${text}` : `write straight quotes: ${lead}${quoteYaml(curly.text)}`,
  };
}

/**
 * The text a writer meant, for a value YAML read as a one-field group because of `: ` in
 * it (`- Burnout: what helps?`); undefined for any other value.
 */
function colonField(value: unknown): string | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value) || value instanceof Date) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, rest] = entries[0]!;
  if (rest === null) return `${key}:`;
  return typeof rest === "string" || typeof rest === "number" || typeof rest === "boolean" ? `${key}: ${String(rest)}` : undefined;
}

function splitFix(message: string): [string, string | undefined] {
  const i = message.indexOf(" → ");
  return i < 0 ? [message, undefined] : [message.slice(0, i), message.slice(i + 3)];
}

/** The schema's own wording ("expected the title as text") or zod's type name in plain words. */
function expectedWords(issue: z.core.$ZodIssue & { code: "invalid_type" }, own: string): string {
  if (!/^Invalid input/.test(own)) return own;
  return `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}`;
}

export function foundWords(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return value.trim() === "" ? "empty text" : "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return `${String(value)} (yes/no)`;
  return typeof value;
}

function typeFix(issue: z.core.$ZodIssue, key: string, value: unknown, fields: string[], written?: string, asText: (text: string) => string = (text) => text, indent = ""): string {
  const expected = issue.code === "invalid_type" ? issue.expected : "";
  // A number or true/false as the writer typed it (`1.50`, not 1.5), when the source is known.
  const shown = written ?? (typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined);
  const item = /^\d+$/.test(key);
  const lead = item ? "- " : `${key}: `;
  switch (expected) {
    case "string":
      if (shown !== undefined) return `put it in quotes${asText(shown) === shown ? "" : ", with its @"}: ${lead}${quoteYaml(asText(shown))}`;
      if (!item) {
        const joined = joinedItems(key, value);
        if (joined !== undefined) return `write ${JOINED_BY[key] === "and" ? "the names" : "the items"} as one text on the line of \`${key}:\`, in place of the list: \`${indent}${key}: ${yamlScalar(joined)}\``;
      }
      return item ? `write the item as text on the line of its "- ", e.g. - your text` : `write the text on the same line: ${key}: your text`;
    case "array":
      return shown !== undefined
        // As YAML reads it back: `# the chat's questions …`, a note quoted into the value, is no item unquoted.
        ? `write \`${key}:\` alone on its line, then each item on its own line below it, indented, starting with "- "${typeof value === "string" && yamlScalar(shown) !== shown ? ` (e.g. \`  - ${yamlScalar(shown)}\`)` : ` (e.g. "  - ${shown}")`}`
        : `write each item of \`${key}\` on its own line, indented, starting with "- "`;
    case "object":
      return `write \`${key}:\` alone on its line and its fields indented below it${fields.length ? ` (${fields.join(", ")})` : ""}`;
    case "number":
      return shown !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(shown)
        ? `write the number without quotes: ${key}: ${shown.trim()}`
        : `write a plain number, without quotes or units, e.g. ${key}: 60`;
    case "boolean": {
      // `draft: yes` and `draft: "true"` say what they mean: only the word YAML reads is missing.
      const meant = shown === undefined ? undefined : YES_NO[shown.trim().toLowerCase()];
      if (meant !== undefined && typeof value === "string" && /^(true|false)$/i.test(value.trim())) return `write it without quotes: ${key}: ${String(meant)}`;
      if (meant !== undefined) return `write \`${key}: ${String(meant)}\`: YAML reads only true and false as yes and no`;
      return `write \`${key}: true\` or \`${key}: false\` (without quotes)`;
    }
    default:
      return `write \`${key}:\` as ${EXPECTED_WORDS[expected] ?? "described"}`;
  }
}

/**
 * Text fields whose list (`author: [Dana Whitfield, Priya Raman]`) reads naturally as one
 * text: names joined with "and" ("A, B and C"), a title's or description's parts as typed,
 * with commas. A field that holds one thing (a hashtag, a zone, an address) is left out:
 * its items cannot all be kept, and which to keep is the writer's choice.
 */
const JOINED_BY: Record<string, "and" | ","> = { author: "and", credit: "and", title: ",", description: ",", alt: "," };

/** The items of a list written for the text field `key`, as the one text they most likely meant. */
function joinedItems(key: string, value: unknown): string | undefined {
  const by = JOINED_BY[key];
  if (!by || !Array.isArray(value) || !value.length) return undefined;
  const items = value.map((v) => (typeof v === "string" || typeof v === "number" ? String(v).trim() : ""));
  if (items.some((t) => !t)) return undefined;
  if (by === ",") return items.join(", ");
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : items[0];
}

function hasValue(data: unknown, path: readonly PropertyKey[]): boolean {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return false;
    if (!Object.prototype.hasOwnProperty.call(node, seg)) return false;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node !== undefined;
}

/**
 * `lang: es`, as pandoc, Jekyll and Eleventy name it: chatpost's field is `language:` (the
 * site's and references' name too). The line to write holds a tag chatpost reads (`lang: jp`
 * becomes `language: ja`); with a `language:` already written (on line `languageLine`), the
 * fix removes this line, as a second `language:` would be the same field written twice.
 */
function langField(key: string, written: unknown, language: unknown, languageLine: number | undefined): { message: string; fix: string } {
  const message = `unknown field \`${key}\`: chatpost calls the language \`language:\`, as the site's settings and references do`;
  const tag = postLanguageSuggestion(written);
  const there = languageLine !== undefined ? `\`language:\` on line ${languageLine}` : "`language:`";
  if (language !== undefined) {
    const same = tag !== undefined && postLanguageSuggestion(language) === tag;
    return {
      message: `${message}, and ${there} already names it`,
      fix: same ? "remove this line" : `remove this line${tag ? `; if the text is in ${languageName(tag)}, make ${languageLine !== undefined ? `line ${languageLine}` : "`language:`"} read \`language: ${tag}\`` : ""}`,
    };
  }
  if (tag) return { message, fix: `write \`language: ${tag}\` in place of this line` };
  const unread = typeof written === "string" && written.trim() ? `, and "${written.trim()}" names no language chatpost knows` : "";
  return {
    message: `${message}${unread}`,
    fix: "write `language:` with the language's tag in place of this line, e.g. `language: de` for German (es Spanish, fr French, ja Japanese, ar Arabic…); or remove the line if the text is in the site's language",
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const seg of path) node = (node as Record<PropertyKey, unknown> | null | undefined)?.[seg];
  return node;
}

// Names writers use for a field of another name: `timezone:` is the chat's `zone:`.
const ALIASES: Record<string, string> = { timezone: "zone", time_zone: "zone", "time-zone": "zone", tz: "zone", length: "duration", minutes: "duration", time: "start", "alt-text": "alt", alt_text: "alt" };

/**
 * The group field at `path` that has `key` (or its alias) among its own fields, when
 * `key` is unknown at `path`: `start:` written unindented below `chat:`, or `zone:` beside it.
 */
function homeOf(key: string, schema: z.ZodType, path: readonly PropertyKey[], known: readonly string[]): { group: string; field: string } | undefined {
  for (const group of known) {
    const fields = knownKeys(schema, [...path, group]);
    if (fields.includes(key)) return { group, field: key };
    const alias = ALIASES[key.toLowerCase()];
    if (alias && fields.includes(alias) && !known.includes(alias)) return { group, field: alias };
  }
  return undefined;
}

function misplacedWords(key: string, home: { group: string; field: string }, path: readonly PropertyKey[], data: unknown, top: string): { message: string; fix: string } {
  const where = path.length ? `\`${fieldPath(path)}\`` : top;
  const parent = valueAt(data, path) as Record<string, unknown> | undefined;
  const groupWritten = !!parent && typeof parent === "object" && home.group in parent;
  const renamed = home.field !== key;
  return {
    message: renamed
      ? `${where} has no field \`${key}\`; \`${home.group}\` has \`${home.field}\``
      : `\`${key}\` is a field of \`${home.group}\`, but it is not indented below \`${home.group}:\`${groupWritten ? "" : ` (there is no \`${home.group}:\` line)`}`,
    fix: groupWritten
      ? `${renamed ? `write it as \`${home.field}:\` and indent it` : "indent it"} by two spaces, below \`${home.group}:\``
      : `write \`${home.group}:\` on the line above it and indent ${renamed ? `it, as \`${home.field}:\`,` : "it"} by two spaces below that`,
  };
}

/** Unknown fields beside the group at `path` that belong in it: the group's unindented lines. */
function strayFields(schema: z.ZodType, path: readonly PropertyKey[], data: unknown): string[] {
  const own = knownKeys(schema, path);
  if (!own.length) return [];
  const parentPath = path.slice(0, -1);
  const siblings = knownKeys(schema, parentPath);
  const parent = valueAt(data, parentPath);
  if (!parent || typeof parent !== "object" || Array.isArray(parent)) return [];
  return Object.keys(parent).filter((k) => !siblings.includes(k) && (own.includes(k) || own.includes(ALIASES[k.toLowerCase()] ?? "")));
}

/** Keys the schema allows at `path`, for "did you mean". */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const seg of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(seg)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return [];
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  let n = node;
  for (let i = 0; i < 10 && n; i++) {
    if (n instanceof z.ZodOptional || n instanceof z.ZodDefault || n instanceof z.ZodNullable || n instanceof z.ZodPrefault) n = n.unwrap() as z.ZodType;
    else if (n instanceof z.ZodPipe) n = n.in as z.ZodType;
    else break;
  }
  return n;
}

// What `yes`, `no` and their like mean to a writer; YAML reads only true and false so.
const YES_NO: Record<string, boolean> = { true: true, yes: true, y: true, on: true, false: false, no: false, n: false, off: false };

type Words = { message: string; fix: string };

/** The post (or a settings file's top level) or the group at `path`, as a message names it. */
function levelWords(path: readonly PropertyKey[], kind: "post" | "file"): string {
  if (path.length) return fieldWords(path);
  return kind === "post" ? "the post" : "this file's top level";
}

/** Where a field of the level at `path` is written, as a fix says it: flush left at the top. */
function placeWords(path: readonly PropertyKey[], as = ""): string {
  return path.length
    ? `write it${as ? ` ${as}` : ""} below \`${fieldPath(path)}:\`, lined up with its other fields`
    : `write it${as ? ` ${as}` : ""} flush left, with no spaces before it`;
}

/** The nearest level above the group `group` whose fields include `key` (the post's top level is `[]`). */
function higherHome(schema: z.ZodType, group: readonly PropertyKey[], key: string): PropertyKey[] | undefined {
  if (!group.length || knownKeys(schema, group).includes(key)) return undefined;
  for (let n = group.length - 1; n >= 0; n--) {
    const level = group.slice(0, n);
    // A list's items are not a level of fields: `references[0]` is the list's item, not its own group.
    if (typeof level[level.length - 1] === "number") continue;
    if (knownKeys(schema, level).includes(key)) return level;
  }
  return undefined;
}

/**
 * A field of a higher level written inside a group (`  topics:` below `chat:`, where
 * `npm run new`'s `# topics:` leaves it once its `#` is removed): named with the path it
 * belongs at, and where to write it. Without this, "unknown field → remove it" would lose
 * the questions. `data` (the parsed YAML, when there is some) tells whether fields of the
 * group follow it, which it must then be moved below.
 */
function higherLevelField(schema: z.ZodType, written: readonly PropertyKey[], kind: "post" | "file", data: unknown, locate?: Locate): (Words & { field: string }) | undefined {
  const key = String(written[written.length - 1]);
  const group = written.slice(0, -1);
  const home = higherHome(schema, group, key);
  if (!home) return undefined;
  const value = valueAt(data, written);
  const parent = valueAt(data, group);
  const groupFields = knownKeys(schema, group);
  const keys = parent && typeof parent === "object" && !Array.isArray(parent) ? Object.keys(parent) : [];
  const after = keys.slice(keys.indexOf(key) + 1).filter((k) => groupFields.includes(k));
  // A list or group written on the lines below the field (not `tags: [a, b]` on its own line).
  const inner = Array.isArray(value) ? (value.length ? 0 : undefined) : value && typeof value === "object" ? Object.keys(value)[0] : undefined;
  const below = locate && inner !== undefined && (locate([...written, inner]).line ?? 0) > (locate(written).line ?? 0) ? "the lines below it" : undefined;
  const last = after[after.length - 1];
  const fix = last
    ? `${placeWords(home)}, after the last field of ${fieldWords(group)}: move it${below ? `, with ${below},` : ""} below the \`${last}:\` line${typeof valueAt(data, [...group, last]) === "object" ? " and the lines of its value" : ""}`
    : `${placeWords(home)}${below ? ` (${below} can stay as they are)` : ""}`;
  return {
    field: fieldPath([...home, key]),
    message: `\`${key}\` is a field of ${levelWords(home, kind)}, not of ${fieldWords(group)}`,
    fix,
  };
}

/**
 * For front-matter.ts, which has no schema: a line YAML could not place, such as
 * ` topics:` one space in below `chat:` (whose `fieldPathOnLine` is `dotted`), that is a
 * field of a higher level. Its field path is where it belongs (`topics`), with the words to
 * say so; undefined for a field that belongs where it is written, or nowhere.
 */
export function higherLevelFieldOnLine(schema: z.ZodType, dotted: string, kind: "post" | "file" = "post"): (Words & { field: string }) | undefined {
  const path: PropertyKey[] = [];
  for (const part of dotted.match(/[^.[\]]+|\[\d+\]/g) ?? []) path.push(/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part);
  return path.length > 1 ? higherLevelField(schema, path, kind, undefined) : undefined;
}

/**
 * What front-matter.ts asks of the schema while the YAML cannot be read (see `ReadOptions`):
 * where a field written at the wrong level belongs, the fields of a group, and the field a
 * list written without its name most likely is. A post's front matter and the site's settings
 * file (`settings`), both typed by hand, also get what an invisible character in each value does.
 */
export function schemaReadOptions(schema: z.ZodType, kind: "post" | "file" | "settings" = "post"): ReadOptions {
  return {
    placeField: (dotted) => higherLevelFieldOnLine(schema, dotted, kind === "post" ? "post" : "file"),
    fieldsOf: (dotted) => fieldsOfGroup(schema, dottedPath(dotted)),
    listField: (group, items) => listFieldOf(schema, dottedPath(group), items),
    keepsText: (path, text) => keepsText(schema, path, text),
    ...(kind === "post" ? { valueKind: (path: readonly PropertyKey[]) => postValueKind(schema, path), spaceFor: identifierSpaceFor } : {}),
    ...(kind === "settings" ? { typedFields: true, valueKind: (path: readonly PropertyKey[]) => settingsValueKind(schema, path), spaceFor: identifierSpaceFor } : {}),
  };
}

// The settings' values that are published as words: the rest name something (a zone, an address, a file).
const SETTINGS_TEXT = new Set(["title", "description", "author"]);

/**
 * What a value of the settings file at `path` is, for an invisible character in it: text (the
 * site's title, description, default author) or an identifier (its address, language, chat's
 * zone and hashtag, style, files); undefined for a field the schema does not have, whose own
 * error says so.
 */
function settingsValueKind(schema: z.ZodType, path: readonly PropertyKey[]): ValueKind | undefined {
  const names = path.filter((seg) => typeof seg !== "number").map(String);
  if (!names.length || !knownKeys(schema, names.slice(0, -1)).includes(names[names.length - 1]!)) return undefined;
  return SETTINGS_TEXT.has(names.join(".")) ? "text" : "identifier";
}

// Identifiers whose value may hold a space between words: a post's tag (`night shift`, its page
// made of the words), a platform's name (`Microsoft Teams`), a file's name (an image, the
// settings' bibliography and fonts).
const SPACED_IDENTIFIERS = new Set(["tags", "chat.platform", "image.src", "citations.bibliography", "shareImage.fonts"]);

/**
 * What belongs in an identifier at `path` (a post's, or the settings file's) between `before`
 * and `after`, where a non-breaking space was pasted: a space between a tag's words, between the date and the time
 * of a chat's start or a change (`2017-05-02 20:30`), in a reference's date written as words
 * (`literal:`); `_` between a zone's words, as IANA writes them (`America/New_York`); else
 * nothing: in a date, an id, a hashtag or a code a space makes it wrong too (`20 18-02-09`).
 */
function identifierSpaceFor(path: readonly PropertyKey[], before: string, after: string): string {
  const dotted = path.filter((seg) => typeof seg !== "number").map(String).join(".");
  if (SPACED_IDENTIFIERS.has(dotted)) return " ";
  if (dotted === "chat.start" || dotted === "updated") return /\d{4}-\d{1,2}-\d{1,2}$/.test(before) && /^\d/.test(after) ? " " : "";
  if (dotted === "chat.zone") return /\p{L}$/u.test(before) && /^\p{L}/u.test(after) ? "_" : "";
  return path[0] === "references" && path[path.length - 1] === "literal" ? " " : "";
}

// A post's values that name something (a zone, a tag's page, a date): an invisible character makes them another.
const POST_IDENTIFIERS = new Set(["date", "updated", "tags", "nocite", "chat.start", "chat.zone", "chat.hashtag", "chat.url", "chat.duration", "chat.platform", "image.src"]);

/**
 * What a post's value at `path` is, for an invisible character in it: an identifier (see
 * POST_IDENTIFIERS; a reference's id, type, codes, addresses and dates), a number (a
 * reference's volume, pages, edition…: CSL's number variables, under any spelling of the
 * field's name normaliseItem takes) or text (a title, a topic, a name).
 */
function postValueKind(schema: z.ZodType, path: readonly PropertyKey[]): ValueKind {
  if (path.length >= 3 && isReferenceItem(schema, path.slice(0, 2))) {
    return referenceValueKind(String(path[2]));
  }
  return POST_IDENTIFIERS.has(path.filter((seg) => typeof seg !== "number").map(String).join(".")) ? "identifier" : "text";
}

// Fields the schema takes as any text, checked after it (a time zone, an image file): their error names the quotes (valueCauses).
const CHECKED_LATER = new Set(["zone", "src", "url", "start"]);

// Fields of a reference that lib/csl-normalise.ts checks, and refuses in curly quotes: its error names them (valueCauses).
const REFERENCE_CODES = new Set(["id", "type", "DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID", "language", "citation-key"]);

/**
 * Whether the schema takes `text` at `path` as it is written (curly quotes and all): then
 * nothing else would tell the writer of the quotes. A reference's field is CSL's: its names
 * and texts are taken, its id, type, codes, addresses and dates are checked (and refused).
 */
function keepsText(schema: z.ZodType, path: readonly PropertyKey[], text: string): boolean {
  if (path.length >= 3 && path[0] === "references" && typeof path[1] === "number" && isReferenceItem(schema, path.slice(0, 2))) {
    const field = String(path[2]);
    if (NAME_FIELDS.has(field)) return true;
    return CSL_FIELDS.has(field) && !REFERENCE_CODES.has(field) && !DATE_FIELDS.has(field);
  }
  if (CHECKED_LATER.has(String(path[path.length - 1]))) return false;
  let node: z.ZodType | undefined = schema;
  for (const seg of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(seg)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return false;
  }
  return !!node && node.safeParse(text).success;
}

/** The path of a diagnostic's field, `references[0].id` → ["references", 0, "id"]. */
export function dottedPath(dotted: string): PropertyKey[] {
  return (dotted.match(/[^.[\]]+|\[\d+\]/g) ?? []).map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));
}

/** An item of `references:`: the schema leaves its fields to CSL (lib/csl-normalise.ts). */
function isReferenceItem(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  return path.length === 2 && path[0] === "references" && typeof path[1] === "number" && knownKeys(schema, []).includes("references");
}

function fieldsOfGroup(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return isReferenceItem(schema, path) ? [...CSL_FIELDS] : knownKeys(schema, path);
}

/** The fields at `path` whose value is a list. */
function listFieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.ZodType | undefined = schema;
  for (const seg of path) {
    node = unwrap(node);
    node = node instanceof z.ZodObject ? (node.shape as Record<string, z.ZodType>)[String(seg)] : node instanceof z.ZodArray ? (node.element as z.ZodType) : undefined;
  }
  node = unwrap(node);
  if (!(node instanceof z.ZodObject)) return [];
  return Object.entries(node.shape as Record<string, z.ZodType>).filter(([, field]) => unwrap(field) instanceof z.ZodArray).map(([key]) => key);
}

/**
 * The field a list written without its name is (`group` is where it stands): in a reference,
 * a list of people (`Ventola, C. Lee`) is its `author`; elsewhere, a list of `- id: …` is
 * `references`, of sentences or questions `topics`, of single words `tags`, at the group's
 * level or the nearest above it that has such a field.
 */
function listFieldOf(schema: z.ZodType, group: readonly PropertyKey[], items: readonly string[]): string | undefined {
  if (!items.length) return undefined;
  if (isReferenceItem(schema, group)) {
    const people = items.every((item) => /^family:/.test(item) || /^[^\d:]+,\s*[^\d:]+$/.test(item) || /^\p{Lu}[\p{L}.'-]*(\s+\p{Lu}[\p{L}.'-]*)+$/u.test(item));
    return people && NAME_FIELDS.has("author") ? `${fieldPath(group)}.author` : undefined;
  }
  const wanted = items.every((item) => /^id:/.test(item)) ? "references" : items.some((item) => /:\s/.test(item)) ? undefined : items.every((item) => !/\s/.test(item)) ? "tags" : "topics";
  if (!wanted) return undefined;
  for (let n = group.length; n >= 0; n--) {
    const level = group.slice(0, n);
    if (typeof level[level.length - 1] === "number") continue;
    if (listFieldsAt(schema, level).includes(wanted)) return fieldPath([...level, wanted]);
  }
  return undefined;
}

/** A path as one string, to find it in a set. */
function pathKey(path: readonly PropertyKey[]): string {
  return path.map((seg) => `${typeof seg}:${String(seg)}`).join("\u0000");
}

/** The field of `known` that `key` is in other capitals (`Title` for `title`); undefined when none. */
function sameNameCased(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return known.find((k) => k !== key && k.toLowerCase() === lower);
}

/**
 * The field of the same level the unknown field `key` at `path` is told to be, as
 * zodIssuesToDiagnostics tells it: its name in curly quotes or other capitals, or a near
 * miss (`titel`) or another name (`timezone`) with "did you mean"; undefined when its
 * message sends it elsewhere (another level, `draft: true`, `language:`) or nowhere.
 */
function sameLevelGuess(key: string, path: readonly PropertyKey[], known: readonly string[], schema: z.ZodType, data: unknown): string | undefined {
  const curly = curlyQuoted(key)?.text.trim();
  if (curly !== undefined && known.includes(curly)) return curly;
  const cased = sameNameCased(key, known);
  if (cased) return cased;
  if (homeOf(key, schema, path, known) || higherHome(schema, path, key)) return undefined;
  if (knownKeys(schema, []).includes("draft") && meantHidden(key, valueAt(data, [...path, key])) !== undefined) return undefined;
  if (key.toLowerCase() === "lang" && known.includes("language")) return undefined;
  const alias = ALIASES[key.toLowerCase()];
  return closest(key, known) ?? (alias && known.includes(alias) ? alias : undefined);
}

/**
 * The paths of missing fields that an unknown field beside them is told to be (`Title:` or
 * `titel:` for `title:`): their "is missing" is not told, the unknown field's fix renames it.
 */
function meantMissing(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): Set<string> {
  const missing = new Set(issues.filter((i) => i.code !== "unrecognized_keys" && i.path.length && !hasValue(data, i.path)).map((i) => pathKey(i.path)));
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeys(schema, issue.path);
    for (const key of issue.keys) {
      const guess = sameLevelGuess(key, issue.path, known, schema, data);
      if (guess !== undefined && missing.has(pathKey([...issue.path, guess]))) meant.add(pathKey([...issue.path, guess]));
    }
  }
  return meant;
}

/** The line of the field `key` (on file line `line`) with its name written `name`, as the source has it; undefined without the source. */
function renamedLine(key: string, name: string, context: IssueContext, line: number | undefined): string | undefined {
  if (!context.source || line === undefined) return undefined;
  const written = context.source.text.split("\n")[line - context.source.firstLine];
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = written === undefined ? null : new RegExp(`^([ \\t]*(?:-[ \\t]+)?)(?:${escaped}|"${escaped}"|'${escaped}')([ \\t]*:.*)$`).exec(written.replace(/\r$/, ""));
  if (!m) return undefined;
  // The value as written, without a note after it (`chat:   # defaults…`): the name is what changes.
  const value = trailingComment(m[2]!.replace(/^[ \t]*:/, "").trimStart()).value.trim();
  return value ? `${name}: ${value}` : `${name}:`;
}

/**
 * `Title:` for `title:` (a phone's capital at the start of a line): the name in its letters,
 * with the line renamed; with `title:` written too, which of the two to keep.
 */
function casedWords(key: string, name: string, path: readonly PropertyKey[], context: IssueContext, line: number | undefined, locate: Locate): Words {
  const how = name === name.toLowerCase() ? "field names are written in small letters" : `field names are written in their own capitals, here \`${name}\``;
  const renamed = renamedLine(key, name, context, line);
  const asLine = renamed ? `\`${renamed}\`` : `\`${name}:\` followed by its value`;
  if (hasValue(context.data, [...path, name])) {
    const other = locate([...path, name]).line;
    const there = other !== undefined ? `line ${other}` : `the \`${name}:\` line`;
    return {
      message: `unknown field \`${key}\`: ${how}, and \`${name}:\` is written too (${there})`,
      fix: `keep one of the two lines: remove this one, or, if its value is the one you want, remove ${there} and write this one as ${asLine}`,
    };
  }
  return { message: `unknown field \`${key}\`: ${how}`, fix: `write the line as ${asLine}` };
}

/** A misspelling (`topcs:` below `chat:`) of a field of a level above `group`, with that level. */
function closestHigher(schema: z.ZodType, group: readonly PropertyKey[], key: string): { path: PropertyKey[]; key: string } | undefined {
  for (let n = group.length - 1; n >= 0; n--) {
    const level = group.slice(0, n);
    if (typeof level[level.length - 1] === "number") continue;
    const guess = closest(key, knownKeys(schema, level));
    if (guess) return { path: level, key: guess };
  }
  return undefined;
}

// Fields other systems keep a post unpublished with. Removed as unknown, the post would be
// published: each is read for what it means, `draft: true` or nothing at all.
const PUBLIC_WHEN_TRUE = new Set(["published", "publish", "public", "visible", "live", "ispublished"]);
const HIDDEN_WHEN_TRUE = new Set(["unpublished", "hidden", "hide", "private", "isdraft", "drafted", "notpublished", "nopublish", "donotpublish"]);
const STATE_FIELDS = new Set(["status", "state", "visibility", "stage", "poststatus", "publishstatus", "publication"]);
const HIDDEN_STATES = new Set(["draft", "drafts", "unpublished", "notpublished", "private", "hidden", "hide", "pending", "wip", "workinprogress", "inprogress", "notready", "unfinished", "todo", "review", "inreview"]);
const PUBLIC_STATES = new Set(["published", "publish", "public", "live", "ready", "done", "final", "visible", "online"]);

/** true: the writer meant the post to stay unpublished; false: published; "unclear"; undefined: not about publishing. */
function meantHidden(key: string, value: unknown): boolean | "unclear" | undefined {
  const k = key.toLowerCase().replace(/[\s_-]/g, "");
  const v = typeof value === "boolean" ? value : typeof value === "string" ? YES_NO[value.trim().toLowerCase()] : undefined;
  if (PUBLIC_WHEN_TRUE.has(k)) return v === undefined ? "unclear" : !v;
  if (HIDDEN_WHEN_TRUE.has(k)) return v === undefined ? "unclear" : v;
  if (STATE_FIELDS.has(k) && typeof value === "string") {
    const state = value.toLowerCase().replace(/[\s_-]/g, "");
    if (HIDDEN_STATES.has(state)) return true;
    if (PUBLIC_STATES.has(state)) return false;
  }
  return undefined;
}

/**
 * `status: draft`, `published: false`, `hidden: true`: "unknown field → remove it" would
 * publish the post; the fix is `draft: true`, the README's one way to keep it unpublished.
 * `published: true` and `status: published` say what a post is anyway: remove them.
 * Only where the schema has a top-level `draft` (a post's front matter).
 */
function publicationWords(key: string, value: unknown, path: readonly PropertyKey[], schema: z.ZodType, data: unknown, locate: Locate): Words | undefined {
  if (!knownKeys(schema, []).includes("draft")) return undefined;
  const hidden = meantHidden(key, value);
  if (hidden === undefined) return undefined;
  const draft = valueAt(data, ["draft"]);
  const draftLine = hasValue(data, ["draft"]) ? locate(["draft"]).line : undefined;
  const onLine = draftLine !== undefined ? ` (line ${draftLine})` : "";
  const message = `unknown field \`${key}\`: a post is published unless it has \`draft: true\``;
  if (hidden === "unclear") {
    return { message, fix: `write \`draft: true\` in place of this line to keep the post off the published site${path.length ? ", flush left" : ""}, or remove the line to publish it` };
  }
  if (!hidden) {
    return {
      message: `unknown field \`${key}\``,
      fix: `remove it: a post is published unless it has \`draft: true\`${draft === true ? `, as this one does${onLine}: remove that line too when the post is ready` : ""}`,
    };
  }
  if (draft === true) return { message, fix: `remove it: \`draft: true\`${onLine} already keeps the post off the published site` };
  if (draftLine !== undefined) return { message, fix: `did you mean \`draft: true\`? remove this line and change the \`draft:\` line${onLine} to \`draft: true\`` };
  return { message, fix: `did you mean \`draft: true\`? write \`draft: true\` in place of this line${path.length ? ", flush left, with no spaces before it" : ""} (it keeps the post off the published site until you remove it)` };
}

/** The text a number or true/false was written as (`1.50`, `True`), from the source; undefined without it. */
function writtenScalar(path: readonly PropertyKey[], value: unknown, context: IssueContext, locate: Locate): string | undefined {
  if (!context.source || (typeof value !== "number" && typeof value !== "boolean")) return undefined;
  const at = locate(path);
  const line = context.source.text.split("\n")[(at.line ?? 0) - context.source.firstLine];
  if (line === undefined || at.column === undefined) return undefined;
  const key = path[path.length - 1];
  // An item's position is its own; a field's is its key's, the value follows the colon.
  const rest = typeof key === "number" ? line.slice(at.column - 1) : /^[^:]*:[ \t]*(.*)$/.exec(line.slice(at.column - 1))?.[1];
  const token = /^[^\s,[\]{}#]+/.exec(rest ?? "")?.[0];
  if (token === undefined) return undefined;
  const same = typeof value === "boolean" ? token.toLowerCase() === String(value) : Number(token) === value || /^[-+]?(0o[0-7]+|0x[\da-f]+|\.inf|\.nan)$/i.test(token);
  return same ? token : undefined;
}

/** The spaces before the field at `path` on its line (`  credit:` under `image:`), so that a line given whole reads back in place; "" when unknown. */
function indentOf(path: readonly PropertyKey[], context: IssueContext, locate: Locate): string {
  if (!context.source || path.length < 2) return "";
  const line = context.source.text.split("\n")[(locate(path).line ?? 0) - context.source.firstLine];
  return /^[ ]*/.exec(line ?? "")![0];
}

/** Whether the value at `path` is written in straight quotes in the source; false without the source. */
function writtenInQuotes(path: readonly PropertyKey[], context: IssueContext, locate: Locate): boolean {
  if (!context.source) return false;
  const at = locate(path);
  const line = context.source.text.split("\n")[(at.line ?? 0) - context.source.firstLine];
  if (line === undefined || at.column === undefined) return false;
  const key = path[path.length - 1];
  const rest = typeof key === "number" ? line.slice(at.column - 1) : /^[^:]*:[ \t]*(.*)$/.exec(line.slice(at.column - 1))?.[1];
  return /^["']/.test(rest ?? "");
}

/**
 * A list item's text as a fix writes it: an item of `nocite` is a citation key, with its @
 * (`- "@2019"`; `- "2019"` would only trade this error for "lists no citation key").
 */
function itemAsWritten(path: readonly PropertyKey[], text: string): string {
  return path.length === 2 && path[0] === "nocite" && typeof path[1] === "number" && !text.startsWith("@") ? `@${text}` : text;
}

/**
 * Per list (by its path, in one call of zodIssuesToDiagnostics): how it is written, as
 * flowColonFix finds it from the list alone; on one line, each item's field as written, and the
 * items that became fields.
 */
type ListFacts = Map<string, { written: "lines" | undefined } | { written: "one line"; colons: (string | undefined)[]; bad: number[] }>;

/**
 * Items of a list written in brackets on one line that YAML read as one-field groups, for a
 * colon in them (`topics: [“T1: why”, “T2: how”]`, `topics: [T1: why, T2: how]`): one error,
 * on the first, with the line as it should read, every such item in straight quotes (a
 * topic's number taken away, as the page adds its own); `once` on the others, which it fixes
 * too. "lines" for a list in brackets over several lines, whose items are fixed one by one;
 * undefined for a list written one item per line.
 */
function flowColonFix(path: readonly PropertyKey[], context: IssueContext, locate: Locate, lists: ListFacts = new Map()): { message: string; fix: string; once?: true } | "lines" | undefined {
  const listPath = path.slice(0, -1);
  const name = listPath[listPath.length - 1];
  const list = valueAt(context.data, listPath);
  if (typeof name !== "string" || !Array.isArray(list) || list.length === 0) return undefined;
  const listKey = listPath.map((seg) => `${typeof seg}:${String(seg)}`).join("\u0000");
  let facts = lists.get(listKey);
  if (!facts) {
    const keyLine = locate(listPath).line;
    const lines = list.map((_, i) => locate([...listPath, i]).line);
    if (keyLine === undefined) facts = { written: undefined };
    else if (!lines.every((l) => l === keyLine)) facts = { written: lines[0] === keyLine || new Set(lines).size < lines.length ? "lines" : undefined };
    else {
      const colons = list.map((v) => colonField(v));
      facts = { written: "one line", colons, bad: colons.flatMap((c, i) => (c === undefined ? [] : [i])) };
    }
    lists.set(listKey, facts);
  }
  if (facts.written !== "one line") return facts.written;
  const { colons, bad } = facts;
  const index = path[path.length - 1] as number;
  if (bad[0] !== index) return bad.includes(index) ? { message: "", fix: "", once: true } : undefined;
  const topics = listPath.length === 1 && name === "topics";
  let curly = false;
  let numbered = false;
  const items = list.map((v, i) => {
    const colon = colons[i];
    if (colon === undefined) {
      if (typeof v !== "string") return quoteYaml(String(v));
      const whole = curlyQuoted(v);
      return whole ? quoteYaml(whole.text) : flowItem(v);
    }
    const straight = curlyQuoted(colon);
    if (straight) curly = true;
    const unlabeled = !straight && topics ? withoutTopicLabel(colon, i) : undefined;
    if (unlabeled !== undefined) numbered = true;
    return unlabeled !== undefined ? flowItem(unlabeled) : quoteYaml(straight ? straight.text : colon);
  });
  const names = bad.map((i) => fieldWords([...listPath, i]));
  const named = bad.map((i) => `\`${Object.keys(list[i] as object)[0]}\``);
  const both = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0]!);
  const line = `${name}: [${items.join(", ")}]`;
  return {
    message: `${both(names)} became ${bad.length > 1 ? "fields" : "a field"} named ${both(named)}: YAML reads a colon followed by a space as the end of a field's name${curly ? `, and the quotes are curly quotes — YAML needs straight quotes " "` : ""}${numbered ? ", and the page numbers the questions itself" : ""}`,
    fix: numbered && !curly
      ? `write ${bad.length > 1 ? "them" : "it"} without the number${bad.length > 1 ? "s" : ""}: \`${line}\``
      : `put the ${bad.length > 1 ? "items" : "item"} in ${curly ? "straight " : ""}quotes, so that the colon stays part of ${bad.length > 1 ? "them" : "it"}: \`${line}\``,
  };
}

/** A list item as YAML reads it back inside [ ]: plain when it can be, else in double quotes. */
function flowItem(text: string): string {
  const plain = yamlScalar(text);
  return plain === text && !/[,[\]{}]/.test(text) ? text : JSON.stringify(text);
}

/**
 * The fix for a number or true/false in a list written in brackets (`tags: [2026, true]`):
 * the line as it should read, every such item in quotes, so that it can replace the line
 * whole; `- "2026"` pasted into the brackets would not be YAML. undefined for a list
 * written one item per line, whose `- "2026"` is right.
 */
function flowListFix(path: readonly PropertyKey[], context: IssueContext, locate: Locate): string | undefined {
  const listPath = path.slice(0, -1);
  const name = listPath[listPath.length - 1];
  const list = valueAt(context.data, listPath);
  if (typeof name !== "string" || !Array.isArray(list) || !list.length) return undefined;
  const keyLine = locate(listPath).line;
  const lines = list.map((_, i) => locate([...listPath, i]).line);
  const flow = lines[0] === keyLine || new Set(lines).size < lines.length;
  if (!flow) return undefined;
  const bad = list.flatMap((v, i) => (typeof v === "number" || typeof v === "boolean" ? [i] : []));
  const index = path[path.length - 1] as number;
  if (!bad.includes(index)) return undefined;
  const others = bad.length > 1 ? `, and so the list's other ${bad.length === 2 ? "item" : "items"} that ${bad.length === 2 ? "is" : "are"} not text` : "";
  const oneLine = lines.every((l) => l === keyLine);
  const keys = itemAsWritten(path, "") === "" ? "" : ", with @";
  if (!oneLine) return `put it in quotes${keys}, inside the brackets: ${quoteYaml(itemAsWritten(path, writtenScalar(path, list[index], context, locate) ?? String(list[index])))}${others}`;
  if (context.source && keyLine !== undefined) {
    let text = context.source.text.split("\n")[keyLine - context.source.firstLine];
    for (const i of [...bad].sort((a, b) => b - a)) {
      const column = locate([...listPath, i]).column;
      const token = writtenScalar([...listPath, i], list[i], context, locate);
      if (text === undefined || column === undefined || token === undefined || text.slice(column - 1, column - 1 + token.length) !== token) {
        text = undefined;
        break;
      }
      text = `${text.slice(0, column - 1)}${quoteYaml(itemAsWritten(path, token))}${text.slice(column - 1 + token.length)}`;
    }
    if (text !== undefined) return `put it in quotes${keys}${others}: \`${text.trim()}\``;
  }
  if (!list.every((v) => typeof v === "string" || typeof v === "number" || typeof v === "boolean")) {
    return `put it in quotes${keys}, inside the brackets: ${quoteYaml(itemAsWritten(path, String(list[index])))}${others}`;
  }
  const items = list.map((v) => (typeof v === "string" ? flowItem(v) : quoteYaml(itemAsWritten(path, String(v)))));
  return `put it in quotes${keys}${others}: \`${name}: [${items.join(", ")}]\``;
}

/**
 * An empty field whose value is written below it but commented out (`topics:` above
 * `#   - First question?`): the lines, and the fix that takes their # off.
 */
function commentedValue(path: PropertyKey[], list: boolean, context: IssueContext, locate: Locate): { message: string; fix: string } | undefined {
  const at = locate(path).line;
  if (!context.source || at === undefined) return undefined;
  const lines = context.source.text.split("\n");
  const found = commentedOutBelow(lines, at - context.source.firstLine, list);
  if (!found) return undefined;
  const first = found[0]!.index + context.source.firstLine;
  const last = found[found.length - 1]!.index + context.source.firstLine;
  const where = first === last ? `line ${first}` : `lines ${first}–${last}`;
  const shown = found.map((f) => `\`${f.text}\``);
  return {
    message: `${fieldWords(path)} is empty: ${found.length === 1 ? `its ${list ? "item" : "field"} below it, on ${where}, is` : `its ${list ? "items" : "fields"} below it, on ${where}, are`} still commented out (${found.length === 1 ? "it starts" : "they start"} with #), so YAML leaves ${found.length === 1 ? "it" : "them"} out`,
    fix: `remove the # at the start of ${where}, so that ${found.length === 1 ? "it reads" : "they read"} ${shown.length === 2 ? shown.join(" and ") : shown.join(", ")}`,
  };
}

/** What referenceProblems needs of the post beyond the item. */
export interface ReferenceFacts {
  /** The post's front matter, as parsed. */
  data: Record<string, unknown>;
  /** The post's text below the front matter: a key cited there needs no `nocite:`. */
  body: string;
  locate: Locate;
  /** The YAML text and the file line it starts on, for the `references:` line written in brackets. */
  source?: { text: string; firstLine: number };
  /** The shared bibliography's entries by key, with their file and line; undefined when the caller has none. */
  shared?: ReadonlyMap<string, { file: string; line?: number }>;
}

/**
 * The key of the shared bibliography a `references:` item names and nothing more:
 * `- fox2013`, `- "@fox2013"`, `["@fox2013"]`, or `- id: fox2013` alone; undefined otherwise.
 */
export function sharedKeyItem(entry: unknown, shared: ReadonlyMap<string, unknown> | undefined): string | undefined {
  if (!shared?.size) return undefined;
  let key: string | undefined;
  if (typeof entry === "string") key = entry.trim().replace(/^\[(.*)\]$/s, "$1").trim().replace(/^@/, "").trim();
  else if (typeof entry === "number") key = String(entry);
  else if (entry && typeof entry === "object" && !Array.isArray(entry)) {
    const fields = Object.keys(entry).filter((k) => (entry as Record<string, unknown>)[k] !== null && (entry as Record<string, unknown>)[k] !== "");
    if (fields.length === 1 && cslField(fields[0]!) === "id") key = referenceId(entry)?.trim().replace(/^@/, "");
  }
  return key !== undefined && shared.has(key) ? key : undefined;
}

/**
 * A `references:` item's problems (lib/csl-normalise.ts's), as the writer meant the item:
 * - a key of the shared bibliography (`- fox2013`, `["@fox2013"]`, `- id: fox2013` alone) is
 *   said to be one, cited by key, with the `nocite:` line to list it uncited, in place of "a
 *   reference must be a set of fields" or "has no title / has no type";
 * - "the reference has no title" is not told beside an unknown field whose fix is to write it
 *   as `title:` (`titel:`): following both, the writer would write it twice.
 */
export function referenceProblems(entry: unknown, problems: readonly ItemProblem[], facts: ReferenceFacts): ItemProblem[] {
  const key = sharedKeyItem(entry, facts.shared);
  if (key !== undefined && problems.some((p) => (p.severity ?? "error") === "error")) return [sharedKeyProblem(key, facts)];
  return problems.filter((p) => {
    const missing = /^the reference has no (\S+)$/.exec(p.message)?.[1];
    return !missing || !problems.some((q) => q !== p && q.message.startsWith("unknown field `") && (q.fix.includes(`\`${missing}\``) || q.fix.includes(`\`${missing}:`)));
  });
}

/** A list of keys as `nocite:` takes them, in brackets, each "@key". */
function nociteLineOf(keys: readonly string[]): string {
  return `nocite: [${keys.map((k) => JSON.stringify(`@${k}`)).join(", ")}]`;
}

function sharedKeyProblem(key: string, facts: ReferenceFacts): ItemProblem {
  const entry = facts.shared!.get(key) as { file?: string; line?: number } | undefined;
  const place = entry?.file ? ` (${entry.file}${entry.line ? `, line ${entry.line}` : ""})` : "";
  const items = Array.isArray(facts.data.references) ? (facts.data.references as unknown[]) : [];
  const keys = items.map((item) => sharedKeyItem(item, facts.shared));
  const escaped = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const cited = (k: string) => new RegExp(`(?<![\\p{L}\\p{N}_])@(?:${escaped(k)}|\\{${escaped(k)}\\})(?![\\p{L}\\p{N}_])`, "u").test(facts.body);
  const nocite = nociteSchema.safeParse(facts.data.nocite);
  const listed = new Set(facts.data.nocite === undefined || !nocite.success ? [] : nocite.data.map((k) => k.replace(/^@/, "")));
  const nociteLine = facts.data.nocite !== undefined ? facts.locate(["nocite"]).line : undefined;
  // The `references:` line, when the whole list is written in brackets on it and holds only shared keys.
  const listLine = facts.locate(["references"]).line;
  const flow = facts.source && listLine !== undefined && items.length > 0 && keys.every((k) => k !== undefined) && items.every((_, i) => facts.locate(["references", i]).line === listLine)
    ? facts.source.text.split("\n")[listLine - facts.source.firstLine]?.trim()
    : undefined;
  const all = keys.every((k) => k !== undefined);
  const remove = flow ? `remove the line \`${flow}\`` : all && items.length === 1 ? "remove this item and the `references:` line" : "remove this item";
  // loadPost starts it with the reference's id or number, as every reference's message.
  const message = `\`${key}\` is in the shared bibliography${place}, whose works are cited by their key, not listed in \`references:\``;
  if (cited(key)) return { path: [], message, fix: `${remove}: the text cites it already ([@${key}])` };
  if (listed.has(key) || listed.has("*")) return { path: [], message, fix: `${remove}: \`nocite:\`${nociteLine !== undefined ? ` (line ${nociteLine})` : ""} lists it already` };
  if (facts.data.nocite !== undefined) {
    return { path: [], message, fix: `${remove}, and cite it in the text as [@${key}], or, to list it without citing it, add "@${key}" to \`nocite:\`${nociteLine !== undefined ? ` (line ${nociteLine})` : ""}` };
  }
  // Every shared key of the list not cited in the text: one `nocite:` line for them all.
  const uncited = [...new Set(keys.filter((k): k is string => k !== undefined && !cited(k)))];
  const line = nociteLineOf(uncited);
  if (flow && uncited.length === keys.length) {
    return { path: [], message, fix: `cite it in the text as [@${key}] and ${remove}; or, to list it without citing it, write \`${line}\` in place of that line` };
  }
  return { path: [], message, fix: `${remove}, and cite it in the text as [@${key}]; or, to list it without citing it, add the line \`${line}\`${uncited.length > 1 ? ` (it lists the other shared ${uncited.length === 2 ? "key" : "keys"} of \`references:\` too)` : ""}` };
}
