// Where things are in a site's folder: the settings file and the posts (every .md
// file in content/posts/ and its folders, in path order). Also which files under
// content/ are never part of the site: the check lists them from here, and the build
// gives Eleventy the same list (plugins/content-files.ts), so the two never disagree.
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostics.ts";
import { looseDatePrefix, looseDatePrefixProblem, onCalendar } from "./post-dates.ts";
import { baseSlug } from "./slug.ts";

export const SETTINGS_FILE = "content/_data/site.yaml";
export const POSTS_DIR = "content/posts";
const DATA_DIR = path.posix.dirname(SETTINGS_FILE);

/**
 * Names under content/ that are never part of the site, nor read by the check: hidden
 * files and folders (`.trash/`, `.DS_Store`, the `._post.md` macOS leaves on USB sticks and
 * shared drives, LibreOffice's `.~lock.…#`), and the lock file Word keeps beside an open
 * document (`~$post.docx`, which holds the name of who has it open).
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

/** The same, as Eleventy's ignores: globs from the site's folder. */
export const SKIPPED_CONTENT_GLOBS: readonly string[] = ["content/**/.*", "content/**/.*/**", "content/**/~$*", "content/**/~$*/**"];

/**
 * Globs of every file under content/ ending in one of `extensions` (any capitals: Eleventy
 * matches them so), but the skipped names and what their folders hold, and content/_data/
 * (Eleventy's data: a `list.csv` there is read by nothing, and must not go online either).
 * Patterns only, since a passthrough copy takes no ignores: the files at the top, and those
 * in every other folder.
 */
export function contentFilesGlobs(extensions: readonly string[]): string[] {
  const kept = "!(.*|~\\$*)";
  const file = `${kept}.{${extensions.join(",")}}`;
  // picomatch reads `!(_data)` as "not starting with _data": `_data?*` gives back `_database`.
  const data = DATA_DIR.slice("content/".length);
  return [`content/${file}`, `content/@(!(.*|~\\$*|${data})|${data}?*)/*(${kept}/)${file}`];
}

