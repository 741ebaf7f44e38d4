// A mistake in a Nunjucks page the writer wrote (content/index.njk, content/subscribe.njk)
// or in the `layout:` of any page, told as a writer's error. Nunjucks' own messages often
// carry no line ("filter not found: x"), name the wrong tag ("unknown block tag: endif"
// when a `{% for %}` was left open) or none at all ("unexpected end of file"): the page's
// text is read again here to say where and what. Knows only the shape of the error text.
import { readdirSync } from "node:fs";
import path from "node:path";
import { isPostFile } from "./content-paths.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { splitFrontMatter } from "./front-matter-split.ts";
import { editDistance } from "./suggest.ts";

/** What the text of a template error says. */
export interface TemplateErrorText {
  /** The template Nunjucks stopped in, as the error names it (relative to the working folder, or absolute). */
  template: string;
  /** Where in that template's body (after its front matter), when Nunjucks says. */
  line?: number;
  column?: number;
  /** `line` and `column` point at the name itself (read from the page's syntax tree), not near it. */
  exact?: boolean;
  /** Nunjucks' words, without the paths. */
  message: string;
  /** `layout: x` in the page's front matter names no file: x. */
  missingLayout?: string;
}

/** The header Nunjucks puts before its message, once per template it passed through: `(path) [Line N, Column M]`. */
const HEADER = /\s*(?:Template render error: )?\(([^()\n]+)\)(?: \[Line (\d+)(?:, Column (\d+))?\])?[ \t]*(?:\n|$)/y;
const MISSING_LAYOUT = /Problem creating an Eleventy Layout for the "([^"]+)" template file[\s\S]*?layout that does not exist: .*?\(via `layout: ([^`]+)`\)/;

/**
 * Reads the messages of an error and its causes (outermost first) as a template error;
 * undefined when they are not one. The innermost `(path)` is the file Nunjucks stopped in.
 */
export function readTemplateError(messages: readonly string[]): TemplateErrorText | undefined {
  const layout = MISSING_LAYOUT.exec(messages.join("\n"));
  if (layout) return { template: layout[1]!, message: "layout not found", missingLayout: layout[2]!.trim() };
  for (const text of messages) {
    if (!text.startsWith("(")) continue;
    let last: RegExpExecArray | undefined;
    HEADER.lastIndex = 0;
    for (let m = HEADER.exec(text); m; m = HEADER.exec(text)) last = m;
    if (!last) continue;
    return {
      template: last[1]!,
      ...(last[2] ? { line: Number(last[2]) } : {}),
      ...(last[3] ? { column: Number(last[3]) } : {}),
      message: text.slice(last.index + last[0].length).trim(),
    };
  }
  return undefined;
}

/**
 * The file a template path names, relative to the site's folder with forward slashes, when it
 * is the writer's: inside the site and not in chatpost's layouts (maintainers' code, whose
 * errors stay chatpost's). Pages Eleventy makes from chatpost's plugins (content/chatpost-*.njk)
 * exist on no disk: `exists` tells them apart.
 */
export function writersFile(template: string, where: { cwd: string; root: string; layouts: string; exists(file: string): boolean }): string | undefined {
  const absolute = path.resolve(where.cwd, template);
  const inside = (folder: string) => {
    const rel = path.relative(folder, absolute);
    return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  };
  if (inside(where.layouts) || !inside(where.root) || !where.exists(absolute)) return undefined;
  return path.relative(where.root, absolute).split(path.sep).join("/");
}

/**
 * Nunjucks' own filters (3.2, the last release, which Eleventy 3 uses); the site's are
 * added by whoever knows them (tests/unit/nj-template-errors.test.ts compares the two).
 */
