// A writer's Nunjucks pages (content/**/*.njk) read before anything is rendered. Nunjucks
// stops at the first mistake of the first page it renders; here every page's body (after
// its front matter) is compiled on its own, as the build compiles it, so each broken page
// is reported in the same run, with lib/template-errors.ts's words. What compiling cannot
// see but the text says is looked up too: an `{% include %}`, `{% extends %}` or
// `{% import %}` naming a file that is not there, and a filter that does not exist.
// What only rendering shows (a macro not defined, a name computed at run time) is still
// reported when the page renders. Knows Nunjucks, not who runs it: the caller says which
// filters, tags and folders the pages have. `npm run check` keeps each page's result on
// record (lib/site-check.ts checkTemplatePagesOnRecord) with where its includes were looked for.
import { readFileSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import type { Diagnostic } from "./diagnostics.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { readTemplateError, templateDiagnostic, type TemplateErrorText, type TemplateSite } from "./template-errors.ts";
import { isFile, templateFiles, type IncludeProbe, type TemplatePageRecord } from "./validation-cache.ts";

/** A tag added to Nunjucks' own, read as a shortcode: `{% name args %}`, or with `paired` `{% name args %}…{% endname %}`. */
export interface AddedTag {
  name: string;
  paired: boolean;
}

/** What a page's Nunjucks knows beyond the language itself. */
export interface TemplateLanguage {
  /** Every filter a page may use (Nunjucks' own included). */
  filters: readonly string[];
  /** Tags the pages may use besides Nunjucks' own. */
  tags: readonly AddedTag[];
  /** Tags that read themselves (Nunjucks extensions), each made from Nunjucks and the environment it joins. */
  extensions?: Readonly<Record<string, (lib: typeof nunjucks, env: nunjucks.Environment) => nunjucks.Extension>>;
  /**
   * The folders `{% include %}`, `{% extends %}` and `{% import %}` look in, in order (Nunjucks'
   * search paths). The first is the includes folder, whose files a message lists.
   */
  includeFolders: readonly string[];
  /** The Nunjucks environment's options the pages are rendered with (`autoescape`, `tags`…). */
  options: nunjucks.ConfigureOptions;
}

// Listed without Nunjucks (lib/validation-cache.ts): a check whose pages are all on record loads neither Nunjucks nor this module.
export { templateFiles, templatePages } from "./validation-cache.ts";

/**
 * Every mistake the pages `files` (from `root`) show before they are rendered: one for a
 * page Nunjucks cannot compile (it stops at its first), else one for each file it includes
 * that is not there and each filter that does not exist. A page whose front matter is never
 * closed is left to the front matter's own error.
 */
export function checkTemplatePages(root: string, files: readonly string[], language: TemplateLanguage): Diagnostic[] {
  return [...templatePageRecords(root, files, language).values()].flatMap((record) => record.diagnostics);
}

/**
 * The same, page by page, with where each page's includes were looked for (what its record
 * depends on besides its text: lib/validation-cache.ts). `text` gives a page's text when the
 * caller has read it (the text its record is kept under); else it is read here. A page that
 * cannot be read has no record.
 */
export function templatePageRecords(root: string, files: readonly string[], language: TemplateLanguage, text?: (file: string) => string | undefined): Map<string, TemplatePageRecord> {
  // A copy: Nunjucks writes its defaults into the options it is given, which would change the language (and its records' key).
  const env = new nunjucks.Environment([], { ...language.options });
  const extensions: nunjucks.Extension[] = [];
  const add = (name: string, extension: nunjucks.Extension) => {
    env.addExtension(name, extension);
    extensions.push(extension);
  };
  for (const tag of language.tags) add(`chatpost-tag-${tag.name}`, shortcodeExtension(tag));
  for (const [name, make] of Object.entries(language.extensions ?? {})) add(name, make(nunjucks, env));
  const texts = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!texts.has(file)) {
      let found = text?.(file);
      if (found === undefined) {
        try {
          found = readFileSync(path.join(root, file), "utf8");
        } catch {
          // Not there: no page.
        }
      }
      texts.set(file, found);
    }
    return texts.get(file);
  };
  const site: TemplateSite = { read, filters: language.filters, layoutFiles: templateFiles(language.includeFolders[0] ?? root) };
  const known = new Set(language.filters);
  const records = new Map<string, TemplatePageRecord>();
  for (const file of files) {
    const raw = read(file);
    if (raw === undefined) continue;
    const out: Diagnostic[] = [];
    const includes: IncludeProbe[] = [];
    records.set(file, { diagnostics: out, includes });
    const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const split = splitFrontMatter(text);
    if (split.yaml === undefined && /^---[ \t]*\n/.test(text)) continue;
    const problem = (error: TemplateErrorText) => {
      const diagnostic = templateDiagnostic(error, file, site);
      if (diagnostic) out.push(diagnostic);
    };
    try {
      // Compiled now (not when rendered), under the name the build gives it.
      new nunjucks.Template(split.body, env, `./${file}`, true);
    } catch (error) {
      const read = readTemplateError([error instanceof Error ? error.message : String(error)]);
      // Compiling runs no code of the site's: anything but Nunjucks' own error is a bug.
      if (!read) throw error;
      problem(read);
      continue;
    }
    const tree = parser.parse(split.body, extensions, language.options);
    for (const node of nodesOf(tree)) {
      if (node.typename === "Filter") {
        const name = node.name as SyntaxNode;
        if (typeof name.value !== "string" || known.has(name.value)) continue;
        problem({ template: `./${file}`, message: `filter not found: ${name.value}`, line: name.lineno + 1, column: name.colno + 1, exact: true });
      } else if (INCLUDING.has(node.typename) && !node.ignoreMissing) {
        const named = node.template as SyntaxNode;
        // A name computed when the page renders (`{% include page.partial %}`) is looked up then.
        if (named.typename !== "Literal" || typeof named.value !== "string") continue;
        if (findTemplate(named.value, path.join(root, file), language.includeFolders, (full, found) => includes.push({ path: full, found }))) continue;
        // The column of the name, inside its quotes.
        problem({ template: `./${file}`, message: `template not found: ${named.value}`, line: named.lineno + 1, column: named.colno + 2, exact: true });
      }
    }
  }
  return records;
}

