// Splits a post into front matter and body, and parses the YAML once, keeping
// the position of every node so that a problem can point at its line.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Diagnostic, Position } from "./diagnostics.ts";

export type Locate = (path: ReadonlyArray<PropertyKey>) => Position;

export interface YamlDocument {
  data: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at `path` starts in the file; the nearest existing parent if it is missing. */
  locate: Locate;
}

/**
 * Parse YAML text that starts at line `firstLine` of `file`.
 * YAML 1.2 core schema: `2016-08-26` stays the string the writer typed, never a shifted Date.
 */
export function readYamlDocument(text: string, file: string, firstLine: number): YamlDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const err of doc.errors) {
    const duplicate = err.code === "DUPLICATE_KEY";
    diagnostics.push({
      severity: "error",
      file,
      ...at(err.pos[0]),
      field: "",
      message: duplicate ? "a field is written twice" : `the front matter is not valid YAML: ${firstSentence(err.message)}`,
      fix: duplicate
        ? "keep one of the two lines"
        : "check the indentation and quoting on this line; text containing ': ' or starting with # [ { * & must be in quotes",
    });
  }
  const locate: Locate = (path) => {
    let node: unknown = doc.contents;
    let best: Position = { line: firstLine, column: 1 };
    if (node && typeof node === "object" && "range" in node && (node as Node).range) best = at((node as Node).range![0]);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) best = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        if (item.range) best = at(item.range[0]);
        node = item;
      } else break;
    }
    return best;
  };
  const data = diagnostics.length ? undefined : doc.toJS({ maxAliasCount: 50 });
  return { data, diagnostics, locate };
}

function firstSentence(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

export interface SplitFile {
  /** The YAML between the fences, or undefined when the file has no front matter. */
  yaml?: string;
  /** Line number (1-based) of the first YAML line. */
  yamlLine: number;
  body: string;
  /** Line number (1-based) where the body starts. */
  bodyLine: number;
}

/** Split `---` fenced front matter from the body. Tolerates a BOM and CRLF line ends. */
export function splitFrontMatter(raw: string): SplitFile {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return { yamlLine: 1, body: text, bodyLine: 1 };
  const rest = text.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!close) return { yamlLine: 2, body: text, bodyLine: 1 };
  const yaml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\n/, "");
  const yamlLines = yaml === "" ? 0 : yaml.split("\n").length - (yaml.endsWith("\n") ? 1 : 0);
  return { yaml, yamlLine: 2, body: afterClose, bodyLine: 2 + yamlLines + 1 };
}

/** Eleventy's front-matter engine: the same parser the validator uses. Throws only on invalid YAML, which validation reports first. */
export function parseYamlForEngine(text: string): Record<string, unknown> {
  const doc = readYamlDocument(text, "", 1);
  if (doc.diagnostics.length) throw new Error(doc.diagnostics[0]!.message);
  return (doc.data ?? {}) as Record<string, unknown>;
}