export const NUNJUCKS_FILTERS: readonly string[] = [
  "abs", "batch", "capitalize", "center", "default", "dictsort", "dump", "escape", "safe", "first", "forceescape", "groupby", "indent", "join", "last",
  "length", "list", "lower", "nl2br", "random", "reject", "rejectattr", "select", "selectattr", "replace", "reverse", "round", "slice", "sum", "sort",
  "string", "striptags", "title", "trim", "truncate", "upper", "urlencode", "urlize", "wordcount", "float", "int", "d", "e",
];

/** What a template error needs to know of the site. */
export interface TemplateSite {
  /** The text of a writer's file (relative to the site's folder). */
  read(file: string): string | undefined;
  /** Every filter a page may use (Nunjucks', Eleventy's and chatpost's). */
  filters: readonly string[];
  /** The layouts and partials, as `layout:` and `{% include %}` name them: "base.njk", "partials/next-chat.njk". */
  layoutFiles: readonly string[];
}

/**
 * The writer's error for a template error in `file` (the writer's, see `writersFile`), or
 * undefined when it is chatpost's: a JavaScript failure inside a filter is a bug, not a typo.
 */
export function templateDiagnostic(error: TemplateErrorText, file: string, site: TemplateSite): Diagnostic | undefined {
  const raw = (site.read(file) ?? "").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const { body, bodyLine } = splitFrontMatter(raw);
  // Nunjucks counts lines from the end of the front matter.
  const inFile = (pos: At): At => ({ line: pos.line + bodyLine - 1, column: pos.column });
  const reported = error.line !== undefined ? { line: error.line, column: error.column ?? 1 } : undefined;
  const problem = (message: string, fix: string, where: At | undefined, field = ""): Diagnostic => ({ severity: "error", file, ...(where ?? { line: 1, column: 1 }), field, message, fix });

  if (error.missingLayout !== undefined) {
    const name = error.missingLayout;
    const line = raw.split("\n").findIndex((l, i) => i > 0 && i < bodyLine && /^layout\s*:/.test(l));
    const layouts = site.layoutFiles.filter((f) => !f.includes("/"));
    const near = nearest(name, layouts);
    // Not the page's own `layout:`: a .11tydata.js gave it, by code the check does not run.
    const script = line > 0 ? undefined : layoutScript(file, site.read);
    if (script) {
      const uses = file.startsWith("content/posts/") ? "posts use `post.njk`" : "a page uses `base.njk`";
      const others = script.others.length ? ` (${script.others.join(" and ")} also ${script.others.length === 1 ? "writes" : "write"} \`layout\`)` : "";
      return {
        severity: "error", file: script.file, line: script.line, column: script.column, field: "layout",
        message: `the code of this file gives ${file} the layout \`${name}\`${others}, and there is no layout \`${name}\`; ${uses}`,
        // The layout its kind of page needs, not the nearest name: `pst.njk` of a page is not `post.njk`.
        fix: file.startsWith("content/posts/") ? "make the code give `post.njk`" : "make the code give `base.njk` (or no `layout`: a page without one is given `base.njk`)",
      };
    }
    // A post's own `layout:` is an unknown field to the check ("remove it"); under `npm start`
    // Eleventy also stops on it, and its error must give the same advice, not another layout.
    if (isPostFile(file) && line > 0) {
      return problem(
        `a post has no \`layout\` field: every post is laid out by \`post.njk\`, and there is no layout \`${name}\``,
        `delete the line \`${raw.split("\n")[line]!.trim()}\``,
        { line: line + 1, column: 1 },
        "layout",
      );
    }
    return problem(
      `there is no layout \`${name}\``,
      near.length ? `write \`layout: ${near[0]}\`` : `use one of the layouts: ${layouts.map((l) => `\`${l}\``).join(", ")}`,
      line > 0 ? { line: line + 1, column: 1 } : undefined,
      "layout",
    );
  }

  const message = error.message.replace(/^Error: /, "");
  // A JavaScript error thrown by code (a filter's, chatpost's or Eleventy's: "TypeError: …",
  // "EleventyNunjucksError: Error in Nunjucks Filter …") is not the writer's doing; Nunjucks'
  // own messages have no prefix or a plain "Error: ".
  if (/^\w*Error: /.test(message)) return undefined;

  const filter = /^filter not found: (\S+)/.exec(message);
  if (filter) {
    const name = filter[1]!;
    const near = nearest(name, site.filters);
    const pos = (error.exact ? reported : undefined) ?? find(body, new RegExp(`\\|\\s*(${escapeRegExp(name)})\\b`), 1) ?? reported;
    return problem(
      `there is no filter \`${name}\`${near.length ? `; close ones that exist: ${near.map((f) => `\`${f}\``).join(", ")}` : ""}`,
      near.length ? `write \`| ${near[0]}\` instead of \`| ${name}\`` : `remove \`| ${name}\`, or use a filter that exists (Nunjucks' own are listed at https://mozilla.github.io/nunjucks/templating.html#builtin-filters)`,
      pos && inFile(pos),
    );
  }

  const missing = /^template not found: (.+)$/m.exec(message);
  if (missing) {
    const name = missing[1]!.trim();
    const pos = (error.exact ? reported : undefined) ?? find(body, new RegExp(`["'](${escapeRegExp(name)})["']`), 1) ?? reported;
    const near = nearest(name, site.layoutFiles);
    return problem(
      `there is no file \`${name}\` in the layouts to include; the files are ${site.layoutFiles.map((f) => `\`${f}\``).join(", ")}`,
      near.length ? `write "${near[0]}" instead of "${name}"` : "name one of those files",
      pos && inFile(pos),
    );
  }

  // Structural mistakes: read the page's tags, which say more than Nunjucks does.
  const structure = structuralProblem(body);
  if (structure && (!reported || before(structure.at, reported))) {
    switch (structure.kind) {
      case "unclosed-delimiter":
        return problem(
          `\`${structure.open}\` is never closed with \`${structure.close}\``,
          structure.open === "{#"
            ? "end the comment with `#}`"
            : `end it with \`${structure.close}\`, e.g. \`${structure.open} ${structure.open === "{{" ? "site.title" : "if x"} ${structure.close}\` (to show \`${structure.open}\` as text, put it between \`{% raw %}\` and \`{% endraw %}\`)`,
          inFile(structure.at),
        );
      case "unclosed-block":
        return problem(
          `\`${structure.source}\` is never closed: the page ends without \`{% end${endName(structure.tag)} %}\``,
          `add \`{% end${endName(structure.tag)} %}\` where the ${structure.tag} should end`,
          inFile(structure.at),
        );
      case "stray-end":
        return structure.open
          ? problem(
              `\`${structure.source}\` comes while \`${structure.open.source}\` on line ${inFile(structure.open.at).line} is still open`,
              `add \`{% end${endName(structure.open.tag)} %}\` before line ${inFile(structure.at).line}, where the ${structure.open.tag} should end`,
              inFile(structure.open.at),
            )
          : problem(`\`${structure.source}\` closes nothing: no \`{% ${openerOf(structure.tag)} %}\` is open here`, "delete it, or add the tag it should close before it", inFile(structure.at));
      case "misplaced-middle":
        return problem(`\`${structure.source}\` is outside any \`{% if %}\` or \`{% for %}\``, "delete it, or move it inside the block it belongs to", inFile(structure.at));
    }
  }

  const unknownTag = /^unknown block tag: (\S+)/.exec(message);
  if (unknownTag) {
    const name = unknownTag[1]!;
    const near = nearest(name, NUNJUCKS_TAGS);
    return problem(
      `there is no tag \`{% ${name} %}\` in Nunjucks`,
      near.length ? `write \`{% ${near[0]} … %}\` instead` : `use one of Nunjucks' tags (${NUNJUCKS_TAGS.slice(0, 8).join(", ")}…), or put \`{% ${name} %}\` between \`{% raw %}\` and \`{% endraw %}\` to show it as text`,
      reported && inFile(reported),
    );
  }

  const call = /^Unable to call `([^`]+)`/.exec(message);
  if (call) {
    const name = call[1]!;
    const pos = find(body, new RegExp(`(${escapeRegExp(name)})\\s*\\(`), 1) ?? reported;
    return problem(
      `\`${name}(…)\` calls something this page does not have: \`${name}\` is not defined`,
      `check the spelling of \`${name}\`, or remove the call`,
      pos && inFile(pos),
    );
  }

  return problem(
    `Nunjucks cannot read the page here: ${message.split("\n")[0]}`,
    "correct the `{{ … }}` or `{% … %}` at this place (to show such braces as text, put them between `{% raw %}` and `{% endraw %}`)",
    reported && inFile(reported),
  );
}

