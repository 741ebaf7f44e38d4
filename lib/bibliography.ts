// The site-wide bibliography: BibTeX/BibLaTeX (.bib, through @citation-js/plugin-bibtex),
// CSL JSON (.json) or CSL YAML (.yaml/.yml, a list or pandoc's `references:` form),
// at the paths in `citations.bibliography` of the settings. Each file is read and
// normalised once per content: a build, a check and every rebuild reuse it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { bibtexOrganisation, commaInitialsDotted, INVISIBLE_IN_IDENTIFIER, INVISIBLE_IN_TEXT, INVISIBLE_IN_NUMBER, INVISIBLE_VALUE, invisibleName, NBSP, numberEffect, referenceValueKind, visibleNumber, cslField, commaOrganisation, dotted, etAlIn, normaliseItem, organisationName, organisationProblem, pubmedReadings, referenceId, severalPeople, withoutTitles, type CslItem, type ReferenceSyntax } from "./csl-normalise.ts";
import { controlCharacterProblems, encodingProblems, unreadableTextProblem } from "./text-encoding.ts";
import { babelName, languageTag, unreadLanguage } from "./language-tags.ts";
import { markupProblems, referenceMarkupProblems } from "./front-matter-markup.ts";
import { fieldPath, type Diagnostic, type Position } from "./diagnostics.ts";
import { curlyQuoted, readYamlDocument } from "./front-matter.ts";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type Scalar, type YAMLSeq } from "yaml";
import { yamlScalar } from "./yaml-text.ts";
import { SETTINGS_FILE } from "./settings.ts";
import { bibliographyFilesIn } from "./cross-file-checks.ts";
import { findFile } from "./file-case.ts";
import { closestName, swapDistance } from "./suggest.ts";

/**
 * Where a bibliography file is on disk (lib/file-case.ts findFile): `exact` when its name is
 * there as written, capitals included, else the name it has in other capitals. Passed in by
 * tests to stand for a disk that ignores capitals.
 */
export type FindFile = (root: string, relativePath: string) => { exact: boolean; otherCase?: string };

export interface SharedEntry {
  item: CslItem;
  /** The bibliography file and line the entry starts on. */
  file: string;
  line?: number;
}

export interface SharedBibliography {
  entries: Map<string, SharedEntry>;
  diagnostics: Diagnostic[];
  /**
   * Keys of entries left out for an error of their own (reported in `diagnostics`), each
   * with its file and first line: a citation of one is told to fix that entry first.
   */
  broken?: Map<string, { file: string; line?: number }>;
  /** Files that could not be read at all (missing, or not parsed; reported in `diagnostics`). */
  unreadable?: string[];
}

interface FileResult {
  entries: SharedEntry[];
  diagnostics: Diagnostic[];
  /** Entries left out for an error of their own, by key. */
  broken?: { id: string; line?: number }[];
  /** Whether the file could not be read at all. */
  unreadable?: true;
}

const cache = new Map<string, { hash: string; result: FileResult }>();