/** The part of a post's file name after the date: its address is /posts/<slug>/. */
export function slugFromFile(file: string): string {
  return path.basename(file, path.extname(file)).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/**
 * The name to give a post file whose name is not a web address: its date kept (also
 * when written `2017_04_30` or followed by a space, or `30-04-2017` when that can only be
 * one day), the rest in lower case with dashes, accents dropped, `.md` once, in the same
 * folder. `2017-04-30 Online Communities.md` → `2017-04-30-online-communities.md`.
 */
export function suggestedPostFile(file: string): string {
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  // `.md.md`: an editor that hides extensions added one to a name that had it.
  const base = file.slice(folder.length).replace(/(?:\.md)+$/i, "");
  const dated = /^(\d{4})[-_. ]?(\d{2})[-_. ]?(\d{2})(?![0-9])[-_. ]*(.*)$/.exec(base);
  const loose = looseDatePrefix(base);
  if (dated && (onCalendar(`${dated[1]}-${dated[2]}-${dated[3]}`) || loose?.dates.length !== 1)) return `${folder}${dated[1]}-${dated[2]}-${dated[3]}-${baseSlug(dated[4]!) || "title"}.md`;
  if (loose?.dates.length === 1) return `${folder}${loose.dates[0]}-${baseSlug(loose.rest) || "title"}.md`;
  return `${folder}${baseSlug(base) || "title"}.md`;
}

/**
 * Every page of the site other than the posts, from the project root: content/about.md,
 * content/404.md, content/index.njk… (content/_data/ and skipped names aside), sorted.
 * Nunjucks pages too, for their front matter: Eleventy reads broken YAML there as no data at all.
 */
export function listPageFiles(root: string): string[] {
  return filesUnder(root, "content", (folder) => folder === POSTS_DIR || folder === DATA_DIR).filter((file) => file.endsWith(".md") || file.endsWith(".njk"));
}

/**
 * Every file under content/ but content/_data/ (the settings, Eleventy's data), from the
 * project root, sorted: what a page or a shared bibliography can be. The check's own walk,
 * so skipped names and linked folders are left out here as everywhere else.
 */
export function listContentFiles(root: string): string[] {
  return filesUnder(root, "content", (folder) => folder === DATA_DIR);
}

/**
 * Every file of content/_data/ and its folders (skipped names aside), from the project root,
 * sorted: Eleventy's global data, the settings file among them.
 */
export function listDataFiles(root: string): string[] {
  return filesUnder(root, DATA_DIR, () => false);
}

/** Whether a file from the project root is a post (under content/posts/), not another page. */
export function isPostFile(file: string): boolean {
  return file.startsWith(`${POSTS_DIR}/`);
}

/** Every post file, from the project root: content/posts/…/*.md (a folder per year is fine). */
export function listPostFiles(root: string): string[] {
  return postsFolderFiles(root).filter((file) => file.endsWith(".md"));
}

/** Folders under content/ that are links (symlinks) to folders: Eleventy would follow them, the check does not. */
export function linkedFolders(root: string): string[] {
  return walkContent(root, "content", () => false).linked.map((l) => l.file);
}

// Markdown under another name (.MD, .markdown…), or a text file with front matter
// ("post.md.txt", as some editors save it): the build would leave it out without a word.
const MARKDOWN_LIKE = /\.(?:md|markdown|mdown|mkdn?|mdwn|mdtxt|mdtext)$/i;
const TEXT = /\.(?:txt|text)$/i;
// What a word processor saves: never a post, whatever its name says.
const DOCUMENT = /\.(docx?|odt|rtfd?|pages|pdf|html?)$/i;
const DATED = /^\d{4}-\d{2}-\d{2}/;
// Folders a writer may think keep a post private; Eleventy publishes them like any other.
const PRIVATE_FOLDER = /^(?:drafts?|unpublished|not-?published|private|hidden|trash|deleted|wip|unfinished|backups?)$/;

/**
 * Files under content/ that cannot be published as they are, as errors naming the fix, and
 * those that would be published by mistake or silently left out, as warnings: a post the
 * build would skip because of its name, a document in place of a post, a post in a folder
 * named `drafts/`, a date in a name not written YYYY-MM-DD, a link (symlink) to a file
 * that is gone or to a folder.
 */
export function unpublishableFiles(root: string): Diagnostic[] {
  const walked = walkContent(root, "content", () => false);
  const out: Diagnostic[] = walked.broken.map((file) => {
    const target = linkTarget(root, file) ?? "its target";
    return {
      severity: "error", file, line: 1, column: 1, field: "",
      message: `this is a link to ${target}, which does not exist, so the file cannot be read`,
      fix: `put the file back at ${target}, or delete the link ${path.posix.basename(file)}`,
    };
  });
  for (const { file, loop } of walked.linked) {
    const target = linkTarget(root, file) ?? "another folder";
    const name = path.posix.basename(file);
    out.push({
      severity: "error", file, line: 1, column: 1, field: "",
      ...(loop
        ? { message: `this is a link to the folder ${target}, which holds this link: a folder inside itself, without end`, fix: `delete the link ${name}` }
        : {
          message: `this is a link to the folder ${target}: the check does not read the files of a linked folder, and the build would publish them unchecked`,
          fix: `put the folder itself at ${file} in place of the link (move or copy ${target} there), or delete the link ${name}`,
        }),
    });
  }
  for (const file of walked.locks) {
    // Word editing a post: what it saves is a Word document, not the post.
    if (!/\.md$/i.test(file) || !isPostFile(file)) continue;
    const siblings = namesBeside(root, file);
    const name = path.posix.basename(file);
    const open = siblings.find((n) => !isSkippedName(n) && (n === name.slice(2) || (n.length === name.length && n.slice(2) === name.slice(2))));
    out.push({
      severity: "warning", file, line: 1, column: 1, field: "",
      message: `this is the lock file Word keeps while it has ${open ? `the post ${open}` : "a post"} open (it is not published); Word saves a post as a Word document, which is not a post`,
      fix: "close the post in Word without saving it as a Word document, and edit posts in a plain-text editor (TextEdit in plain text, Notepad, VS Code); if Word is closed, delete this file",
    });
  }
  const free = freeNames(root);
  let mentioned: string | undefined;
  const isMentioned = (name: string) => (mentioned ??= [...listPostFiles(root), ...listPageFiles(root)].map((f) => readText(path.join(root, f)) ?? "").join("\n")).includes(name);
  for (const file of walked.files.filter(isPostFile)) {
    const problem = postsFolderFileProblem(root, file, isMentioned, free);
    if (problem) out.push({ file, line: 1, column: 1, field: "", ...problem });
  }
  for (const file of walked.files) {
    const problem = pageExtensionProblem(file, free);
    if (problem) out.push({ severity: "error", file, line: 1, column: 1, field: "", ...problem });
  }
  for (const file of walked.files) {
    const problem = privateFolderProblem(root, file);
    if (problem) out.push({ severity: "warning", file, line: 1, column: 1, field: "", ...problem });
  }
  out.push(...portableNameProblems(root, walked.files, isMentioned, free), ...eleventyIgnoreProblems(root));
  return out;
}

/**
 * The files Eleventy 3.1 would read ignore patterns from (beside .gitignore, which chatpost
 * turns off), from the project root. chatpost keeps Eleventy from applying them
 * (plugins/content-files.ts): every file of content/ is the site, as the check reads it.
 */
export const ELEVENTY_IGNORE_FILES: readonly string[] = [".eleventyignore", `content/.eleventyignore`];

/**
 * The patterns of an ignore file as Eleventy reads them, with their lines: each line
 * trimmed, blank lines, `#` comments and `!` lines (which Eleventy passes over) left out.
 */
export function ignoreFilePatterns(root: string, file: string): { line: number; pattern: string }[] {
  const text = readText(path.join(root, file));
  if (text === undefined) return [];
  return text.split("\n").flatMap((raw, i) => {
    const pattern = raw.trim();
    return pattern === "" || pattern.startsWith("#") || pattern.startsWith("!") ? [] : [{ line: i + 1, pattern }];
  });
}

/** A warning for each `.eleventyignore` with patterns: they have no effect, and the writer meant to keep something off the site. */
function eleventyIgnoreProblems(root: string): Diagnostic[] {
  return ELEVENTY_IGNORE_FILES.flatMap((file): Diagnostic[] => {
    const patterns = ignoreFilePatterns(root, file);
    if (patterns.length === 0) return [];
    const listed = patterns.slice(0, 3).map((p) => `\`${p.pattern}\``).join(", ") + (patterns.length > 3 ? ` and ${patterns.length - 3} more` : "");
    return [{
      severity: "warning", file, line: patterns[0]!.line, column: 1, field: "",
      message: `chatpost does not use ${path.posix.basename(file)}: what it lists (${listed}) is checked and published like every other file of content/`,
      fix: "delete this file; to keep a post off the site, add `draft: true` to its front matter; a page, `permalink: false`; any other file, move it out of content/",
    }];
  });
}

// What Windows cannot have in a name (git for Windows refuses to check out such a file,
// so a writer on Windows gets a clone without it, or none): a device name before the
// first dot (`con.md`, `Aux.jpg`), a character of <>:"|?*\ or a control character,
// a space or dot at the end.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3]|conin\$|conout\$)$/i;
const WINDOWS_FORBIDDEN = /[<>:"|?*\\\x00-\x1f]/;

/** Why Windows cannot hold a file or folder of this name, if it cannot. */
export function windowsNameProblem(name: string): string | undefined {
  const device = name.split(".")[0]!.replace(/ +$/, "");
  if (WINDOWS_DEVICE.test(device)) return `${device.toUpperCase()} is a name Windows keeps for a device`;
  const forbidden = WINDOWS_FORBIDDEN.exec(name)?.[0];
  if (forbidden !== undefined) return forbidden.charCodeAt(0) < 0x20 ? "it holds a control character, which Windows does not allow in a name" : `Windows does not allow ${forbidden} in a name`;
  if (/[ .]$/.test(name)) return `it ends in ${name.endsWith(" ") ? "a space" : "a dot"}, which Windows drops`;
  return undefined;
}

/**
 * A name Windows can hold, close to `name`: forbidden characters dashed, a device name
 * lengthened (`con.md` → `con-1.md`, or `con-<number>.md` when given one), no dot or space at the end.
 */
export function windowsSafeName(name: string, deviceNumber = 1): string {
  const safe = name.replace(/ *[<>:"|?*\\\x00-\x1f]+ */g, "-").replace(/[ .]+$/, "");
  const dot = safe.indexOf(".");
  // Dashes at the ends go first: `con :.png` is `con-.png`, and then a device name.
  const stem = (dot < 0 ? safe : safe.slice(0, dot)).replace(/ +$/, "").replace(/^-+|-+$/g, "") || "file";
  const rest = dot < 0 ? "" : safe.slice(dot);
  return `${WINDOWS_DEVICE.test(stem) ? `${stem}-${deviceNumber}` : stem}${rest}`;
}

/** One name to a Mac or Windows: capitals, how accents are stored and a space or dot at the end make no difference there. */
function sameNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/[ .]+$/, "");
}

/** `name` with `-<n>` before its extension (`a-b.png` → `a-b-2.png`), or at the end of a folder's name. */
function numberedName(name: string, n: number, folder: boolean): string {
  const extension = folder ? undefined : /(?:\.tar)?\.[a-z][a-z0-9]{0,4}$/i.exec(name);
  return extension && extension.index > 0 ? `${name.slice(0, extension.index)}-${n}${extension[0]}` : `${name}-${n}`;
}

/** The name given, and the taken names passed over on the way (`a-b.png`, `a-b-2.png`), if any. */
type FreeName = (file: string, wanted: string, folder: boolean, numbered?: (n: number) => string) => { name: string; taken?: string };

/**
 * A new name for `file`: `wanted` when no other name in its folder is one with it to a Mac
 * or Windows (sameNameKey) and no other file was given it in this run, else the first free
 * of `numbered(2)`, `numbered(3)`… A rename never overwrites a file, nor sends two files to one name.
 */
function freeNames(root: string): FreeName {
  // Per folder: each name's key → the names that hold it (files there, and files renamed to it).
  const holders = new Map<string, Map<string, string[]>>();
  return (file, wanted, folder, numbered = (n) => numberedName(wanted, n, folder)) => {
    const parent = path.posix.dirname(file);
    const own = path.posix.basename(file);
    let held = holders.get(parent);
    if (held === undefined) {
      held = new Map();
      for (const name of namesBeside(root, file)) held.set(sameNameKey(name), [...(held.get(sameNameKey(name)) ?? []), name]);
      holders.set(parent, held);
    }
    // Its own name does not stand in its way: `About.MD` may become `About.md`.
    const given = firstFreeName(wanted, (name) => (held.get(sameNameKey(name)) ?? []).some((holder) => holder !== own), numbered);
    held.set(sameNameKey(given.name), [...(held.get(sameNameKey(given.name)) ?? []), own]);
    return given;
  };
}

/**
 * `wanted`, or the first of `numbered(2)`, `numbered(3)`… (`a-b-2.png`) that `isTaken` lets
 * pass, with the taken names passed over in words (`a-b.png is taken`). For a rename told
 * one file at a time (a post's, lib/post-loader.ts), whose caller knows which names are taken.
 */
export function firstFreeName(wanted: string, isTaken: (name: string) => boolean, numbered = (n: number) => numberedName(wanted, n, false)): { name: string; taken?: string } {
  const passed: string[] = [];
  let name = wanted;
  for (let n = 2; isTaken(name); n++) {
    // A lookup that finds every name (a test's stand-in) must not hang the check.
    if (n > 1000) return { name: wanted };
    passed.push(name);
    name = numbered(n);
  }
  return passed.length === 0 ? { name } : { name, taken: takenNote(passed) };
}

/** `a-b.png is taken`, `a-b.png and a-b-2.png are taken`, `a-b.png, a-b-2.png and a-b-3.png are taken`, `a-b.png and a-b-2.png to a-b-4.png are taken`. */
function takenNote(passed: readonly string[]): string {
  const shown = passed.map(shownName);
  if (shown.length === 1) return `${shown[0]} is taken`;
  if (shown.length <= 3) return `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)} are taken`;
  return `${shown[0]} and ${shown[1]} to ${shown.at(-1)} are taken`;
}

/**
 * How to write a name in a message so that it shows what it is: as it is, or in quotes with
 * what cannot be seen escaped as in JSON (`"slides.pdf "`, `"a\u200bb.png"`) when it starts or
 * ends in a space or holds a character that shows as nothing or as a plain space.
 */
export function shownName(name: string): string {
  const hidden = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u3164\ufeff]/u;
  if (!hidden.test(name) && !/^\s|\s$/u.test(name)) return name;
  return JSON.stringify(name).replace(new RegExp(hidden.source, "gu"), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** How the accents of a name are stored, for telling apart two names that look the same. */
function accentStorage(name: string): string {
  const marks = name.normalize("NFD").match(/\p{M}/gu)?.length ?? 0;
  const [the, letters] = marks === 1 ? ["the accent is", "its letter"] : ["the accents are", "their letters"];
  if (name === name.normalize("NFC")) return `${the} stored with ${letters} (Unicode NFC, as usually typed)`;
  if (name === name.normalize("NFD")) return `${the} stored apart from ${letters} (Unicode NFD, as a Mac saves some names)`;
  return "some accents are stored with their letters (Unicode NFC) and some apart from them (NFD)";
}

/** What a rename leaves out that cannot be seen, and why its name is numbered, if it is: `(without the space at the end; a-b.png is taken)`. */
function renameNote(name: string, renamed: { taken?: string }): string {
  const ending = /[ .]+$/.exec(name)?.[0] ?? "";
  const gone = ending === "" ? undefined : !ending.includes(".") ? `the space${ending.length > 1 ? "s" : ""} at the end` : !ending.includes(" ") ? `the dot${ending.length > 1 ? "s" : ""} at the end` : "the spaces and dots at the end";
  const notes = [gone && `without ${gone}`, renamed.taken].filter(Boolean);
  return notes.length ? ` (${notes.join("; ")})` : "";
}

/**
 * Names under content/ that work on one writer's machine and not on another's, as errors:
 * a name Windows cannot hold (windowsNameProblem), two names in one folder that a Mac or
 * Windows takes for one (they differ only in capitals, or in how an accent is stored: only
 * one of them survives a download there), and, outside macOS, a name whose accents are
 * stored apart from their letters (Unicode NFD, as macOS saves some names): a link or
 * picture written with the accented letter typed as usual does not find it on the web
 * server. On a Mac the disk's form says nothing of what git keeps (git on a Mac stores
 * names composed), so there it is not told.
 */
function portableNameProblems(root: string, files: readonly string[], isMentioned: (name: string) => boolean, free: FreeName): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (file: string, message: string, fix: string): Diagnostic => ({ severity: "error", file, line: 1, column: 1, field: "", message, fix });
  // Every folder and file on the way, once, parents first.
  const paths = [...new Set(files.flatMap((file) => file.split("/").slice(1).map((_, i, parts) => `content/${parts.slice(0, i + 1).join("/")}`)))].sort();
  const reported = new Set<string>();
  const underReported = (p: string) => [...reported].some((r) => p.startsWith(`${r}/`));
  // A post's name that is not an address, or `post.md ` : already told, with the rename, by the posts' own checks.
  const toldByPosts = (p: string) => files.includes(p) && isPostFile(p) && (p.endsWith(".md") ? !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slugFromFile(p)) : MARKDOWN_LIKE.test(path.posix.basename(p).replace(/[\s.]+$/u, "")));
  for (const p of paths) {
    // `Icon\r`: the custom icon of a folder in a Mac's Finder, a system file like .DS_Store.
    if (underReported(p) || toldByPosts(p) || path.posix.basename(p) === "Icon\r") continue;
    const name = path.posix.basename(p);
    const folder = !files.includes(p);
    const problem = windowsNameProblem(name);
    if (problem === undefined) continue;
    reported.add(p);
    // A device name is numbered already (`aux-1.png`): the next free one is `aux-2.png`, not `aux-1-2.png`.
    const device = windowsSafeName(name, 1) !== windowsSafeName(name, 2);
    const fix = renameFix(root, p, folder, free, windowsSafeName(name), device ? (n) => windowsSafeName(name, n) : undefined);
    out.push(error(p, `a ${folder ? "folder" : "file"} of this name cannot be downloaded to Windows (${problem}): a writer there gets a copy of the site without it`, fix));
  }
  // Same name to a Mac or Windows: in capitals, or in how accents are stored.
  const byFolder = new Map<string, string[]>();
  for (const p of paths) {
    const parent = path.posix.dirname(p);
    byFolder.set(parent, [...(byFolder.get(parent) ?? []), p]);
  }
  for (const group of byFolder.values()) {
    const byKey = new Map<string, string[]>();
    for (const p of group) {
      const key = path.posix.basename(p).normalize("NFC").toLowerCase();
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    for (const same of byKey.values()) {
      if (same.length < 2) continue;
      const names = same.map((p) => path.posix.basename(p));
      const capitals = new Set(names.map((n) => n.normalize("NFC"))).size > 1;
      // `café.png` and `café.png`: they look the same, so each message says how each stores its accent.
      const accents = new Set(names.map((n) => n.toLowerCase())).size > 1;
      const how = capitals && accents ? "in capitals and in how an accent is stored" : capitals ? "only in capitals" : "only in how an accent is stored";
      for (const [i, p] of same.entries()) {
        const others = names.filter((_, j) => j !== i);
        const storage = accents ? `: in this name ${accentStorage(names[i]!)}, ${others.map((o) => `in ${shownName(o)} ${accentStorage(o)}`).join(", ")};` : ":";
        out.push(error(p, `its name and ${others.map(shownName).join(", ")} beside it differ ${how}${storage} on a Mac or Windows they are one name, so only one of them is kept when the site is downloaded there`, `keep one of them: delete or rename the other${capitals ? " (names in lower case avoid this)" : ""}`));
        reported.add(p);
      }
    }
  }
  if (process.platform !== "darwin") {
    for (const p of paths) {
      const name = path.posix.basename(p);
      if (name === name.normalize("NFC") || reported.has(p) || underReported(p) || toldByPosts(p)) continue;
      const folder = !files.includes(p);
      const composed = name.normalize("NFC");
      // A page is linked to by its address, `/café/`, more than by its file's name.
      const page = !folder && !isPostFile(p) && /\.(?:md|njk)$/.test(p) ? `/${p.slice("content/".length).replace(/\.(?:md|njk)$/, "")}` : undefined;
      const pageLinked = page !== undefined && isMentioned(page.normalize("NFC")) && !isMentioned(page);
      const linked = pageLinked || (isMentioned(composed) && !isMentioned(name));
      const written = pageLinked ? `${page!.normalize("NFC")}/` : composed;
      const message = `the accents of this name are stored apart from their letters (Unicode NFD, as a Mac saves some names): a link or picture that writes ${written} as usually typed does not find it on the web server`;
      const fix = renameFix(root, p, folder, free, asciiName(name));
      out.push({ ...error(p, linked ? `${message}, as in a post here` : message, fix), severity: linked ? "error" : "warning" });
    }
  }
  return out;
}

/** `name` with its accents dropped (`café.png` → `cafe.png`): a name that matches however it is typed. */
function asciiName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}+/gu, "");
}