/**
 * The .11tydata.js file that set a page's layout by code: of the data files Eleventy reads for
 * `page` (the one beside it, `about.11tydata.js`, then those of its folders up to content/,
 * `posts/posts.11tydata.js`), the nearest whose code writes `layout` (not in a comment), at
 * that word; the others that write it too. Undefined when none does.
 */
function layoutScript(page: string, read: (file: string) => string | undefined): { file: string; line: number; column: number; others: string[] } | undefined {
  const stem = page.replace(/\.[^./]+$/, "");
  const folders = page.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/")).reverse();
  const stems = [stem, ...folders.filter((f) => f.startsWith("content")).map((f) => `${f}/${path.posix.basename(f)}`)];
  const found: { file: string; line: number; column: number }[] = [];
  for (const candidate of stems.flatMap((s) => ["js", "cjs", "mjs"].map((ext) => `${s}.11tydata.${ext}`))) {
    const text = read(candidate);
    if (text === undefined) continue;
    const at = [...text.matchAll(/\blayout\b/g)].find((m) => {
      const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
      return !text.slice(lineStart, m.index).includes("//") && text.lastIndexOf("/*", m.index) <= text.lastIndexOf("*/", m.index);
    });
    if (!at) continue;
    const before = text.slice(0, at.index);
    found.push({ file: candidate, line: before.split("\n").length, column: at.index - before.lastIndexOf("\n") });
  }
  const [first, ...others] = found;
  return first && { ...first, others: others.map((o) => o.file) };
}