/** Nunjucks' parser, which its types do not describe. */
const parser = (nunjucks as unknown as { parser: { parse(text: string, extensions: nunjucks.Extension[], options: nunjucks.ConfigureOptions): SyntaxNode } }).parser;

/** The nodes Nunjucks' parser makes; only what is read here. */
interface SyntaxNode {
  typename: string;
  fields: readonly string[];
  lineno: number;
  colno: number;
  value?: unknown;
  [field: string]: unknown;
}

const INCLUDING = new Set(["Include", "Extends", "Import", "FromImport"]);

/** Every node under `node`, itself included, in reading order; the bodies of added tags too (kept in plain lists). */
function* nodesOf(node: unknown): Generator<SyntaxNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* nodesOf(child);
    return;
  }
  if (!node || typeof node !== "object" || !Array.isArray((node as SyntaxNode).fields)) return;
  const syntax = node as SyntaxNode;
  yield syntax;
  for (const field of syntax.fields) yield* nodesOf(syntax[field]);
}

/**
 * Where Nunjucks' file loader finds `name`, included from the page `from` (absolute):
 * a name starting with `./` or `../` from the page's folder, then in each folder in turn,
 * and only inside it. Undefined when no folder has it. `looked` is told each place looked
 * at (absolute) and whether a file was there.
 */
export function findTemplate(name: string, from: string, folders: readonly string[], looked?: (full: string, found: boolean) => void): string | undefined {
  const wanted = name.startsWith("./") || name.startsWith("../") ? path.resolve(path.dirname(from), name) : name;
  for (const folder of folders) {
    const base = path.resolve(folder);
    const full = path.resolve(base, wanted);
    // As nunjucks' FileSystemLoader compares them.
    if (!full.startsWith(base)) continue;
    const found = isFile(full);
    looked?.(full, found);
    if (found) return full;
  }
  return undefined;
}

/**
 * A tag read as Eleventy reads a shortcode: its arguments, and for a paired one the body up
 * to `{% endname %}`. Never run: pages are only compiled here.
 */
function shortcodeExtension(tag: AddedTag): nunjucks.Extension {
  return {
    tags: [tag.name],
    parse(parser: any, nodes: any) {
      const token = parser.nextToken();
      const args = parser.parseSignature(true, true);
      if (!tag.paired && args.children.length === 0) args.addChild(new nodes.Literal(0, 0, ""));
      parser.advanceAfterBlockEnd(token.value);
      if (!tag.paired) return new nodes.CallExtension(this, "run", args);
      const body = parser.parseUntilBlocks(`end${tag.name}`);
      parser.advanceAfterBlockEnd();
      return new nodes.CallExtensionAsync(this, "run", args, [body]);
    },
  };
}
