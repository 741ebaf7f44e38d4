// Turns zod issues into writer-facing diagnostics: file, line, field, what, fix.
// A schema message may carry its own fix after " → " ("expected … → write …").
import { z } from "zod";
import type { Diagnostic } from "./diagnostics.ts";
import { fieldPath, fieldWords } from "./diagnostics.ts";
import { curlyQuoted, quoteYaml, type Locate } from "./front-matter.ts";
import { yamlScalar } from "./yaml-text.ts";
import { pastedTopics, withoutTopicLabel } from "./topic-labels.ts";
import { closest } from "./suggest.ts";

export interface IssueContext {
  /** The parsed YAML, to tell a missing field from a wrong one and to quote the value back. */
  data?: unknown;
  /** Fields left empty by a `#` that YAML read as a comment, with the text after the colon. */
  commentedOut?: ReadonlyMap<string, string>;
  /** Where a missing top-level field goes, in words; default: between the --- fences of a post. */
  topLevel?: string;
}

export function zodIssuesToDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: Locate,
  schema: z.ZodType,
  context: IssueContext = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const at = { severity: "error" as const, file, ...locate([...issue.path, key]), field: fieldPath([...issue.path, key]) };
        const home = homeOf(key, schema, issue.path, known);
        if (home) {
          out.push({ ...at, ...misplacedWords(key, home, issue.path, context.data, file.endsWith(".md") ? "the front matter" : "this file") });
          continue;
        }
        const guess = closest(key, known) ?? (ALIASES[key.toLowerCase()] && known.includes(ALIASES[key.toLowerCase()]!) ? ALIASES[key.toLowerCase()] : undefined);
        out.push({
          ...at,
          message: `unknown field \`${key}\``,
          fix: guess ? `did you mean \`${guess}\`?` : `remove it; the fields here are ${known.map((k) => `\`${k}\``).join(", ")}`,
        });
      }
      continue;
    }
    const path = issue.path as PropertyKey[];
    // `alt:` written beside `image:` is reported where it is written, with the indentation it needs.
    if (path.length > 1 && !hasValue(context.data, path) && strayFields(schema, path.slice(0, -1), context.data).includes(String(path[path.length - 1]))) continue;
    const field = fieldPath(path);
    const where = context.topLevel ?? (file.endsWith(".md") ? undefined : ", not indented");
  const { message, fix } = explainIssue(issue, path, schema, { ...context, ...(where ? { topLevel: where } : {}) });
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
): { message: string; fix: string } {
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
    const commented = context.commentedOut?.get(field);
    if (commented !== undefined) {
      return {
        message: `${name} is empty: YAML reads everything after # as a comment`,
        fix: `put the value in quotes: ${lead}${quoteYaml(commented)}`,
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
  const curly = typeof value === "string" ? curlyQuoted(value) : undefined;
  if (curly) {
    // `“60”` is text to YAML: the writer meant quotes, or no quotes at all for a number or true/false.
    const bare = issue.code === "invalid_type" && (issue.expected === "number" || issue.expected === "boolean");
    return {
      message: `${item ? `${name}: ` : ""}the quotes are curly quotes ${curly.open} ${curly.close} — YAML needs straight quotes " ", so they became part of the value ${JSON.stringify(value)}`,
      fix: bare ? `write it without quotes: ${lead}${curly.text.trim()}` : `write straight quotes: ${lead}${quoteYaml(curly.text)}`,
    };
  }
  const colon = issue.code === "invalid_type" && issue.expected === "string" ? colonField(value) : undefined;
  if (colon !== undefined) {
    const straight = curlyQuoted(colon);
    // `- T1: Should vendors join?`: the colon was the number's; the page numbers topics itself.
    const unlabeled = !straight && path[0] === "topics" && typeof path[1] === "number" ? withoutTopicLabel(colon, path[1]) : undefined;
    if (unlabeled !== undefined) {
      return {
        message: `${name} became a field named \`${Object.keys(value as object)[0]}\`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself`,
        fix: `write it without the number: - ${yamlScalar(unlabeled)}`,
      };
    }
    return {
      message: `${name} became a field named \`${Object.keys(value as object)[0]}\`: YAML reads a colon followed by a space as the end of a field's name${straight ? `, and the quotes are curly quotes ${straight.open} ${straight.close} — YAML needs straight quotes " "` : ""}`,
      fix: `put the text in ${straight ? "straight " : ""}quotes, so that the colon stays part of it: ${lead}${quoteYaml(straight ? straight.text : colon)}`,
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
    return { message: `${label}${expected}, found ${foundWords(value)}`, fix: ownFix ?? typeFix(issue, key, value, knownKeys(schema, path)) };
  }
  if (ownFix) return { message: `${label}${own}`, fix: ownFix };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return { message: own, fix: `add at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}, each on its own line starting with -, or remove \`${key}:\`` };
      if (issue.origin === "string" && item) return { message: `${name} is empty`, fix: `write its text, or remove it from the list` };
      if (issue.origin === "string") return { message: own, fix: `write the text after \`${key}:\`, or remove the line if the field is optional` };
      return { message: own, fix: `use ${String(issue.minimum)} or more` };
    case "too_big":
      if (issue.origin === "array" || issue.origin === "string") return { message: own, fix: `shorten it to at most ${String(issue.maximum)}` };
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

function typeFix(issue: z.core.$ZodIssue, key: string, value: unknown, fields: string[]): string {
  const expected = issue.code === "invalid_type" ? issue.expected : "";
  const shown = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const item = /^\d+$/.test(key);
  const lead = item ? "- " : `${key}: `;
  switch (expected) {
    case "string":
      if (shown !== undefined) return `put it in quotes: ${lead}${quoteYaml(shown)}`;
      return item ? `write the item as text on the line of its "- ", e.g. - your text` : `write the text on the same line: ${key}: your text`;
    case "array":
      return shown !== undefined
        ? `write \`${key}:\` alone on its line, then each item on its own line below it, indented, starting with "- " (e.g. "  - ${shown}")`
        : `write each item of \`${key}\` on its own line, indented, starting with "- "`;
    case "object":
      return `write \`${key}:\` alone on its line and its fields indented below it${fields.length ? ` (${fields.join(", ")})` : ""}`;
    case "number":
      return shown !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(shown)
        ? `write the number without quotes: ${key}: ${shown.trim()}`
        : `write a plain number, without quotes or units, e.g. ${key}: 60`;
    case "boolean":
      return `write \`${key}: true\` or \`${key}: false\` (without quotes)`;
    default:
      return `write \`${key}:\` as ${EXPECTED_WORDS[expected] ?? "described"}`;
  }
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