/** Block tags and what closes them; `set` only when it captures a block (`{% set x %}…{% endset %}`). */
const BLOCKS: Record<string, string> = { if: "endif", for: "endfor", asyncEach: "endeach", asyncAll: "endall", macro: "endmacro", call: "endcall", block: "endblock", filter: "endfilter", set: "endset", raw: "endraw", verbatim: "endverbatim" };
const MIDDLES: Record<string, readonly string[]> = { else: ["if", "for", "asyncEach", "asyncAll"], elif: ["if"], elseif: ["if"] };
const NUNJUCKS_TAGS = ["if", "for", "set", "include", "macro", "import", "from", "extends", "block", "call", "filter", "raw", "verbatim", "asyncEach", "asyncAll", "else", "elif", ...Object.values(BLOCKS)];

const endName = (tag: string) => BLOCKS[tag]!.replace(/^end/, "");
const openerOf = (end: string) => Object.keys(BLOCKS).find((tag) => BLOCKS[tag] === end) ?? end.replace(/^end/, "");

interface At {
  line: number;
  column: number;
}
type Structure =
  | { kind: "unclosed-delimiter"; open: string; close: string; at: At }
  | { kind: "unclosed-block"; tag: string; source: string; at: At }
  | { kind: "stray-end"; tag: string; source: string; at: At; open?: { tag: string; source: string; at: At } }
  | { kind: "misplaced-middle"; tag: string; source: string; at: At };

const CLOSES: Record<string, string> = { "{{": "}}", "{%": "%}", "{#": "#}" };