/**
 * The rename to make (to `wanted`, or a free name near it: freeNames), and what to change
 * with it: a page keeps its address with `permalink:`, a post by its date.
 */
function renameFix(root: string, file: string, folder: boolean, free: FreeName, wanted: string, numbered?: (n: number) => string): string {
  const name = path.posix.basename(file);
  if (!folder && isPostFile(file) && file.endsWith(".md")) {
    const slug = slugFromFile(file);
    const date = frontMatterDate(path.join(root, file)) ?? "YYYY-MM-DD";
    // A post's address is its name after the date: put the date in front and the address stays, unless that name is taken.
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && !DATED.test(name)) {
      const dated = free(file, `${date}-${name}`, false);
      return `rename it to ${path.posix.dirname(file)}/${dated.name}${dated.taken === undefined ? ` (its address stays /posts/${slug}/)` : ` (${dated.taken}; its address becomes /posts/${slugFromFile(dated.name)}/)`}`;
    }
  }
  const renamed = free(file, wanted, folder, numbered);
  const target = `${path.posix.dirname(file)}/${renamed.name}${renameNote(name, renamed)}`;
  if (folder) return `rename the folder to ${target}`;
  if (isPostFile(file) && file.endsWith(".md")) return `rename it to ${target}`;
  if (/\.(?:md|njk)$/.test(file)) {
    const address = `/${file.normalize("NFC").slice("content/".length).replace(/\.(?:md|njk)$/, "").replace(/(?:^|\/)index$/, "")}/`.replace(/\/+$/, "/");
    return `rename it to ${target}, and keep its address with the line \`permalink: ${address}\` in its front matter`;
  }
  return `rename it to ${target}, and write the new name in the posts and pages that link to it`;
}

