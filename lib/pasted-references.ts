// A reference manager's export pasted under a post's `references:`: a BibTeX entry
// (`@article{key, title={…}, …}`) or a RIS record (`TY  - JOUR` … `ER  -`). YAML reads neither:
// its own errors ("no colon after the field name", "a value cannot start with @") would name
// a line and not the cause, and RIS even reads as one long text. Found here from the lines as
// written, each is one error naming the format, with the entry rewritten as CSL YAML when
// @citation-js/plugin-bibtex can read it (RIS has no reader here: its format is named).
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { DATE_FIELDS, NAME_FIELDS, type CslName } from "./csl-normalise.ts";
import { readsAsNumber, yamlScalar } from "./yaml-text.ts";

export interface PastedReference {
  format: "bibtex" | "ris";
  /** 1-based lines of the YAML text: the entry's first line and its last. */
  line: number;
  endLine: number;
  column: number;
  /** The entry's key (BibTeX's), when it has one. */
  id?: string;
  message: string;
  fix: string;
}

// `@article{key,` or `@misc(key,`, perhaps after a list item's `- `.
const BIBTEX_START = /^([ \t]*(?:-[ \t]+)?)@([A-Za-z]+)[ \t]*[{(][ \t]*([^,\s{}()]*)/;
// `TY  - JOUR`: RIS tags are two capitals (or a capital and a digit), two spaces, a hyphen.
const RIS_LINE = /^([ \t]*(?:-[ \t]+)?)([A-Z][A-Z0-9])  -(?:[ \t]|$)/;
// A top-level field after `references:`, where what was pasted ends.
const TOP_LEVEL_FIELD = /^["']?[A-Za-z_][\w.-]*["']?[ \t]*:(?:[ \t]|$)/;

/**
 * Each BibTeX entry and RIS record pasted below `references:` in YAML text (a post's front
 * matter) that starts at line `firstLine` of its file, in the order written; their lines are
 * the text's, the file's in messages. `[]` when there is none, or no `references:`.
 */
export function pastedReferences(text: string, firstLine = 1): PastedReference[] {
  // Cheap before anything else: most front matter has neither.
  if (!/(?:^|:)[ \t]*(?:-[ \t]+)?(?:@[A-Za-z]+[ \t]*[{(]|TY  -)/m.test(text)) return [];
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^["']?references["']?[ \t]*:/.test(l));
  if (start < 0) return [];
  let end = start + 1;
  while (end < lines.length && !(TOP_LEVEL_FIELD.test(lines[end]!) && !RIS_LINE.test(lines[end]!))) end++;
  // `references: @article{…`: the entry may start on the field's own line.
  const first = lines[start]!.replace(/^["']?references["']?[ \t]*:[ \t]*/, "");
  const at = (i: number) => (i === start ? first : lines[i]!);
  const column = (i: number, lead: string) => (i === start ? lines[start]!.length - first.length : 0) + lead.length + 1;
  // The indentation of the list's items, as written or as a post writes them.
  const itemIndent = lines.slice(start + 1, end).map((l) => /^([ \t]*)-[ \t]+["']?id["']?[ \t]*:/.exec(l)?.[1]).find((s) => s !== undefined) ?? "  ";
  const found: PastedReference[] = [];
  for (let i = start; i < end; i++) {
    const bibtex = BIBTEX_START.exec(at(i));
    if (bibtex) {
      const last = closingLine(lines, i, end, at(i));
      const entry = [at(i).slice(bibtex[1]!.length), ...lines.slice(i + 1, last + 1)].join("\n");
      found.push(bibtexProblem(entry, bibtex[2]!, bibtex[3] || undefined, i + 1, last + 1, column(i, bibtex[1]!), itemIndent, firstLine));
      i = last;
      continue;
    }
    const ris = RIS_LINE.exec(at(i));
    if (ris) {
      let last = i;
      while (last + 1 < end && (RIS_LINE.test(lines[last + 1]!) || (!lines[last + 1]!.trim() && last + 2 < end && RIS_LINE.test(lines[last + 2]!))) && !/^[ \t]*(?:-[ \t]+)?ER  -/.test(lines[last]!)) last++;
      found.push(risProblem(lines.slice(i, last + 1).map((l, k) => (k === 0 ? at(i) : l)), i + 1, last + 1, column(i, ris[1]!), firstLine));
      i = last;
    }
  }
  return found;
}

/**
 * The keys of the BibTeX entries written in `text` (`@article{shaver2022,` → shaver2022):
 * the ids of references pasted in a format YAML cannot read, which a citation may name.
 */
export function pastedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const l of text.split("\n")) {
    const key = BIBTEX_START.exec(l.replace(/^["']?references["']?[ \t]*:[ \t]*/, ""))?.[3];
    if (key) ids.add(key);
  }
  return [...ids];
}

/** The index of the line where the entry that opens on line `from` closes its first brace (or parenthesis); the block's last line when it never does. */
function closingLine(lines: readonly string[], from: number, end: number, firstText: string): number {
  let depth = 0;
  let opened = false;
  for (let i = from; i < end; i++) {
    for (const ch of i === from ? firstText : lines[i]!) {
      if (ch === "{" || ch === "(") {
        depth++;
        opened = true;
      } else if ((ch === "}" || ch === ")") && opened) {
        depth--;
        if (depth === 0) return i;
      }
    }
  }
  // Never closed: to the last line that is not blank.
  let last = end - 1;
  while (last > from && !lines[last]!.trim()) last--;
  return last;
}

/** "lines 8–13" of the file, from lines of the YAML text. */
function linesNamed(line: number, endLine: number, firstLine: number): string {
  return endLine > line ? `lines ${line + firstLine - 1}–${endLine + firstLine - 1}` : `line ${line + firstLine - 1}`;
}

// The shared bibliography's files are the settings'; front matter does not know them.
const SHARED_FILE = "a .bib file of the shared bibliography (one that `citations.bibliography` lists in content/_data/site.yaml, such as content/bibliography.bib)";

function bibtexProblem(entry: string, type: string, key: string | undefined, line: number, endLine: number, column: number, indent: string, firstLine: number): PastedReference {
  const lines = linesNamed(line, endLine, firstLine);
  const message = `this is a BibTeX entry (@${type}{${key ?? ""}, …), as a reference manager exports it: \`references:\` takes references written in CSL YAML, one \`- id:\` item each, and YAML cannot read BibTeX`;
  const yaml = cslYaml(entry, indent);
  if (!yaml) {
    return {
      format: "bibtex", line, endLine, column, ...(key ? { id: key } : {}), message,
      fix: `delete ${lines} and put the entry as it is in ${SHARED_FILE}${key ? `, then cite it as [@${key}]` : ""}; or write it here in CSL YAML, starting with "- id: some-key" (see the README, References)`,
    };
  }
  return {
    format: "bibtex", line, endLine, column, id: yaml.id, message,
    fix: `write it as CSL YAML, in place of ${lines}:\n${yaml.text}\nor, to cite it from other posts too, delete ${lines} and put the entry as it is in ${SHARED_FILE}; either way, cite it as [@${yaml.id}]`,
  };
}

function risProblem(lines: readonly string[], line: number, endLine: number, column: number, firstLine: number): PastedReference {
  const span = linesNamed(line, endLine, firstLine);
  return {
    format: "ris", line, endLine, column,
    message: `this is a RIS record (${lines.length > 1 ? `${(lines[0] ?? "").trim()} … ${(lines.at(-1) ?? "").trim()}` : (lines[0] ?? "").trim()}), as a reference manager exports it: \`references:\` takes references written in CSL YAML, one \`- id:\` item each, and chatpost does not read RIS`,
    fix: `delete ${span} and export the reference again from your reference manager as BibTeX (to put in a .bib file of the shared bibliography, one that \`citations.bibliography\` lists in content/_data/site.yaml) or as CSL YAML (to put here), or write it in CSL YAML by hand, starting with "- id: some-key" (see the README, References)`,
  };
}

/** The BibTeX entry as the lines of a `references:` item in CSL YAML, at `indent`; undefined when plugin-bibtex cannot read it. */
function cslYaml(entry: string, indent: string): { text: string; id: string } | undefined {
  let items: Record<string, unknown>[];
  try {
    items = new Cite(entry, { forceType: "@biblatex/text", generateGraph: false }).data as Record<string, unknown>[];
  } catch {
    return undefined;
  }
  const item = items.length === 1 ? items[0]! : undefined;
  if (!item || typeof item.id !== "string" || !item.id || typeof item.type !== "string") return undefined;
  const field = `${indent}  `;
  const out = [`${indent}- id: ${yamlScalar(item.id)}`, `${field}type: ${yamlScalar(item.type)}`];
  // In the order a reference is read (and the README writes one), then the others as they come.
  const rank = (key: string) => (FIELD_ORDER.includes(key) ? FIELD_ORDER.indexOf(key) : FIELD_ORDER.length);
  for (const [key, value] of Object.entries(item).sort(([a], [b]) => rank(a) - rank(b))) {
    if (key === "id" || key === "type" || key === "citation-key" || key.startsWith("_") || value === undefined || value === null || value === "") continue;
    if (NAME_FIELDS.has(key) && Array.isArray(value)) {
      out.push(`${field}${key}:`, ...value.map((n) => `${field}  - ${yamlNameLine(n as CslName)}`));
    } else if (DATE_FIELDS.has(key) && value && typeof value === "object") {
      const parts = (value as { "date-parts"?: unknown[][] })["date-parts"]?.[0];
      if (!parts?.length) continue;
      const date = parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, "0"))).join("-");
      out.push(`${field}${key}: ${date}`);
    } else if (typeof value === "string" || typeof value === "number") {
      const text = String(value);
      out.push(`${field}${key}: ${readsAsNumber(text) ? text : yamlScalar(text)}`);
    }
  }
  return { text: out.join("\n"), id: item.id };
}

const FIELD_ORDER = ["title", "author", "editor", "container-title", "collection-title", "volume", "issue", "page", "edition", "publisher", "publisher-place", "issued", "status", "DOI", "URL", "accessed"];

/** A name as a line of the list: "Family, Given" for a person, `literal:` for a name of several words kept whole. */
function yamlNameLine(name: CslName): string {
  if (name.literal) return `literal: ${yamlScalar(name.literal)}`;
  const family = [name["non-dropping-particle"], name.family].filter(Boolean).join(" ");
  if (!name.given) return /\s/.test(family) ? `literal: ${yamlScalar(family)}` : yamlScalar(family);
  const given = [name.given, name["dropping-particle"]].filter(Boolean).join(" ");
  return yamlScalar([family, given, name.suffix].filter(Boolean).join(", "));
}

/**
 * `text` with the lines of `pasted` blank (a `references:` on the first of them kept), so that
 * every other line keeps its number: the rest of the front matter read as if they were not there.
 */
export function withoutPasted(text: string, pasted: readonly PastedReference[]): string {
  const lines = text.split("\n");
  for (const p of pasted) {
    for (let l = p.line; l <= p.endLine; l++) {
      const key = /^["']?references["']?[ \t]*:/.exec(lines[l - 1] ?? "");
      lines[l - 1] = l === p.line && key ? key[0] : "";
    }
  }
  return lines.join("\n");
}