/** Load every bibliography file named in the settings; problems carry file, line, entry id and field. */
export function loadSharedBibliography(root: string, files: string[], find: FindFile = findFile): SharedBibliography {
  const entries = new Map<string, SharedEntry>();
  const diagnostics: Diagnostic[] = [];
  const broken = new Map<string, { file: string; line?: number }>();
  const unreadable: string[] = [];
  for (const file of files) {
    const full = path.resolve(root, file);
    const index = files.indexOf(file);
    // Compared with the folder's names, capitals included: a Mac or Windows opens `bibliography.bib`
    // when the file is `Bibliography.bib`, the Linux computer that builds the site does not.
    const otherCase = existsSync(full) ? exactName(root, full, find) : undefined;
    if (otherCase !== undefined || !existsSync(full)) {
      unreadable.push(file);
      const at = listedAt(root, index);
      diagnostics.push({ severity: "error", ...at, ...(otherCase ? otherCaseBibliography(root, file, otherCase, at.line) : missingBibliography(root, file, at.line, files)) });
      continue;
    }
    const bytes = readFileSync(full);
    const text = bytes.toString("utf8");
    const hash = createHash("sha1").update(bytes).digest("hex");
    let hit = cache.get(full);
    if (!hit || hit.hash !== hash) {
      // UTF-16 (or a Word document…) read as BibTeX is noise ("a r t i c l e"): its one error, and its citations are not told as missing.
      const notText = unreadableTextProblem(file, text, bytes);
      const parsed = notText ? { entries: [], diagnostics: [], unreadable: true as const } : parseBibliographyFile(file, text);
      hit = { hash, result: { ...parsed, diagnostics: notText ? [notText] : [...encodingProblems(file, text, bytes), ...controlCharacterProblems(file, text), ...parsed.diagnostics] } };
      cache.set(full, hit);
    }
    diagnostics.push(...hit.result.diagnostics);
    if (hit.result.unreadable) unreadable.push(file);
    // Nothing in it (saved before the works were pasted, or emptied by a sync): no error of its own, but no post can cite from it.
    if (!hit.result.unreadable && !hit.result.entries.length && !hit.result.broken?.length && !hit.result.diagnostics.length) {
      const empty = !text.replace(/^\ufeff/, "").trim();
      const at = listedAt(root, index);
      diagnostics.push({
        severity: "warning", file, line: 1, column: 1, field: "",
        message: empty ? `the bibliography file ${file} is empty, so no post can cite a work from it` : `the bibliography file ${file} holds no entries, so no post can cite a work from it`,
        fix: `put the works in it (${BIBLIOGRAPHY_FORMATS[path.extname(file).toLowerCase()] ?? "one entry per work"}), or, if the site needs no shared bibliography, delete ${at.line ? `line ${at.line} of ${SETTINGS_FILE}` : `it from \`citations.bibliography\` in ${SETTINGS_FILE}`}`,
      });
    }
    for (const { id, line } of hit.result.broken ?? []) if (!broken.has(id)) broken.set(id, { file, ...(line ? { line } : {}) });
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
  return { entries, diagnostics, ...(broken.size ? { broken } : {}), ...(unreadable.length ? { unreadable } : {}) };
}

// What an entry looks like in each kind of file, for the one that holds none.
const BIBLIOGRAPHY_FORMATS: Record<string, string> = {
  ".bib": "BibTeX entries such as @article{smith2020, …}, as reference managers export them",
  ".bibtex": "BibTeX entries such as @article{smith2020, …}, as reference managers export them",
  ".json": "a CSL JSON list such as [{\"id\": \"smith2020\", …}], as reference managers export it",
  ".yaml": "a CSL YAML list of works, each starting `- id: smith2020`",
  ".yml": "a CSL YAML list of works, each starting `- id: smith2020`",
};

/**
 * Where the index-th file of `citations.bibliography` is written in the settings (read again
 * from the site's folder, only for a problem to tell): its line and column, or the field alone.
 */
function listedAt(root: string, index: number): { file: string; field: string; line?: number; column?: number } {
  const field = "citations.bibliography";
  try {
    const source = readFileSync(path.join(root, SETTINGS_FILE), "utf8").replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    const at = readYamlDocument(source, SETTINGS_FILE, 1).locate(["citations", "bibliography", index]);
    if (at.line === undefined) return { file: SETTINGS_FILE, field };
    return { file: SETTINGS_FILE, field, line: at.line, ...(at.column !== undefined ? { column: at.column } : {}) };
  } catch {
    return { file: SETTINGS_FILE, field };
  }
}

/**
 * A bibliography file the settings list that is not there, with the file most likely meant
 * when there is one: the same name in other capitals, with .txt added (Notepad, TextEdit),
 * with another bibliography extension, or at the path from content/ written from the site's
 * folder. Else the bibliography files there are, to list instead.
 */
function missingBibliography(root: string, file: string, line: number | undefined, listed: ReadonlyArray<string>): { message: string; fix: string } {
  const written = file.replace(/\\/g, "/");
  const folder = path.posix.dirname(written);
  const name = path.posix.basename(written);
  const stem = name.replace(/\.(?:bib|bibtex|json|ya?ml)$/i, "");
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const there = (dir: string) => {
    try {
      return readdirSync(path.resolve(root, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return [];
    }
  };
  const names = there(folder);
  const inFolder = (n: string) => rel(path.resolve(root, folder, n));
  const lineText = line === undefined ? undefined : listedText(root, line);
  const relist = (meant: string) =>
    lineText?.includes(file) ? `write line ${line} as \`${lineText.replace(file, meant)}\`` : `write ${meant} in place of ${file} in \`citations.bibliography\``;
  const looked = `the bibliography file ${file} was not found`;
  const capitals = names.find((n) => n !== name && n.toLowerCase() === name.toLowerCase());
  if (capitals) {
    return {
      message: `${looked}: the file is named ${inFolder(capitals)}, and file names must match in capitals and small letters (the computer that builds the site tells them apart)`,
      fix: `rename ${inFolder(capitals)} to ${name}, or ${relist(inFolder(capitals))}`,
    };
  }
  const txt = names.find((n) => /\.txt$/i.test(n) && n.slice(0, -4).toLowerCase() === name.toLowerCase());
  if (txt) {
    return {
      message: `${looked}, but ${inFolder(txt)} is there: the editor that saved it added .txt to its name`,
      fix: `rename ${inFolder(txt)} to ${name} (on Windows, turn on "File name extensions" in File Explorer's View menu to see the .txt; on a Mac, Get Info, Name & Extension)`,
    };
  }
  const otherKind = names.find((n) => n !== name && /\.(?:bib|bibtex|json|ya?ml)$/i.test(n) && n.replace(/\.[^.]+$/, "").toLowerCase() === stem.toLowerCase());
  if (otherKind) {
    return { message: `${looked}, but ${inFolder(otherKind)} is there`, fix: relist(inFolder(otherKind)) };
  }
  // `bibliography.bib` or `/content/bibliography.bib`: written from content/, or from the drive's root.
  const fromSite = written.replace(/^\/+/, "");
  const candidates = [fromSite, `content/${fromSite}`].filter((c) => c !== written);
  const meant = candidates.find((c) => existsSync(path.resolve(root, c)) && statIsFile(path.resolve(root, c)));
  if (meant) {
    return { message: `${looked} (looked for ${path.resolve(root, file)}), but ${meant} is there: paths are written from the site's folder, the one holding content/`, fix: relist(meant) };
  }
  const others = bibliographyFilesIn(root).filter((f) => !listed.some((l) => path.resolve(root, l) === path.resolve(root, f)));
  if (others.length) {
    const shown = others.slice(0, 5);
    return {
      message: `${looked} (looked for ${path.resolve(root, file)})`,
      fix: `put the file there, or write the path of the bibliography file the site has instead (${shown.join(", ")}${others.length > shown.length ? `, and ${others.length - shown.length} more` : ""})${shown.length === 1 ? `: ${relist(shown[0]!)}` : ""}`,
    };
  }
  return {
    message: `${looked} (looked for ${path.resolve(root, file)})`,
    fix: `put the bibliography file there (a .bib, CSL JSON or CSL YAML file, as a reference manager exports it), or, if the site needs no shared bibliography, delete ${line ? `line ${line} of ${SETTINGS_FILE}` : `${file} from \`citations.bibliography\``}`,
  };
}

/**
 * The path (from the site's folder) of the file `full` names in other capitals, when its name
 * differs from the file's in capitals only; undefined when it is there as written or not at all.
 * A file outside the site's folder is taken as the disk finds it.
 */
function exactName(root: string, full: string, find: FindFile): string | undefined {
  const inside = path.relative(root, full);
  if (inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
  const found = find(root, inside.split(path.sep).join("/"));
  return found.exact ? undefined : found.otherCase;
}

/** A bibliography file listed in other capitals than its name (`bibliography.bib` for `Bibliography.bib`): the name to write. */
function otherCaseBibliography(root: string, file: string, onDisk: string, line: number | undefined): { message: string; fix: string } {
  const lineText = line === undefined ? undefined : listedText(root, line);
  // Written as listed, with the file's capitals (a path written with `./` or from content/ keeps its form).
  const written = file.replace(/\\/g, "/");
  const parts = written.split("/");
  const disk = onDisk.split("/");
  const meant = parts.map((part, i) => {
    const same = disk[disk.length - parts.length + i];
    return same !== undefined && same !== part && same.toLowerCase() === part.toLowerCase() ? same : part;
  }).join("/");
  // Worded as missingBibliography words a name in other capitals found on a disk that tells capitals apart.
  const renamed = path.posix.basename(onDisk) === path.posix.basename(written) ? `rename the folder of ${onDisk} to match` : `rename ${onDisk} to ${path.posix.basename(written)}`;
  return {
    message: `the bibliography file ${file} was not found: the file is named ${onDisk}, and file names must match in capitals and small letters (the computer that builds the site tells them apart, even where this one does not)`,
    fix: `${renamed}, or ${lineText?.includes(file) ? `write line ${line} as \`${lineText.replace(file, meant)}\`` : `write ${meant} in place of ${file} in \`citations.bibliography\``}`,
  };
}

function listedText(root: string, line: number): string | undefined {
  try {
    return readFileSync(path.join(root, SETTINGS_FILE), "utf8").replace(/^\ufeff/, "").split(/\r?\n|\r/)[line - 1];
  } catch {
    return undefined;
  }
}

function statIsFile(full: string): boolean {
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

/** Parse one bibliography file by its extension. */
export function parseBibliographyFile(file: string, text: string): FileResult {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".bib" || ext === ".bibtex") return parseBibtex(file, text);
  if (ext === ".json") return parseCslJson(file, text);
  if (ext === ".yaml" || ext === ".yml") return parseCslYaml(file, text);
  return {
    entries: [], unreadable: true,
    diagnostics: [{ severity: "error", file, field: "", message: `chatpost cannot read ${ext || "this kind of"} bibliography files`, fix: "use a .bib (BibTeX), .json (CSL JSON) or .yaml (CSL YAML) file" }],
  };
}

/**
 * A .bib file read by plugin-bibtex and checked. A syntax error stops plugin-bibtex at it, so the
 * file cannot be used; but every error is told at once: the entry (or @string) the error is in is
 * set aside, blanked with its line breaks kept so that the lines stay, and the rest is read again,
 * for its own syntax errors and then its entries' problems. An @string set aside is kept as its
 * name, so that the fields using it are not told of as using one never defined.
 */
function parseBibtex(file: string, original: string): FileResult {
  const syntax: Diagnostic[] = [];
  // A field's name with an invisible character in it is told of, and read as it looks.
  const { problems: fieldNames, readable: text } = bibtexFieldNameProblems(original);
  let readable = text;
  for (;;) {
    try {
      const data = new Cite(readable, { forceType: "@biblatex/text", generateGraph: false }).data;
      if (!syntax.length) return checkBibtex(file, text, data, fieldNames);
      // Only what is told of the rest: its entries are not used while the file has a syntax error.
      return { entries: [], unreadable: true, diagnostics: [...syntax, ...checkBibtex(file, readable, data, fieldNames).diagnostics] };
    } catch (error: any) {
      const { field, ...problem } = bibtexSyntaxProblem(readable, String(error?.message ?? error));
      syntax.push({ severity: "error", file, field: field ?? "", ...problem });
      const rest = syntax.length < 20 ? withoutEntryAt(readable, problem.line, field) : undefined;
      if (rest === undefined) return { entries: [], unreadable: true, diagnostics: syntax };
      readable = rest;
    }
  }
}

/**
 * `text` with the entry that holds line `line` blanked (from the line of its @ to the next line
 * that starts with @), each character but line breaks a space; an @string (`field` is
 * "@string.name") is written `@string{name = {name}}` in its place. undefined when there is no
 * such entry, or nothing to blank.
 */
function withoutEntryAt(text: string, line: number | undefined, field: string | undefined): string | undefined {
  if (line === undefined) return undefined;
  const lines = text.split("\n");
  let start = line - 1;
  while (start > 0 && !/^\s*@/.test(lines[start]!)) start--;
  if (!/^\s*@/.test(lines[start]!)) start = line - 1;
  let end = line;
  while (end < lines.length && !/^\s*@/.test(lines[end]!)) end++;
  const span = lines.slice(start, end);
  if (!span.some((l) => /\S/.test(l))) return undefined;
  const blanked = span.map((l) => l.replace(/[^\r]/g, " "));
  const name = /^@string\.([A-Za-z_][\w:+-]*)$/.exec(field ?? "")?.[1];
  if (/^\s*@\s*string\b/i.test(span[0]!) || name) {
    const kept = name && `@string{${name} = {${name}}}`;
    if (!kept || kept.length > blanked[0]!.length) return undefined;
    blanked[0] = kept + blanked[0]!.slice(kept.length);
  }
  return [...lines.slice(0, start), ...blanked, ...lines.slice(end)].join("\n");
}

/** A .bib file's entries as plugin-bibtex read them (`data`), normalised, with the problems read from its source. */
function checkBibtex(file: string, text: string, data: any[], fieldNames: SourceProblem[] = []): FileResult {
  // Read from the source, each stands for normaliseItem's problems with the same field.
  const languages = bibtexLanguages(text);
  // Invisible characters and curly quotes: an error in an identifier (the entry is left out, and
  // stands for normaliseItem's problems with the same field); a warning in text, told beside them.
  // An @string's name is no entry's: told by itself.
  const slips = [...fieldNames.filter((p) => !p.field.startsWith("@string.")), ...bibtexInvisibleProblems(text), ...bibtexCurlyValueProblems(text)];
  const strings = bibtexStringInvisibleProblems(text);
  const names = [...bibtexNameProblems(text), ...bibtexUrlFieldProblems(text), ...languages.problems, ...slips.filter((p) => p.severity === "error")].map(({ key, cslField, ...p }) => ({ key, cslField, diagnostic: { severity: "error" as const, file, ...p } }));
  // plugin-bibtex makes BibLaTeX's shortseries CSL's collection-title-short, which no style
  // prints (citeproc-js does not know it): left out here, not told as a field that is no CSL's.
  // An @xdata entry holds fields for others, and is no reference: told apart, below.
  const xdata = bibtexXdataProblems(text);
  const items = data
    .filter((item) => !xdata.some((x) => x.field === item.id))
    .map(({ _graph, "citation-key": _key, "collection-title-short": _short, ...item }) => (languages.langids.has(item.id) ? { ...item, language: languages.langids.get(item.id) } : item));
  const result = normaliseAll(file, "bibtex", items, bibtexEntryLines(text), bibtexFieldLocator(text), names);
  const structure = bibtexStructureProblems(text);
  // `volume = 15},`: the word before a } that ends its entry early is told of there.
  const macros = [...bibtexStringMacroProblems(text), ...bibtexMacroProblems(text)].filter((p) => !structure.some((s) => s.field === p.field && s.line === p.line && s.column > p.column));
  // "The reference has no title" for a title left out after such a }: its fix would be to write it twice.
  const lost = new Set(structure.flatMap(({ lost }) => (lost ? Object.entries(BIBTEX_SOURCES).filter(([, from]) => from.some((f) => lost.fields.includes(f))).map(([csl]) => `${lost.key}.${csl}`) : [])));
  result.diagnostics = result.diagnostics.filter((d) => !lost.has(d.field ?? "") && ![...lost].some((f) => (d.field ?? "").startsWith(`${f}.`)));
  result.diagnostics = result.diagnostics.filter((d) => !structure.some((s) => s.organisation && s.field === d.field && s.line === d.line));
  result.diagnostics.unshift(...[...structure.map(({ lost: _, organisation: __, ...p }) => p), ...macros].map((p) => ({ severity: "error" as const, file, ...p })));
  result.diagnostics.unshift(...fieldNames.filter((p) => p.field.startsWith("@string.")).map(({ key: _, cslField: __, ...p }) => ({ file, ...p })));
  result.diagnostics.push(...strings.problems.map((p) => ({ file, ...p })));
  // An entry whose identifier is an @string with an invisible character in it: left out, as one with it in its own value.
  if (strings.breaks.size) {
    const kept = result.entries.filter((e) => !strings.breaks.has(e.item.id));
    for (const e of result.entries) if (!kept.includes(e)) (result.broken ??= []).push({ id: e.item.id, ...(e.line ? { line: e.line } : {}) });
    result.entries = kept;
  }
  result.diagnostics.push(...slips.filter((p) => p.severity === "warning").map(({ key: _, cslField: __, ...p }) => ({ file, ...p })));
  result.diagnostics.push(...bibtexMisspeltFieldProblems(text).map(({ key: _, cslField: __, ...p }) => ({ file, ...p })));
  result.diagnostics.push(...xdata.map((p) => ({ file, severity: "warning" as const, ...p })));
  result.diagnostics.push(...bibtexMarkupProblems(file, text, data));
  result.diagnostics.push(...bibtexCommandProblems(file, text, data));
  return result;
}

/**
 * plugin-bibtex's syntax error ('expected "comma", got "label" at line 6 col 3', from its
 * grammar, or moo's "invalid syntax") told as what the writer left out, at the line where
 * it belongs: a comma after the key or after a field, an = after a field's name, braces
 * around a value, a closing brace or quote. The parser's token names are never shown.
 */
function bibtexSyntaxProblem(text: string, raw: string): Position & { message: string; fix: string; field?: string } {
  const m = /^(?:expected "(\w+)", got (?:"(\w+)"|EOF)|invalid syntax) at line (\d+) col (\d+)/.exec(raw);
  const generic = { message: "BibTeX syntax error: this entry cannot be read as BibTeX", fix: "check the braces, quotes and commas of this entry and the one before it: each field is written name = {value}, followed by a comma" };
  if (!m) return generic;
  const [, expected, got, lineText, colText] = m;
  const lines = text.split("\n");
  const offset = lines.slice(0, Number(lineText) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(colText) - 1;
  const where = { line: Number(lineText), column: Number(colText) };
  const rule = /\(([\w>-]+)\)\s*$/.exec(raw)?.[1]?.split("->").at(-1);
  const position = (index: number) => {
    return positionIn(text, index);
  };
  // The entry the error is in: the last head before it.
  let head: RegExpExecArray | undefined;
  for (const h of text.slice(0, offset).matchAll(/@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g)) head = h as RegExpExecArray;
  const key = head?.[3] ?? "";
  const entry = key ? `entry "${key}": ` : "";
  const lineOf = (n: number) => (lines[n - 1] ?? "").replace(/\r$/, "");
  const reads = (n: number, fixed: string) => `, so that line ${n} reads \`${fixed}\``;
  // The last character before the error that is not a space, and its line.
  let prev = offset - 1;
  while (prev >= 0 && /\s/.test(text[prev]!)) prev--;
  const prevLine = position(Math.max(prev, 0)).line;
  const sameLine = prevLine === where.line;
  const word = /^[^\s,={}"#]+/.exec(text.slice(offset))?.[0] ?? text[offset] ?? "";

  // `@}article{…` or a stray @ in a comment: an @ starts an entry, so its type must follow it.
  const afterAt = /@\s*$/.exec(text.slice(0, offset));
  if (afterAt && !/[A-Za-z]/.test(text[offset] ?? "")) {
    const at = position(afterAt.index);
    const l = lineOf(at.line);
    const rest = text.slice(offset + 1);
    const typeNext = /^\s*([A-Za-z]+)\s*[{(]/.exec(rest);
    if (typeNext && (BIBTEX_TYPES.has(typeNext[1]!.toLowerCase()) || ["string", "comment", "preamble"].includes(typeNext[1]!.toLowerCase()))) {
      return { ...where, message: `BibTeX syntax error: "${text[offset]}" between @ and the entry's type`, fix: `delete it${reads(where.line, l.slice(0, where.column - 1) + l.slice(where.column))}` };
    }
    return { ...at, message: "BibTeX syntax error: an @ outside an entry starts a new entry, but no entry's type follows it", fix: `delete the @${reads(at.line, l.slice(0, at.column - 1) + l.slice(at.column))}` };
  }
  // A slip in an @string line: told as the abbreviation's, not as an entry's.
  for (const h of text.slice(0, offset).matchAll(/@\s*string\s*[{(]/gi)) {
    const slip = bibtexStringSlip(text, h.index);
    if (slip) return slip;
  }
  // `title = {A ne}w dimension},`: a } in the value closes its braces before the value ends.
  const stray = strayClose(lineOf(where.line));
  if (stray) return { ...where, field: fieldPath([key, stray.name.toLowerCase()]), message: `BibTeX syntax error: ${entry}a } in the value of \`${stray.name}\` closes its braces before the value ends, after "${stray.before}"`, fix: `delete that }${reads(where.line, stray.fixed)}` };
  // `author = Smith, John},`: a value of several words without its braces, which BibTeX reads as names of @string abbreviations.
  const unbraced = bareValue(lineOf(where.line));
  if (unbraced) return { ...where, field: fieldPath([key, unbraced.name.toLowerCase()]), message: notInBraces(entry, unbraced.name, unbraced.curly), fix: `${unbraced.curly ? "write the value in braces in place of the curly quotes" : "put the value in braces"}${reads(where.line, unbraced.fixed)}` };
  if (text[offset] === "@" && text[prev] === "@") {
    const l = lineOf(where.line);
    return { ...where, message: "BibTeX syntax error: two @ in a row", fix: `delete one of them${reads(where.line, l.replace(/@\s*@/, "@"))}` };
  }
  if (expected === "lbrace" && got === "equals") {
    const l = lineOf(where.line);
    const name = /([A-Za-z_][\w:+-]*)\s*=\s*=/.exec(l)?.[1];
    return { ...where, field: name ? fieldPath([key, name.toLowerCase()]) : key, message: `BibTeX syntax error: ${entry}two = in a row`, fix: `delete one of them${reads(where.line, l.replace(/=\s*=/, "="))}` };
  }
  if (expected === "label" && got === "lbrace" && head) {
    const l = lineOf(where.line);
    return { ...position(head.index), message: `BibTeX syntax error: @${head[1]} is followed by two {`, fix: `delete one of them${reads(where.line, l.replace(/([{(])\s*[{(]/, "$1"))}` };
  }
  if (expected === "comma" && got === "label" && head) {
    const at = position(head.index);
    const written = `@${head[1]}${head[2]}${key}`;
    if (!sameLine) return { ...at, field: key, message: `BibTeX syntax error: ${entry}there is no comma after the key`, fix: `add a comma after the key: ${written},` };
    // `@article{smith\u00a02020,`: a non-breaking space or a byte order mark, pasted, which BibTeX reads as a space.
    const gap = text.slice(head.index + head[0].length, offset);
    const invisible = /^[^\S \t\r\n]+$/.test(gap) ? gap[0]! : undefined;
    if (invisible) {
      const l = lineOf(where.line);
      const at = where.column - gap.length;
      const fixed = l.slice(0, at - 1) + l.slice(where.column - 1);
      return {
        line: where.line, column: at, field: fieldPath([`${key}${word}`, "id"]),
        message: `BibTeX syntax error: entry "${key}${word}": the key has an invisible character in it (${invisibleName(invisible)}, at column ${at}), which BibTeX reads as a space, so it takes "${key}" for the key and cannot read "${word}" after it`,
        fix: `delete the key and type it again${reads(where.line, fixed)}`,
      };
    }
    return { ...where, field: key, message: `BibTeX syntax error: ${entry}a key is one word, but "${key} ${word}" has a space`, fix: `write the key without spaces, then a comma, e.g. ${written}${word},` };
  }
  // `@article{k}`: the key runs on to the closing brace, as the lexer reads a key up to a comma.
  if (expected === "comma" && (got === "rbrace" || got === undefined) && head) return { ...position(head.index), field: key, message: `BibTeX syntax error: ${entry}the entry has no fields`, fix: `write a comma after the key and then the fields, e.g. @${head[1]}{${key},\n  title = {…},\n  year = {…}\n}` };
  if (expected === "label" && got === "comma" && head) return { ...position(head.index), message: "BibTeX syntax error: the entry has no key", fix: `write a short key after @${head[1]}{, e.g. @${head[1]}{smith2016,` };
  const typed = expected === "lbrace" && rule === "Entry" ? /@\s*([A-Za-z][\w:+-]*)?\s*$/.exec(text.slice(0, offset)) : null;
  // `@articlesmith2016,`: the type and the key run together, the type a known one.
  const runOn = typed?.[1] && [...BIBTEX_TYPES].filter((t) => typed[1]!.toLowerCase().startsWith(t) && typed[1]!.length > t.length).sort((a, b) => b.length - a.length)[0];
  if (typed && runOn) {
    const at = position(typed.index);
    const l = lineOf(at.line);
    const written = typed[1]!;
    const fixed = `${l.slice(0, at.column - 1)}${typed[0].replace(written, `${written.slice(0, runOn.length)}{${written.slice(runOn.length)}`)}${l.slice(at.column - 1 + typed[0].length)}`;
    return { ...at, field: written.slice(runOn.length), message: `BibTeX syntax error: there is no { between the entry's type and its key in @${written}`, fix: `write { after @${written.slice(0, runOn.length)}${reads(at.line, fixed.replace(/\s+$/, ""))}` };
  }
  if (expected === "lbrace" && rule === "Entry" && (head === undefined || typed)) {
    const at = typed ?? /@\s*([A-Za-z]*)\s*$/.exec(text.slice(0, offset));
    const type = at?.[1] || "article";
    return { ...(at ? position(at.index) : where), message: `BibTeX syntax error: @${at?.[1] ?? ""} is not followed by { and the entry's key`, fix: `write the entry as @${type}{key, then its fields and a closing }, e.g. @${type}{smith2016,` };
  }
  if (expected === "equals") {
    const l = lineOf(where.line);
    const named = /^(\s*)([A-Za-z_][\w+-]*):?\s*(?=[{"\d])/.exec(l);
    if (named && (got === "lbrace" || got === "quote" || got === "number")) {
      return { ...where, field: fieldPath([key, named[2]!.toLowerCase()]), message: `BibTeX syntax error: ${entry}there is no = between \`${named[2]}\` and its value`, fix: `write = between the field's name and its value${reads(where.line, l.replace(named[0], `${named[1]}${named[2]} = `))}` };
    }
    const name = /([^\s,={}"#]+)\s*$/.exec(text.slice(0, offset))?.[1] ?? word;
    return { ...where, field: key, message: `BibTeX syntax error: ${entry}"${name}" is not a field: a field is written name = {value}`, fix: "write each field as name = {value}, followed by a comma, or delete the word" };
  }
  if (expected === "rbrace" && rule === "Entry" && got !== undefined) {
    if (text[prev] === ",") {
      if (got === "comma") {
        const l = lineOf(where.line);
        return { ...where, field: key, message: `BibTeX syntax error: ${entry}two commas in a row`, fix: `delete one of the commas${l.includes(",,") ? reads(where.line, l.replace(/,\s*,/, ",")) : ""}` };
      }
      const quoted = got === "quote" ? /^(\s*)"([^"\n]*)"/.exec(lineOf(where.line)) : undefined;
      if (quoted) return { ...where, field: key, message: `BibTeX syntax error: ${entry}a field's name is written without quotes`, fix: `remove the quotes around ${quoted[2]}${reads(where.line, lineOf(where.line).replace(quoted[0], quoted[1]! + quoted[2]))}` };
      return { ...where, field: key, message: `BibTeX syntax error: ${entry}"${word}" is not a field name: a field's name is a word that starts with a letter, without quotes`, fix: "write each field as name = {value}, followed by a comma" };
    }
    if (!sameLine) {
      const l = lineOf(prevLine);
      return { ...position(prev + 1), field: key, message: `BibTeX syntax error: ${entry}there is no comma after the field on line ${prevLine}, before the next one`, fix: `add a comma at the end of line ${prevLine}${reads(prevLine, l.replace(/\s*$/, ","))}` };
    }
    // `title = Some words,`: a value without braces is a @string name or a number.
    const l = lineOf(where.line);
    const value = /^(\s*)([A-Za-z_][\w:+-]*)(\s*=\s*)([^{"][^,]*?)(\s*,?\s*)$/.exec(l);
    if (value) {
      // `journal = Some words},`: the } that was to close the braces is kept, once.
      const words = inBraces(/^[^{]*\}$/.test(value[4]!) ? value[4]!.slice(0, -1).trimEnd() : value[4]!);
      return { ...where, field: fieldPath([key, value[2]!.toLowerCase()]), message: notInBraces(entry, value[2]!, words.curly), fix: `${words.curly ? "write the value in braces in place of the curly quotes" : "put the value in braces"}${reads(where.line, `${value[1]}${value[2]}${value[3]}{${words.text}}${value[5]}`)}` };
    }
  }
  // A closing brace or quote left out: the value (or entry) runs on to the end of the file or into the next entry.
  if (got === undefined || (expected === undefined && text[offset] === "@")) {
    const open = unclosedValue(text);
    if (open) {
      const l = lineOf(open.line);
      const fixed = open.oneLine ? l.replace(/(\s*,?\s*)$/, `${open.closer}$1`) : undefined;
      const what = open.closer === '"' ? "the quote" : "the brace";
      return {
        line: open.line, column: open.column, field: fieldPath([open.key, open.name]),
        message: `BibTeX syntax error: entry "${open.key}": ${what} that opens the value of \`${open.name}\` is not closed, so the rest of the file is read as part of it`,
        fix: fixed !== undefined ? `close it at the end of the value${reads(open.line, fixed)}` : `add ${open.closer} where the value of \`${open.name}\` ends`,
      };
    }
    if (got === undefined && rule === "Entry" && head) {
      return { ...position(head.index), field: key, message: `BibTeX syntax error: ${entry}the entry is not closed`, fix: "add a line with } after the entry's last field" };
    }
    // The next entry starts before this one's closing brace.
    if (expected === undefined && text[offset] === "@" && head) {
      const closer = head[2] === "(" ? ")" : "}";
      return {
        line: prevLine, column: lineOf(prevLine).length, field: key,
        message: `BibTeX syntax error: ${entry}the entry is not closed: there is no ${closer} after its last field, before the next entry (line ${where.line})`,
        fix: `add a line with ${closer} after line ${prevLine} (\`${lineOf(prevLine).trim()}\`)`,
      };
    }
  }
  if (expected === undefined && text[offset] === ";") return { ...where, field: key, message: `BibTeX syntax error: ${entry}a semicolon separates no fields`, fix: `write a comma in place of the semicolon${reads(where.line, lineOf(where.line).replace(/;(\s*)$/, ",$1"))}` };
  return { ...where, ...(key ? { field: key } : {}), ...generic };
}

/**
 * What is wrong with the @string line at `at`, which plugin-bibtex cannot read: its closing }
 * left out, the brace or quote of its text not closed, no = after the abbreviation's name (or
 * a : or two = for it), its name in quotes, no text, text of several words without braces, a
 * comma after the text, or two abbreviations in one @string. undefined when it reads well.
 * The fix is the line corrected, when the @string is written on one line, as it usually is.
 */
function bibtexStringSlip(text: string, at: number): (Position & { field: string; message: string; fix: string }) | undefined {
  const head = /^@\s*string\s*([{(])/i.exec(text.slice(at));
  if (!head) return undefined;
  const open = head[1]!;
  const close = open === "{" ? "}" : ")";
  const pos = positionIn(text, at);
  const n = pos.line;
  const column = pos.column;
  const lineStart = at - column + 1;
  const lineEnd = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, "");
  const reads = (fixed: string) => `, so that line ${n} reads \`${fixed}\``;
  const ws = (i: number) => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    return i;
  };
  // The next entry (a line that starts with @) or the end of the file: where an unclosed value runs to.
  const runsOn = (i: number) => i >= text.length || (text[i] === "\n" && /^\s*@/.test(text.slice(i + 1, i + 200)));
  const onLine = (i: number) => i <= lineEnd;
  const where = { line: n, column };
  let i = ws(at + head[0].length);
  const quotedName = /^"([A-Za-z_][\w:+-]*)"/.exec(text.slice(i));
  const nameMatch = quotedName ?? /^[A-Za-z_][\w:+-]*/.exec(text.slice(i));
  if (!nameMatch) return undefined;
  // `who: {WHO}`: a word may hold a :, so the name is read without the one at its end.
  const name = quotedName?.[1] ?? nameMatch[0].replace(/:+$/, "");
  const field = `@string.${name}`;
  const what = `BibTeX syntax error: @string "${name}"`;
  if (quotedName) {
    return { ...where, field, message: `${what}: the abbreviation's name is written in quotes, but it is a word without them`, fix: `remove the quotes around ${name}${onLine(i) ? reads(line.replace(quotedName[0], name)) : ""}` };
  }
  i = ws(i + name.length);
  const afterName = i;
  const sign = text[i];
  if (sign === ":" || (sign === "=" && text[ws(i + 1)] === "=")) {
    const written = sign === ":" ? /^:\s*/.exec(text.slice(i))![0] : /^=\s*=\s*/.exec(text.slice(i))![0];
    const fixed = line.slice(0, i - lineStart).replace(/\s*$/, "") + " = " + line.slice(i - lineStart + written.length);
    return { ...where, field, message: `${what}: ${sign === ":" ? "a : stands" : "two = stand"} between the abbreviation's name and its text, where BibTeX takes one =`, fix: `write one = there${onLine(i) ? reads(fixed) : ""}` };
  }
  if (sign === close || sign === undefined) {
    return { ...where, field, message: `${what} has no text: an @string gives a name to a text, written @string{name = {text}}`, fix: `write its text after the name, e.g. @string{${name} = {…}}, or delete the line if no entry uses it` };
  }
  if (sign !== "=") {
    if (!/[{"\d]/.test(sign)) return undefined;
    const fixed = `${line.slice(0, afterName - lineStart).replace(/\s*$/, "")} = ${line.slice(afterName - lineStart)}`;
    return { line: n, column: afterName - lineStart + 1, field, message: `${what}: there is no = between the abbreviation's name and its text`, fix: `write = after the name${onLine(afterName) ? reads(fixed) : ""}` };
  }
  // The text: pieces in braces or quotes, numbers and other abbreviations' names, joined with #.
  i = ws(i + 1);
  const valueStart = i;
  let bareOnly = true;
  for (;;) {
    const c = text[i];
    if (c === "{" || c === '"') {
      bareOnly = false;
      let depth = c === "{" ? 1 : 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (runsOn(j)) break;
        const d = text[j];
        if (d === "\\") j++;
        else if (d === "{") depth++;
        else if (d === "}") depth--;
        else if (d === '"' && c === '"' && depth === 0) break;
        if (c === "{" && depth === 0) break;
      }
      if (runsOn(j) || j >= text.length) {
        // The text runs on into the next entry: closed at the end of its line.
        const quote = c === '"';
        const rest = line.slice(i - lineStart).replace(/\s*$/, "");
        const endsClosed = rest.length > 1 && rest.endsWith(close) && (quote || depth > 1);
        const body = endsClosed ? line.replace(/\s*$/, "").slice(0, -1) : line.replace(/\s*$/, "");
        const fixed = quote ? `${body}"${close}` : `${body}${"}".repeat(Math.max(depth - (endsClosed ? 1 : 0), 1))}${close}`;
        const start = { line: n, column: i - lineStart + 1 };
        return {
          ...start, field,
          message: `${what}: the ${quote ? "quote" : "brace"} that opens its text is not closed, so the rest of the file is read as part of it`,
          fix: onLine(i) ? `close it at the end of the text${reads(fixed)}` : `add ${quote ? '"' : "}"} where the text of @string "${name}" ends`,
        };
      }
      i = j + 1;
    } else {
      const word = /^(?:\d+|[A-Za-z_][\w:+-]*)/.exec(text.slice(i));
      if (!word) return undefined;
      i += word[0].length;
    }
    const next = ws(i);
    if (text[next] !== "#") break;
    i = ws(next + 1);
  }
  const end = ws(i);
  const c = text[end];
  if (c === close) return undefined;
  const lineOfEnd = positionIn(text, end).line;
  // `@string{who = World Health Organization}`: words without braces.
  if (bareOnly && /[A-Za-z_]/.test(c ?? "") && onLine(end)) {
    const m = new RegExp(`^([^${close === "}" ? "}" : ")"}\\n]*?)(\\s*\\${close}?\\s*)$`).exec(line.slice(valueStart - lineStart));
    const words = m ? m[1]! : line.slice(valueStart - lineStart).trimEnd();
    const fixed = `${line.slice(0, valueStart - lineStart)}{${words}}${m?.[2]?.includes(close) ? m[2] : close}`;
    return { ...where, field, message: `${what}: its text "${words}" is not in braces, so BibTeX reads each word as the name of another abbreviation`, fix: `put the text in braces${reads(fixed)}` };
  }
  if (c === ",") {
    const after = ws(end + 1);
    const second = /^([A-Za-z_][\w:+-]*)\s*=/.exec(text.slice(after));
    if (second && onLine(after)) {
      const first = line.slice(0, end - lineStart).replace(/\s*$/, "");
      const prefix = line.slice(column - 1, at - lineStart + head[0].length);
      const rest = line.slice(after - lineStart).replace(/\s*$/, "");
      return {
        ...where, field,
        message: `${what}: one @string gives a name to one text, but this one has two, "${name}" and "${second[1]}", separated by a comma`,
        fix: `write each on a line of its own: \`${first}${close}\` and \`${prefix}${rest.endsWith(close) ? rest : rest + close}\``,
      };
    }
    if (text[after] === close) {
      return { ...where, field, message: `${what}: a comma after its text, where BibTeX takes none`, fix: `delete the comma${onLine(after) ? reads(line.slice(0, end - lineStart).replace(/\s*$/, "") + line.slice(after - lineStart)) : ""}` };
    }
    return undefined;
  }
  if (c === undefined || c === "@") {
    // The last line with text before `end`, up to the end of that text.
    let textEnd = end;
    while (textEnd > 0 && /\s/.test(text[textEnd - 1]!)) textEnd--;
    const lastLine = positionIn(text, textEnd).line;
    const last = text.slice(lineStartsOf(text)[lastLine - 1], textEnd).replace(/\r$/, "");
    const into = c === undefined ? "to the end of the file" : `into the next entry (line ${lineOfEnd})`;
    return {
      line: lastLine, column: last.length, field,
      message: `${what} is not closed: there is no ${close} after its text, so BibTeX reads on ${into}`,
      fix: `add ${close} at the end of its text${lastLine === n ? reads(`${last}${close}`) : `, at the end of line ${lastLine} (\`${last.trim()}${close}\`)`}`,
    };
  }
  if (c === (close === "}" ? ")" : "}")) {
    const fixed = line.slice(0, end - lineStart) + close + line.slice(end - lineStart + 1);
    return { ...where, field, message: `${what} opens with ${open} but ends with ${c}`, fix: `end it with ${close}${onLine(end) ? reads(fixed) : ""}` };
  }
  return undefined;
}

/**
 * A line `name = {value},` with a } too many inside the value: the one that closes the
 * braces before the value ends. The line without it, when the value then ends at the last }.
 */
function strayClose(line: string): { name: string; before: string; fixed: string } | undefined {
  const m = /^(\s*[A-Za-z_][\w:+-]*\s*=\s*)\{/.exec(line);
  if (!m) return undefined;
  const start = m[1]!.length;
  const end = groupEnd(line, start);
  const rest = line.slice(end);
  if (end > line.length - 1 || !/\S/.test(rest) || /^\s*(?:,|#|[})])/.test(rest)) return undefined;
  const fixed = line.slice(0, end - 1) + line.slice(end);
  const close = groupEnd(fixed, start);
  if (fixed[close - 1] !== "}" || !/^\s*,?\s*$/.test(fixed.slice(close))) return undefined;
  const name = /([A-Za-z_][\w:+-]*)\s*=/.exec(m[1]!)![1]!;
  const before = line.slice(start + 1, end - 1).split(/\s+/).slice(-3).join(" ");
  return { name, before, fixed };
}

/**
 * A line `name = value` whose value is neither in braces or quotes nor what BibTeX reads
 * without them (a number, an @string name, pieces joined with #): several words, or a
 * name list (`author = Smith, John and Doe, Jane},`). The line with the value in braces,
 * a } that was to close them kept once.
 */
function bareValue(line: string): { name: string; fixed: string; curly?: string } | undefined {
  const m = /^(\s*)([A-Za-z_][\w:+-]*)(\s*=\s*)([^{"\s=].*?)(\s*,?\s*)$/.exec(line);
  if (!m) return undefined;
  const piece = String.raw`(?:-?\d+|[A-Za-z_][\w:+-]*|\{[^{}]*\}|"[^"]*")`;
  if (new RegExp(`^${piece}(?:\\s*#\\s*${piece})*\\s*[})]?$`).test(m[4]!)) return undefined;
  const opens = (m[4]!.match(/\{/g) ?? []).length;
  const closes = (m[4]!.match(/\}/g) ?? []).length;
  const words = closes > opens && m[4]!.endsWith("}") ? m[4]!.slice(0, -1).trimEnd() : m[4]!;
  const braced = inBraces(words);
  return { name: m[2]!, fixed: `${m[1]}${m[2]}${m[3]}{${braced.text}}${m[5]}`, ...(braced.curly ? { curly: braced.curly } : {}) };
}

/**
 * A value written without braces as it goes in them: `“A study”` in curly quotes, which a writer
 * (or a word processor) meant as BibTeX's quotes, without them; any other as written.
 */
function inBraces(words: string): { text: string; curly?: string } {
  const curly = curlyQuoted(words);
  if (!curly || curly.text.includes(curly.open) || curly.text.includes(curly.close) || !curly.text.trim()) return { text: words };
  return { text: curly.text.trim(), curly: `${curly.open} ${curly.close}` };
}

/** The syntax error of a value without braces: one in curly quotes is told as such. */
function notInBraces(entry: string, name: string, curly: string | undefined): string {
  return curly
    ? `BibTeX syntax error: ${entry}the value of \`${name}\` is written in curly quotes ${curly}, which BibTeX does not read as quotes`
    : `BibTeX syntax error: ${entry}the value of \`${name}\` is not in braces`;
}

/**
 * The first field of a .bib file whose value opens a brace or quote it does not close before
 * the next field or entry starts (each field read from its name to the next line that starts
 * with `name =`, `@` or a lone `}`): where plugin-bibtex's syntax error began.
 */
function unclosedValue(text: string): { key: string; name: string; line: number; column: number; closer: string; oneLine: boolean } | undefined {
  const lines = text.split("\n");
  let key = "";
  for (let n = 0; n < lines.length; n++) {
    const head = /^\s*@\s*[A-Za-z]+\s*[{(]\s*([^\s,{}()]*)/.exec(lines[n]!);
    if (head) key = head[1]!;
    const fieldAt = /^(\s*(?:@[^,]*,\s*)?)([A-Za-z_][\w:+-]*)\s*=\s*/.exec(lines[n]!);
    if (!fieldAt) continue;
    // The field's text: up to the next field, entry or lone closing brace.
    let end = n + 1;
    while (end < lines.length && !/^\s*(?:[A-Za-z_][\w:+-]*\s*=|@|[})]\s*$)/.test(lines[end]!)) end++;
    const value = [lines[n]!.slice(fieldAt[0].length), ...lines.slice(n + 1, end)].join("\n");
    let depth = 0;
    let quote = false;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === '"' && depth === 0) quote = !quote;
    }
    if (depth > 0 || quote) return { key, name: fieldAt[2]!.toLowerCase(), line: n + 1, column: fieldAt[1]!.length + 1, closer: depth > 0 ? "}" : '"', oneLine: end === n + 1 };
  }
  return undefined;
}

// BibTeX fields plugin-bibtex makes into the printed text fields of CSL (not names, dates,
// numbers, addresses or identifiers, nor the abstract and note no style prints).
const BIBTEX_TEXT_FIELDS = new Set([
  "title", "subtitle", "titleaddon", "shorttitle", "booktitle", "booksubtitle", "booktitleaddon", "maintitle", "mainsubtitle",
  "maintitleaddon", "journal", "journaltitle", "journalsubtitle", "shortjournal", "issuetitle", "issuesubtitle", "series",
  "origtitle", "eventtitle", "venue", "publisher", "origpublisher", "institution", "organization", "school", "address",
  "location", "origlocation", "edition", "type", "howpublished", "version", "chapter", "pubstate",
]);

/**
 * Markdown and HTML in a .bib entry's text that citeproc-js prints as typed (plugin-bibtex
 * makes BibTeX's own {\em …} and \textit{…} into citeproc's tags, and passes the rest on as
 * written). Read from the source, so that the fix is the writer's own field in BibTeX, and
 * told only where the parsed entry shows the same piece: an escaped \_x\_ is meant as typed.
 */
function bibtexMarkupProblems(file: string, text: string, data: any[]): Diagnostic[] {
  const parsed = new Map<string, Set<string>>();
  for (const item of data) {
    const shown = new Set(referenceMarkupProblems(item, "json").flatMap((p) => p.pieces));
    if (shown.size) parsed.set(String(item.id), shown);
  }
  if (!parsed.size) return [];
  const out: Diagnostic[] = [];
  for (const f of bibtexFields(text)) {
    const shown = parsed.get(f.key);
    if (!shown || f.value === undefined || !BIBTEX_TEXT_FIELDS.has(f.name)) continue;
    const p = markupProblems(f.value, { reference: true, syntax: "bibtex", key: `${f.name} = ` });
    if (!p || !p.pieces.some((piece) => shown.has(piece))) continue;
    const pos = positionIn(text, f.index);
    out.push({
      severity: "warning", file, line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]),
      message: `entry "${f.key}": \`${f.name}\` ${p.message}`, fix: p.fix,
    });
  }
  return out;
}

const require = createRequire(import.meta.url);

// plugin-bibtex's own tables of the LaTeX it reads (lib/input/constants.js): any other
// command is printed as typed, backslash and all, with its braces dropped
// (\underline{u} → "\underlineu"); \href{address}{text} is printed as its address alone.
const LATEX = require("@citation-js/plugin-bibtex/lib/input/constants.js") as Record<string, Record<string, unknown>>;
const readLatex = (require("@citation-js/plugin-bibtex/lib/input/value.js") as { parse: (text: string, field: string) => unknown }).parse;
const KNOWN_COMMANDS = new Set([
  "begin", "end", ..."&%$#_{}",
  ...["formattingEnvs", "formattingCommands", "commands", "mathCommands", "diacritics", "argumentCommands"].flatMap((table) => Object.keys(LATEX[table]!)),
]);
// Known between $…$ only: $x^2$, $\mathrm{d}x$.
const KNOWN_IN_MATH = new Set(Object.keys(LATEX.mathScriptFormatting!));
// Unknown commands that stand for text, and what to write instead ("" for nothing).
const LATEX_TEXT: Record<string, string> = {
  LaTeX: "LaTeX", LaTeXe: "LaTeX2e", TeX: "TeX", BibTeX: "BibTeX", XeTeX: "XeTeX", LuaTeX: "LuaTeX", ldots: "…", dots: "…",
  aa: "å", AA: "Å", S: "§", P: "¶", pounds: "£", euro: "€", dag: "†", ddag: "‡", slash: "/",
  " ": " ", ",": " ", ";": " ", ":": " ", ">": " ", "\\": " ", quad: " ", qquad: " ", enspace: " ", thinspace: " ",
  "-": "", "/": "", "@": "", "!": "",
};
// Unknown commands with a known one that does the same.
const LATEX_EQUIVALENT: Record<string, string> = {
  mathbf: "textbf", boldsymbol: "textbf", bm: "textbf", mathit: "textit", mkbibsuperscript: "textsuperscript",
  mkbibsubscript: "textsubscript", textquote: "enquote", mkbibacro: "textsc",
};
// Unknown commands whose braces hold nothing for readers: removed with them.
const LATEX_DROPPED = new Set([
  "cite", "citep", "citet", "citeauthor", "citeyear", "parencite", "textcite", "autocite", "nocite", "ref", "eqref", "label",
  "index", "footnote", "noopsort", "sortnoop", "SortNoop", "hspace", "vspace", "hskip", "vskip", "kern", "phantom", "hphantom", "vphantom", "color",
]);

interface LatexFound {
  kind: "unknown" | "href" | "url";
  /** The command's name ("underline"), or the character after the backslash (",", " "). */
  name: string;
  /** The command and its braces as typed. */
  source: string;
  /** Where it starts in the field's value. */
  at: number;
  /** What plugin-bibtex makes of it. */
  printed: string;
  /** What the fix writes instead. */
  replacement: string;
  address?: string;
  text?: string;
}

/** What plugin-bibtex prints for LaTeX text, or undefined if it cannot read it. */
function printedLatex(source: string): string | undefined {
  try {
    return String(readLatex(source, "note"));
  } catch {
    return undefined;
  }
}

/**
 * A .bib field's value with the LaTeX plugin-bibtex would print wrongly rewritten in what
 * it reads (each found is added to `found`, `at` counted from `offset`): unknown commands,
 * \href{…}{…}, and \url{…} with an address it would change (~ read as a space, -- as a dash).
 */
function rewriteLatex(value: string, found: LatexFound[], offset = 0, state = { math: false }): string {
  let out = "";
  for (let i = 0; i < value.length; ) {
    const c = value[i]!;
    if (c !== "\\") {
      if (c === "$") state.math = !state.math;
      out += c;
      i++;
      continue;
    }
    const m = /^\\(?:([a-zA-Z]+)|([^\n]))( *)/.exec(value.slice(i));
    if (!m) {
      out += c;
      i++;
      continue;
    }
    const name = m[1] ?? m[2]!;
    let end = i + m[0].length;
    const known = (KNOWN_COMMANDS.has(name) || (state.math && KNOWN_IN_MATH.has(name))) && name !== "href" && name !== "url";
    if (known) {
      out += m[0];
      i = end;
      continue;
    }
    // The command's braces: \href has two (spaces allowed before each), the others one.
    const groups: string[] = [];
    if (value[end] === "[" && name !== "href" && name !== "url") end = value.indexOf("]", end) + 1 || value.length;
    for (let n = name === "href" ? 2 : 1; n > 0; n--) {
      const open = name === "href" || name === "url" ? end + /^\s*/.exec(value.slice(end))![0].length : end;
      if (value[open] !== "{") break;
      const close = groupEnd(value, open);
      groups.push(value.slice(open + 1, close - 1));
      end = close;
    }
    const source = value.slice(i, end);
    const printed = printedLatex(source);
    const at = offset + i;
    if (name === "href" || name === "url") {
      const address = groups[0]?.replace(/\\([&%$#_{}])/g, "$1");
      if (printed === undefined || address === undefined || groups.length < (name === "href" ? 2 : 1)) {
        out += m[0];
        i += m[0].length;
        continue;
      }
      if (name === "href") {
        const inner: LatexFound[] = [];
        const text = rewriteLatex(groups[1]!, inner, offset + i + source.lastIndexOf(groups[1]!), state);
        found.push({ kind: "href", name, source, at, printed, replacement: text, address, text: groups[1]! }, ...inner);
        out += text;
      } else {
        const escaped = `\\url{${escapeUrl(address)}}`;
        // Only what plugin-bibtex reads as other text: an address escaped already is printed as meant.
        const changed = /~|--|''|``|(?<!\\)\$/.test(groups[0]!) && printed !== address;
        if (!changed || printedLatex(escaped) !== address) out += source;
        else {
          found.push({ kind: "url", name, source, at, printed, replacement: escaped, address });
          out += escaped;
        }
      }
      i = end;
      continue;
    }
    const arg = groups[0];
    const inner = arg === undefined ? "" : rewriteLatex(arg, found, offset + i + source.lastIndexOf(arg), state);
    const after = arg === undefined ? m[3]! : "";
    const replacement =
      name in LATEX_TEXT ? LATEX_TEXT[name]! + after
      : LATEX_DROPPED.has(name) ? ""
      : name in LATEX_EQUIVALENT && arg !== undefined ? `\\${LATEX_EQUIVALENT[name]}{${inner}}`
      : inner + after;
    if (printed !== undefined) found.push({ kind: "unknown", name, source, at, printed, replacement });
    out += replacement;
    i = end;
  }
  return out;
}

/** An address written in \url{…} so that plugin-bibtex prints it as typed. */
function escapeUrl(address: string): string {
  return address
    .replace(/[\\{}$]/g, (c) => (c === "\\" ? "\\textbackslash{}" : `\\${c}`))
    .replace(/~/g, "\\textasciitilde{}")
    .replace(/([-'`])(?=\1)/g, "$1{}");
}

/** How a command is named to the writer: \underline, or \ followed by what comes after it. */
function commandName(name: string): string {
  return name === " " ? "\\ (a backslash before a space)" : `\\${name}`;
}

/** The text of an item, each string of it (names too), for telling what plugin-bibtex printed. */
function itemStrings(value: unknown, skip: ReadonlySet<string>): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap((v) => itemStrings(v, skip));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => (skip.has(k) ? [] : itemStrings(v, skip)));
  return [];
}

const NOT_TEXT = new Set(["id", "citation-key", "_graph"]);
const NOT_TEXT_NOR_URL = new Set([...NOT_TEXT, "URL"]);

/**
 * LaTeX in a .bib entry's text that plugin-bibtex prints wrongly and without a word:
 * commands it does not know (\underline{u} → "\underlineu"), \href{address}{text} (only the
 * address is printed) and \url{…} with an address it changes (~ becomes a space). Read from
 * the source, and told only where the parsed entry shows what was printed.
 */
function bibtexCommandProblems(file: string, text: string, data: any[]): Diagnostic[] {
  const items = new Map<string, any>(data.map((item) => [String(item.id), item]));
  const fields = [...bibtexFields(text)];
  const out: Diagnostic[] = [];
  for (const f of fields) {
    const item = items.get(f.key);
    if (!item || f.value === undefined || !f.value.includes("\\")) continue;
    if (!BIBTEX_TEXT_FIELDS.has(f.name) && !BIBTEX_NAME_FIELDS.has(f.name)) continue;
    const all: LatexFound[] = [];
    const rewritten = rewriteLatex(f.value, all);
    all.sort((a, b) => a.at - b.at);
    const printedText = itemStrings(item, NOT_TEXT);
    const textNotUrl = itemStrings(item, NOT_TEXT_NOR_URL);
    const shown = all.filter((p) =>
      p.kind === "unknown" ? printedText.some((s) => s.includes(`\\${p.name}`))
      // An address that became the URL (howpublished = {\url{…}}) is bibtexUrlFieldProblems' to tell.
      : textNotUrl.some((s) => s.includes(p.printed)),
    );
    if (!shown.length) continue;
    // The rewritten field undoes only what is told: anything else is left as typed.
    const told = new Set(shown);
    // On one line, as plugin-bibtex reads a run of spaces and line breaks (and one left where a command was removed) as one space.
    const fixed = all.every((p) => told.has(p)) ? rewritten.replace(/\s+/g, " ").trim() : undefined;
    const written = fields.find((g) => g.key === f.key && g.name === "url")?.value?.trim();
    const url = written?.replace(/^\\(?:url|href)\s*\{([^{}]*)\}.*$/s, "$1");
    const hrefs = shown.filter((p) => p.kind === "href");
    const newAddress = url === undefined ? hrefs[0]?.address : undefined;
    const seen = (p: string) => `"${p.replace(/\u00a0/g, " ")}"`;
    const what = shown.map((p) =>
      p.kind === "href" ? `the address ${seen(p.printed)} for ${p.source}, without ${seen(printedLatex(p.text!) ?? p.text!)}`
      : `${seen(p.printed)} for ${p.name === " " ? "a backslash before a space" : p.source}`,
    );
    const unknown = [...new Set(shown.filter((p) => p.kind === "unknown").map((p) => commandName(p.name)))];
    const advice = [...new Set(shown.map((p) => {
      if (p.kind === "url") return `write the address in \\url{…} so that it is printed as typed (~ as \\textasciitilde{}, -- as -{}-)`;
      if (p.kind === "href") {
        if (url === undefined) return p.address === newAddress ? "keep the text of \\href{…}{…} and put its address in the entry's url field" : `keep the text of \\href{…}{…} (an entry has one address: ${p.address} cannot be kept)`;
        return url === p.address ? "keep the text of \\href{…}{…} (its address is in the entry's url field already)" : `keep the text of \\href{…}{…} (the entry's url field holds ${url}: write ${p.address} there instead if readers should open that one)`;
      }
      const name = commandName(p.name);
      if (p.name in LATEX_TEXT) return LATEX_TEXT[p.name] === "" ? `remove ${name}` : LATEX_TEXT[p.name] === " " ? `write ${name} as a space` : `write ${name} as ${LATEX_TEXT[p.name]}`;
      if (LATEX_DROPPED.has(p.name)) return `remove ${name}{…} with what its braces hold`;
      if (p.name in LATEX_EQUIVALENT && p.replacement.startsWith("\\")) return `write ${name}{…} as \\${LATEX_EQUIVALENT[p.name]}{…}`;
      return /[{}]/.test(p.source) ? `remove ${name} and keep what its braces hold` : `remove ${name}`;
    }))];
    const open = /=\s*[{"]/.exec(text.slice(f.index))!;
    const index = f.index + open.index + open[0].length + shown[0]!.at;
    const pos = positionIn(text, index);
    const fix = fixed === undefined ? list(advice) : `${list(advice)}: ${f.name} = {${fixed}}${newAddress !== undefined ? ` and url = {${newAddress}}` : ""}`;
    out.push({
      severity: "warning", file, line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]),
      message: `entry "${f.key}": \`${f.name}\` has LaTeX that would be printed wrongly: readers would see ${hrefs.length && what.length > 1 ? what.join("; ") : list(what)}${unknown.length ? `; chatpost does not know ${list(unknown)}` : ""}`,
      fix,
    });
  }
  return out;
}

// BibTeX fields whose value names something (an identifier, a number, a date): an invisible
// character or curly quotes in one make a value that only looks right, or a link that leads nowhere.
const BIBTEX_IDENTIFIER_FIELDS = new Set([
  "doi", "url", "isbn", "issn", "pmid", "pmcid", "eprint", "volume", "volumes", "number", "issue", "pages", "eid",
  "year", "date", "month", "day", "urldate", "eventdate", "origdate", "pagetotal",
]);

/** The CSL fields plugin-bibtex makes of a BibTeX field (whose problems a problem of that field stands for). */
function cslFieldsOf(name: string): string[] {
  return Object.entries(BIBTEX_SOURCES).filter(([, from]) => from.includes(name)).map(([csl]) => csl);
}

/**
 * What a .bib field is, for an invisible character or curly quotes in it; undefined for one that
 * is not printed. A field that names something and that plugin-bibtex makes only CSL number
 * variables of (volume, number, pages) is a number, read by a post's rule (INVISIBLE_IN_NUMBER).
 */
function bibtexValueKind(name: string): "identifier" | "number" | "text" | undefined {
  if (!BIBTEX_IDENTIFIER_FIELDS.has(name)) return BIBTEX_TEXT_FIELDS.has(name) || BIBTEX_NAME_FIELDS.has(name) ? "text" : undefined;
  const csl = cslFieldsOf(name);
  return csl.length && csl.every((f) => referenceValueKind(f) === "number") ? "number" : "identifier";
}

/**
 * The error of an invisible character in a number (a .bib, CSL JSON or CSL YAML file's volume,
 * issue, page…), INVISIBLE_IN_NUMBER's: only non-breaking spaces between digits (`1\u00a06`,
 * maybe a range or list meant) are said as such; any other, with what it does to the printed
 * reference.
 */
function invisibleInNumber(found: { entry: string; value: string; field: string; cslName: string | undefined; first: string; count: number; column: number; line: number; fixed: string; reader: string }): { message: string; fix: string } {
  const { entry, value, field, first, count, column, line, fixed, reader } = found;
  const shown = value.replace(new RegExp(INVISIBLE_VALUE.source, "g"), (c) => (NBSP.test(c) ? " " : "")).replace(/\s+/g, " ").trim();
  const spaceOnly = NBSP.test(first) && !INVISIBLE_IN_NUMBER.test(value.replace(new RegExp(`(?<=\\d)(?:${NBSP.source})+(?=\\d)`, "g"), ""));
  const them = count > 1 ? "them" : "it";
  const which = `${count > 1 ? `${count} invisible characters` : "an invisible character"} in it (${invisibleName(first)}, ${count > 1 ? "the first " : ""}at column ${column})`;
  return {
    message: spaceOnly
      ? `${entry}the number \`${shown}\` in \`${field}\` has ${count > 1 ? `${count} non-breaking spaces between its digits (${invisibleName(first)}, the first at column ${column})` : `${invisibleName(first)}, between its digits at column ${column}`}: the citation style prints "${shown}" and reads it as text, not as one number`
      : `${entry}the number \`${shown}\` in \`${field}\` has ${which}: ${reader} keeps it as part of the value, and the citation style then reads it as text, not as a number: ${numberEffect(found.cslName)}`,
    fix: `delete ${them}, so that line ${line} reads \`${fixed}\`${spaceOnly ? " (or, if it stands between two numbers, write - for a range or a comma in its place)" : ""}`,
  };
}

type SourceProblem = { key: string; cslField: string[]; severity: "error" | "warning"; line: number; column: number; field: string; message: string; fix: string };

/**
 * Invisible characters pasted into a .bib file (a zero-width space, a soft hyphen, a byte order
 * mark; in an identifier a non-breaking space too): in the entry's key, a key that only looks
 * like the one cited; in a DOI, a URL, a volume, pages or a date, a value that only looks right
 * (a DOI's link that leads nowhere, "1 2" for a volume): an error. In a title, a journal, a
 * publisher or a name it is printed, split for search and screen readers (a byte order mark,
 * which BibTeX reads as a space, visibly): a warning. Joiners and non-breaking spaces are a
 * text's own. One per line of a value, at its first such character, with the line without them.
 */
export function bibtexInvisibleProblems(text: string): SourceProblem[] {
  const out: SourceProblem[] = [];
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const position = (index: number) => {
    return positionIn(text, index);
  };
  const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);
  /** The characters of `pattern` in text[from, to), by line: each line's first, how many, and the line without them. */
  const byLine = (from: number, to: number, pattern: RegExp) => {
    const found = new Map<number, { column: number; first: string; count: number; fixed: string }>();
    for (const m of text.slice(from, to).matchAll(everywhere(pattern))) {
      const { line, column } = position(from + m.index);
      const seen = found.get(line);
      if (seen) seen.count++;
      else found.set(line, { column, first: m[0], count: 1, fixed: "" });
    }
    for (const [line, f] of found) {
      const start = lineStartsOf(text)[line - 1]!;
      const l = lines[line - 1]!;
      const a = Math.max(0, from - start);
      const b = Math.min(l.length, to - start);
      f.fixed = l.slice(0, a) + l.slice(a, b).replace(everywhere(pattern), "") + l.slice(b);
    }
    return found;
  };
  const which = (f: { column: number; first: string; count: number }) =>
    `${f.count > 1 ? `${f.count} invisible characters` : "an invisible character"} in it (${invisibleName(f.first)}, ${f.count > 1 ? "the first " : ""}at column ${f.column})`;
  // What a value looks like on screen: zero-width characters unseen, a non-breaking space a space.
  const looks = (value: string) => value.replace(everywhere(INVISIBLE_IN_IDENTIFIER), (c) => (NBSP.test(c) ? " " : "")).replace(/\s+/g, " ").trim();

  // The keys: plugin-bibtex reads a zero-width space or a soft hyphen as part of one.
  const head = /@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g;
  for (let m; (m = head.exec(text)); ) {
    const type = m[1]!.toLowerCase();
    const key = m[3] ?? "";
    if (["comment", "string", "preamble"].includes(type) || !INVISIBLE_IN_IDENTIFIER.test(key)) continue;
    const from = m.index + m[0].length - key.length;
    const visible = looks(key);
    for (const [line, f] of byLine(from, from + key.length, INVISIBLE_IN_IDENTIFIER)) {
      out.push({
        key, cslField: ["id"], severity: "error", line, column: f.column, field: fieldPath([visible, "id"]),
        message: `entry "${visible}": the key has ${which(f)}: BibTeX keeps it as part of the key, which only looks like \`${visible}\`, so [@${visible}] would not find the entry`,
        fix: `delete the key and type it again, so that line ${line} reads \`${f.fixed}\``,
      });
    }
  }
  for (const f of bibtexFields(text)) {
    const kind = bibtexValueKind(f.name);
    if (!kind || f.value === undefined) continue;
    const pattern = kind === "identifier" ? INVISIBLE_IN_IDENTIFIER : kind === "number" ? INVISIBLE_IN_NUMBER : INVISIBLE_IN_TEXT;
    // A number's ends as plugin-bibtex and citeproc-js read them: a byte order mark (which
    // plugin-bibtex makes a space) or a non-breaking space there is trimmed, as a space is: the
    // number prints as one. normaliseItem trims the value itself.
    const value = kind === "number" ? f.value.trim() : f.value;
    if (!pattern.test(value)) continue;
    const open = /=\s*[{"]/.exec(text.slice(f.index))!;
    const from = f.index + open.index + open[0].length + (kind === "number" ? f.value.length - f.value.trimStart().length : 0);
    const key = looks(f.key);
    for (const [line, found] of byLine(from, from + value.length, pattern)) {
      const where = { key: f.key, line, column: found.column, field: fieldPath([key, f.name]) };
      if (kind === "number") {
        const cslName = cslFieldsOf(f.name)[0];
        out.push({ ...where, cslField: cslFieldsOf(f.name), severity: "error", ...invisibleInNumber({ entry: `entry "${key}": `, value, field: f.name, cslName, ...found, line, fixed: found.fixed, reader: "BibTeX" }) });
      } else if (kind === "identifier") {
        const visible = looks(f.value);
        const link = f.name === "doi" || f.name === "url" ? `, and its link would lead nowhere` : "";
        out.push({
          ...where, cslField: cslFieldsOf(f.name), severity: "error",
          message: `entry "${key}": the value of \`${f.name}\` has ${which(found)}: BibTeX keeps it as part of the value, which only looks like \`${visible}\`${link}`,
          fix: `delete the value and type it again, so that line ${line} reads \`${found.fixed}\``,
        });
      } else {
        // A byte order mark is a space to BibTeX: the word is printed split.
        const spaced = found.first === "\ufeff" || (found.count > 1 && lines[line - 1]!.includes("\ufeff"))
          ? `; BibTeX reads a byte order mark as a space, so it would be printed "${(printedLatex(f.value.replace(/\ufeff/g, " ")) ?? f.value).replace(everywhere(INVISIBLE_IN_TEXT), "").replace(/\s+/g, " ").trim()}"`
          : "";
        const them = found.count > 1 ? "them" : "it";
        out.push({
          ...where, cslField: cslFieldsOf(f.name), severity: "warning",
          message: `entry "${key}": \`${f.name}\` has ${which(found)}: it is printed with the text, where it can split a word for search and for screen readers${spaced}`,
          fix: `delete ${them} (type the words around ${them} again), so that line ${line} reads \`${found.fixed}\``,
        });
      }
    }
  }
  return out;
}

// Every invisible character, as a pattern that finds them all (a field's name holds none).
const INVISIBLE_ALL = new RegExp(INVISIBLE_VALUE.source, "g");
// The ones BibTeX (plugin-bibtex) reads as a space: before or after a field's name they do no harm.
const INVISIBLE_SPACE = /[\u00a0\u2007\u202f\ufeff]/;

/**
 * Field names (and @string names) with an invisible character in them (`tit\u200ble = {…}`, a
 * zero-width space pasted with the name): BibTeX reads a field of another name, which it does
 * not know, and leaves the field out; plugin-bibtex cannot read the file at all. An error, at
 * the character, with the line without it. `readable` is the text with each such name written
 * as it looks (spaces before it, so that every column stays), for the rest of the file to be
 * read and checked in the same run. A non-breaking space or a byte order mark before or after
 * the name is read as a space, and left alone.
 */
export function bibtexFieldNameProblems(text: string): { problems: SourceProblem[]; readable: string } {
  const problems: SourceProblem[] = [];
  if (!INVISIBLE_VALUE.test(text)) return { problems, readable: text };
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const position = (index: number) => {
    return positionIn(text, index);
  };
  const looks = (value: string) => value.replace(new RegExp(INVISIBLE_IN_IDENTIFIER.source, "gu"), "").trim();
  let readable = text;
  /** The name written between `from` and the = at `to`, on the line of the =. */
  const check = (from: number, to: number, key: string, isString: boolean) => {
    const lineStart = text.lastIndexOf("\n", to - 1) + 1;
    const start = Math.max(from, lineStart);
    const written = text.slice(start, to);
    // Spaces (and the invisible ones BibTeX reads as spaces) around the name are no part of it.
    const lead = /^[\s]*/.exec(written)![0].length;
    const name = written.slice(lead).replace(/\s+$/, "");
    if (!name || /^%/.test(name) || !INVISIBLE_VALUE.test(name)) return;
    const clean = name.replace(INVISIBLE_ALL, "");
    if (!/^[A-Za-z_][\w:+-]*$/.test(clean)) return;
    const first = INVISIBLE_VALUE.exec(name)!;
    const at = start + lead + first.index;
    const { line, column } = position(at);
    const count = name.match(INVISIBLE_ALL)!.length;
    const l = lines[line - 1]!;
    const nameAt = start + lead - lineStart;
    const fixed = `${l.slice(0, nameAt)}${clean}${l.slice(nameAt + name.length)}`;
    const which = `${count > 1 ? `${count} invisible characters` : "an invisible character"} in it (${invisibleName(first[0])}, ${count > 1 ? "the first " : ""}at column ${column})`;
    const read = INVISIBLE_SPACE.test(first[0])
      ? `, which BibTeX reads as a space, so it cannot read \`${clean}\` as one name`
      : `, so BibTeX reads it as ${isString ? "an abbreviation" : "a field"} of another name that only looks like \`${clean}\``;
    const visibleKey = looks(key);
    const lost = isString ? `, and the fields written \`= ${clean}\` would not find it` : ", and leaves the field out";
    problems.push({
      key, cslField: isString ? [] : cslFieldsOf(clean.toLowerCase()), severity: "error", line, column,
      field: isString ? `@string.${clean}` : fieldPath([visibleKey, clean.toLowerCase()]),
      message: `${isString ? `@string "${clean}": the abbreviation's name` : `entry "${visibleKey}": the field name \`${clean}\``} has ${which}${read}${INVISIBLE_SPACE.test(first[0]) ? "" : lost}`,
      fix: `delete the ${isString ? "abbreviation's" : "field's"} name and type it again, so that line ${line} reads \`${fixed}\``,
    });
    const padded = " ".repeat(name.length - clean.length) + clean;
    readable = readable.slice(0, start + lead) + padded + readable.slice(start + lead + name.length);
  };
  const head = /@\s*([A-Za-z]+)\s*([{(])\s*/g;
  for (let m; (m = head.exec(text)); ) {
    const type = m[1]!.toLowerCase();
    if (type === "comment" || type === "preamble") continue;
    const isString = type === "string";
    const closer = m[2] === "{" ? "}" : ")";
    let i = m.index + m[0].length;
    const keyMatch = isString ? undefined : /^[^\s,{}()]*/.exec(text.slice(i));
    const key = keyMatch?.[0] ?? "";
    // Where the name now being written starts: after the key's comma, each field's comma, or an @string's brace.
    let nameFrom: number | undefined = isString ? i : undefined;
    i = scanOutsideValues(text, i, (c, at) => {
      if (c === closer || c === "@") return true;
      if (c === ",") nameFrom = at + 1;
      else if (c === "=" && nameFrom !== undefined) {
        check(nameFrom, at, key, isString);
        nameFrom = undefined;
      }
      return false;
    });
    head.lastIndex = Math.max(i, m.index + m[0].length);
  }
  return { problems, readable };
}

/**
 * Invisible characters in the text of an @string abbreviation (`@string{who = {World\u200b
 * Health Organization}}`): printed, or kept, wherever the abbreviation is used. Used in an
 * identifier (`volume = vol`, `doi = d`), a value that only looks right: an error, and the
 * entries that use it there (`breaks`) are left out meanwhile; else a warning, as in text. One
 * per line of the text, with the line without them.
 */
export function bibtexStringInvisibleProblems(text: string): { problems: (Position & { severity: "error" | "warning"; line: number; field: string; message: string; fix: string })[]; breaks: Set<string> } {
  const problems: ReturnType<typeof bibtexStringInvisibleProblems>["problems"] = [];
  const breaks = new Set<string>();
  if (!INVISIBLE_VALUE.test(text) || !/@\s*string/i.test(text)) return { problems, breaks };
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const fields = [...bibtexFields(text)];
  const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  const looks = (value: string) => value.replace(everywhere(INVISIBLE_IN_IDENTIFIER), (c) => (NBSP.test(c) ? " " : "")).replace(/\s+/g, " ").trim();
  for (const d of text.matchAll(/@\s*string\s*[{(]\s*([A-Za-z_][\w:+-]*)\s*=\s*/gi)) {
    const name = d[1]!;
    // Where it is used: an identifier's use makes it one.
    const uses = fields.filter((f) => f.bare.some((b) => b.word.toLowerCase() === name.toLowerCase()) && f.index > d.index);
    // Used in a number only (`volume = vol`), a number's rule: a non-breaking space is one only between digits.
    const inIdentifiers = uses.filter((f) => bibtexValueKind(f.name) === "identifier" || bibtexValueKind(f.name) === "number");
    const kind = inIdentifiers.length ? "identifier" : "text";
    const pattern = kind === "text" ? INVISIBLE_IN_TEXT : inIdentifiers.every((f) => bibtexValueKind(f.name) === "number") ? INVISIBLE_IN_NUMBER : INVISIBLE_IN_IDENTIFIER;
    // The text's pieces in braces or quotes, joined with #.
    let i = d.index + d[0].length;
    const pieces: { from: number; value: string }[] = [];
    for (;;) {
      const piece = /^(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)"|\d+|[A-Za-z_][\w:+-]*)/.exec(text.slice(i));
      if (!piece) break;
      if (piece[1] !== undefined || piece[2] !== undefined) pieces.push({ from: i + 1, value: piece[1] ?? piece[2]! });
      i += piece[0].length;
      const joined = /^\s*#\s*/.exec(text.slice(i));
      if (!joined) break;
      i += joined[0].length;
    }
    const whole = pieces.map((p) => p.value).join("");
    if (!pattern.test(pattern === INVISIBLE_IN_NUMBER ? whole.trim() : whole)) continue;
    for (const f of inIdentifiers) breaks.add(f.key);
    const found = new Map<number, { column: number; first: string; count: number }>();
    for (const { from, value } of pieces) {
      for (const m of value.matchAll(everywhere(pattern))) {
        const index = from + m.index;
        const pos = positionIn(text, index);
        const line = pos.line;
        const column = pos.column;
        const seen = found.get(line);
        if (seen) seen.count++;
        else found.set(line, { column, first: m[0], count: 1 });
      }
    }
    for (const [line, f] of found) {
      const fixed = lines[line - 1]!.replace(everywhere(pattern), "");
      const which = `${f.count > 1 ? `${f.count} invisible characters` : "an invisible character"} in it (${invisibleName(f.first)}, ${f.count > 1 ? "the first " : ""}at column ${f.column})`;
      const where = { line, column: f.column, field: `@string.${name}` };
      if (kind === "identifier") {
        const used = list(inIdentifiers.map((u) => `\`${u.name}\` of entry "${looks(u.key)}"`));
        const link = inIdentifiers.some((u) => u.name === "doi" || u.name === "url") ? ", and its link would lead nowhere" : "";
        problems.push({
          ...where, severity: "error",
          message: `@string "${name}": its text has ${which}: BibTeX keeps it as part of the text, which only looks like \`${looks(whole)}\`, in ${used}${link}`,
          fix: `delete the text and type it again, so that line ${line} reads \`${fixed}\``,
        });
      } else {
        const spaced = f.first === "\ufeff" ? `; BibTeX reads a byte order mark as a space, so it would be printed "${(printedLatex(whole.replace(/\ufeff/g, " ")) ?? whole).replace(everywhere(INVISIBLE_IN_TEXT), "").replace(/\s+/g, " ").trim()}"` : "";
        const them = f.count > 1 ? "them" : "it";
        problems.push({
          ...where, severity: "warning",
          message: `@string "${name}": its text has ${which}: it is printed with the text wherever \`${name}\` is used, where it can split a word for search and for screen readers${spaced}`,
          fix: `delete ${them} (type the words around ${them} again), so that line ${line} reads \`${fixed}\``,
        });
      }
    }
  }
  return { problems, breaks };
}

/**
 * Invisible characters pasted into a CSL JSON or CSL YAML bibliography file, by the rule of a
 * post's references (referenceValueKind): in a field's name, a field of another name that only
 * looks right, which is left out; in an id, a DOI, a URL, a type or a date, a value that only
 * looks right: an error, and the entry is left out meanwhile. In a title, a name or a number
 * (volume, page), printed with the text: a warning; there joiners (emoji, Persian, Indic
 * scripts) and non-breaking spaces are the text's own. Read with the yaml package (JSON is
 * YAML, and it keeps each value's place), one per line of a value, with the line without them;
 * a character written as an escape (`"\u00ad"`) was put there on purpose: in text it is left
 * alone. When the yaml package cannot read a JSON file as JSON.parse did, the entry's line.
 */
export function cslInvisibleProblems(
  text: string, syntax: "json" | "yaml", list: unknown[], lineById?: (id: string) => number | undefined,
): { key: string; cslField: string[]; diagnostic: Omit<Diagnostic, "file"> & { severity: "error" | "warning" } }[] {
  type Found = ReturnType<typeof cslInvisibleProblems>[number];
  const out: Found[] = [];
  // Typed, or written as an escape (`\u200b`; YAML's `\_` is a non-breaking space).
  if (!INVISIBLE_VALUE.test(text) && !/\\[ux_]/.test(text)) return out;
  const reader = syntax === "json" ? "JSON" : "YAML";
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const position = (index: number) => {
    return positionIn(text, index);
  };
  const everywhere = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`);
  const visibleOf = (value: string) => value.replace(everywhere(INVISIBLE_IN_IDENTIFIER), (c) => (NBSP.test(c) ? " " : "")).replace(/\s+/g, " ").trim();
  // An identifier as meant: each invisible character deleted; in a date written as words (`literal`), a non-breaking space a space.
  const meantOf = (value: string, spaced: boolean) => value.replace(everywhere(INVISIBLE_IN_IDENTIFIER), (c) => (spaced && NBSP.test(c) ? " " : "")).trim();
  const which = (count: number, first: string, column: number) =>
    `${count > 1 ? `${count} invisible characters` : "an invisible character"} in it (${invisibleName(first)}, ${count > 1 ? "the first " : ""}at column ${column})`;
  const quoted = (value: string) => (syntax === "json" ? JSON.stringify(value) : yamlScalar(value));

  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const root = doc.contents;
  const seq = isSeq(root) ? root : isMap(root) ? root.get("references", true) : undefined;
  const readable = !doc.errors.length && isSeq(seq) && seq.items.length === list.length;

  list.forEach((raw, i) => {
    const id = referenceId(raw) ?? `#${i + 1}`;
    const shownId = visibleOf(id);
    const entry = `entry "${shownId}": `;
    if (!readable) {
      // Without places: each field's name and value as JSON.parse read them, at the entry's line.
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
      const line = lineById?.(id);
      for (const [key, value] of Object.entries(raw)) {
        const strings: string[] = [];
        const collect = (v: unknown) => (typeof v === "string" ? strings.push(v) : v && typeof v === "object" ? Object.values(v).forEach(collect) : undefined);
        collect(value);
        const kind = referenceValueKind(key);
        const pattern = kind === "identifier" ? INVISIBLE_IN_IDENTIFIER : kind === "number" ? INVISIBLE_IN_NUMBER : INVISIBLE_IN_TEXT;
        const keyChar = INVISIBLE_VALUE.exec(key)?.[0];
        const valueChar = strings.map((s) => pattern.exec(kind === "number" ? s.trim() : s)?.[0]).find((c) => c !== undefined);
        if (keyChar === undefined && valueChar === undefined) continue;
        const clean = key.replace(everywhere(INVISIBLE_VALUE), "");
        const severity = keyChar !== undefined || kind !== "text" ? "error" : "warning";
        out.push({
          key: id, cslField: [key, cslField(clean) ?? clean],
          diagnostic: {
            severity, ...(line ? { line } : {}), field: fieldPath([shownId, clean]),
            message: keyChar !== undefined
              ? `${entry}the field name \`${clean}\` has an invisible character in it (${invisibleName(keyChar)}), so ${reader} reads it as a field of another name that only looks like \`${clean}\`, and the field is left out`
              : `${entry}the value of \`${key}\` has an invisible character in it (${invisibleName(valueChar!)})${severity === "error" ? `: ${reader} keeps it as part of the value, which only looks right` : ": it is printed with the text, where it can split a word for search and for screen readers"}`,
            fix: keyChar !== undefined ? `delete the field's name and type it again: "${clean}"` : "delete the value and type it again",
          },
        });
      }
      return;
    }
    const item = seq.items[i];
    if (!isMap(item)) return;
    for (const pair of item.items) {
      if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined || !pair.key.range) continue;
      const key = String(pair.key.value);
      const clean = key.replace(everywhere(INVISIBLE_VALUE), "");
      // A field's name: no invisible character belongs in one.
      const inKey = INVISIBLE_VALUE.exec(text.slice(pair.key.range[0], pair.key.range[1])) ?? INVISIBLE_VALUE.exec(key);
      if (inKey && clean) {
        const written = INVISIBLE_VALUE.test(text.slice(pair.key.range[0], pair.key.range[1]));
        const { line, column } = position(pair.key.range[0] + (written ? inKey.index : 0));
        const start = text.lastIndexOf("\n", pair.key.range[0] - 1) + 1;
        const l = lines[line - 1]!;
        const from = pair.key.range[0] - start;
        const to = Math.min(l.length, pair.key.range[1] - start);
        const fixed = `${l.slice(0, from)}${written ? l.slice(from, to).replace(everywhere(INVISIBLE_VALUE), "") : quoted(clean)}${l.slice(to)}`;
        const count = Math.max(1, (key.match(everywhere(INVISIBLE_VALUE)) ?? []).length);
        out.push({
          key: id, cslField: [key, cslField(clean) ?? clean],
          diagnostic: {
            severity: "error", line, column, field: fieldPath([shownId, clean]),
            message: `${entry}the field name \`${clean}\` has ${which(count, inKey[0], column)}, so ${reader} reads it as a field of another name that only looks like \`${clean}\`, and the field is left out`,
            fix: `delete the field's name and type it again, so that line ${line} reads \`${fixed}\``,
          },
        });
      }
      const kind = referenceValueKind(clean);
      const pattern = kind === "identifier" ? INVISIBLE_IN_IDENTIFIER : kind === "number" ? INVISIBLE_IN_NUMBER : INVISIBLE_IN_TEXT;
      const scalars: { node: Scalar; sub: (string | number)[] }[] = [];
      const collect = (node: unknown, sub: (string | number)[]) => {
        if (isScalar(node)) scalars.push({ node, sub });
        else if (isSeq(node)) node.items.forEach((n, j) => collect(n, [...sub, j]));
        else if (isMap(node)) for (const p of node.items) if (isScalar(p.key)) collect(p.value, [...sub, String(p.key.value)]);
      };
      collect(pair.value, [clean]);
      for (const { node, sub } of scalars) {
        // A number's ends as citeproc-js reads them: a byte order mark there is trimmed, as a space is.
        if (typeof node.value !== "string" || !node.range || !pattern.test(kind === "number" ? node.value.trim() : node.value)) continue;
        const value = node.value;
        const spaced = sub.at(-1) === "literal";
        const field = fieldPath([shownId, ...sub]);
        const visible = visibleOf(value);
        const source = text.slice(node.range[0], node.range[1]);
        const found = new Map<number, { column: number; first: string; count: number }>();
        for (const m of source.matchAll(everywhere(pattern))) {
          const { line, column } = position(node.range[0] + m.index);
          const seen = found.get(line);
          if (seen) seen.count++;
          else found.set(line, { column, first: m[0], count: 1 });
        }
        // Written as an escape: in text, on purpose; in an identifier, told where the value starts.
        if (!found.size) {
          if (kind === "text") continue;
          const { line, column } = position(node.range[0]);
          found.set(line, { column, first: pattern.exec(value)![0], count: (value.match(everywhere(pattern)) ?? []).length });
        }
        for (const [line, f] of found) {
          const start = lineStartsOf(text)[line - 1]!;
          const l = lines[line - 1]!;
          const from = Math.max(0, node.range[0] - start);
          const to = Math.min(l.length, node.range[1] - start);
          const part = l.slice(from, to);
          const rewritten = !pattern.test(part) && from === node.range[0] - start && to === node.range[1] - start
            ? quoted(kind === "number" ? visibleNumber(value).trim() : meantOf(value, spaced))
            : kind === "identifier" ? part.replace(everywhere(INVISIBLE_IN_IDENTIFIER), (c) => (spaced && NBSP.test(c) ? " " : ""))
            : kind === "number" ? visibleNumber(part) : part.replace(everywhere(INVISIBLE_IN_TEXT), "");
          const fixed = `${l.slice(0, from)}${rewritten}${l.slice(to)}`.trimEnd();
          const where = { line, column: f.column, field };
          if (kind === "number") {
            out.push({
              key: id, cslField: [key, cslField(clean) ?? clean],
              diagnostic: { severity: "error", ...where, ...invisibleInNumber({ entry, value, field: clean, cslName: cslField(clean), ...f, line, fixed, reader }) },
            });
            continue;
          }
          if (kind === "identifier") {
            const what = clean === "id" ? "the id" : `the value of \`${clean}\``;
            const after = clean === "id" ? `, so [@${visible}] would not find the entry`
              : cslField(clean) === "DOI" || cslField(clean) === "URL" ? ", and its link would lead nowhere" : "";
            out.push({
              key: id, cslField: [key, cslField(clean) ?? clean],
              diagnostic: {
                severity: "error", ...where,
                message: `${entry}${what} has ${which(f.count, f.first, f.column)}: ${reader} keeps it as part of the ${clean === "id" ? "id" : "value"}, which only looks like \`${visible}\`${after}`,
                fix: `delete the value and type it again, so that line ${line} reads \`${fixed}\``,
              },
            });
          } else {
            const them = f.count > 1 ? "them" : "it";
            out.push({
              key: id, cslField: [key, cslField(clean) ?? clean],
              diagnostic: {
                severity: "warning", ...where,
                message: `${entry}\`${clean}\` has ${which(f.count, f.first, f.column)}: it is printed with the text, where it can split a word for search and for screen readers`,
                fix: `delete ${them} (type the words around ${them} again), so that line ${line} reads \`${fixed}\``,
              },
            });
          }
        }
      }
    }
  });
  return out;
}

/**
 * A .bib value in braces that is wholly in curly quotes (`title = {“A study”}`): BibTeX's
 * quotes are the braces (or straight quotes), so the curly ones are part of the text and printed
 * with it, most often a word processor's quotes meant as the value's own. In a title, a journal
 * or another text, a warning, with how to print quotes on purpose (\enquote{…}, which the
 * citation style prints as quotes and this does not warn of); in an identifier (`number =
 * {“13”}`), an error. Not text with curly quotes inside it (`{The “patient voice” in care}`).
 */
export function bibtexCurlyValueProblems(text: string): SourceProblem[] {
  const out: SourceProblem[] = [];
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  for (const f of bibtexFields(text)) {
    const kind = bibtexValueKind(f.name);
    if (!kind || f.value === undefined || BIBTEX_NAME_FIELDS.has(f.name)) continue;
    const curly = curlyQuoted(f.value);
    // `{“A” and “B”}`: two quotations, not one value in quotes.
    if (!curly || curly.text.includes(curly.open) || curly.text.includes(curly.close) || !curly.text.trim()) continue;
    const open = /=\s*[{"]/.exec(text.slice(f.index))!;
    const from = f.index + open.index + open[0].length;
    const quoteAt = from + f.value.indexOf(curly.open);
    const pos = positionIn(text, quoteAt);
    const line = pos.line;
    const column = pos.column;
    const l = lines[line - 1]!;
    const value = f.value;
    const oneLine = !value.includes("\n");
    // The value's start on its line: the curly quote's column, less the spaces before it.
    const valueAt = column - 1 - value.indexOf(curly.open);
    const rewrite = (v: string) => (oneLine ? l.slice(0, valueAt) + v + l.slice(valueAt + value.length) : undefined);
    const written = (value: string) => {
      const r = rewrite(value);
      return r !== undefined ? `, so that line ${line} reads \`${r}\`` : `: ${f.name} = {${value}}`;
    };
    const key = f.key;
    const shown = `${curly.open}${curly.text}${curly.close}`;
    if (kind !== "text") {
      out.push({
        key, cslField: cslFieldsOf(f.name), severity: "error", line, column, field: fieldPath([key, f.name]),
        message: `entry "${key}": the value of \`${f.name}\` is written in curly quotes ${curly.open} ${curly.close} inside its braces: BibTeX keeps them as part of the value, ${shown}`,
        fix: `delete the curly quotes${written(curly.text.trim())}`,
      });
      continue;
    }
    const kept = rewrite(`\\enquote{${curly.text.trim()}}`);
    out.push({
      key, cslField: cslFieldsOf(f.name), severity: "warning", line, column, field: fieldPath([key, f.name]),
      message: `entry "${key}": \`${f.name}\` is written in curly quotes ${curly.open} ${curly.close} inside its braces: in BibTeX the braces are the value's quotes, so the curly ones are part of the text and printed with it: ${shown}`,
      fix: `if the quotes are a slip, delete them${written(curly.text.trim())} (or, to print quotes around it on purpose, write it in \\enquote{…}: ${kept !== undefined ? `\`${kept}\`` : `${f.name} = {\\enquote{${curly.text.trim()}}}`})`,
    });
  }
  return out;
}

/**
 * A .bib entry's url field with the address written in \url{…} or \href{…}{…}: a url field
 * is read as typed, so plugin-bibtex keeps the command and its braces in the address
 * ("%5Curl%7Bhttps://…%7D"). Reported in place of normaliseItem's "not a web address".
 */
export function bibtexUrlFieldProblems(text: string): { key: string; cslField: string; line: number; column: number; field: string; message: string; fix: string }[] {
  const out: ReturnType<typeof bibtexUrlFieldProblems> = [];
  const fields = [...bibtexFields(text)];
  for (const f of fields) {
    if (f.name === "howpublished" && f.value !== undefined && !fields.some((g) => g.key === f.key && g.name === "url")) {
      // plugin-bibtex makes an address in howpublished the URL, read as text: ~ becomes a space.
      const only = /^\s*\\url\s*\{([^{}]*)\}\s*$/.exec(f.value);
      const address = only?.[1]!.trim().replace(/\\([&%$#_{}])/g, "$1");
      const printed = only ? printedLatex(f.value.trim()) : undefined;
      if (address === undefined || printed === undefined || printed === address || !printed.startsWith("http")) continue;
      const pos = positionIn(text, f.index);
      out.push({
        key: f.key, cslField: "URL", line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]),
        message: `entry "${f.key}": the address in \`howpublished\` would be read as "${printed.replace(/\u00a0/g, " ")}", which is not the address typed (a ~ is read as a space, -- as a dash)`,
        fix: `write it in the url field, where an address is kept as typed, in place of howpublished: url = {${address}}`,
      });
      continue;
    }
    if (f.name !== "url" || f.value === undefined) continue;
    const m = /^\s*\\(url|href)\s*\{/.exec(f.value);
    if (!m) continue;
    const open = m[0].length - 1;
    const address = f.value.slice(open + 1, groupEnd(f.value, open) - 1).trim().replace(/\\([&%$#_{}~])/g, "$1");
    const pos = positionIn(text, f.index);
    out.push({
      key: f.key, cslField: "URL", line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]),
      message: `entry "${f.key}": \`url\` has the address inside \\${m[1]}{…}: a url field is read as typed, so "\\${m[1]}{" would be taken as part of the address, which is then not a web address`,
      fix: `write the address alone: url = {${address}}`,
    });
  }
  return out;
}

// The BibTeX fields a reference is printed from (plugin-bibtex's mapping), and crossref, which
// points at another entry: a misspelling of one is the only unknown name told. What is read but
// never printed (keywords, an abstract, notes to oneself) is not worth a warning.
const UNPRINTED = new Set(["keywords", "abstract", "annote", "annotation", "library"]);
const READ_BIBTEX_FIELDS = (): string[] => [...new Set([...Object.values(BIBTEX_SOURCES).flat().filter((name) => /^[a-z]+$/.test(name) && !UNPRINTED.has(name)), "crossref", "eprinttype", "archiveprefix"])];
// BibLaTeX's own fields, and exporters' (Web of Science's eissn, MathSciNet's and zbMATH's
// fjournal, fseries, mrnumber and zmnumber, the ACM's acmid, Papers' uri, repositories' urn,
// reference managers' entrytype and eprintid), a letter or two from one of those: not printed,
// and no misspelling. Beebe's bibliographies keep retired fields as xxauthor, xxtitle…
const NOT_MISSPELT = new Set([
  "annotator", "editora", "editorb", "editorc", "sorttitle", "xdata", "lista", "listb", "listc", "listd", "liste", "listf",
  "eissn", "fjournal", "fseries", "mrnumber", "mrclass", "mrreviewer", "zmnumber", "acmid", "uri", "urn", "entrytype", "eprintid",
]);
// Names meaning a field they are not a slip of (pubdate is the date, not pubstate), or short forms.
const FIELDS_BY_OTHER_NAME: Record<string, string[]> = {
  pubdate: ["date"], published: ["date", "publisher"], accessdate: ["urldate"], accessed: ["urldate"], lastaccessed: ["urldate"],
  vol: ["volume"], pp: ["pages"], pg: ["pages"], authors: ["author"], editors: ["editor"],
};

/**
 * BibLaTeX's @xdata entries, which hold fields that other entries take with `xdata = {key}`:
 * plugin-bibtex does not give them, so each entry naming one would lose them without a word.
 * A warning at the @xdata entry, naming its fields and the entries that name it.
 */
function bibtexXdataProblems(text: string): { line: number; column: number; field: string; message: string; fix: string }[] {
  const out: ReturnType<typeof bibtexXdataProblems> = [];
  const fields = [...bibtexFields(text)];
  for (const m of text.matchAll(/@\s*xdata\s*[{(]\s*([^\s,{}()]+)/gi)) {
    const key = m[1]!;
    const pos = positionIn(text, m.index);
    const held = [...new Set(fields.filter((f) => f.key === key).map((f) => f.name.toLowerCase()))];
    const users = [...new Set(fields.filter((f) => f.name.toLowerCase() === "xdata" && (f.value ?? "").split(/\s*,\s*/).includes(key)).map((f) => f.key))];
    out.push({
      line: pos.line, column: pos.column, field: key,
      message: `entry "${key}": @xdata entries are not read, so their fields${held.length ? ` (${held.join(", ")})` : ""} are not given to the entries that name them${users.length ? ` (${users.join(", ")})` : ""}`,
      fix: `write ${held.length ? "those fields" : "the fields it holds"} in each entry that names it in \`xdata\`, then delete the @xdata entry and the \`xdata\` lines`,
    });
  }
  return out;
}

/** A field's value as BibTeX compares it: spaces and line breaks are one space. */
function squeeze(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/**
 * The fields `name` is one slip from, as far from it as a slip of their length (`refid` is no
 * eid): all of them when two are as near (`editon`: edition or editor), none when none is near.
 */
function nearestFields(name: string, read: readonly string[]): string[] {
  if (!closestName(name, read)) return [];
  const distances = read.map((field) => [field, swapDistance(name, field)] as const).filter(([field, d]) => d <= Math.max(1, Math.floor(field.length / 3)));
  const best = Math.min(...distances.map(([, d]) => d));
  return distances.filter(([, d]) => d === best).map(([field]) => field).sort();
}

/**
 * A field whose name is one letter or two from a field a reference is printed from (`jounral`,
 * `authors`, `yaer`, `page`, `organisation`): BibTeX reads a field it does not know and leaves
 * it out without a word, so the reference is printed without its journal, its authors or its
 * year. A warning at the name, with the name meant. Other unknown names are a reference
 * manager's own (`timestamp`, `owner`, `mendeley-tags`) and are not told.
 */
export function bibtexMisspeltFieldProblems(text: string): { key: string; cslField: string[]; line: number; column: number; field: string; message: string; fix: string; severity: "warning" }[] {
  const out: ReturnType<typeof bibtexMisspeltFieldProblems> = [];
  const read = READ_BIBTEX_FIELDS();
  const fields = [...bibtexFields(text)];
  for (const f of fields) {
    const name = f.name.toLowerCase();
    if (read.includes(name) || UNPRINTED.has(name) || NOT_MISSPELT.has(name) || name.startsWith("xx")) continue;
    // `book-author` is bookauthor, `access-date` accessdate; `journal-iso` (an exporter's) is not journal.
    const joined = name.replace(/[-_]/g, "");
    const meant = FIELDS_BY_OTHER_NAME[joined] ?? (name.length < 3 ? [] : joined !== name ? (read.includes(joined) ? [joined] : []) : /^[a-z]+$/.test(name) ? nearestFields(name, read) : []);
    if (meant.length === 0) continue;
    const pos = positionIn(text, f.index);
    const beside = fields.filter((g) => g.entry === f.entry && meant.includes(g.name.toLowerCase()));
    const has = meant.filter((m) => beside.some((g) => g.name.toLowerCase() === m));
    const names = meant.map((m) => `\`${m}\``).join(" or ");
    const same = (g: { value?: string }) => g.value !== undefined && f.value !== undefined && squeeze(g.value) === squeeze(f.value);
    const repeated = beside.find(same);
    out.push({
      key: f.key, cslField: meant.flatMap(cslFieldsOf), severity: "warning", line: pos.line, column: pos.column,
      field: fieldPath([f.key, name]),
      message: `entry "${f.key}": \`${f.name}\` is not a field BibTeX reads, so the reference is printed without it`,
      fix: repeated
        ? `delete this line: \`${repeated.name}\` holds the same, and is printed`
        : has.length === meant.length
          ? `the entry has ${names} too, which is printed: if this line holds what ${meant.length > 1 ? "one of them" : "it"} should, move its value there; then delete this line`
          : `write ${names} in place of \`${f.name}\`${meant.length > 1 ? ", whichever it holds" : ""}`,
    });
  }
  return out;
}

/**
 * The language of each entry, read from its source: plugin-bibtex makes CSL's language of
 * `language` when an entry has it, else of `langid`. BibLaTeX's field for the language a work
 * is in is langid (`language` is printed, and may be written any way: "Deutsch"), so an entry
 * whose langid names a language is given that (`langids`, by key). An entry whose fields name
 * none has a warning at the first of them (`problems`): it is printed all the same, but its
 * entry cannot say its language.
 */
export function bibtexLanguages(text: string): {
  langids: Map<string, string>;
  problems: { key: string; cslField: string; line: number; column: number; field: string; message: string; fix: string; severity: "warning" }[];
} {
  const langids = new Map<string, string>();
  const problems: ReturnType<typeof bibtexLanguages>["problems"] = [];
  const byEntry = new Map<number, { key: string; name: string; index: number; printed: string }[]>();
  for (const f of bibtexFields(text)) {
    if ((f.name !== "langid" && f.name !== "language") || f.value === undefined) continue;
    const printed = printedLatex(f.value.trim());
    if (printed === undefined || printed.trim() === "") continue;
    byEntry.set(f.entry, [...(byEntry.get(f.entry) ?? []), { key: f.key, name: f.name, index: f.index, printed: printed.trim() }]);
  }
  for (const fields of byEntry.values()) {
    const key = fields[0]!.key;
    const langid = fields.find((f) => f.name === "langid");
    if (langid && languageTag(langid.printed)) {
      if (!langids.has(key)) langids.set(key, langid.printed);
      continue;
    }
    if (fields.some((f) => languageTag(f.printed))) continue;
    const first = langid ?? fields[0]!;
    const problem = unreadLanguage(first.printed, (tag) => `\`${first.name} = {${babelName(tag)}}\``);
    if (!problem) continue;
    const pos = positionIn(text, first.index);
    problems.push({
      key, cslField: "language", line: pos.line, column: pos.column, field: fieldPath([key, first.name]), severity: "warning",
      message: `entry "${key}": in \`${first.name}\`, ${problem.message}`,
      fix: problem.fix,
    });
  }
  return { langids, problems };
}

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
// Entry types plugin-bibtex maps; it silently reads any other as "document".
// Types other tools have (Zotero's webpage, RIS's chapter), by the BibLaTeX type that is printed alike.
const TYPES_BY_OTHER_NAME: Record<string, string> = {
  webpage: "online", website: "online", web: "online", blog: "online", blogpost: "online",
  journalarticle: "article", chapter: "incollection", booksection: "incollection", bookchapter: "incollection",
};
const BIBTEX_TYPES = new Set([
  ...Object.keys(require("@citation-js/plugin-bibtex/lib/mapping/biblatexTypes.json").source),
  ...Object.keys(require("@citation-js/plugin-bibtex/lib/mapping/bibtexTypes.json").source),
]);

/**
 * What plugin-bibtex accepts without a word but BibTeX users would want to hear:
 * an unknown entry type, a field written twice (the last silently wins) and an
 * entry opened with { but closed with ) or the reverse. And what it leaves out without a
 * word, as it reads all text between entries as a comment: the fields after a } that ends
 * an entry early (`year = {2013}},`, `volume = 15},`), and an entry without its @.
 */
export function bibtexStructureProblems(text: string): { line: number; column: number; field: string; message: string; fix: string; lost?: { key: string; fields: string[] }; organisation?: boolean }[] {
  const out: ReturnType<typeof bibtexStructureProblems> = [];
  const at = (index: number) => {
    return positionIn(text, index);
  };
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  // The data entry that ended last, and where: the text after it up to the next @ is a comment to plugin-bibtex.
  let ended: { key: string; close: number; last?: string } | undefined;
  let junkFrom = 0;
  const entry = /@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g;
  let m: RegExpExecArray | null;
  while ((m = entry.exec(text))) {
    out.push(...junkProblems(text, junkFrom, m.index, ended, at, lines));
    ended = undefined;
    const type = m[1]!.toLowerCase();
    const key = m[3] ?? "";
    const closer = m[2] === "{" ? "}" : ")";
    const wrong = closer === "}" ? ")" : "}";
    const skip = type === "comment" || type === "string" || type === "preamble";
    if (!skip && type !== "xdata" && !BIBTEX_TYPES.has(type)) {
      const meant = TYPES_BY_OTHER_NAME[type] ?? closestName(type, [...BIBTEX_TYPES]);
      out.push({
        ...at(m.index), field: key, message: `entry "${key}": @${m[1]} is not a BibTeX or BibLaTeX entry type`,
        fix: meant ? `write @${meant}${m[2]}${key},` : "use a type such as @article, @book, @incollection, @report, @online or @misc",
      });
    }
    const seen = new Set<string>();
    let last: string | undefined;
    const opener = m[2];
    const i = scanOutsideValues(text, m.index + m[0].length, (c, index) => {
      if (c === closer) return true;
      if (c === wrong) {
        out.push({ ...at(index), field: key, message: `entry "${key}" starts with ${opener} but ends with ${c}`, fix: `end the entry with ${closer}` });
        return true;
      }
      if (c !== "," || skip) return false;
      const field = /^\s*([^\s=,{}()"#]+)\s*=/.exec(text.slice(index + 1));
      if (!field) return false;
      const name = field[1]!.toLowerCase();
      if (seen.has(name)) {
        out.push({ ...at(index + 1 + field[0].indexOf(field[1]!)), field: `${key}.${name}`, message: `entry "${key}": the field ${name} is written twice (only the last one would count)`, fix: "keep one of the two" });
      }
      seen.add(name);
      last = name;
      return false;
    });
    if (!skip && text[i] === closer) ended = { key, close: i, ...(last ? { last } : {}) };
    entry.lastIndex = i + 1;
    junkFrom = i + 1;
  }
  out.push(...junkProblems(text, junkFrom, text.length, ended, at, lines));
  return out;
}

/**
 * The text from `from` to `to`, between entries, which plugin-bibtex reads as a comment and
 * leaves out without a word: fields there (after a } that ended the entry `ended` early) and
 * an entry written without its @ (`article{smith2016,`). Lines starting with % are comments.
 */
function junkProblems(
  text: string, from: number, to: number, ended: { key: string; close: number; last?: string } | undefined,
  at: (index: number) => { line: number; column: number }, lines: string[],
): ReturnType<typeof bibtexStructureProblems> {
  const out: ReturnType<typeof junkProblems> = [];
  const fields: string[] = [];
  let headless = false;
  let lastField: number | undefined;
  for (let index = from; index < to; ) {
    const eol = text.indexOf("\n", index);
    const end = eol < 0 || eol >= to ? to : eol;
    const line = text.slice(index, end);
    const head = /^(\s*)([A-Za-z]+)(\s*[{(]\s*)([^\s,{}()=@"%]+)\s*,/.exec(line);
    if (head && BIBTEX_TYPES.has(head[2]!.toLowerCase())) {
      const n = at(index).line;
      headless = true;
      out.push({
        ...at(index + head[1]!.length), field: head[4]!,
        message: `entry "${head[4]}": there is no @ before ${head[2]}${head[3]!.trim()[0]}${head[4]}, so BibTeX reads the entry as a comment and leaves it out`,
        fix: `write @ before the entry's type, so that line ${n} reads \`${lines[n - 1]!.replace(head[0], `${head[1]}@${head[0].slice(head[1]!.length)}`)}\``,
      });
    }
    // Fields below an entry without its @ are that entry's, told above.
    const field = !headless && !/^\s*%/.test(line) ? /^[\s,]*([A-Za-z_][\w:+-]*)\s*=/.exec(line) : undefined;
    if (field) {
      fields.push(field[1]!.toLowerCase());
      lastField = at(index).line;
    }
    index = end + 1;
  }
  if (!ended || !fields.length) return out;
  const { key, close, last } = ended;
  const c = text[close]!;
  const where = { ...at(close), field: last ? `${key}.${last}` : key, lost: { key, fields } };
  const n = where.line;
  const l = lines[n - 1]!;
  const without = `${l.slice(0, where.column - 1)}${l.slice(where.column)}`;
  const lost = `the fields below it (${fields.join(", ")}) are left out`;
  let prev = close - 1;
  while (prev >= 0 && /\s/.test(text[prev]!)) prev--;
  const before = text[prev];
  if (before === "}" || before === '"') {
    // `author = {World Health Organization}},`: the { of an organisation's second braces may be the one left out.
    const group = /^(\s*[A-Za-z_][\w:+-]*\s*=\s*)\{([^{}]*)\}\s*$/.exec(l.slice(0, where.column - 1));
    const inBraces = group && `${group[1]}{{${group[2]}}}${l.slice(where.column)}`;
    // Surely an organisation's name ("World Health Organization"), which without the } would be read as a person: only the {.
    const surely = last && BIBTEX_NAME_FIELDS.has(last) && group ? bibtexOrganisationNames(splitNames(group[2]!), undefined) : undefined;
    if (surely && surely.names.length === 1 && !surely.alternative) {
      return [...out, {
        ...where, message: `entry "${key}": an extra ${c} after the value of \`${last}\` ends the entry here, so ${lost}`,
        fix: `put a { before the value, which keeps the organisation's name whole: \`${inBraces}\``,
        // Its fix is also the one for the name read as a person (bibtexNameProblems'), told here alone.
        organisation: true,
      }];
    }
    const organisation = last && BIBTEX_NAME_FIELDS.has(last) && group && organisationName(group[2]!)
      ? `; if it is an organisation's name, put a { before the value instead: \`${inBraces}\``
      : "";
    return [...out, {
      ...where, message: `entry "${key}": an extra ${c} after the value of \`${last ?? "the field before it"}\` ends the entry here, so ${lost}`,
      fix: `delete the ${before === c ? "second " : ""}${c}: \`${without}\`${organisation}`,
    }];
  }
  // `volume = 15},`: a number or @string name, then the } that was to close its braces.
  const bare = /^(\s*)([A-Za-z_][\w:+-]*)(\s*=\s*)([^\s{}",#][^{}",#]*?)(\s*)$/.exec(l.slice(0, where.column - 1));
  if (bare && at(prev).line === n) {
    return [...out, {
      ...where, field: `${key}.${bare[2]!.toLowerCase()}`,
      message: `entry "${key}": the value of \`${bare[2]}\` ends with ${c} but has no { before it, so that ${c} ends the entry here and ${lost}`,
      fix: `put { before the value: \`${bare[1]}${bare[2]}${bare[3]}{${bare[4]}}${l.slice(where.column)}\``,
    }];
  }
  if (l.trim() === c) {
    // The entry's last } is further down, after the fields: this one is the extra.
    const closed = lastField !== undefined && lines.slice(lastField, at(to).line).some((x) => x.trim().startsWith(c));
    return [...out, {
      ...where, message: `entry "${key}": the ${c} on line ${n} ends the entry, so ${lost}`,
      fix: closed ? `delete line ${n}` : `move the ${c} from line ${n} to a line of its own below the entry's last field (line ${lastField})`,
    }];
  }
  return [...out, { ...where, message: `entry "${key}": an extra ${c} ends the entry here, so ${lost}`, fix: `delete the ${c}: \`${without}\`` }];
}

/**
 * Words without braces or quotes in an @string's text (`@string{who = WHO}`) that name no
 * abbreviation defined above it (nor a month's): plugin-bibtex makes the @string's text
 * empty, or leaves that part out, and every field that uses it with it, without a word.
 */
export function bibtexStringMacroProblems(text: string): { line: number; column: number; field: string; message: string; fix: string }[] {
  const out: ReturnType<typeof bibtexStringMacroProblems> = [];
  const months = LATEX.defaultStrings as Record<string, string>;
  const defined = new Map<string, number>();
  for (const d of text.matchAll(/@\s*string\s*[{(]\s*([A-Za-z_][\w:+-]*)\s*=/gi)) if (!defined.has(d[1]!.toLowerCase())) defined.set(d[1]!.toLowerCase(), d.index);
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  for (const d of text.matchAll(/@\s*string\s*[{(]\s*([A-Za-z_][\w:+-]*)\s*=\s*/gi)) {
    const name = d[1]!;
    const bare: { word: string; index: number }[] = [];
    let i = d.index + d[0].length;
    let parts = 0;
    for (;;) {
      const piece = /^(?:\{(?:[^{}]|\{[^{}]*\})*\}|"[^"]*"|\d+|([A-Za-z_][\w:+-]*))/.exec(text.slice(i));
      if (!piece) break;
      parts++;
      if (piece[1]) bare.push({ word: piece[1], index: i });
      i += piece[0].length;
      const joined = /^\s*#\s*/.exec(text.slice(i));
      if (!joined) break;
      i += joined[0].length;
    }
    for (const { word, index } of bare) {
      const definedAt = defined.get(word.toLowerCase());
      if (Object.hasOwn(months, word.toLowerCase()) || (definedAt !== undefined && definedAt < d.index)) continue;
      const pos = positionIn(text, index);
      const line = pos.line;
      const column = pos.column;
      const l = lines[line - 1]!;
      const braced = `${l.slice(0, column - 1)}{${word}}${l.slice(column - 1 + word.length)}`;
      const lost = parts === 1 ? `so "${name}" stands for no text, and every field written \`= ${name}\` is left out` : `so that part of the text of "${name}" is left out wherever it is used`;
      out.push({
        line, column, field: `@string.${name}`,
        message: definedAt === undefined || definedAt === d.index
          ? `@string "${name}": \`${word}\` without braces is read as the name of another @string abbreviation, and none is defined, ${lost}`
          : `@string "${name}": \`${word}\` without braces is read as the name of another @string abbreviation, which is defined only below it (line ${positionIn(text, definedAt).line}), ${lost}`,
        fix: definedAt === undefined || definedAt === d.index
          ? `put it in braces: \`${braced}\``
          : `move the @string of \`${word}\` above this one, or put the text in braces: \`${braced}\``,
      });
    }
  }
  return out;
}

/**
 * Words written without braces or quotes (`publisher = Wiley`) that are not numbers: BibTeX
 * reads each as the name of an @string abbreviation, and plugin-bibtex makes one that is not
 * defined above it (nor a month's, jan…dec) empty, leaving the field, or that part of a
 * value joined with #, out without a word.
 */
export function bibtexMacroProblems(text: string): { line: number; column: number; field: string; message: string; fix: string }[] {
  const out: ReturnType<typeof bibtexMacroProblems> = [];
  const defined = new Map<string, number>();
  for (const d of text.matchAll(/@\s*string\s*[{(]\s*([A-Za-z_][\w:+-]*)\s*=/gi)) if (!defined.has(d[1]!.toLowerCase())) defined.set(d[1]!.toLowerCase(), d.index);
  const months = LATEX.defaultStrings as Record<string, string>;
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  for (const f of bibtexFields(text)) {
    for (const { word, index } of f.bare) {
      // A number, or a word plugin-bibtex cannot read at all (a syntax error of its own).
      if (!/^[A-Za-z_][\w:+-]*$/.test(word)) continue;
      const name = word.toLowerCase();
      const definedAt = defined.get(name);
      if (Object.hasOwn(months, name) || (definedAt !== undefined && definedAt < index)) continue;
      const pos = positionIn(text, index);
      const line = pos.line;
      const column = pos.column;
      const l = lines[line - 1]!;
      const braced = `${l.slice(0, column - 1)}{${word}}${l.slice(column - 1 + word.length)}`;
      const lost = f.parts === 1 ? `so \`${f.name}\` is left out` : `so that part of \`${f.name}\` is left out`;
      out.push({
        line, column, field: fieldPath([f.key, f.name]),
        message: definedAt === undefined
          ? `entry "${f.key}": \`${word}\` without braces is read as the name of an @string abbreviation, and none is defined, ${lost}`
          : `entry "${f.key}": \`${word}\` without braces is read as the name of an @string abbreviation, which is defined only below it (line ${positionIn(text, definedAt).line}), ${lost}`,
        fix: definedAt === undefined
          ? `put it in braces: \`${braced}\``
          : `move the @string line above the first entry that uses it, or put the text in braces: \`${braced}\``,
      });
    }
  }
  return out;
}

// BibTeX's name lists that plugin-bibtex reads, and the CSL field each becomes.
const BIBTEX_NAME_FIELDS = new Map([["author", "author"], ["editor", "editor"], ["translator", "translator"], ["bookauthor", "container-author"]]);
// What BibTeX's middle part of "von Last, Jr, First" holds: Jr., III, Junior, filho…
const JR_PART = /^(?:Jr|Jnr|Sr|Snr|Junior|Senior|J[úu]nior|Filho|Neto|Sobrinho|fils|p[èe]re|[IVX]+|\d+(?:st|nd|rd|th))\.?$/i;

/**
 * Names a .bib file holds that BibTeX would read as other people than the writer meant:
 * several people joined by commas instead of "and" ("Smith, John, Jones, Kate", "Smith J,
 * Jones K, Lee M"), more commas than one name has, and an organisation with a comma
 * ("Mayo Clinic, Rochester"). Read from the source: plugin-bibtex has already made one odd
 * person of them ("Smith, John, Jones, Kate" becomes a person named Smith).
 */
export function bibtexNameProblems(text: string): { key: string; cslField: string; line: number; column: number; field: string; message: string; fix: string; severity?: "warning" }[] {
  const out: ReturnType<typeof bibtexNameProblems> = [];
  for (const f of bibtexFields(text)) {
    const cslField = BIBTEX_NAME_FIELDS.get(f.name);
    if (!cslField || f.value === undefined) continue;
    // "Smith, J. and and Doe, K." or a trailing "and": BibTeX would make the word after it part of a name.
    const extra = extraAnd(f.value);
    if (extra) {
      const pos = positionIn(text, f.index);
      out.push({
        key: f.key, cslField, line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]),
        message: `entry "${f.key}": \`${f.name}\` ${extra.message}`,
        fix: `delete the extra \`and\`: ${f.name} = {${extra.names.join(" and ")}}`,
      });
      continue;
    }
    const written = splitNames(f.value);
    // `and others` is left out of the field as it is rewritten: this problem stands for
    // normaliseItem's about the same field, which is built on plugin-bibtex's reading.
    const others = written.find((p) => etAlIn(p)?.rest === "");
    const withoutOthers = (marker: string | undefined) =>
      marker ? `, without "${marker}" (the citation style writes "et al." itself when there are enough ${f.name === "bookauthor" ? "author" : f.name}s; add the others from the work if you can)` : "";
    const pos = positionIn(text, f.index);
    const where = { key: f.key, cslField, line: pos.line, column: pos.column, field: fieldPath([f.key, f.name]) };
    // "World Health Organization" in single braces, read as a person. The other names' fixes
    // below are written with it in braces, so that each fix, applied, leaves the others' to do.
    const organisations = bibtexOrganisationNames(written, others);
    const people = organisations?.names ?? written;
    if (organisations) {
      const without = withoutOthers(others !== undefined ? "and others" : undefined);
      const line = (names: string[]) => `${f.name} = {${names.filter((p) => p !== others).join(" and ")}}`;
      const braces = `put ${organisations.count > 1 ? "each organisation's name" : "the organisation's name"} in a second pair of braces, which keeps it whole${without}`;
      const other = organisations.alternative;
      out.push({
        ...where,
        message: `entry "${f.key}": ${organisations.message}`,
        fix: other
          ? `${braces}: if "${other.person}" is another ${f.name === "bookauthor" ? "author" : f.name}, ${line(people)}; if "${other.whole}" is one organisation's name, ${line(other.names)}`
          : `${braces}: ${line(people)}`,
      });
    }
    let told = false;
    // Titles and degrees, all told in one problem whose fix mends every name at once: one fix per
    // name, each rewriting the whole field, would undo the others.
    const titledNames = new Map<number, NonNullable<ReturnType<typeof bibtexTitleProblem>>>();
    people.forEach((raw, i) => {
      // The whole field with this name written otherwise, every other name kept.
      const fieldWith = (written: string) => `${f.name} = {${[...people.slice(0, i), written, ...people.slice(i + 1)].filter((p) => p !== others).join(" and ")}}`;
      const titled = bibtexPersonProblem(raw, f.name, fieldWith) ? undefined : bibtexTitleProblem(raw);
      if (titled) {
        told = true;
        titledNames.set(i, titled);
        return;
      }
      const found = bibtexPersonProblem(raw, f.name, fieldWith);
      if (!found) return;
      told = true;
      const rewritten = [...people.slice(0, i), ...(found.instead ?? [raw]), ...people.slice(i + 1)].filter((p) => p !== others).join(" and ");
      const without = withoutOthers(found.etAl ?? (others !== undefined ? "and others" : undefined));
      out.push({
        ...where,
        message: `entry "${f.key}": ${found.message}`,
        fix: found.instead ? `separate the people with "and"${without}: ${f.name} = {${rewritten}}` : `${found.fix}${without}`,
      });
    });
    if (titledNames.size) {
      const all = [...titledNames.values()];
      const mended = people.map((raw, i) => titledNames.get(i)?.name ?? raw).filter((p, i) => people[i] !== others);
      // With `and others`, an error as normaliseItem's about it, which this one stands for.
      const without = withoutOthers(others !== undefined ? "and others" : undefined);
      const how = all.length > 1 ? "write the names without their titles and degrees, each family name first, then a comma" : all[0]!.how;
      out.push({
        ...where, ...(others === undefined ? { severity: "warning" as const } : {}),
        message: `entry "${f.key}": ${all.map((t) => t.message.replace(/, and reference lists leave out .*$/, "")).join("; ")}, and reference lists leave out titles (Dr, Prof) and degrees (PhD, MD)`,
        fix: `${how}${without}: ${f.name} = {${mended.join(" and ")}}`,
      });
    }
    // PubMed's "Smith JA" is told once the people are separated as BibTeX reads them.
    const pubmed = told ? undefined : bibtexPubmedProblem(people, others, f.name);
    if (pubmed) {
      // With `and others`, an error as normaliseItem's about it, which this one stands for.
      out.push({ ...where, ...(others === undefined ? { severity: "warning" as const } : {}), message: `entry "${f.key}": ${pubmed.message}`, fix: pubmed.fix(withoutOthers(others !== undefined ? "and others" : undefined)) });
    }
  }
  return out;
}

/**
 * PubMed's "Smith JA" (family name, then initials without full stops, no comma) in a BibTeX
 * name list: BibTeX reads text without a comma as "First Last", given name Smith and family
 * name JA, printed "JA, S.", without a word. Which names are read so is pubmedReadings' rule.
 * "Kate DOE" reads two ways (a family name in capitals, or initials), so both fixes are given,
 * unless another name of the field is surely PubMed's ("Smith JA and Kate DOE"): then it is
 * read as they are. Each name so read is rewritten "Smith, J. A."; the others are kept as
 * written, but for initials run together after a comma ("Doe, KL"), written with full stops.
 * A name in braces ({Smith JA}, {NHS England}) is kept as written, as BibTeX keeps it.
 */
function bibtexPubmedProblem(people: string[], others: string | undefined, field: string): { message: string; fix: (without: string) => string } | undefined {
  // "et al." in a name is normaliseItem's to tell first: its fix is the field without it.
  if (people.some((p) => p !== others && etAlIn(plainName(p)?.text ?? p))) return undefined;
  const found = people.map((raw) => {
    if (raw === others) return undefined;
    const plain = plainName(raw);
    // A braced group stands for one Greek letter: capitals of one are no initials.
    if (!plain || /[\u0370-\u03ff]/.test(plain.text.trim().split(/\s+/).at(-1)!)) return undefined;
    const readings = pubmedReadings(plain.text);
    return readings && { raw, ...readings, words: plain.text.trim().split(/\s+/).map(plain.restore), restore: plain.restore };
  });
  const hits = found.filter((f) => f !== undefined);
  if (!hits.length) return undefined;
  // "Smith JAK" beside "Doe K" is PubMed's, as in front matter.
  const ambiguous = hits.some((h) => !h.family) ? [] : hits;
  const whole = hits.length === 1 && hits[0]!.word.length === 1 ? hits[0] : undefined;
  const rewritten = (asFamily: boolean, kept?: (typeof hits)[number]) =>
    `${field} = {${people.flatMap((raw, i) => {
      if (raw === others) return [];
      const hit = found[i];
      if (hit && hit === kept) return [`{${raw.trim()}}`];
      if (hit) return [hit.restore(asFamily && hit.family ? hit.family : hit.initials)];
      return [commaInitialsDotted(raw) ?? raw];
    }).join(" and ")}}`;
  const quoted = (words: string[]) => list(words.map((w) => `"${w}"`));
  const shown = quoted(hits.map((h) => h.raw));
  const printed = quoted(hits.map((h) => bibtexReading(h.words).printed));
  const reads = `${shown} would be printed ${printed}: BibTeX reads a name without a comma as given names, then the family name`;
  if (!ambiguous.length) {
    const one = bibtexReading(hits[0]!.words);
    return {
      message: hits.length > 1 ? `${reads}, so it takes the initials for family names`
        : one.given ? `${reads}, so it takes "${one.family}" for the family name and "${one.given}" for a given name`
        : `${reads}, so it takes "${one.family}" for the family name, initials and all, with no given name`,
      // "Malcolm X": one letter after a name may be the end of a whole name, which braces keep.
      fix: (without) => `${whole ? "if it is an initial, " : ""}write the family name first, then a comma and the initials with full stops${without}: ${rewritten(false)}` +
        (whole ? `; if "${whole.raw}" is one person's whole name, put it in braces, which keep it as written${without}: ${rewritten(false, whole)}` : ""),
    };
  }
  const one = ambiguous.length === 1;
  const words = quoted(ambiguous.map((h) => h.word));
  return {
    message: `${reads}; ${words} may be ${one ? "the family name" : "family names"} written in capitals, or initials after the family name, as PubMed writes them`,
    fix: (without) =>
      `if ${words} ${one ? "is the family name, write it" : "are family names, write each"} first, then a comma and the given name${without}: ${rewritten(true)}; ` +
      `if ${one ? `"${ambiguous[0]!.word}" are initials` : "they are initials"}, write the family name first, then a comma and the initials with full stops${without}: ${rewritten(false)}`,
  };
}

/**
 * Organisations' names in a BibTeX name list written in single braces, which BibTeX reads as
 * people: "World Health Organization" is a person named Organization ("Organization, W. H."),
 * and "Centers for Disease Control and Prevention", split at "and", two people. Adjacent
 * names without commas are one organisation's name when together they are one and each is
 * no one's plausible name: a single word ("Prevention", "Quality") or words of an
 * organisation's ("Human Services"). `names` is the list with each in braces; `alternative`
 * the fix when the name after (or before) could be a person or the rest of the name
 * ("Department of Health and Human Development"). A name in braces, {WHO}, is left as written.
 */
function bibtexOrganisationNames(people: string[], others: string | undefined): { names: string[]; message: string; count: number; alternative?: { person: string; whole: string; names: string[] } } | undefined {
  const read = people.map((raw) => {
    const plain = raw === others ? undefined : plainName(raw);
    if (!plain || /[,;]/.test(plain.text)) return undefined;
    const words = plain.text.trim().split(/\s+/);
    return { raw, words, why: bibtexOrganisation(plain.text), single: words.length === 1 && /^\p{Lu}\p{Ll}/u.test(words[0]!) };
  });
  const groups: { start: number; end: number; why: string }[] = [];
  for (let i = 0; i < read.length; i++) {
    if (!read[i] || !(read[i]!.why || read[i]!.single)) continue;
    // Continued by a single word or a short piece of an organisation's name ("Human Services");
    // a longer one ("Department of Health") is an organisation of its own.
    const continues = (r: (typeof read)[number]) => r !== undefined && (r.single || (r.why !== undefined && r.words.length <= 2));
    let end = i;
    while (end + 1 < read.length && continues(read[end + 1])) end++;
    // Together an organisation's name, without the "and" BibTeX took for a separator.
    const why = bibtexOrganisation(read.slice(i, end + 1).map((r) => r!.words.join(" ")).join(" "));
    if (why && read.slice(i, end + 1).some((r) => r!.why)) groups.push({ start: i, end, why });
    i = end;
  }
  if (!groups.length) return undefined;
  const shown = (raw: string) => (/[{}\\]/.test(raw) ? undefined : bibtexReading(raw.split(/\s+/)).printed);
  const told = groups.map(({ start, end, why }) => {
    const parts = people.slice(start, end + 1);
    const name = parts.join(" and ");
    const printed = parts.map(shown);
    const as = printed.every((p) => p !== undefined) ? `, printed ${list(printed.map((p) => `"${p}"`))}` : "";
    if (parts.length === 1) return `BibTeX reads "${name}" as a person, "First Last"${as}; but ${why}`;
    return `BibTeX separates people at "and", so it reads "${name}" as ${parts.length} people, ${list(parts.map((p) => `"${p}"`))}${as}; but it is one organisation's name (${why})`;
  });
  const braced = (from: { start: number; end: number }[]) => {
    const names: string[] = [];
    people.forEach((raw, i) => {
      const group = from.find((g) => g.start <= i && i <= g.end);
      if (!group || i === group.start) names.push(group ? `{${people.slice(group.start, group.end + 1).join(" and ")}}` : raw);
    });
    return names;
  };
  // Two or three capitalised words after the organisation's name may be a person, or the rest
  // of its name ("Department of Health and Social Care"); a name with initials is a person's.
  // So may words with a number or an acronym before a short end of a name ("GBD 2019 Diseases and Injuries Collaborators").
  const first = groups[0]!;
  const next = read[first.end + 1];
  const previous = read[first.start - 1];
  const rest = next && !next.why && next.words.length <= 3 && next.words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) ? first.end + 1
    : previous && !previous.why && first.start === first.end && read[first.start]!.words.length <= 2 && !/^\p{Lu}{1,3}$|\.$/u.test(previous.words.at(-1)!) &&
      (previous.words.some((w) => /\d/.test(w)) || /^\p{Lu}{2,}$/u.test(previous.words[0]!)) ? first.start - 1
    : undefined;
  const joined = rest === undefined ? undefined : { start: Math.min(first.start, rest), end: Math.max(first.end, rest) };
  const alternative = joined && {
    person: people[rest!]!,
    whole: people.slice(joined.start, joined.end + 1).join(" and "),
    names: braced([joined, ...groups.slice(1)]),
  };
  return { names: braced(groups), message: told.join("; and "), count: groups.length, ...(alternative ? { alternative } : {}) };
}

/**
 * A name without a comma as BibTeX reads it, "First von Last" (its family and given names as
 * written), and how the citation style prints it: "Smith JA" → "JA, S.", "van der Berg JA" →
 * "van der Berg JA", the particle and all after it the family name.
 */
function bibtexReading(words: string[]): { family: string; given: string; printed: string } {
  const shown = (w: string) => (printedLatex(w) ?? w).replace(/[{}]/g, "");
  const von = words.findIndex((w) => /^\p{Ll}/u.test(shown(w)));
  const family = von >= 0 ? words.slice(von) : words.slice(-1);
  const given = words.slice(0, von >= 0 ? von : -1);
  // "&" in "Johnson & Johnson Inc" is printed as it is.
  const initial = (w: string) => (/^\p{L}/u.test(shown(w)) ? shown(w).split("-").map((h) => `${[...h][0] ?? ""}.`).join("-") : shown(w));
  const printed = given.length ? `${family.map(shown).join(" ")}, ${given.map(initial).join(" ")}` : family.map(shown).join(" ");
  return { family: family.join(" "), given: given.join(" "), printed };
}

/**
 * A title or degree in a BibTeX name ("Dr Kate Doe", "Kate Doe PhD", "Doe, Dr Kate"), which
 * BibTeX reads as a given or a family name: printed "Doe, D. K.", "PhD, K. D.". A warning, as in
 * front matter (withoutTitles decides what is a title); `name` is the person without it, family
 * name first. A name in braces ({Dr Pepper Inc}) is kept as written, as BibTeX keeps it.
 */
function bibtexTitleProblem(raw: string): { message: string; how: string; name: string } | undefined {
  const plain = plainName(raw);
  if (!plain || etAlIn(plain.text) || /[;&]/.test(plain.text) || organisationName(plain.text)) return undefined;
  const parts = splitTopLevel(plain.text, ",").map((p) => p.trim());
  // "Doe, Kate, PhD": the two commas are told first. "Dr King, Jr., Martin Luther" is BibTeX's "Last, Jr, First".
  const threeParts = parts.length === 3 && JR_PART.test(parts[1]!);
  if (parts.length > 2 && !threeParts) return undefined;
  const titles = withoutTitles(plain.text);
  if (!titles) return undefined;
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  // How BibTeX reads what was written: "Last, First", or given names then the family name.
  // bibtexReading takes the last word as the family name: one put after the given names gives their initials.
  // Words are split before braced groups are put back: BibTeX keeps `{Doe PhD}` one word.
  const restored = (text: string) => words(text).map(plain.restore);
  const initials = (given: string) => bibtexReading([...restored(given), "F"]).printed.replace(/^F, /, "");
  const printed = threeParts
    ? `${plain.restore(parts[0]!)}, ${plain.restore(parts[1]!)}, ${initials(parts[2]!)}`
    : parts.length === 2 ? `${plain.restore(parts[0]!)}, ${initials(parts[1]!)}` : bibtexReading(restored(plain.text)).printed;
  const rest = splitTopLevel(titles.rest, ",").map((p) => p.trim()).filter(Boolean);
  if (rest.length === 3) return titledName(raw, titles.removed, printed, plain.restore(rest.join(", ")));
  // A suffix is part of the name, written as BibTeX reads one: "King, Jr., Martin Luther".
  const last = words(rest[0] ?? "");
  const suffix = rest.length === 2 && JR_PART.test(rest[1]!) ? rest[1]! : rest.length === 1 && last.length > 2 && JR_PART.test(last.at(-1)!) ? last.at(-1)! : undefined;
  const person = suffix === undefined ? rest : [rest.length === 2 ? rest[0]! : last.slice(0, -1).join(" ")];
  // What is left may be PubMed's "Smith JA" ("Dr Smith JA"): written "Smith, J. A.". Capitals that
  // may also be a name ("Dr Kate DOE") are read as BibTeX reads them; a braced group is no initial.
  const readings = person.length === 1 && suffix === undefined && !/[\u0370-\u03ff]/.test(person[0]!) ? pubmedReadings(person[0]!) : undefined;
  const pubmed = readings?.family ? undefined : readings;
  const reading = person.length === 1 && !pubmed ? bibtexReading(words(person[0]!)) : undefined;
  const written = pubmed ? pubmed.initials : reading ? [reading.family, suffix, reading.given].filter(Boolean).join(", ") : person.join(", ");
  return titledName(raw, titles.removed, printed, plain.restore(written));
}

/** The warning of bibtexTitleProblem: the words `removed` from `raw`, how BibTeX prints it, and `name` to write. */
function titledName(raw: string, removedWords: string[], printed: string, name: string): { message: string; how: string; name: string } {
  const removed = [...new Set(removedWords)].map((w) => `"${w}"`);
  const them = removed.length > 1 ? `${removed.slice(0, -1).join(", ")} and ${removed.at(-1)}` : removed[0]!;
  return {
    message: `"${raw}" has ${them} in it, which BibTeX reads as part of the name: it would be printed "${printed}", and reference lists leave out titles (Dr, Prof) and degrees (PhD, MD)`,
    how: `write the name without ${removed.length > 1 ? "them" : "it"}, family name first, then a comma`,
    name,
  };
}

/** What is wrong with one name of a BibTeX name list; `instead` are the names to write in its place. */
function bibtexPersonProblem(raw: string, field: string, fieldWith?: (written: string) => string): { message: string; fix?: string; instead?: string[]; etAl?: string } | undefined {
  const plain = plainName(raw);
  const restore = plain?.restore ?? ((s: string) => s);
  // "Smith, J., Doe, K., et al.": the names are checked without it, and the fix leaves it out.
  const etAl = etAlIn(plain?.text ?? raw);
  // "Smith, J. et al." alone, and "others", are normaliseItem's to report.
  if (etAl && !etAl.rest) return undefined;
  const text = etAl?.rest ?? plain?.text ?? raw;
  if (!/[,;&]/.test(text)) return undefined;
  const found = (p: { message: string; fix?: string; instead?: string[] }) => ({ ...p, ...(etAl ? { etAl: etAl.marker } : {}) });
  // A name chatpost could not read letter by letter is only counted by its commas.
  const people = plain && severalPeople(text);
  if (people) {
    // Text without a comma is "First Last" to BibTeX: an organisation's name is kept whole in braces.
    const instead = people.map((p) => (!p.includes(",") && organisationName(p) ? `{${restore(p)}}` : restore(dotted(p))));
    const what = `${people.length} people${etAl ? ` and "${etAl.marker}"` : ""}`;
    return found({ message: `"${raw}" is ${what} written as one name: BibTeX separates people with "and", so it would read them as one person`, instead });
  }
  const organisation = plain && !etAl ? commaOrganisation(text) : undefined;
  if (organisation) {
    return organisationProblem(raw, { ...organisation, parts: organisation.parts.map(restore), printed: restore(organisation.printed) }, field, "bibtex", false, fieldWith);
  }
  const parts = splitTopLevel(restore(text), ",").map((p) => p.trim());
  const fix = `write each person as "Last, First", separated by "and", e.g. ${field} = {Smith, John and Jones, Kate}`;
  if (parts.length > 3) return found({ message: `"${raw}" has ${parts.length - 1} commas: BibTeX separates people with "and", and one person's name has at most two ("von Last, Jr, First")`, fix });
  if (parts.length === 3 && parts[1] !== "" && !JR_PART.test(parts[1]!)) {
    return found({ message: `"${raw}" has two commas: BibTeX reads it as one person, "von Last, Jr, First", with "${parts[1]}" printed as a suffix such as Jr.`, fix });
  }
  return undefined;
}

/**
 * A BibTeX name with each braced group and LaTeX command ({\"u}, \'e, {World Health
 * Organization}) swapped for one Greek letter, which the name checks read as a letter of a
 * word, and `restore` to put them back. undefined when a name with such groups has Greek
 * letters of its own, or more than 17 groups.
 */
function plainName(raw: string): { text: string; restore: (s: string) => string } | undefined {
  const groups: string[] = [];
  let text = "";
  for (let i = 0; i < raw.length; ) {
    const c = raw[i]!;
    if (c !== "{" && c !== "\\") {
      text += c === "~" ? " " : c;
      i++;
      continue;
    }
    let end = i;
    if (c === "\\") {
      const command = /^\\(?:[a-zA-Z]+|[^])?\s*/.exec(raw.slice(i))![0];
      end = i + command.length;
      if (raw[end] === "{") end = groupEnd(raw, end);
      else if (/^\\[^a-zA-Z]$/.test(command) && /[a-zA-Z]/.test(raw[end] ?? "")) end++;
    } else end = groupEnd(raw, i);
    const group = raw.slice(i, end);
    if (groups.length >= 17 || /[\u0370-\u03ff]/.test(raw)) return undefined;
    // Upper case when the letter it shows is: "{\"O}zdemir" is a capitalised word.
    const letter = /[a-zA-Z]/.exec(group.replace(/\\[a-zA-Z]+/g, "").replace(/\\./g, ""))?.[0] ?? /[a-zA-Z]/.exec(group)?.[0] ?? "x";
    text += String.fromCodePoint((letter === letter.toUpperCase() ? 0x391 : 0x3b1) + groups.length);
    groups.push(group);
    i = end;
  }
  return { text, restore: (s) => s.replace(/[\u0391-\u03a1\u03b1-\u03c1]/g, (g) => groups[(g.codePointAt(0)! - 0x391) % 0x20]!) };
}

/**
 * Reads a BibTeX entry's text from `from` past braced and quoted values and backslash
 * escapes, giving `visit` each character outside them (commas, `=`, the closing brace)
 * until it returns true. Where it stopped: that character's index, or past the text's end.
 */
function scanOutsideValues(text: string, from: number, visit: (c: string, index: number) => boolean): number {
  let depth = 0;
  let quote = false;
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\") i++;
    else if (depth > 0) depth += c === "{" ? 1 : c === "}" ? -1 : 0;
    else if (quote) {
      if (c === '"') quote = false;
      else if (c === "{") depth++;
    } else if (c === '"') quote = true;
    else if (c === "{") depth++;
    else if (visit(c, i)) break;
  }
  return i;
}

/** The index after the group that opens at `start` ({…}, nested braces and \{ counted), or the end of the text. */
function groupEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Text split where `separator` (a string or a pattern) stands outside braces. */
function splitTopLevel(text: string, separator: string | RegExp): string[] {
  const at = typeof separator === "string" ? new RegExp(escapeRegExp(separator), "y") : new RegExp(separator.source, `${separator.flags.replace("g", "")}y`);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth === 0) {
      at.lastIndex = i;
      const m = at.exec(text);
      if (m && m[0].length) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A BibTeX name list with an `and` too many: two in a row, or one at the start or the end.
 * BibTeX separates names at " and ", so the extra one is read as part of the next (or last)
 * name: "and Irwin, Anthea", "Hoving, Ciska and". The names are given without it.
 */
function extraAnd(value: string): { message: string; names: string[] } | undefined {
  const parts = splitTopLevel(value.trim(), /(?<![^\s])and(?![^\s])/i).map((n) => n.trim().replace(/\s+/g, " "));
  const names = parts.filter(Boolean);
  if (parts.length < 2 || parts.every(Boolean) || !names.length) return undefined;
  const where = parts.slice(1, -1).some((p) => !p) ? "has `and` twice in a row" : !parts[0] ? "starts with `and`" : "ends with `and`";
  const after = parts.findIndex((p, i) => !p && i < parts.length - 1 && parts[i + 1]);
  const read = after >= 0 ? `"and ${parts[after + 1]}"` : `"${names.at(-1)} and"`;
  return { message: `${where}: BibTeX would read ${read} as one person's name`, names };
}

/** The names of a BibTeX name list, as written: "and" outside braces separates them. */
function splitNames(value: string): string[] {
  return splitTopLevel(value.trim(), /\s+and\s+/i).map((n) => n.trim().replace(/\s+/g, " ")).filter(Boolean);
}

/**
 * Each field of each entry of a .bib file, with where its name starts and its value as
 * written between the braces or quotes (undefined for a number, a @string name or text
 * joined with #, which hold no names to check), and where its entry's @ is; `bare` are the
 * words written without braces or quotes (numbers and @string names), with where each starts,
 * and `parts` how many pieces the value is joined from with #.
 */
function* bibtexFields(text: string): Generator<{ key: string; name: string; index: number; value?: string; entry: number; bare: { word: string; index: number }[]; parts: number }> {
  const entry = /@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g;
  let m: RegExpExecArray | null;
  while ((m = entry.exec(text))) {
    const type = m[1]!.toLowerCase();
    if (type === "comment" || type === "string" || type === "preamble") continue;
    const closer = m[2] === "{" ? "}" : ")";
    let i = m.index + m[0].length;
    // Spaces, and a % comment line between fields (`  % check the year`), which plugin-bibtex skips too.
    const space = () => {
      for (;;) {
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (text[i] !== "%" || !/\n[ \t]*$/.test(text.slice(Math.max(0, i - 200), i))) return;
        const eol = text.indexOf("\n", i);
        i = eol < 0 ? text.length : eol;
      }
    };
    for (;;) {
      space();
      if (text[i] !== ",") break;
      i++;
      space();
      const field = /^([^\s=,{}()"#]+)\s*=\s*/.exec(text.slice(i));
      if (!field) break;
      const index = i;
      i += field[0].length;
      const pieces: (string | undefined)[] = [];
      const bare: { word: string; index: number }[] = [];
      for (;;) {
        if (text[i] === "{") {
          const end = groupEnd(text, i);
          pieces.push(text.slice(i + 1, end - 1));
          i = end;
        } else if (text[i] === '"') {
          let end = i + 1;
          for (let depth = 0; end < text.length && !(text[end] === '"' && depth === 0); end++) {
            if (text[end] === "\\") end++;
            else if (text[end] === "{") depth++;
            else if (text[end] === "}") depth--;
          }
          pieces.push(text.slice(i + 1, end));
          i = end + 1;
        } else {
          const word = /^[^\s,#{}()"]+/.exec(text.slice(i));
          if (!word) break;
          pieces.push(undefined);
          bare.push({ word: word[0], index: i });
          i += word[0].length;
        }
        space();
        if (text[i] !== "#") break;
        i++;
        space();
      }
      yield { key: m[3] ?? "", name: field[1]!.toLowerCase(), index, value: pieces.length === 1 ? pieces[0] : undefined, entry: m.index, bare, parts: pieces.length };
      if (text[i] === closer) break;
    }
    entry.lastIndex = Math.max(i, m.index + m[0].length);
  }
}

// The BibTeX and BibLaTeX fields plugin-bibtex makes each CSL field of (its lib/mapping), the
// likeliest first: a problem normaliseItem finds in a CSL field is shown at the first of them
// the entry has. Fields it makes from the entry's head (id, type) are shown there.
const BIBTEX_SOURCES: Record<string, string[]> = {
  title: ["title", "subtitle", "titleaddon"], "title-short": ["shorttitle"], shortTitle: ["shorttitle"],
  "container-title": ["journaltitle", "journal", "booktitle", "maintitle", "journalsubtitle", "booksubtitle", "mainsubtitle", "journaltitleaddon", "booktitleaddon", "maintitleaddon"],
  "container-title-short": ["shortjournal"], journalAbbreviation: ["shortjournal"],
  "collection-title": ["series"], "collection-title-short": ["shortseries"], "collection-number": ["number"],
  "volume-title": ["issuetitle", "issuesubtitle", "issuetitleaddon"], "event-title": ["eventtitle", "eventtitleaddon"], event: ["eventtitle", "eventtitleaddon"],
  "original-title": ["origtitle"],
  author: ["author", "author+an:orcid"], editor: ["editor"], translator: ["translator"], "container-author": ["bookauthor"],
  issued: ["date", "year", "month", "day"], accessed: ["urldate", "note"], "event-date": ["eventdate"], "original-date": ["origdate"],
  URL: ["url", "howpublished"], DOI: ["doi"], ISBN: ["isbn"], ISSN: ["issn"], PMID: ["pmid", "eprint"], PMCID: ["pmcid"],
  publisher: ["publisher", "institution", "organization", "school", "howpublished"], "publisher-place": ["location", "address"],
  "original-publisher": ["origpublisher"], "original-publisher-place": ["origlocation"], jurisdiction: ["location"], "event-place": ["venue"],
  page: ["pages"], section: ["pages", "bookpagination"], volume: ["volume"], "number-of-volumes": ["volumes"], issue: ["issue", "number"],
  number: ["number", "eid", "isan", "ismn", "isrn", "iswc"], "number-of-pages": ["pagetotal", "numpages"], "chapter-number": ["chapter"],
  "part-number": ["part"], edition: ["edition"], version: ["version"], genre: ["type", "entrysubtype"], status: ["pubstate"],
  language: ["langid", "language"], keyword: ["keywords"], note: ["note", "addendum"], annote: ["annote", "annotation"],
  abstract: ["abstract"], "call-number": ["library"],
};

/**
 * Where in a .bib file the field a problem's path names is (CSL names, each mapped to the
 * BibTeX fields it is made of), in the entry the item was read from: the index-th entry, as
 * plugin-bibtex reads them in order, or else the first with the key. The entry's line when it
 * has no such field ("the reference has no title"), its key for the id.
 */
function bibtexFieldLocator(text: string): (index: number, id: string, sub: (string | number)[]) => Position | undefined {
  type Field = ReturnType<typeof bibtexFields> extends Generator<infer F> ? F : never;
  let read: { starts: { key: string; index: number; at: number }[]; fields: Map<number, Field[]> } | undefined;
  const position = (index: number): Position => {
    return positionIn(text, index);
  };
  return (index, id, sub) => {
    if (!read) {
      const starts: { key: string; index: number; at: number }[] = [];
      const entry = /@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/g;
      for (let m; (m = entry.exec(text)); ) {
        if (!["comment", "string", "preamble"].includes(m[1]!.toLowerCase())) starts.push({ key: m[3] ?? "", index: m.index, at: m.index + m[0].length - (m[3] ?? "").length });
      }
      const fields = new Map<number, Field[]>();
      for (const f of bibtexFields(text)) fields.set(f.entry, [...(fields.get(f.entry) ?? []), f]);
      read = { starts, fields };
    }
    const start = read.starts[index]?.key === id ? read.starts[index] : read.starts.find((s) => s.key === id);
    if (!start) return undefined;
    const field = typeof sub[0] === "string" ? sub[0] : undefined;
    if (field === "id") return position(start.at);
    const own = read.fields.get(start.index) ?? [];
    for (const name of (field !== undefined && Object.hasOwn(BIBTEX_SOURCES, field) ? BIBTEX_SOURCES[field] : undefined) ?? []) {
      // A field written twice: plugin-bibtex keeps the last.
      const f = own.findLast((g) => g.name === name);
      if (f) return position(f.index);
    }
    return { line: position(start.index).line };
  };
}

function parseCslJson(file: string, written: string): FileResult {
  // A byte order mark at the start is the file's own, as editors on Windows save it: JSON.parse refuses it.
  const text = written.replace(/^\ufeff/, "");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: any) {
    const slip = jsonSyntaxProblem(text);
    if (slip) {
      // Line and column in the file as written: its byte order mark is a column of line 1.
      const column = slip.line === 1 && written !== text ? slip.column + 1 : slip.column;
      return { entries: [], unreadable: true, diagnostics: [{ severity: "error", file, line: slip.line, column, field: "", message: `the file is not valid JSON: ${slip.message}`, fix: slip.fix }] };
    }
    const pos = /position (\d+)/.exec(String(error?.message))?.[1];
    return {
      entries: [], unreadable: true,
      diagnostics: [{ severity: "error", file, line: pos ? text.slice(0, Number(pos)).split("\n").length : 1, field: "", message: `the file is not valid JSON (${String(error?.message).split("\n")[0]})`, fix: "check the commas, quotes and brackets around this line" }],
    };
  }
  if (!Array.isArray(data)) {
    return { entries: [], unreadable: true, diagnostics: [{ severity: "error", file, line: 1, field: "", message: "a CSL JSON bibliography must be a list of entries", fix: "write [ {\"id\": …}, … ]" }] };
  }
  const lineById = jsonEntryLines(text);
  return withInvisible(file, cslInvisibleProblems(text, "json", data, lineById), (own) => normaliseAll(file, "json", data, lineById, jsonFieldLocator(text), own));
}

/**
 * The first place a CSL JSON file breaks JSON's rules, said in words, with its line and column
 * and the line as it reads once mended: curly or single quotes (as a word processor or a
 * JavaScript habit writes them), a comma too many before a closing bracket or one missing
 * between two values, a field name without quotes, a comment, a text not closed. JSON.parse
 * says only "Unexpected token", at times without a place. Undefined when the file is JSON.
 */
export function jsonSyntaxProblem(text: string): { line: number; column: number; message: string; fix: string } | undefined {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  const lineIndex = (index: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= index) k++;
    return k;
  };
  const lineText = (k: number) => text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length).replace(/\r?\n$|\r$/, "");
  const place = (index: number) => { const k = lineIndex(index); return { line: k + 1, column: index - starts[k]! + 1 }; };
  /** "so that line N reads `…`", the line with text[from, to) replaced by `put`. */
  const reads = (from: number, to: number, put: string) => {
    const k = lineIndex(from);
    const l = lineText(k);
    const a = from - starts[k]!;
    const fixed = l.slice(0, a) + put + l.slice(Math.min(l.length, a + (to - from)));
    if (fixed.length <= 160) return `so that line ${k + 1} reads \`${fixed}\``;
    const s = Math.max(0, a - 60);
    return `so that line ${k + 1} reads \`${s > 0 ? "…" : ""}${fixed.slice(s, s + 120)}${s + 120 < fixed.length ? "…" : ""}\` there`;
  };
  class Slip { constructor(readonly index: number, readonly message: string, readonly fix: string) {} }
  const CURLY = "“”„‟‘’‚‛«»";
  let i = 0;
  const n = text.length;
  const ws = () => { while (i < n && " \t\r\n".includes(text[i]!)) i++; };
  /** A value (or field name) in curly or single quotes, from `at` to its closing quote on the line, written in straight ones. */
  const quotedSlip = (at: number, what: string): Slip => {
    const open = text[at]!;
    const k = lineIndex(at);
    const rest = lineText(k).slice(at - starts[k]! + 1);
    const curly = open !== "'";
    // Its closing quote: the last of its kind on the line (an apostrophe ’ may stand inside a text in “ ”);
    // a straight one, the next that a colon, comma or bracket follows ('title': 'A' holds two texts, 'O'Brien' one).
    const closers = open === "'" ? "'" : "‘’‚‛".includes(open) ? "‘’‛" : "“”‟»«";
    const close = open === "'" ? /'(?=\s*(?:[,:}\]]|$))/.exec(rest)?.index ?? -1 : Math.max(...[...closers].map((q) => rest.lastIndexOf(q)));
    const inner = close >= 0 ? rest.slice(0, close) : rest.replace(/[\s,]*$/, "");
    const length = close >= 0 ? close + 2 : 1 + inner.length;
    const quoted = `"${inner.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    const closing = close >= 0 ? rest[close]! : "";
    return new Slip(at,
      curly
        ? `${what} is in curly quotes ${open}${closing ? ` ${closing}` : ""}, as a word processor writes them: JSON needs straight quotes " "`
        : `${what} is in single quotes ' ': JSON needs double quotes " "`,
      `write straight double quotes, ${reads(at, at + length, quoted)}`);
  };
  /** A closing bracket where a value was expected: a comma too many before it, or nothing there. */
  const closingSlip = (at: number, open: string): Slip => {
    let back = at - 1;
    while (back >= 0 && " \t\r\n".includes(text[back]!)) back--;
    if (text[back] === ",") {
      return new Slip(back, `there is a comma after the last ${open === "[" ? "item of the list" : "field of the entry"}, before the closing ${text[at]}: JSON allows none there`,
        `delete the comma, ${reads(back, back + 1, "")}`);
    }
    return new Slip(at, `a value is missing before ${text[at]}`, `write the value, or delete the comma or colon before it`);
  };
  // The brackets open at the place read, outermost first.
  const opened: number[] = [];
  const endSlip = (open: number): Slip => {
    const { line } = place(open);
    const closers = opened.map((o) => (text[o] === "[" ? "]" : "}")).reverse();
    const fix = closers.length === 1 && closers[0] === "]"
      ? "add a line `]` at the end of the file"
      : `add ${closers.map((c) => `\`${c}\``).join(" then ")} where ${closers.length > 1 ? "they end" : "it ends"} (at the end of the file, for the last entry and the list)`;
    return new Slip(n, `the file ends before the ${text[open] === "[" ? "list" : "entry"} opened with ${text[open]} on line ${line} is closed`, fix);
  };
  const string = (what: string) => {
    const open = i++;
    for (; i < n; i++) {
      const c = text[i]!;
      if (c === '"') { i++; return; }
      if (c === "\\") {
        const e = text[i + 1] ?? "";
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i += 5; continue; }
        if ('"\\/bfnrt'.includes(e) && e) { i++; continue; }
        throw new Slip(i, `${what} has a backslash \\ before ${JSON.stringify(e)}: in JSON a backslash starts a code such as \\n, and \\${e} is none`, `write two backslashes \\\\ for one, ${reads(i, i + 1, "\\\\")}`);
      }
      if (c === "\n" || c === "\r") {
        const k = lineIndex(open);
        const l = lineText(k);
        const curly = [...l.slice(open - starts[k]! + 1)].findIndex((x) => CURLY.includes(x));
        if (curly >= 0) {
          const at = open + 1 + curly;
          throw new Slip(at, `${what} opens with a straight quote " but closes with a curly quote ${text[at]}, which JSON reads as part of the text: the text is not closed`, `write a straight quote in its place, ${reads(at, at + 1, '"')}`);
        }
        const end = l.replace(/,\s*$/, "").length;
        throw new Slip(open, `${what} that starts here is not closed: its closing quote " is missing on the line`, `add the closing quote, ${reads(starts[k]! + end, starts[k]! + end, '"')}`);
      }
      if (c < " ") {
        throw new Slip(i, `${what} has a ${c === "\t" ? "tab" : "control character"} in it, which JSON does not allow in a text`, `write a space in its place, ${reads(i, i + 1, " ")}`);
      }
    }
    throw new Slip(open, `${what} that starts here is not closed: its closing quote " is missing`, `add the closing quote " where the text ends`);
  };
  const value = (what: string): void => {
    ws();
    const c = text[i];
    if (c === undefined) throw new Slip(n, "the file ends where a value was expected", "write the value, or delete the comma or colon before the end");
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string(what);
    if (CURLY.includes(c) || c === "'") throw quotedSlip(i, what);
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) throw commentSlip();
    if (c === "]" || c === "}") throw closingSlip(i, c === "]" ? "[" : "{");
    const word = /^[^\s,:\]}[{"]+/.exec(text.slice(i))?.[0] ?? c;
    if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(word)) { i += word.length; return; }
    if (["true", "false", "null"].includes(word)) { i += word.length; return; }
    const lower = word.toLowerCase();
    if (["true", "false", "null"].includes(lower)) throw new Slip(i, `\`${word}\` is written with capitals: JSON knows only \`${lower}\``, `write it in small letters, ${reads(i, i + word.length, lower)}`);
    throw new Slip(i, `${what} \`${word}\` is not in quotes: in JSON a text is written in double quotes " " (a number is written only with digits)`, `put it in double quotes, ${reads(i, i + word.length, JSON.stringify(word))}`);
  };
  const commentSlip = () => {
    const k = lineIndex(i);
    const l = lineText(k);
    const before = l.slice(0, i - starts[k]!);
    return new Slip(i, "JSON has no comments: the text from // or /* on is read as part of the data", before.trim() ? `delete the comment, ${reads(i, starts[k]! + l.length, "").replace(/\s+`$/, "`")}` : `delete line ${k + 1}`);
  };
  /** After a value, where a comma or the closing bracket was expected. */
  const separator = (open: number, close: string, valueEnd: number) => {
    ws();
    const c = text[i];
    if (c === undefined) throw endSlip(open);
    if (c === "," || c === close) return c;
    if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) throw commentSlip();
    const between = close === "}" ? "fields" : "items";
    if (c === '"' || c === "{" || c === "[" || /[\w'“”‘’-]/.test(c)) {
      throw new Slip(valueEnd, `a comma is missing after this value: in JSON, ${between} are separated by commas`, `add a comma, ${reads(valueEnd, valueEnd, ",")}`);
    }
    throw new Slip(i, `\`${c}\` is not expected here: after a value comes a comma , or the closing ${close}`, `delete it, or write a comma , or ${close}`);
  };
  const object = () => {
    const open = i++;
    opened.push(open);
    ws();
    if (text[i] === "}") { i++; opened.pop(); return; }
    for (;;) {
      ws();
      const c = text[i];
      if (c === undefined) throw endSlip(open);
      let name = "";
      if (c === '"') { const from = i; string("a field name"); name = text.slice(from + 1, i - 1); }
      else if (CURLY.includes(c) || c === "'") throw quotedSlip(i, "the field name");
      else if (c === "}") throw closingSlip(i, "{");
      else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) throw commentSlip();
      else {
        const word = /^[^\s,:\]}[{"]+/.exec(text.slice(i))?.[0] ?? c;
        throw new Slip(i, `the field name \`${word}\` is not in quotes: in JSON a field's name is written in double quotes`, `put it in double quotes, ${reads(i, i + word.length, JSON.stringify(word))}`);
      }
      const nameEnd = i;
      ws();
      if (text[i] !== ":") {
        const gap = lineIndex(i) === lineIndex(nameEnd) ? i : nameEnd;
        throw new Slip(nameEnd, `a colon : is missing after the field name "${name}"`, `add it, ${reads(nameEnd, gap, gap === i ? ": " : ":")}`);
      }
      i++;
      value(`the value of "${name}"`);
      const sep = separator(open, "}", i);
      i++;
      if (sep === "}") { opened.pop(); return; }
    }
  };
  const array = () => {
    const open = i++;
    opened.push(open);
    ws();
    if (text[i] === "]") { i++; opened.pop(); return; }
    for (;;) {
      value("the item");
      const sep = separator(open, "]", i);
      i++;
      if (sep === "]") { opened.pop(); return; }
    }
  };
  try {
    value("the value");
    const last = text[i - 1];
    ws();
    if (i < n) {
      const c = text[i]!;
      if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) throw commentSlip();
      const k = lineIndex(i);
      const alone = lineText(k).trim() === c;
      throw new Slip(i, `there is more after the file's closing ${last === "]" || last === "}" ? last : "value"}: a CSL JSON file is one list [ … ] of entries`,
        c === "," || c === "]" || c === "}" ? (alone ? `delete line ${k + 1}` : `delete it, ${reads(i, i + 1, "")}`) : "move the entries into the list, before its closing ], with a comma between each two");
    }
  } catch (error) {
    if (!(error instanceof Slip)) throw error;
    const at = place(Math.min(error.index, Math.max(0, n - 1)));
    return { ...at, message: error.message, fix: error.fix };
  }
  return undefined;
}

/**
 * Where in a CSL JSON file the field a problem's path names is, read with the yaml package
 * (JSON is YAML, and it keeps each node's place): undefined when the entry has no such field,
 * or when the yaml package cannot read the file as JSON.parse did (a tab before a line's text,
 * say), for the line of the entry's id. Read only for a file with a problem.
 */
function jsonFieldLocator(text: string): (index: number, id: string, sub: (string | number)[]) => Position | undefined {
  let read: { contents: YAMLSeq; lines: LineCounter } | null | undefined;
  return (index, _id, sub) => {
    if (read === undefined) {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
      read = !doc.errors.length && isSeq(doc.contents) ? { contents: doc.contents, lines } : null;
    }
    if (!read || !sub.length) return undefined;
    let node: unknown = read.contents.items[index];
    let found: number | undefined;
    for (const seg of sub) {
      // A key written twice: JSON.parse keeps the last.
      const next: Node | Pair | undefined = isMap(node) ? node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(seg)) : isSeq(node) && typeof seg === "number" ? (node.items[seg] as Node | undefined) : undefined;
      if (!next) break;
      const at = isPair(next) ? (next.key as Node).range?.[0] : next.range?.[0];
      if (at === undefined) break;
      found = at;
      node = isPair(next) ? next.value : next;
    }
    if (found === undefined) return undefined;
    const { line, col } = read.lines.linePos(found);
    return { line, column: col };
  };
}

function parseCslYaml(file: string, written: string): FileResult {
  // A byte order mark at the start is the file's own, as editors on Windows save it.
  const text = written.replace(/^\ufeff/, "");
  const doc = readYamlDocument(text, file, 1);
  if (doc.diagnostics.length) return { entries: [], unreadable: true, diagnostics: doc.diagnostics };
  const data = doc.data as any;
  const list = Array.isArray(data) ? data : data && Array.isArray(data.references) ? data.references : undefined;
  if (!list) {
    return { entries: [], unreadable: true, diagnostics: [{ severity: "error", file, line: 1, field: "", message: "a CSL YAML bibliography must be a list of entries, or `references:` with a list", fix: "start the file with `references:` and list the entries below it, each starting with `- id:`" }] };
  }
  const base = Array.isArray(data) ? [] : ["references"];
  return withInvisible(file, cslInvisibleProblems(text, "yaml", list), (own) => normaliseAll(file, "yaml", list, undefined, (i, _id, sub) => doc.locate([...base, i, ...sub]), own));
}

/**
 * A CSL file's entries read with its invisible characters: an error stands for normaliseItem's
 * problems with the same field (and leaves its entry out), as a .bib file's read from its source;
 * a warning is told beside them.
 */
function withInvisible(file: string, found: ReturnType<typeof cslInvisibleProblems>, read: (own: Parameters<typeof normaliseAll>[5]) => FileResult): FileResult {
  const result = read(found.filter((p) => p.diagnostic.severity === "error").map(({ key, cslField, diagnostic }) => ({ key, cslField, diagnostic: { file, ...diagnostic } })));
  result.diagnostics.push(...found.filter((p) => p.diagnostic.severity === "warning").map(({ diagnostic }) => ({ file, ...diagnostic })));
  return result;
}

/**
 * Where a problem of an entry is: `locate` gives the field its path names (undefined when the
 * file has no such field, "the reference has no title"), `lineById` the entry's first line.
 */
function normaliseAll(
  file: string,
  syntax: ReferenceSyntax,
  list: unknown[],
  lineById?: (id: string) => number | undefined,
  locate?: (index: number, id: string, sub: (string | number)[]) => Position | undefined,
  nameProblems: { key: string; cslField: string | readonly string[]; diagnostic: Diagnostic }[] = [],
): FileResult {
  const entries: SharedEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const broken: { id: string; line?: number }[] = [];
  // Each key's entry, by the line of its key.
  const seen = new Map<string, number | undefined>();
  const reported = new Set<string>();
  list.forEach((raw, i) => {
    // `ID:` is an id as well (normaliseItem accepts any case), named so in the messages.
    const id = referenceId(raw) ?? `#${i + 1}`;
    const where = (sub: (string | number)[]): Position => {
      const found = locate?.(i, id, sub);
      if (found?.line !== undefined) return found.column !== undefined ? { line: found.line, column: found.column } : { line: found.line };
      const line = lineById?.(id);
      return line !== undefined ? { line } : {};
    };
    const line = (sub: (string | number)[]) => where(sub).line;
    const { item, problems } = normaliseItem(raw, { syntax });
    // A name field read from the .bib source replaces what normaliseItem says of the same
    // field: that is built on plugin-bibtex's reading, the one that went wrong.
    const own = nameProblems.filter((p) => p.key === id);
    const ownFields = new Set(own.flatMap((p) => p.cslField));
    // Told once for a key written twice: they are found by key, so each entry has them all.
    if (!reported.has(id)) diagnostics.push(...own.map((p) => p.diagnostic));
    reported.add(id);
    for (const p of problems.filter((p) => !ownFields.has(String(p.path[0])))) {
      diagnostics.push({ severity: p.severity ?? "error", file, ...where(p.path), field: fieldPath([id, ...p.path]), message: `entry "${id}": ${p.message}`, fix: p.fix });
    }
    // A warning read from the source (PubMed's "Smith JA") keeps the entry, as normaliseItem's do.
    if (!item || own.some((p) => p.diagnostic.severity === "error")) {
      const key = referenceId(raw)?.trim();
      const at = line([]);
      if (key !== undefined) broken.push({ id: key, ...(at ? { line: at } : {}) });
      // A key with an invisible character in it: a citation of the key as it looks is told to fix the entry too.
      const visible = key?.replace(new RegExp(INVISIBLE_IN_IDENTIFIER.source, "gu"), "");
      if (visible && visible !== key) broken.push({ id: visible, ...(at ? { line: at } : {}) });
      return;
    }
    if (seen.has(item.id)) {
      const first = seen.get(item.id);
      diagnostics.push({
        severity: "error", file, ...where(["id"]), field: `${item.id}.id`,
        message: `entry "${item.id}": the key is used twice in this file${first !== undefined ? ` (first on line ${first})` : ""}`,
        fix: "give each entry its own key, or delete this one if it is the same work",
      });
      return;
    }
    seen.set(item.id, where(["id"]).line);
    // A .bib file's are read from its source (bibtexMarkupProblems).
    if (syntax !== "bibtex") {
      for (const p of referenceMarkupProblems(raw, syntax)) {
        diagnostics.push({ severity: "warning", file, ...where(p.path), field: fieldPath([id, ...p.path]), message: `entry "${id}": \`${String(p.path[0])}\` ${p.message}`, fix: p.fix });
      }
    }
    const at = line([]);
    entries.push({ item, file, ...(at ? { line: at } : {}) });
  });
  return { entries, diagnostics, ...(broken.length ? { broken } : {}) };
}

/**
 * The offset at which each line of `text` starts (0, and one past each "\n"), kept for the last
 * few texts: a shared bibliography of thousands of entries asks for a position per entry and
 * per field, and counting the line breaks before each from the start made that quadratic.
 */
const lineStartsKept: { text: string; starts: number[] }[] = [];
function lineStartsOf(text: string): number[] {
  const kept = lineStartsKept.find((k) => k.text === text);
  if (kept) return kept.starts;
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  lineStartsKept.unshift({ text, starts });
  // A file's text and the one with a broken entry blanked (parseBibtex) are asked for in turn.
  if (lineStartsKept.length > 4) lineStartsKept.pop();
  return starts;
}

/**
 * Line and column (from 1) of text[index]: the line is one more than the "\n"s before it, the
 * column counts from the character after the last of them (a "\r" is a character of its line).
 */
function positionIn(text: string, index: number): { line: number; column: number } {
  const starts = lineStartsOf(text);
  const at = Math.min(Math.max(index, 0), text.length);
  // The last line that starts at or before `at`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: index - starts[low]! + 1 };
}

/**
 * The line of the first entry head written with each key, `@type{key,` (what
 * `@\w+\s*[{(]\s*key\s*,` finds first), read in one pass. A key with a space or a comma in
 * it, which no head of this shape holds, is looked for by itself.
 */
function bibtexEntryLines(text: string): (id: string) => number | undefined {
  let lines: Map<string, number> | undefined;
  return (id) => {
    if (/[\s,@]/.test(id)) return lineOf(text, new RegExp(`@\\w+\\s*[{(]\\s*${escapeRegExp(id)}\\s*,`));
    if (!lines) {
      lines = new Map();
      // Every @ is tried, as a search for one key would: a match must not hide a head inside it.
      // No @ in the key read: a run with many is tried from each of them, once.
      const head = /@\w+\s*[{(]\s*([^\s,@]*)\s*,/g;
      for (let m; (m = head.exec(text)); head.lastIndex = m.index + 1) if (!lines.has(m[1]!)) lines.set(m[1]!, positionIn(text, m.index).line);
    }
    return lines.get(id);
  };
}

/**
 * The line of the first `"id": "key"` (any case of id) written with each key in a CSL JSON
 * file, read in one pass. A key with a quote in it is looked for by itself.
 */
function jsonEntryLines(text: string): (id: string) => number | undefined {
  let lines: Map<string, number> | undefined;
  return (id) => {
    if (id.includes('"')) return lineOf(text, new RegExp(`"[iI][dD]"\\s*:\\s*"${escapeRegExp(id)}"`));
    if (!lines) {
      lines = new Map();
      const head = /"[iI][dD]"\s*:\s*"([^"]*)"/g;
      for (let m; (m = head.exec(text)); head.lastIndex = m.index + 1) if (!lines.has(m[1]!)) lines.set(m[1]!, positionIn(text, m.index).line);
    }
    return lines.get(id);
  };
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const m = pattern.exec(text);
  return m ? positionIn(text, m.index).line : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
