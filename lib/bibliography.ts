// The site-wide bibliography: BibTeX/BibLaTeX (.bib, through @citation-js/plugin-bibtex),
// CSL JSON (.json) or CSL YAML (.yaml/.yml, a list or pandoc's `references:` form),
// at the paths in `citations.bibliography` of the settings. Each file is read and
// normalised once per content: a build, a check and every rebuild reuse it.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { normaliseItem, referenceId, type CslItem, type ReferenceSyntax } from "./csl-normalise.ts";
import { encodingProblems } from "./text-encoding.ts";
import { fieldPath, type Diagnostic } from "./diagnostics.ts";
import { readYamlDocument } from "./front-matter.ts";
import { SETTINGS_FILE } from "./settings.ts";

export interface SharedEntry {
  item: CslItem;
  /** The bibliography file and line the entry starts on. */
  file: string;
  line?: number;
}

export interface SharedBibliography {
  entries: Map<string, SharedEntry>;
  diagnostics: Diagnostic[];
}

interface FileResult {
  entries: SharedEntry[];
  diagnostics: Diagnostic[];
}

const cache = new Map<string, { hash: string; result: FileResult }>();

/** Load every bibliography file named in the settings; problems carry file, line, entry id and field. */
export function loadSharedBibliography(root: string, files: string[]): SharedBibliography {
  const entries = new Map<string, SharedEntry>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const full = path.resolve(root, file);
    if (!existsSync(full)) {
      diagnostics.push({
        severity: "error", file: SETTINGS_FILE, field: "citations.bibliography",
        message: `the bibliography file ${file} was not found`,
        fix: "give the path from the site's folder, e.g. content/bibliography.bib",
      });
      continue;
    }
    const text = readFileSync(full, "utf8");
    const hash = createHash("sha1").update(text).digest("hex");
    let hit = cache.get(full);
    if (!hit || hit.hash !== hash) {
      const parsed = parseBibliographyFile(file, text);
      hit = { hash, result: { ...parsed, diagnostics: [...encodingProblems(file, text), ...parsed.diagnostics] } };
      cache.set(full, hit);
    }
    diagnostics.push(...hit.result.diagnostics);
    for (const entry of hit.result.entries) {
      const other = entries.get(entry.item.id);
      if (other) {
        diagnostics.push({
          severity: "error", file: entry.file, ...(entry.line ? { line: entry.line } : {}), field: entry.item.id,
          message: `the entry "${entry.item.id}" is also in ${other.file}${other.line ? ` (line ${other.line})` : ""}`,
          fix: "keep one of the two, or give one another key",
        });
      } else entries.set(entry.item.id, entry);
    }
  }
  return { entries, diagnostics };
}

/** Parse one bibliography file by its extension. */
export function parseBibliographyFile(file: string, text: string): FileResult {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".bib" || ext === ".bibtex") return parseBibtex(file, text);
  if (ext === ".json") return parseCslJson(file, text);
  if (ext === ".yaml" || ext === ".yml") return parseCslYaml(file, text);
  return {
    entries: [],
    diagnostics: [{ severity: "error", file, field: "", message: `chatpost cannot read ${ext || "this kind of"} bibliography files`, fix: "use a .bib (BibTeX), .json (CSL JSON) or .yaml (CSL YAML) file" }],
  };
}

function parseBibtex(file: string, text: string): FileResult {
  let data: any[];
  try {
    data = new Cite(text, { forceType: "@biblatex/text", generateGraph: false }).data;
  } catch (error: any) {
    const message = String(error?.message ?? error);
    const at = /at line (\d+) col (\d+)/.exec(message);
    return {
      entries: [],
      diagnostics: [{
        severity: "error", file, ...(at ? { line: Number(at[1]), column: Number(at[2]) } : {}), field: "",
        message: `BibTeX syntax error: ${message.split("\n")[0]!.replace(/ at line \d+ col \d+:?$/, "")}`,
        fix: "check the braces, quotes and commas of this entry and the one before it",
      }],
    };
  }
  const result = normaliseAll(file, "bibtex", data.map(({ _graph, "citation-key": _key, ...item }) => item), (id) => lineOf(text, new RegExp(`@\\w+\\s*[{(]\\s*${escapeRegExp(id)}\\s*,`)));
  result.diagnostics.unshift(...bibtexStructureProblems(text).map((p) => ({ severity: "error" as const, file, ...p })));
  return result;
}

const require = createRequire(import.meta.url);
// Entry types plugin-bibtex maps; it silently reads any other as "document".
const BIBTEX_TYPES = new Set([
  ...Object.keys(require("@citation-js/plugin-bibtex/lib/mapping/biblatexTypes.json").source),
  ...Object.keys(require("@citation-js/plugin-bibtex/lib/mapping/bibtexTypes.json").source),
]);

/**
 * What plugin-bibtex accepts without a word but BibTeX users would want to hear:
 * an unknown entry type, a field written twice (the last silently wins) and an
 * entry opened with { but closed with ) or the reverse.
 */