type FileProblem = { severity: "error" | "warning"; message: string; fix: string };

/** What is wrong with a file of content/posts/ for its name, if anything. */
function postsFolderFileProblem(root: string, file: string, isMentioned: (name: string) => boolean, free: FreeName): FileProblem | undefined {
  const name = path.posix.basename(file);
  const renamed = (wanted: string) => {
    const given = free(file, wanted, false);
    return `${given.name}${given.taken === undefined ? "" : ` (${given.taken})`}`;
  };
  const full = path.join(root, file);
  if (file.endsWith(".md")) {
    const slug = slugFromFile(file);
    // A name with other characters is an error of its own, with the rename (lib/post-loader.ts).
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return undefined;
    // The file is read for its date only when its name has a loose one: a check of an
    // unchanged site reads no post (lib/site-check.ts).
    if (!looseDatePrefix(file)) return undefined;
    const problem = looseDatePrefixProblem(file, frontMatterDate(full));
    return problem && { severity: "error", ...problem };
  }
  // `post.md ` or `post.md.`: Windows and macOS hide the space, the build does not.
  const trimmed = name.replace(/[\s.]+$/u, "");
  if (trimmed !== name && MARKDOWN_LIKE.test(trimmed)) {
    return {
      severity: "error",
      message: `the name ends in ${/\s$/u.test(name) ? "a space" : "a dot"} after ${/\.[^.]+$/.exec(trimmed)![0]}, so it is not a post and is not published`,
      fix: `rename it to ${renamed(`${trimmed.replace(MARKDOWN_LIKE, "")}.md`)}`,
    };
  }
  if (MARKDOWN_LIKE.test(name)) return { severity: "error", message: "only files whose names end in .md (in lower case) are posts, so this one is not published", fix: `rename it to ${renamed(`${name.replace(MARKDOWN_LIKE, "")}.md`)}` };
  const text = TEXT.test(name);
  const markdownThen = /^(.*)\.md\.([^.]+)$/i.exec(name);
  const document = DOCUMENT.exec(name)?.[1]?.toLowerCase();
  if (text && (markdownThen || opensWithFrontMatter(full))) {
    const stem = name.replace(TEXT, "").replace(MARKDOWN_LIKE, "");
    return {
      severity: opensWithFrontMatter(full) ? "error" : "warning",
      message: "only files whose names end in .md (in lower case) are posts, so this one is not published",
      fix: `rename it to ${renamed(`${stem}.md`)}`,
    };
  }
  if (document && (markdownThen || (DATED.test(name) && !isMentioned(name)))) {
    const stem = markdownThen ? markdownThen[1]! : name.slice(0, -document.length - 1);
    const published = ["pdf", "docx", "odt"].includes(document);
    const kind = document === "pdf" ? "a PDF" : /^rtfd?$/.test(document) ? "a rich-text document" : /^html?$/.test(document) ? "a web page" : "a word processor's document";
    const paste = `paste its text into a new file ${stem}.md (\`npm run new\` starts one), then delete the document`;
    return {
      severity: "warning",
      message: `${kind} is not a post: no post is made of it${published ? `, and it is published as a download at /${file.slice("content/".length)}` : ""}`,
      fix: /^rtfd?$/.test(document) ? `in TextEdit choose Format → Make Plain Text and save it as ${stem}.md, or ${paste}` : paste,
    };
  }
  // No extension at all (GitHub's "Create new file" without one): a post, or a dated draft, left out.
  if (!/\.[^.]+$/.test(name) && !/[\x00-\x1f]/.test(name)) {
    const front = opensWithFrontMatter(full);
    if (front || DATED.test(name)) {
      return { severity: front ? "error" : "warning", message: "the name has no .md at the end, so it is not a post and is not published", fix: `rename it to ${renamed(`${name}.md`)}` };
    }
  }
  return undefined;
}