/** The first mistake in the nesting of the tags of `body`, in reading order (Nunjucks stops at the first). */
export function structuralProblem(body: string): Structure | undefined {
  const position = lineColumn(body);
  const open: { tag: string; source: string; at: At }[] = [];
  const opener = /\{\{|\{%|\{#/g;
  for (let m = opener.exec(body); m; m = opener.exec(body)) {
    const start = m.index;
    const close = CLOSES[m[0]]!;
    const end = body.indexOf(close, start + 2);
    // Another tag starts before this one ends (comments may hold anything).
    const next = m[0] === "{#" ? -1 : body.slice(start + 2, end < 0 ? undefined : end).search(/\{\{|\{%/);
    if (end < 0 || next >= 0) return { kind: "unclosed-delimiter", open: m[0], close, at: position(start) };
    opener.lastIndex = end + 2;
    if (m[0] !== "{%") continue;
    const inner = body.slice(start + 2, end).replace(/^-/, "").replace(/-$/, "").trim();
    const tag = /^\w+/.exec(inner)?.[0] ?? "";
    const source = `{% ${inner} %}`;
    const at = position(start);
    if (tag === "raw" || tag === "verbatim") {
      // Everything up to the end tag is text.
      const closing = new RegExp(`\\{%-?\\s*end${tag}\\s*-?%\\}`, "g");
      closing.lastIndex = end + 2;
      const found = closing.exec(body);
      if (!found) return { kind: "unclosed-block", tag, source, at };
      opener.lastIndex = found.index + found[0].length;
    } else if (BLOCKS[tag] && !(tag === "set" && inner.includes("="))) {
      open.push({ tag, source, at });
    } else if (Object.values(BLOCKS).includes(tag)) {
      const top = open.at(-1);
      if (top && BLOCKS[top.tag] === tag) open.pop();
      else return { kind: "stray-end", tag, source, at, ...(top ? { open: top } : {}) };
    } else if (MIDDLES[tag] && !MIDDLES[tag].includes(open.at(-1)?.tag ?? "")) {
      const top = open.at(-1);
      return top ? { kind: "stray-end", tag, source, at, open: top } : { kind: "misplaced-middle", tag, source, at };
    }
  }
  const last = open.at(-1);
  return last ? { kind: "unclosed-block", ...last } : undefined;
}

/** Converts offsets into 1-based lines and columns. */
function lineColumn(text: string): (offset: number) => At {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let line = starts.length - 1;
    while (starts[line]! > offset) line--;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
}

/** Where group `group` of the first match of `pattern` is, when there is one. */
function find(text: string, pattern: RegExp, group: number): At | undefined {
  const m = new RegExp(pattern.source, pattern.flags.includes("d") ? pattern.flags : pattern.flags + "d").exec(text);
  const span = m?.indices?.[group];
  return span ? lineColumn(text)(span[0]) : undefined;
}

const before = (a: At, b: At) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** The candidates close to a misspelt name, nearest first (at most five). */
function nearest(name: string, candidates: readonly string[]): string[] {
  const word = name.toLowerCase();
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const distance = (c: string) => {
    const other = c.toLowerCase();
    // A name cut short or run on (`date` for `dateText`) is close too.
    const affix = Math.min(word.length, other.length) >= 4 && (other.startsWith(word) || word.startsWith(other));
    return affix ? Math.min(1, editDistance(word, other)) : editDistance(word, other);
  };
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(c) }))
    .filter(({ d }) => d > 0 && d <= limit)
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, 5)
    .map(({ c }) => c);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The `.njk` files of `folder` as `layout:` and `{% include %}` name them: "base.njk", "partials/next-chat.njk". */
export function templateFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: "utf8" })
      .map((file) => file.split(path.sep).join("/"))
      .filter((file) => file.endsWith(".njk"))
      .sort();
  } catch {
    return [];
  }
}