export function bibtexStructureProblems(text: string): { line: number; column: number; field: string; message: string; fix: string }[] {
  const out: { line: number; column: number; field: string; message: string; fix: string }[] = [];
  const at = (index: number) => {
    const before = text.slice(0, index);
    return { line: before.split("\n").length, column: index - before.lastIndexOf("\n") };
  };
  const entry = /@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g;
  let m: RegExpExecArray | null;
  while ((m = entry.exec(text))) {
    const type = m[1]!.toLowerCase();
    const key = m[3] ?? "";
    const closer = m[2] === "{" ? "}" : ")";
    const wrong = closer === "}" ? ")" : "}";
    const skip = type === "comment" || type === "string" || type === "preamble";
    if (!skip && !BIBTEX_TYPES.has(type)) {
      out.push({ ...at(m.index), field: key, message: `entry "${key}": @${m[1]} is not a BibTeX or BibLaTeX entry type`, fix: "use a type such as @article, @book, @incollection, @report, @online or @misc" });
    }
    const seen = new Set<string>();
    let depth = 0;
    let quote = false;
    let i = m.index + m[0].length;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === "\\") i++;
      else if (depth > 0) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
      else if (quote) {
        if (c === '"') quote = false;
        else if (c === "{") depth++;
      } else if (c === '"') quote = true;
      else if (c === "{") depth++;
      else if (c === closer) break;
      else if (c === wrong) {
        out.push({ ...at(i), field: key, message: `entry "${key}" starts with ${m[2]} but ends with ${c}`, fix: `end the entry with ${closer}` });
        break;
      } else if (c === "," && !skip) {
        const field = /^\s*([^\s=,{}()"#]+)\s*=/.exec(text.slice(i + 1));
        if (!field) continue;
        const name = field[1]!.toLowerCase();
        if (seen.has(name)) {
          out.push({ ...at(i + 1 + field[0].indexOf(field[1]!)), field: `${key}.${name}`, message: `entry "${key}": the field ${name} is written twice (only the last one would count)`, fix: "keep one of the two" });
        }
        seen.add(name);
      }
    }
    entry.lastIndex = i + 1;
  }
  return out;
}

function parseCslJson(file: string, text: string): FileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: any) {
    const pos = /position (\d+)/.exec(String(error?.message))?.[1];
    return {
      entries: [],
      diagnostics: [{ severity: "error", file, ...(pos ? { line: text.slice(0, Number(pos)).split("\n").length } : {}), field: "", message: `the file is not valid JSON: ${String(error?.message).split("\n")[0]}`, fix: "check the commas, quotes and brackets around this line" }],
    };
  }
  if (!Array.isArray(data)) {
    return { entries: [], diagnostics: [{ severity: "error", file, line: 1, field: "", message: "a CSL JSON bibliography must be a list of entries", fix: "write [ {\"id\": …}, … ]" }] };
  }
  return normaliseAll(file, "json", data, (id) => lineOf(text, new RegExp(`"[iI][dD]"\\s*:\\s*"${escapeRegExp(id)}"`)));
}

function parseCslYaml(file: string, text: string): FileResult {
  const doc = readYamlDocument(text, file, 1);
  if (doc.diagnostics.length) return { entries: [], diagnostics: doc.diagnostics };
  const data = doc.data as any;
  const list = Array.isArray(data) ? data : data && Array.isArray(data.references) ? data.references : undefined;
  if (!list) {
    return { entries: [], diagnostics: [{ severity: "error", file, line: 1, field: "", message: "a CSL YAML bibliography must be a list of entries, or `references:` with a list", fix: "start the file with `references:` and list the entries below it, each starting with `- id:`" }] };
  }
  const base = Array.isArray(data) ? [] : ["references"];
  return normaliseAll(file, "yaml", list, undefined, (i, sub) => doc.locate([...base, i, ...sub]).line);
}

function normaliseAll(
  file: string,
  syntax: ReferenceSyntax,
  list: unknown[],
  lineById?: (id: string) => number | undefined,
  lineByPath?: (index: number, sub: (string | number)[]) => number | undefined,
): FileResult {
  const entries: SharedEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    // `ID:` is an id as well (normaliseItem accepts any case), named so in the messages.
    const id = referenceId(raw) ?? `#${i + 1}`;
    const line = (sub: (string | number)[]) => lineByPath?.(i, sub) ?? lineById?.(id);
    const { item, problems } = normaliseItem(raw, { syntax });
    for (const p of problems) {
      const at = line(p.path);
      diagnostics.push({ severity: "error", file, ...(at ? { line: at } : {}), field: fieldPath([id, ...p.path]), message: `entry "${id}": ${p.message}`, fix: p.fix });
    }
    if (!item) return;
    if (seen.has(item.id)) {
      const at = line(["id"]);
      diagnostics.push({ severity: "error", file, ...(at ? { line: at } : {}), field: `${item.id}.id`, message: `entry "${item.id}": the key is used twice in this file`, fix: "give each entry its own key" });
      return;
    }
    seen.add(item.id);
    const at = line([]);
    entries.push({ item, file, ...(at ? { line: at } : {}) });
  });
  return { entries, diagnostics };
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split("\n").length : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
