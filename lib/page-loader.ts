// The site's pages other than posts (content/about.md, content/404.md…): free front
// matter for their layout, and a markdown body that may name images, files and posts
// as a post does (lib/local-paths.ts). Their YAML, images and links are checked like a
// post's, so a broken link on the about page is found before readers find it.
import { bodyImageProblems } from "./body-images.ts";
import { bodyMediaProblems } from "./body-media.ts";
import { bodyHtmlProblems } from "./body-html.ts";
import { bodyFootnoteProblems } from "./body-footnotes.ts";
import { languageSpanProblems } from "./language-spans.ts";
import { bodyLinks, sitePostsIn } from "./body-links.ts";
import type { Diagnostic } from "./diagnostics.ts";
import { doubledFence, fenceSlips, misplacedOpening, neverClosed, readYamlDocument, splitFrontMatter } from "./front-matter.ts";
import type { LoadContext, LoadResult } from "./post-loader.ts";
import { parseBody } from "./markdown.ts";
import { absoluteUrl } from "./site-url.ts";
import { controlCharacterProblems, encodingProblems, unreadableTextProblem, withoutControlCharacters } from "./text-encoding.ts";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { spawnSync } from "node:child_process";
import { isPostFile, listContentFiles, listDataFiles, POSTS_DIR, SETTINGS_FILE } from "./content-paths.ts";
import { isPublishedFile } from "./local-paths.ts";
import { jsonSyntaxProblem } from "./bibliography.ts";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { findFile } from "./file-case.ts";
import { editDistance } from "./suggest.ts";
import { layoutFiles, LAYOUTS_FOLDER } from "./validation-cache.ts";

export function loadPage(file: string, fileText: string, ctx: Pick<LoadContext, "fileExists" | "settings" | "bytes" | "root"> & { layoutsFolder?: string }): LoadResult {
  // UTF-16, a Word document, a PDF, a damaged file: read as text, it would only give noise.
  const notText = unreadableTextProblem(file, fileText, ctx.bytes);
  if (notText) return { diagnostics: [notText] };
  const controls = controlCharacterProblems(file, fileText);
  // Read on as if the control characters were deleted: every other problem comes in the same list.
  const written = controls.length ? withoutControlCharacters(fileText) : fileText;
  // `—` for `---`, `...` closing the fields, a CR alone before the closing `---`: told, and read on as if fixed.
  const fences = fenceSlips(written, "page", false);
  const raw = fences.text;
  let split = splitFrontMatter(raw);
  const diagnostics: Diagnostic[] = [...encodingProblems(file, fileText, ctx.bytes), ...controls];
  for (const slip of fences.slips) diagnostics.push({ severity: "error", file, field: "", ...slip });
  // Unclosed, the whole page would be read as its front matter, and shown empty.
  if (split.yaml === undefined && /^\uFEFF?---[ \t]*\r?\n/.test(raw)) {
    const { split: closed, ...problem } = neverClosed(raw, "page");
    diagnostics.push({ severity: "error", file, field: "", ...problem });
    // Read on as if the missing `---` were there: every problem at once.
    if (closed) split = closed;
  } else if (split.yaml === undefined) {
    // Blank lines or spaces before the first `---`: the fields would be shown as the page's text.
    const misplaced = misplacedOpening(raw, "page", false);
    if (misplaced) {
      const { split: fixed, ...problem } = misplaced;
      diagnostics.push({ severity: "error", file, field: "", ...problem });
      split = fixed;
    }
  } else {
    // A `---` written twice: read on as if it were deleted, so that every other problem comes too.
    const doubled = doubledFence(raw, split, "page");
    if (doubled) {
      const { split: fixed, ...problem } = doubled;
      diagnostics.push({ file, field: "", ...problem });
      if (fixed) split = fixed;
    }
  }
  if (split.yaml !== undefined) {
    const doc = readYamlDocument(split.yaml, file, split.yamlLine);
    diagnostics.push(...doc.diagnostics);
    // A markdown page without `title:` takes its first heading (pageDefaults); with neither, its tab would name only the site.
    const data = doc.data;
    // Eleventy would stop the whole build on it, naming neither line nor the layouts there are.
    if (isRecord(data) && "layout" in data) {
      const problem = layoutProblem(data.layout, ctx.layoutsFolder, file.endsWith(".md") ? "markdown page" : "page");
      if (problem) diagnostics.push({ severity: "error", file, ...doc.locate(["layout"]), field: "layout", ...problem(yamlLayoutLine) });
    }
    if (file.endsWith(".md") && isRecord(data) && !doc.diagnostics.some((d) => d.severity === "error")) {
      const defaults = pageDefaults(data, split.body);
      // Not of a page written raw (`layout: false`, `permalink: /humans.txt`), which has no <title>, nor of one never written.
      const laidOut = hasText(data.layout) || defaults.layout !== undefined;
      if (!hasText(data.title) && defaults.title === undefined && data.permalink !== false && laidOut) {
        diagnostics.push({ severity: "warning", file, line: 1, column: 1, field: "title", ...untitledPage(file) });
      }
    }
  }
  // Eleventy publishes any .md under content/: a note or a README with no front matter would be a
  // page for anyone to read, listed in the sitemap for search engines.
  else if (file.endsWith(".md")) diagnostics.push({ severity: "error", file, line: 1, column: 1, field: "", ...bareMarkdownPage(file, raw) });
  // A Nunjucks page's body is a template, not markdown: Nunjucks itself reports its mistakes (lib/template-errors.ts).
  if (file.endsWith(".njk")) return { diagnostics };
  diagnostics.push(...bodyImageProblems(split.body, file, split.bodyLine, ctx.fileExists), ...bodyMediaProblems(split.body, file, split.bodyLine));
  diagnostics.push(...bodyHtmlProblems(split.body, file, split.bodyLine), ...bodyFootnoteProblems(split.body, file, split.bodyLine));
  diagnostics.push(...languageSpanProblems(split.body, file, split.bodyLine, ctx.settings.language));
  const links = bodyLinks(split.body, file, split.bodyLine, ctx.fileExists, absoluteUrl(ctx.settings.url, ctx.settings.pathPrefix, "/"), () => sitePostsIn(ctx.root));
  diagnostics.push(...links.problems);
  return {
    diagnostics,
    ...(links.posts.length ? { linking: { file, page: true, draft: false, postLinks: links.posts } } : {}),
    ...(links.site.length ? { siteLinks: links.site } : {}),
    // A link named by a post's title was judged by the site's titles: kept with the validation.
    ...(links.sitePosts ? { sitePosts: links.sitePosts } : {}),
  };
}