/**
 * A page of content/ (not a post, not the settings) named `.MD` or `.Njk`: Eleventy finds its
 * templates in any capitals and publishes it, at an address ending in `.MD/`, but the check
 * reads pages by `.md` and `.njk`, so it would go out unchecked.
 */
function pageExtensionProblem(file: string, free: FreeName): { message: string; fix: string } | undefined {
  if (isPostFile(file) || file.startsWith("content/_data/")) return undefined;
  const name = path.posix.basename(file);
  const extension = /\.(md|njk)$/i.exec(name)?.[1];
  if (extension === undefined || extension === extension.toLowerCase()) return undefined;
  const renamed = free(file, `${name.slice(0, -extension.length)}${extension.toLowerCase()}`, false);
  return {
    message: `the name ends in .${extension}, not .${extension.toLowerCase()}: the site would publish it as a page at /${file.slice("content/".length)}/ without checking it`,
    fix: `rename it to ${renamed.name}${renamed.taken === undefined ? "" : ` (${renamed.taken})`}`,
  };
}

/** A warning for a post or page in a folder named as if it kept it private (`drafts/`), unless it is kept off the site. */
function privateFolderProblem(root: string, file: string): { message: string; fix: string } | undefined {
  if (!file.endsWith(".md")) return undefined;
  const post = isPostFile(file);
  const folders = file.slice(0, file.lastIndexOf("/")).split("/").slice(post ? 2 : 1);
  const folder = folders.find((f) => PRIVATE_FOLDER.test(f.toLowerCase().replace(/^[_\-\s]+|[_\-\s]+$/g, "")));
  if (folder === undefined) return undefined;
  const yaml = frontMatterText(path.join(root, file));
  if (yaml !== undefined && (post ? /^draft:[ \t]*["']?true["']?[ \t]*(?:#.*)?$/m : /^permalink:[ \t]*false[ \t]*(?:#.*)?$/m).test(yaml)) return undefined;
  const where = file.slice(0, file.indexOf(`/${folder}/`) + folder.length + 2);
  return post
    ? {
      message: `this post is in the folder ${where}, but folders do not keep posts off the site: it is published at /posts/${slugFromFile(file)}/`,
      fix: "to keep it unpublished, add `draft: true` to its front matter, or move it out of content/",
    }
    : {
      message: `this page is in the folder ${where}, but folders do not keep pages off the site: it is published`,
      fix: "to keep it unpublished, add `permalink: false` to its front matter, or move it out of content/",
    };
}

function readText(full: string): string | undefined {
  try {
    return readFileSync(full, "utf8");
  } catch {
    return undefined;
  }
}

/** Whether the file starts with front matter, after blank lines too (a first line left empty). */
function opensWithFrontMatter(full: string): boolean {
  return /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.test((readText(full) ?? "").slice(0, 200));
}

/** The text between the first two `---` lines of the file, if it has them. */
function frontMatterText(full: string): string | undefined {
  return /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(readText(full) ?? "")?.[1];
}

/** `date:` of the file's front matter, YYYY-MM-DD, as a writer reads it. */
function frontMatterDate(full: string): string | undefined {
  return /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})\b/m.exec(frontMatterText(full) ?? "")?.[1];
}

function namesBeside(root: string, file: string): string[] {
  try {
    return readdirSync(path.dirname(path.join(root, file)));
  } catch {
    return [];
  }
}

/** Every file in content/posts/ and its folders (skipped names aside), sorted by path. */
function postsFolderFiles(root: string): string[] {
  return filesUnder(root, POSTS_DIR, () => false);
}

/** Every file under the folder `rel` of `root` and its folders, but skipped names and folders `skip` names, sorted by path. */
function filesUnder(root: string, rel: string, skip: (folder: string) => boolean): string[] {
  return walkContent(root, rel, skip).files;
}

/** Where a link (symlink) points, named from the project folder when it is inside it, as every other path in a report is. */
function linkTarget(root: string, file: string): string | undefined {
  try {
    const full = path.resolve(path.dirname(path.join(root, file)), readlinkSync(path.join(root, file)));
    const inside = path.relative(root, full);
    return inside.startsWith("..") || path.isAbsolute(inside) ? full : inside.split(path.sep).join("/");
  } catch {
    // Removed since the walk.
    return undefined;
  }
}

interface Walked {
  files: string[];
  /** Links whose target is missing. */
  broken: string[];
  /** Links to folders, not walked: `loop` when the folder holds the link. */
  linked: { file: string; loop: boolean }[];
  /** Word's lock files (`~$…`). */
  locks: string[];
}

// A link to a file is followed to what it points at; one pointing nowhere, and one to a
// folder (which could loop, and which the build would follow), are set apart to be
// reported rather than crash the reader that opens them or be passed over in silence.
function walkContent(root: string, rel: string, skip: (folder: string) => boolean): Walked {
  const walked: Walked = { files: [], broken: [], linked: [], locks: [] };
  const walk = (folder: string) => {
    const full = path.join(root, folder);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true })) {
      const child = `${folder}/${entry.name}`;
      if (isSkippedName(entry.name)) {
        if (entry.name.startsWith("~$") && !entry.isDirectory()) walked.locks.push(child);
        continue;
      }
      let kind: "folder" | "file" | undefined = entry.isDirectory() ? "folder" : entry.isFile() ? "file" : undefined;
      if (entry.isSymbolicLink()) {
        try {
          const stat = statSync(path.join(root, child));
          if (stat.isDirectory()) {
            const target = realpathSync(path.join(root, child));
            const here = realpathSync(full);
            walked.linked.push({ file: child, loop: here === target || here.startsWith(`${target}${path.sep}`) });
            continue;
          }
          kind = "file";
        } catch {
          walked.broken.push(child);
          continue;
        }
      }
      if (kind === "folder") {
        if (!skip(child)) walk(child);
      } else if (kind === "file") walked.files.push(child);
    }
  };
  walk(rel);
  for (const list of [walked.files, walked.broken, walked.locks]) list.sort();
  walked.linked.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return walked;
}
