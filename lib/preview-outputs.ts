// The live preview writes into the same folder build after build, and an incremental build
// writes only some pages: a page whose source was deleted or renamed, or a tag page no post
// uses any more, would stay there and be served. This ledger says which files to remove.
import { readdirSync, realpathSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";

export interface WrittenFile {
  /** The source the file was made from. */
  input: string;
  output: string;
}

export class OutputLedger {
  #bySource = new Map<string, Set<string>>();

  /**
   * Records the files a build wrote and returns the files recorded before that no source
   * makes any more. A source a build rendered wrote all of its files (all the pages of a
   * paginated one): its other files from before are stale. After a complete build (every
   * source rendered) so are the files of a source it did not render, which was deleted.
   */
  record(written: Iterable<WrittenFile>, complete: boolean): string[] {
    const now = new Map<string, Set<string>>();
    for (const { input, output } of written) {
      let outputs = now.get(input);
      if (!outputs) now.set(input, (outputs = new Set()));
      outputs.add(output);
    }
    const kept = new Set([...now.values()].flatMap((outputs) => [...outputs]));
    const stale: string[] = [];
    for (const [input, outputs] of this.#bySource) {
      if (!complete && !now.has(input)) continue;
      for (const output of outputs) if (!kept.has(output)) stale.push(output);
      this.#bySource.delete(input);
    }
    for (const [input, outputs] of now) this.#bySource.set(input, outputs);
    return stale;
  }
}

/** Removes `file` and then each folder it leaves empty, up to (not including) `output`. */
export function removeWithEmptyFolders(file: string, output: string): void {
  if (!file.startsWith(output + path.sep)) return;
  rmSync(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(output + path.sep); dir = path.dirname(dir)) {
    try {
      if (readdirSync(dir).length) return;
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

/** A post's page as a build wrote it: its source, its address, and what identifies its text across a rename, strongest first. */
export interface WrittenPage {
  input: string;
  url: string;
  identity: readonly string[];
}

/** What the preview says at an address a post's page left: where the post is now, or that its file was deleted. */
export type LeftAddress = { kind: "moved"; from: string; to: string; url: string } | { kind: "deleted"; from: string };

interface GoneAddress {
  input: string;
  identity: readonly string[];
  /** The source whose page is this post's now: the same file at a new address, or the file it was renamed to. */
  movedTo?: string;
}

/**
 * Under the live preview, a tab left open on a post's page, or a link followed from another
 * tab, finds nothing once the post's file is renamed or deleted. This remembers the addresses
 * posts' pages left and, for each, where the post went: the file that appeared with the same
 * text (or, failing that, the same title) is the renamed one, even a few builds later (a
 * rename is a deletion and an addition, which may come in two builds).
 */
export class LeftAddresses {
  #live = new Map<string, WrittenPage>();
  #gone = new Map<string, GoneAddress>();

  /** Records a build's posts' pages; `complete` when it rendered every source (one it did not was deleted). */
  record(written: Iterable<WrittenPage>, complete: boolean): void {
    const before = new Map(this.#live);
    const now = new Map<string, WrittenPage>();
    for (const page of written) now.set(page.input, page);
    if (complete) this.#live.clear();
    for (const [input, page] of now) this.#live.set(input, page);
    for (const [input, old] of before) {
      if (this.#live.get(input)?.url === old.url) continue;
      this.#gone.set(old.url, { input, identity: old.identity, ...(this.#live.has(input) ? { movedTo: input } : {}) });
    }
    const appeared = [...now.values()].filter((page) => !before.has(page.input));
    // Strongest identity first: a post whose text is the same claims its old address before one with only the same title.
    for (let strength = 0; appeared.length && strength < 2; strength++) {
      for (const gone of this.#gone.values()) {
        if (gone.movedTo !== undefined || this.#live.has(gone.input) || gone.identity[strength] === undefined) continue;
        const match = appeared.find((page) => page.identity[strength] === gone.identity[strength]);
        if (match) gone.movedTo = match.input;
      }
    }
    // An address some page has again is that page's.
    for (const page of this.#live.values()) this.#gone.delete(page.url);
  }

  /** What the preview says at `url`, an address a post's page left; undefined for any other. */
  at(url: string): LeftAddress | undefined {
    const gone = this.#gone.get(url);
    if (!gone) return undefined;
    let input = gone.movedTo;
    // Renamed again since: followed to where it is now.
    for (const seen = new Set<string>(); input !== undefined && !this.#live.has(input) && !seen.has(input); ) {
      seen.add(input);
      const from = input;
      input = [...this.#gone.values()].find((other) => other.input === from && other.movedTo !== undefined)?.movedTo;
    }
    const target = input === undefined ? undefined : this.#live.get(input);
    return target ? { kind: "moved", from: gone.input, to: target.input, url: target.url } : { kind: "deleted", from: gone.input };
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The preview's page at `url`, an address a post's page left (the published site answers "page not found" there). */
export function leftAddressHtml(url: string, left: LeftAddress): string {
  // Relative links: right under any path prefix.
  const from = url.endsWith("/") ? url : path.posix.dirname(url);
  const relative = (to: string) => (path.posix.relative(from, to) || ".") + (to.endsWith("/") ? "/" : "");
  const title = left.kind === "moved" ? "This post has moved" : "This post was deleted";
  const said =
    left.kind === "moved"
      ? `<p>Its file <code>${escapeHtml(left.from)}</code> is now <code>${escapeHtml(left.to)}</code>. The post is at <a href="${escapeHtml(relative(left.url))}">${escapeHtml(left.url)}</a>.</p>`
      : `<p>Its file <code>${escapeHtml(left.from)}</code> is no longer there. <a href="${escapeHtml(relative("/"))}">Go to the home page</a>.</p>`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${title} (preview)</title></head>`,
    `<body><main><h1>${title}</h1>`,
    said,
    "<p>Preview only: a reader of the published site who follows a link to this address gets the “page not found” page.</p>",
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * Why the preview may not be written to `output` (relative to the site's folder `root`), or
 * undefined when it may. The preview holds drafts and future posts: in `_site/` (what is
 * published) they could be deployed; in the site's folder itself, or around or inside
 * `content/`, its pages would mix with the writers' files and each rebuild would start another.
 * Compared as the disk finds them: through links, and in any capitals (`_SITE` is `_site` on a
 * Mac or Windows disk).
 */
export function previewOutputProblem(root: string, output: string): string | undefined {
  const site = realPath(path.resolve(root));
  const out = realPath(path.resolve(root, output));
  const named = output;
  // `dir` is `parent` or inside it.
  const within = (dir: string, parent: string) => {
    const relative = path.relative(parent.toLowerCase(), dir.toLowerCase());
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  };
  if (within(site, out)) return `${named} is the site's own folder${within(out, site) ? "" : " or holds it"}, where the writers' files are`;
  for (const [folder, what] of [["_site", "what is published: the preview's drafts and future posts could be deployed"], ["content", "the writers' files"]] as const) {
    const dir = realPath(path.join(site, folder));
    if (within(out, dir)) return `${named} ${within(dir, out) ? "is" : "is inside"} ${folder}/, ${what}`;
  }
  return undefined;
}

/** `file` with every link on its way followed, as far as it exists (a folder not made yet keeps the rest of its path). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    const parent = path.dirname(file);
    return parent === file ? file : path.join(realPath(parent), path.basename(file));
  }
}