/** The error for a .md file under content/ (not a post) without front matter: where it would be published, and the two ways out. */
function bareMarkdownPage(file: string, raw: string): { message: string; fix: string } {
  const inContent = file.replace(/^content\//, "");
  const address = `/${inContent.replace(/(?:^|\/)index\.md$/, "").replace(/\.md$/, "")}/`.replace(/\/+/g, "/");
  const name = inContent.slice(inContent.lastIndexOf("/") + 1, -".md".length);
  const title = name.replace(/[-_]+/g, " ").replace(/^./, (c) => c.toUpperCase());
  const empty = raw.replace(/^\uFEFF/, "").trim() === "";
  return {
    // With the site's layout (pageDefaults), and its first heading as its title if it has one.
    message: `${empty ? "the file is empty, and" : "the file has no front matter, so"} it would be published as the page ${address}${empty || firstHeading(raw) ? "" : ", with no title of its own"}, and listed for search engines`,
    fix: `if it is a note to yourself, keep it outside content/ (or rename it to ${name}.txt, which is not published)${empty ? ", or delete it" : ""}; if it is a page, start it with front matter: a line ---, then title: ${title}, then a line ---`,
  };
}

/** The layout every page of the site has (its header, menu, styles and footer). */
export const PAGE_LAYOUT = "base.njk";

/**
 * What a markdown page (not a post) is given when its front matter leaves it out, so that no
 * page is published bare (no header, no menu, no styles) or with an empty title: the site's
 * layout, unless the page says `layout: false` or is written to a file that is not a web page
 * (`permalink: /humans.txt`); and as its title, its first top-level heading (`# About the chat`).
 */
export function pageDefaults(data: Record<string, unknown>, body: string): { layout?: string; title?: string } {
  const out: { layout?: string; title?: string } = {};
  const permalink = data.permalink;
  const webPage = permalink === undefined || permalink === null || (typeof permalink === "string" && /(?:\/|\.html?)$/i.test(permalink.trim()));
  // `layout:` left empty is no layout written; `layout: false` is a page meant bare.
  if ((data.layout === undefined || data.layout === null || (typeof data.layout === "string" && data.layout.trim() === "")) && webPage) out.layout = PAGE_LAYOUT;
  if (!hasText(data.title)) {
    const heading = firstHeading(body);
    if (heading) out.title = heading;
  }
  return out;
}

/** The text of the first `# heading` of a markdown body (code, links and emphasis as their words), if it has one. */
export function firstHeading(body: string): string | undefined {
  if (!/^ {0,3}#|^ {0,3}=+[ \t]*$/m.test(body)) return undefined;
  const tokens = parseBody(body);
  const at = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  if (at === -1) return undefined;
  const text = (tokens[at + 1]?.children ?? []).filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("").replace(/\s+/g, " ").trim();
  return text || undefined;
}

function hasText(value: unknown): boolean {
  return (typeof value === "string" && value.trim() !== "") || typeof value === "number";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The warning for a markdown page with neither `title:` nor a heading: what readers would see, and the line to add. */
function untitledPage(file: string): { message: string; fix: string } {
  const inContent = file.replace(/^content\//, "");
  const parts = inContent.replace(/\.md$/, "").split("/");
  const name = parts.length > 1 && parts[parts.length - 1] === "index" ? parts[parts.length - 2]! : parts[parts.length - 1]!;
  const title = name.replace(/[-_]+/g, " ").trim().replace(/^./, (c) => c.toUpperCase()) || "About";
  return {
    message: "the page has no title and no heading: its browser tab, bookmarks, search results and what a screen reader announces on opening it would give only the site's name",
    fix: `add a line title: ${title} to its front matter (or start the page with a heading: # ${title})`,
  };
}

/** The template languages of the site (.eleventy.ts `templateFormats`): a `layout:` without its extension is looked up with each. */
export const LAYOUT_EXTENSIONS: readonly string[] = ["md", "njk"];

/** The layout chatpost gives every post (plugins/posts.ts), whatever a data file of content/posts/ says. */
export const POST_LAYOUT = "post.njk";

/**
 * chatpost's layouts of the pages it makes itself, which Eleventy finds for any page but a
 * writer's page cannot use: each needs the data chatpost gives its own pages. Told as what
 * the page would be given it. Any other layout at the top of the layouts folder (base.njk,
 * one a maintainer added) lays out a page.
 */
export const GENERATED_PAGE_LAYOUTS: Readonly<Record<string, string>> = {
  [POST_LAYOUT]: "the layout of posts: it needs a post's date, chat and topics, and the build would stop on a page given it",
  "archive.njk": "the layout of the archive page chatpost makes (/archive/): it would show the list of posts in place of the page's own text",
  "tag.njk": "the layout of the tags pages chatpost makes (/tags/): it would show the tags in place of the page's own text",
};

/** Folders of the layouts folder that hold no layout, though Eleventy finds a template there for `layout:` too. */
const NOT_LAYOUT_FOLDERS: Readonly<Record<string, string>> = {
  "partials/": "a piece the layouts include, not a layout: the page would be that piece alone, without its own text, header or menu",
  "assets/": "in the folder of files copied to the site as they are (the stylesheet, pictures), not a layout",
};

/** Who is given a `layout:`: a page (a data file of pages included), a markdown page (which has the site's layout without one), or only posts. */
export type LayoutUser = "page" | "markdown page" | "posts";

/** How the corrected `layout:` line is written: in YAML front matter, or in a JSON data file. */
const yamlLayoutLine = (name: string) => `layout: ${name}`;
const jsonLayoutLine = (name: string) => `"layout": "${name}"`;

/**
 * The file a `layout:` value leads to in `folder`, as Eleventy 3.1 resolves it
 * (TemplateLayoutPathResolver; chatpost sets no layout aliases): the name as written, from the
 * layouts folder (`base.njk`, `partials/x.njk`, `./base.njk`), else the name with each template
 * language's extension added (`base` → `base.njk`). Only a file there with exactly these
 * capitals counts: a Mac or Windows finds `Base.njk` too, the Linux computer that builds the
 * site does not. Undefined when none is there; `otherCase` is the file meant in other capitals.
 * Whether that file lays out a page is `layoutProblem`'s question.
 */
export function resolveLayout(name: string, folder = LAYOUTS_FOLDER): { file?: string; otherCase?: string } {
  let otherCase: string | undefined;
  const isTemplate = (file: string) => LAYOUT_EXTENSIONS.some((extension) => file.endsWith(`.${extension}`));
  for (const written of [name, ...LAYOUT_EXTENSIONS.map((extension) => `${name}.${extension}`)]) {
    const full = path.join(folder, written);
    const inside = path.relative(folder, full).split(path.sep).join("/");
    // A template in a language of the site: a folder, the stylesheet or a picture is no layout.
    const template = isTemplate(full);
    if (inside === "" || inside.startsWith("../") || path.isAbsolute(inside)) {
      // Outside the layouts folder: Eleventy takes it as it finds it.
      if (template && statSync(full, { throwIfNoEntry: false })?.isFile()) return { file: full };
      continue;
    }
    const found = findFile(folder, inside);
    // `base.NJK` is `base.njk` in other capitals, though Eleventy would not read `.NJK` as a template.
    if (found.otherCase && isTemplate(found.otherCase)) otherCase ??= found.otherCase;
    if (template && found.exact && statSync(full, { throwIfNoEntry: false })?.isFile()) return { file: inside };
  }
  return otherCase ? { otherCase } : {};
}

/** The layouts a page may name: the templates at the top of the layouts folder (its partials/ are pieces of them), chatpost's own pages' aside. */
export function pageLayouts(folder = LAYOUTS_FOLDER): string[] {
  return layoutFiles(folder).filter((file) => !file.includes("/") && LAYOUT_EXTENSIONS.some((extension) => file.endsWith(`.${extension}`)) && !(file in GENERATED_PAGE_LAYOUTS));
}

/** Why the layout file `file` (as resolveLayout names it) does not lay out what `user` is; undefined when it does. */
function notLayoutOf(file: string, user: LayoutUser): string | undefined {
  if (user === "posts" && file === POST_LAYOUT) return undefined;
  if (Object.hasOwn(GENERATED_PAGE_LAYOUTS, file)) return GENERATED_PAGE_LAYOUTS[file];
  const folder = Object.keys(NOT_LAYOUT_FOLDERS).find((f) => file.startsWith(f));
  return folder && NOT_LAYOUT_FOLDERS[folder];
}

/**
 * What is wrong with a `layout:` value given to `user`, if anything, as a function of how the
 * corrected line is written. No layout (`false`, empty) is a page without one; anything else
 * must name a layout Eleventy finds (resolveLayout) and that lays out a page (not chatpost's
 * own pages' layouts, nor a piece in partials/). The fix names the closest layout that does.
 */
export function layoutProblem(value: unknown, folder = LAYOUTS_FOLDER, user: LayoutUser = "page"): ((line: (name: string) => string) => { message: string; fix: string }) | undefined {
  // Eleventy reads a false, empty or zero `layout` as none; a markdown page is then given the site's (pageDefaults).
  if (value === undefined || value === null || value === false || value === "" || value === 0) return undefined;
  // Only the layouts that lay out what is given one are offered.
  const layouts = user === "posts" ? [POST_LAYOUT] : pageLayouts(folder);
  const listed = layouts.map((l) => `\`${l}\``).join(", ");
  const fallback = user === "posts" ? POST_LAYOUT : layouts.includes(PAGE_LAYOUT) || !layouts.length ? PAGE_LAYOUT : layouts[0]!;
  const uses = user === "posts" ? `posts use \`${POST_LAYOUT}\`` : layouts.length > 1 ? `the layouts a page can use are ${listed}` : `a page uses \`${fallback}\``;
  if (typeof value !== "string") {
    const what = typeof value === "boolean" ? "`true`" : typeof value === "number" ? "a number" : Array.isArray(value) ? "a list" : "a group of fields";
    return (line) => ({
      message: `\`layout\` is ${what}, not the name of a layout; ${uses}`,
      fix: `write \`${line(fallback)}\` (or \`${line("false").replace(/"false"/, "false")}\` for a page without the site's header, menu and styles)`,
    });
  }
  // Eleventy looks for a layout named by the spaces, and stops the build: they are not "no layout" as an empty value is.
  if (value.trim() === "") {
    return (line) => ({
      message: `\`layout\` holds only spaces, which name no layout; ${uses}`,
      fix: `write \`${line(fallback)}\`${user === "markdown page" ? ` (or delete the line: a page without \`layout:\` is given \`${PAGE_LAYOUT}\`)` : ""}`,
    });
  }
  const resolved = resolveLayout(value, folder);
  const named = (file: string) => (value.trim() === file ? `\`${file}\`` : `\`${value}\` names \`${file}\`, which`);
  if (resolved.file) {
    const wrong = notLayoutOf(resolved.file, user);
    if (!wrong) return undefined;
    return (line) => ({ message: `${named(resolved.file!)} is ${wrong}; ${uses}`, fix: `write \`${line(fallback)}\`` });
  }
  if (resolved.otherCase) {
    const meant = resolved.otherCase;
    const capitals = `there is no layout \`${value}\`: the layout is named \`${meant}\`, and names must match in capitals and small letters (a Mac or Windows finds it anyway, the computer that builds the site does not)`;
    const wrong = notLayoutOf(meant, user);
    // In other capitals, a layout of chatpost's own pages or a partial is still no layout of this page.
    if (wrong) return (line) => ({ message: `${capitals}; and \`${meant}\` is ${wrong}; ${uses}`, fix: `write \`${line(fallback)}\`` });
    return (line) => ({ message: capitals, fix: `write \`${line(meant)}\`` });
  }
  const near = nearestLayout(value, layouts);
  return (line) => ({
    message: `there is no layout \`${value}\`; ${uses}`,
    fix: `write \`${line(near ?? fallback)}\``,
  });
}

/** The layout a misspelt name was meant to be: by the name without its folder and extension, capitals aside. */
function nearestLayout(value: string, layouts: readonly string[]): string | undefined {
  const stem = (name: string) => path.posix.basename(name.trim().replace(/\\/g, "/")).replace(/\.[^.]*$/, "").toLowerCase();
  const word = stem(value);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const layout of layouts) {
    const d = editDistance(word, stem(layout));
    if (d < bestDistance) [best, bestDistance] = [layout, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The data files under content/ that give their pages data (Eleventy's directory and template
 * data files: `posts/posts.json`, `about.11tydata.json` beside `about.md`, `content/content.json`,
 * `posts/posts.11tydata.js`): a JSON file Eleventy cannot read (it would stop the build with no
 * line), and each `layout` in them that names no layout for the pages given it, at its line.
 * Read each time: they are few and small. A .11tydata.js file is code, run only by Eleventy:
 * of it only a `layout: "…"` written as such is read, and whether it compiles (never run).
 * The files of content/_data/ too (globalDataFileProblems), and a data file Eleventy would
 * leave unread (`posts/posts.yaml`, `about.11tydata.yml`, `posts/posts.js`), as a warning.
 */
export function dataFileLayoutProblems(root: string, folder = LAYOUTS_FOLDER): Diagnostic[] {
  const files = listContentFiles(root);
  const stems = new Set(files.filter((f) => /\.(?:md|njk)$/.test(f)).map((f) => f.replace(/\.[^./]+$/, "")));
  const out: Diagnostic[] = [];
  for (const file of files) {
    const kind = dataFileKind(file, stems);
    if (!kind) {
      const ignored = ignoredPageDataFile(file, stems, files, () => readDataFile(root, file));
      if (ignored) out.push(ignored);
      continue;
    }
    const written = readDataFile(root, file);
    if (written === undefined) continue;
    // A data file of content/posts/ gives data only to posts, which chatpost lays out with post.njk.
    const user: LayoutUser = isPostFile(file) ? "posts" : "page";
    if (kind === "json") out.push(...jsonDataFileProblems(file, written, folder, user));
    else {
      // Code that does not compile would stop the build as chatpost's own error; its layouts are read all the same.
      const syntax = scriptSyntaxProblem(file, written, scriptFormat(root, file));
      if (syntax) out.push(syntax);
      out.push(...scriptDataFileProblems(file, written, folder, user));
    }
  }
  return [...out, ...globalDataFileProblems(root)];
}

/**
 * A JSON file of content/_data/ (Eleventy's global data, beside the settings) that Eleventy
 * cannot read: it would stop the build on it with a stack trace and no line. Its data is
 * the site's maintainers' (a list or a group of fields), not a page's: only its syntax is checked.
 * A .js file the same, compiled, never run; any other file but the settings is read by nothing
 * (its README, a markdown note and what the computer leaves there aside). Two files of one
 * name give one data, merged: told, with the one to keep.
 */
function globalDataFileProblems(root: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const files = listDataFiles(root);
  for (const file of files) {
    if (file === SETTINGS_FILE) continue;
    const extension = path.posix.extname(file);
    if (!ELEVENTY_DATA_EXTENSIONS.includes(extension)) {
      const name = path.posix.basename(file);
      if (NOT_DATA_FILE.test(name)) continue;
      if (/\.(?:md|markdown)$/i.test(name)) {
        const page = misplacedPage(file, readDataFile(root, file));
        if (page) out.push(page);
        continue;
      }
      out.push(ignoredGlobalDataFile(file));
      continue;
    }
    const written = readDataFile(root, file);
    if (written === undefined) continue;
    if (extension === ".json") {
      const read = readJsonDataFile(file, written);
      if ("problem" in read) out.push(read.problem);
    } else {
      const syntax = scriptSyntaxProblem(file, written, scriptFormat(root, file));
      if (syntax) out.push(syntax);
    }
  }
  return [...out, ...sameNameDataFiles(files)];
}

/**
 * Files of content/_data/ that are nobody's data, told nothing: the folder's README, which
 * explains it to whoever opens it (`README.md`, `readme.txt`), and what Windows and a Mac
 * leave in folders they show (`Thumbs.db`, `desktop.ini`, `Icon\r`; hidden files such as
 * `.DS_Store` and `.gitkeep` are never listed). Eleventy publishes nothing of content/_data/.
 * Other markdown files are notes too, unless written as a page (misplacedPage).
 */
const NOT_DATA_FILE = /^(?:readme(?:\.(?:md|markdown|txt|rst))?|thumbs\.db|ehthumbs(?:_vista)?\.db|desktop\.ini|icon\r)$/i;

/**
 * A markdown file of content/_data/ written as a page or a post (it starts with front matter):
 * Eleventy publishes nothing of that folder, so it would never be on the site. A markdown note
 * without front matter is a note: told nothing.
 */
function misplacedPage(file: string, text: string | undefined): Diagnostic | undefined {
  if (text === undefined || !/^\uFEFF?---[ \t]*\r?\n/.test(text)) return undefined;
  const name = path.posix.basename(file);
  const post = /^\d{4}-\d{2}-\d{2}/.test(name);
  return {
    severity: "warning", file, line: 1, column: 1, field: "",
    message: `this ${post ? "post" : "page"} is in content/_data/, the folder of data, from which nothing is published: it is not on the site`,
    fix: `move it to ${post ? `${POSTS_DIR}/${name}` : `content/${name}`}`,
  };
}

/**
 * Files of content/_data/ that give the same data (`extra.json` and `extra.js` are both
 * `extra`): Eleventy 3.1 reads them all, in the order .json, .mjs, .cjs, .js, and merges each
 * into what the ones before gave (a field set twice takes the later file's value, two lists
 * are joined). The site settings (`site.yaml`, chatpost's) are merged last, over a `site.json`.
 * Told on each file but the one that wins, with the file to keep.
 */
function sameNameDataFiles(files: readonly string[]): Diagnostic[] {
  const order = [".json", ".mjs", ".cjs", ".js", ".yaml"];
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const extension = path.posix.extname(file);
    if (file !== SETTINGS_FILE && !ELEVENTY_DATA_EXTENSIONS.includes(extension)) continue;
    const key = file.slice(0, -extension.length);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const out: Diagnostic[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    group.sort((a, b) => order.indexOf(path.posix.extname(a)) - order.indexOf(path.posix.extname(b)));
    const winner = group.at(-1)!;
    const data = key.slice(path.posix.dirname(SETTINGS_FILE).length + 1).replace(/\//g, ".");
    const named = group.length === 2 ? `${group[0]} and ${group[1]} both give` : `${group.slice(0, -1).join(", ")} and ${winner} all give`;
    const wins = group.length === 2 ? `where both set a field, the value in ${winner} is used` : `where more than one sets a field, the value in the last of them is used`;
    for (const file of group.slice(0, -1)) {
      out.push({
        severity: "warning", file, line: 1, column: 1, field: "",
        message: winner === SETTINGS_FILE
          ? `Eleventy merges this file into the site settings, which are read from ${SETTINGS_FILE}: where both set a field, the value in ${SETTINGS_FILE} is used`
          : `${named} the data \`${data}\`: Eleventy merges them, in this order, and ${wins}`,
        fix: `keep one file: move what this file holds into ${winner}, and delete this file`,
      });
    }
  }
  return out;
}

/** A data file's text; undefined when it cannot be read (removed meanwhile, a folder): nothing to check. */
function readDataFile(root: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(root, file), "utf8");
  } catch {
    return undefined;
  }
}

/** The data files Eleventy 3.1 reads, as chatpost sets it up (no `addDataExtension`): JSON, and JavaScript it runs. */
const ELEVENTY_DATA_EXTENSIONS: readonly string[] = [".json", ".js", ".cjs", ".mjs"];

/** Extensions of files written as data (for a folder's data file named as its folder): `posts/posts.yaml`, not `posts/posts.md`. */
const DATA_LIKE_EXTENSIONS = /^\.(?:ya?ml|toml|csv|tsv|txt|json5|jsonc|ts|xml|ini)$/i;

/** What the same data is written as, so that Eleventy reads it: `.json`, one group of fields (a list for a table). */
function asJson(file: string): string {
  return file.replace(/\.[^./]+$/, ".json");
}

/** How the fix says to write a file's data in JSON, by what it is written in now. */
function jsonFix(file: string): string {
  const extension = path.posix.extname(file).toLowerCase();
  const json = asJson(file);
  if (extension === ".csv" || extension === ".tsv") return `write it as ${json}: a list [ … ] with one group of fields { … } per row`;
  if (extension === ".ts") return `write it as ${json}, or as JavaScript in ${file.replace(/\.ts$/, ".js")}`;
  return `write it as ${json}, the same data in JSON`;
}

/**
 * A file of content/_data/ Eleventy does not read (`authors.yaml`, `people.toml`, `notes.txt`):
 * its data never reaches a page, with no word from Eleventy. The settings file aside, which
 * chatpost reads itself; a second settings file beside it is told as such.
 */
function ignoredGlobalDataFile(file: string): Diagnostic {
  const name = path.posix.basename(file);
  const settingsLike = /^site\.ya?ml(?:\.txt)?\s*$/i.test(name);
  const yaml = /\.ya?ml$/i.test(name);
  const note = /\.(?:txt|md|markdown|docx?|rtf)$/i.test(name);
  // A picture, a handout or a recording is for readers: nothing in content/_data/ is published either.
  if (!settingsLike && isPublishedFile(name) && !/\.csv$/i.test(name)) {
    return {
      severity: "warning", file, line: 1, column: 1, field: "",
      message: "nothing reads this file, and it is not published: content/_data/ is the folder of the site's data, from which nothing is put on the site",
      fix: `if readers are to see it, move it next to the post that links to it (${POSTS_DIR}/${name}) or into content/; if not, keep it outside content/`,
    };
  }
  return {
    severity: "warning", file, line: 1, column: 1, field: "",
    message: settingsLike
      ? `nothing reads this file: the site settings are read from ${SETTINGS_FILE} only`
      : `nothing reads this file: of content/_data/, chatpost reads only site.yaml, and Eleventy only .json and .js files, so no page gets its data`,
    fix: settingsLike
      ? `move what it holds into ${SETTINGS_FILE}, and delete it`
      : note
        ? `if it is a note, keep it outside content/; if it is data for the pages, ${jsonFix(file)}`
        : `${jsonFix(file)}${yaml ? `; or, if these are site settings, put them in ${SETTINGS_FILE}` : ""}`,
  };
}

/**
 * A data file beside pages that Eleventy does not read: a folder's (`posts/posts.yaml`) or a
 * page's (`about.11tydata.yml`) in another language than JSON or JavaScript. The pages would
 * be built without its fields, with no word from Eleventy.
 */
function ignoredPageDataFile(file: string, pageStems: ReadonlySet<string>, files: readonly string[], read: () => string | undefined): Diagnostic | undefined {
  const m = /^(.*\/)?([^/]+?)(\.11tydata)?(\.[^./]+)$/.exec(file);
  if (!m) return undefined;
  const [, dir = "", stem, template, extension] = m as unknown as [string, string | undefined, string, string | undefined, string];
  const folder = dir.replace(/\/$/, "");
  if (ELEVENTY_DATA_EXTENSIONS.includes(extension)) return template || extension === ".json" ? undefined : unsuffixedScriptData(file, folder, stem, extension, pageStems, files, read);
  const folderData = !template && path.posix.basename(folder) === stem && DATA_LIKE_EXTENSIONS.test(extension);
  if (!template && !folderData) return undefined;
  const whose = folderData ? `the pages of ${folder}/ are` : "the page beside it is";
  return {
    severity: "warning", file, line: 1, column: 1, field: "",
    message: `nothing reads this file: Eleventy reads the data of pages only from .json and .11tydata.js files, so ${whose} built without its fields`,
    fix: jsonFix(file),
  };
}

/**
 * How Node reads a JavaScript data file, as Eleventy imports it (`import()`, whatever the file):
 * `.mjs` as an ES module and `.cjs` as CommonJS; a `.js` file by the nearest package.json
 * above it, as an ES module under `"type": "module"` (chatpost's own, when the site is
 * chatpost's folder), CommonJS under `"type": "commonjs"`, and otherwise by what it is written
 * in (`detect`: CommonJS unless it uses `import` or `export`, as Node 20.19 decides).
 */
export type ScriptFormat = "module" | "commonjs" | "detect";

export function scriptFormat(root: string, file: string): ScriptFormat {
  if (file.endsWith(".mjs")) return "module";
  if (file.endsWith(".cjs")) return "commonjs";
  for (let dir = path.dirname(path.resolve(root, file)); ; dir = path.dirname(dir)) {
    const text = readDataFile(dir, "package.json");
    if (text !== undefined) {
      let type: unknown;
      try {
        type = (JSON.parse(text) as { type?: unknown } | null)?.type;
      } catch {
        // Node would refuse the package.json itself: not a data file's mistake.
      }
      return type === "module" ? "module" : type === "commonjs" ? "commonjs" : "detect";
    }
    if (path.dirname(dir) === dir) return "detect";
  }
}

/**
 * A JavaScript data file beside pages named without `.11tydata` (`posts/posts.js`, `about.js`
 * beside `about.md`): Eleventy reads a folder's or a page's data from `posts.json` or
 * `posts.11tydata.js`, never from `posts.js`, and neither publishes it nor reads it as a
 * template (.js is neither a page's language nor a published file). Told for a file named as
 * its folder, and for one named as a page when its code gives data (`export default`,
 * `module.exports`): another script beside a page is no data file.
 */
function unsuffixedScriptData(file: string, folder: string, stem: string, extension: string, pageStems: ReadonlySet<string>, files: readonly string[], read: () => string | undefined): Diagnostic | undefined {
  const folderData = path.posix.basename(folder) === stem;
  if (!folderData && !(pageStems.has(`${folder}/${stem}`) && /\bexport\s+default\b|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(read() ?? ""))) return undefined;
  const meant = `${folder}/${stem}.11tydata${extension}`;
  const whose = folderData ? `the pages of ${folder}/ are` : "the page beside it is";
  return {
    severity: "warning", file, line: 1, column: 1, field: "",
    message: `nothing reads this file: Eleventy reads the data of ${folderData ? "a folder's pages" : "a page"} from ${folder}/${stem}.json or ${folder}/${stem}.11tydata.js, not ${path.posix.basename(file)}, so ${whose} built without its fields`,
    fix: files.includes(meant) ? `move what it holds into ${meant}, and delete it` : `rename it to ${meant}`,
  };
}

/**
 * A JavaScript data file that does not compile, at its line and column, without running it
 * (the check never runs writers' code). CommonJS is compiled as Node compiles it (the body of
 * a function, sloppy unless it says "use strict"). An ES module is always strict: `0830` or
 * `with` stop it. It is compiled here with its import and export words blanked out in place;
 * only when that finds a mistake is Node asked to parse it as a module (`node --check`, which
 * runs nothing), so the words and the column are Node's own, also on a broken `import` line.
 */
export function scriptSyntaxProblem(file: string, text: string, format: ScriptFormat = scriptFormat(".", file)): Diagnostic | undefined {
  const code = text.replace(/^\uFEFF/, "").replace(/^#!.*/, "");
  let failed: SyntaxProblem | undefined;
  if (format !== "module") {
    const cjs = compileError(code, file);
    if (!cjs) return undefined;
    // Node 20.19 reads a .js file it may take either way as a module when CommonJS refuses module syntax.
    const moduleSyntax = format === "detect" && ESM_ONLY_SYNTAX.includes(cjs.message);
    const maybeModule = format === "detect" && CJS_ONLY_ERRORS.includes(cjs.message);
    if (!moduleSyntax && !maybeModule) failed = cjs;
    else {
      failed = moduleSyntaxProblem(code, file);
      // A name CommonJS already has (`const require`), or a top-level `await`: a module only if it compiles as one.
      if (maybeModule && failed) failed = cjs;
    }
  } else failed = moduleSyntaxProblem(code, file);
  if (!failed) return undefined;
  const bom = text.startsWith("\uFEFF") && failed.line === 1 ? 1 : 0;
  return {
    severity: "error", file, line: failed.line, column: failed.column + bom, field: "",
    message: `the file is not valid JavaScript: ${failed.message.replace(/\.$/, "")}; the build would stop on it`,
    fix: scriptFix(code, failed),
  };
}

type SyntaxProblem = { line: number; column: number; message: string };

/** V8's words for module syntax in CommonJS: Node then reads the file as an ES module. */
const ESM_ONLY_SYNTAX: readonly string[] = ["Cannot use import statement outside a module", "Unexpected token 'export'", "Cannot use 'import.meta' outside a module"];
/** V8's words for what only CommonJS refuses: Node reads the file as a module if it compiles as one. */
const CJS_ONLY_ERRORS: readonly string[] = [
  ...["module", "exports", "require", "__filename", "__dirname"].map((name) => `Identifier '${name}' has already been declared`),
  "await is only valid in async functions and the top level bodies of modules",
  // `for await (…)` at the top: V8's words in a function that is not async.
  "Unexpected reserved word",
];

/** Where and why V8 refuses to compile `code` as the body of Node's CommonJS wrapper; never run. */
function compileError(code: string, file: string): SyntaxProblem | undefined {
  return syntaxError(() => vm.compileFunction(code, ["exports", "require", "module", "__filename", "__dirname"], { filename: file }));
}

/** The opening of the async, strict function an ES module's code is compiled in here: a module may `await` at its top. */
const MODULE_WRAPPER = '(async function () {"use strict";';

/**
 * Where and why Node refuses `code` as an ES module: first compiled here (blanked, strict,
 * nothing run), and, only if that fails, parsed by Node itself as a module, whose words and
 * place are the build's. Without a Node to ask, the place found here is told.
 */
function moduleSyntaxProblem(code: string, file: string): SyntaxProblem | undefined {
  const blanked = withoutModuleSyntax(code);
  const here = syntaxError(() => new vm.Script(`${MODULE_WRAPPER}${blanked}\n})`, { filename: file }));
  // What the wrapping function hides: a `return` outside any function, which a module may not
  // have. Compiled as a plain script, such a file is refused (so is an `await` at its top,
  // which is no mistake): Node tells the two apart.
  const topReturn = !here && /\breturn\b/.test(code) && syntaxError(() => new vm.Script(blanked, { filename: file })) !== undefined;
  // What blanking the export words hides: two `export default`s, which Node refuses.
  if (!here && !topReturn && (code.match(/^[ \t]*export[ \t]+default\b/gm)?.length ?? 0) < 2) return undefined;
  const node = nodeModuleCheck(code);
  if (node === "valid" || (!node && !here)) return undefined;
  if (node) return node;
  return here!.line === 1 ? { ...here!, column: Math.max(1, here!.column - MODULE_WRAPPER.length) } : here;
}

/**
 * Node's own verdict on `code` as an ES module: `node --check --input-type=module` parses it
 * from its input and runs nothing (its imports are not even looked up). Undefined when Node
 * could not be asked or its answer not read.
 */
function nodeModuleCheck(code: string): SyntaxProblem | "valid" | undefined {
  const env = { ...process.env };
  // Node's options for chatpost (tsx) are not needed to parse a file.
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ["--check", "--input-type=module"], { input: code, encoding: "utf8", env, timeout: 20_000, windowsHide: true });
  if (result.error || result.status === null) return undefined;
  if (result.status === 0) return "valid";
  const lines = String(result.stderr).split(/\r?\n/);
  const line = Number(/^\[stdin\]:(\d+)$/.exec(lines[0] ?? "")?.[1]);
  const caret = lines.findIndex((l, i) => i > 1 && /^[ \t]*\^+[ \t]*$/.test(l));
  const message = lines.map((l) => /^SyntaxError: (.*)$/.exec(l)?.[1]).find((m) => m !== undefined);
  if (!line || message === undefined) return undefined;
  return { line, column: caret > 0 ? lines[caret]!.indexOf("^") + 1 : 1, message };
}

/** The line, column and words of the SyntaxError `compile` throws, read from V8's report (`file:line`, the line, a caret under the place). */
function syntaxError(compile: () => unknown): SyntaxProblem | undefined {
  try {
    compile();
    return undefined;
  } catch (error) {
    if ((error as Error)?.name !== "SyntaxError") return undefined;
    const stack = String((error as Error).stack ?? "").split("\n");
    const line = Number(/:(\d+)$/.exec(stack[0] ?? "")?.[1] ?? 1);
    const caret = stack.findIndex((l, i) => i > 0 && /^\s*\^+\s*$/.test(l));
    return { line, column: caret > 0 ? stack[caret]!.indexOf("^") + 1 : 1, message: String((error as Error).message) };
  }
}

/** `code` with its `import` and `export` declarations blanked (same lines, same columns), to compile as a script. */
function withoutModuleSyntax(code: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return code
    .replace(/\bimport\.meta\b/g, "import_meta")
    .replace(/^([ \t]*)import\b(?!\s*\()\s*(?:[^;"'`]*?\bfrom\s*)?(["'])[^"'\n]*\2(?:\s*with\s*\{[^}]*\})?[ \t]*;?/gm, (all, indent: string) => indent + blank(all.slice(indent.length)))
    .replace(/^([ \t]*)export[ \t]+(?:\*[^;\n]*?from\s*(["'])[^"'\n]*\2|\{[^}]*\}(?:\s*from\s*(["'])[^"'\n]*\3)?)[ \t]*;?/gm, (all, indent: string) => indent + blank(all.slice(indent.length)))
    .replace(/^([ \t]*)export[ \t]+default\b/gm, (all, indent: string) => `${indent}_=${" ".repeat(all.length - indent.length - 2)}`)
    .replace(/^([ \t]*)export(?=[ \t]+(?:const|let|var|function|class|async)\b)/gm, (all, indent: string) => indent + blank(all.slice(indent.length)));
}

/** The fix of a JavaScript syntax error: a missing comma at the end of the line before, when that is what it looks like. */
function scriptFix(code: string, failed: { line: number; column: number; message: string }): string {
  const lines = code.split(/\r?\n/);
  if (/^Unexpected (?:identifier|string|number|token '\{'|token '\[')/.test(failed.message)) {
    let before = failed.line - 2;
    const here = (lines[failed.line - 1] ?? "").slice(0, failed.column - 1);
    if (here.trim() === "") {
      while (before >= 0 && (lines[before] ?? "").trim() === "") before--;
      const previous = lines[before];
      if (previous !== undefined && !/[,{[(;]\s*$/.test(previous) && !/^\s*\/\//.test(previous)) {
        return `add a comma at the end of line ${before + 1}: ${previous.trim()},`;
      }
    }
  }
  const line = lines[failed.line - 1] ?? "";
  const at = line.slice(failed.column - 1);
  const edited = (from: number, length: number, replacement: string) => `${line.slice(0, from)}${replacement}${line.slice(from + length)}`.trim();
  // `time: 0830`: a module is strict, where a number may not start with 0 (CommonJS read it as 830, or 0730 as 472).
  const zero = /^(?:Decimals with leading zeros|Octal literals) are not allowed in strict mode/.test(failed.message) ? /^0[0-9_]*/.exec(at)?.[0] : undefined;
  if (zero) {
    const digits = zero.replace(/_/g, "");
    const clock = /^([01][0-9]|2[0-3])([0-5][0-9])$/.exec(digits);
    const text = clock ? `${clock[1]}:${clock[2]}` : digits;
    const number = digits.replace(/^0+(?=.)/, "");
    const quoted = `\`${edited(failed.column - 1, zero.length, `"${text}"`)}\``;
    const plain = `\`${edited(failed.column - 1, zero.length, number)}\``;
    return `a number cannot start with 0: ${clock ? `if it is a time, write it in quotes, ${quoted}` : `to keep it as written (a code, a phone number), write it in quotes, ${quoted}`}; if it is a number, leave out the 0, ${plain}`;
  }
  // A Windows path written with single backslashes (`"C:\01"`): in a string a backslash starts an escape.
  if (/^(?:Octal escape sequences|\\8 and \\9) are not allowed/.test(failed.message)) {
    return "in quotes a backslash \\ starts a special character: write each \\ as \\\\ (or use / in a path)";
  }
  // Node's words for a second `export default`.
  if (failed.message === "Identifier '.default' has already been declared") {
    return "a file gives its data once: keep one `export default { … }` and move the other's fields into it";
  }
  // A `return` outside any function: CommonJS allowed it (its code is a function's body), a module does not.
  if (failed.message === "Illegal return statement") {
    return "a .js data file here is a module, which cannot stop early with return outside a function: put the code that returns in a function and call it (`function data() { … }` then `export default data();`), or ask the site's maintainer";
  }
  if (failed.message.startsWith("Strict mode code may not include a with statement")) {
    return "a .js data file here is a module, where with (…) { … } is not allowed: write the object's name before each of its fields instead, or ask the site's maintainer";
  }
  const reserved = failed.message === "Unexpected strict mode reserved word" || failed.message === "Unexpected reserved word" ? /^[A-Za-z_$][\w$]*/.exec(at)?.[0] : undefined;
  if (reserved) return `\`${reserved}\` is a word JavaScript keeps for itself in a module: give the name another spelling (\`${reserved}Name\`, the same everywhere it is used)`;
  // `"./people.json` or `name: "Ann,`: a quote opened and never closed on its line.
  const quote = failed.message === "Invalid or unexpected token" && /^["']/.test(at) && !at.slice(1).includes(at[0]!) ? at[0]! : undefined;
  if (quote) {
    const tail = /[ \t]*[;,)}\]]*[ \t]*$/.exec(line)![0];
    return `close the quote: ${`${line.slice(0, line.length - tail.length)}${quote}${tail}`.trim()}`;
  }
  return "correct the code at this line (look for a missing comma, bracket or quote just before it), or ask the site's maintainer; the data can also be written as a .json file";
}

/**
 * A JSON data file's data, or, when it does not parse, the writer's error at its line and
 * column in the file as written (a byte order mark, as editors on Windows save it, is a
 * column of line 1: JSON.parse refuses it, Eleventy does not).
 */
function readJsonDataFile(file: string, written: string): { data: unknown; text: string; bom: boolean } | { problem: Diagnostic } {
  const text = written.replace(/^\uFEFF/, "");
  const bom = written !== text;
  try {
    return { data: JSON.parse(text), text, bom };
  } catch (error) {
    const slip = jsonSyntaxProblem(text);
    const list = text.trimStart().startsWith("[");
    if (slip) return { problem: { severity: "error", file, line: slip.line, column: slip.line === 1 && bom ? slip.column + 1 : slip.column, field: "", message: `the file is not valid JSON: ${dataFileWords(slip.message, list)}`, fix: dataFileWords(slip.fix, list) } };
    const pos = Number(/position (\d+)/.exec(String((error as Error)?.message))?.[1] ?? 0);
    return { problem: { severity: "error", file, line: text.slice(0, pos).split("\n").length, column: 1, field: "", message: `the file is not valid JSON (${String((error as Error)?.message).split("\n")[0]})`, fix: "check the commas, quotes and brackets around this line" } };
  }
}

function jsonDataFileProblems(file: string, written: string, folder: string, user: LayoutUser): Diagnostic[] {
  const read = readJsonDataFile(file, written);
  if ("problem" in read) return [read.problem];
  const { data, text, bom } = read;
  if (!isRecord(data) || !("layout" in data)) return [];
  const problem = layoutProblem(data.layout, folder, user);
  if (!problem) return [];
  const at = topLevelKeyPlace(text, "layout");
  return [{ severity: "error", file, line: at.line, column: at.line === 1 && bom ? at.column + 1 : at.column, field: "layout", ...problem(jsonLayoutLine) }];
}

/**
 * Where the top-level field `key` of a JSON object is written: the last one when it is written
 * twice, as JSON.parse keeps the last, and never one of a group inside (`eleventyComputed`).
 */
function topLevelKeyPlace(text: string, key: string): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const pair = !doc.errors.length && isMap(doc.contents) ? doc.contents.items.findLast((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const start = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  if (start !== undefined) {
    const { line, col } = lines.linePos(start);
    return { line, column: col };
  }
  // YAML reads every JSON file Eleventy reads; kept for safety: the last one written.
  const all = [...text.matchAll(new RegExp(`"${key}"\\s*:`, "g"))];
  const before = text.slice(0, all.at(-1)?.index ?? 0);
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}

/**
 * jsonSyntaxProblem's words are of a CSL JSON bibliography (a list of entries): said of a data
 * file, which is one group of fields { … }, or (`list`) a list [ … ] of items.
 */
function dataFileWords(text: string, list = false): string {
  return text
    .replace("the entry opened with", "the group of fields opened with")
    .replace(" (at the end of the file, for the last entry and the list)", list ? " (at the end of the file, for the last item and the list)" : " (at the end of the file, for the file's first {)")
    .replace("the last field of the entry", "the last field")
    .replace("a CSL JSON file is one list [ … ] of entries", list ? "a data file is one list [ … ]" : "a data file is one group of fields { … }")
    .replace("move the entries into the list, before its closing ], with a comma between each two", list ? "move the items into the list, before its closing ], with a comma between each two" : "move the fields into the group, before its closing }, with a comma between each two");
}

/**
 * Each `layout: "…"` written as such in a .11tydata.js file (not in a comment), at its line,
 * with the line to write in the file's own quotes. A layout computed by the code is not seen.
 */
function scriptDataFileProblems(file: string, text: string, folder: string, user: LayoutUser): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(/(^|[{,\s])((["']?)layout\3\s*:\s*)(["'`])((?:(?!\4)[^\\\n])*)\4/g)) {
    const at = m.index + m[1]!.length;
    const lineStart = text.lastIndexOf("\n", at - 1) + 1;
    const inComment = text.slice(lineStart, at).includes("//") || text.lastIndexOf("/*", at) > text.lastIndexOf("*/", at);
    const value = m[5]!;
    if (inComment || (m[4] === "`" && value.includes("${"))) continue;
    const problem = layoutProblem(value, folder, user);
    if (!problem) continue;
    const key = m[2]!.replace(/\s*:\s*$/, "");
    const quote = m[4]!;
    out.push({ severity: "error", file, line: text.slice(0, at).split("\n").length, column: at - lineStart + 1, field: "layout", ...problem((name) => `${key}: ${quote}${name}${quote}`) });
  }
  return out;
}

/** What Eleventy reads `file` (under content/) as: a JSON or JavaScript data file of its pages (named as its folder, or as a page beside it), or neither. */
function dataFileKind(file: string, pageStems: ReadonlySet<string>): "json" | "js" | undefined {
  const m = /^(.*\/)?([^/]+?)(?:(\.11tydata)?\.json|\.11tydata\.[cm]?js)$/.exec(file);
  if (!m) return undefined;
  const folder = (m[1] ?? "").replace(/\/$/, "");
  if (path.posix.basename(folder) !== m[2] && !pageStems.has(`${folder}/${m[2]}`)) return undefined;
  return file.endsWith(".json") ? "json" : "js";
}
