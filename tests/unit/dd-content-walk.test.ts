// The Nunjucks pages the check compiles and the files offered as a shared bibliography come
// from the same walk of content/ as the posts and pages (lib/content-paths.ts): what that walk
// never reads (hidden names, Word's `~$` lock files, content/_data/, linked folders, links to
// nothing) is never a page nor a bibliography either.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { listContentFiles } from "../../lib/content-paths.ts";
import { bibliographyFilesIn } from "../../lib/cross-file-checks.ts";
import { templatePages } from "../../lib/template-check.ts";

/** A site folder holding `files` (path from the site's folder → text), and links (path → target). */
function site(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "dd-walk-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  for (const [rel, target] of Object.entries(links)) symlinkSync(target, path.join(root, rel));
  return root;
}

const ROOT = site(
  {
    "content/index.njk": "",
    "content/Zeta.njk": "",
    "content/refs.bib": "",
    "content/posts/2026/page.njk": "",
    "content/posts/2026/more.json": "",
    "content/_data/site.yaml": "",
    "content/_data/extra.njk": "",
    "content/.hidden.njk": "",
    "content/.trash/old.bib": "",
    "content/~$index.njk": "",
    "content/~$refs.bib": "",
    "content/~$folder/inside.njk": "",
    "elsewhere/shared.bib": "",
    "elsewhere/linked/deep.njk": "",
    "layouts/base.njk": "",
  },
  {
    "content/shared.bib": "../elsewhere/shared.bib",
    "content/gone.njk": "../elsewhere/missing.njk",
    "content/gone.bib": "../elsewhere/missing.bib",
    "content/linked": "../elsewhere/linked",
    "content/linked.bib": "../elsewhere/linked",
  },
);

describe("one walk of content/ for pages and bibliographies", () => {
  it("lists every file of content/ but content/_data/ and what the check never reads, in code-unit order", () => {
    assert.deepEqual(listContentFiles(ROOT), [
      "content/Zeta.njk",
      "content/index.njk",
      "content/posts/2026/more.json",
      "content/posts/2026/page.njk",
      "content/refs.bib",
      "content/shared.bib",
    ]);
  });

  it("gives the check the Nunjucks pages of that list: no lock file, no link to nothing, nothing from a linked folder", () => {
    assert.deepEqual(templatePages(ROOT), ["content/Zeta.njk", "content/index.njk", "content/posts/2026/page.njk"]);
  });

  it("offers as bibliographies the files of that list a bibliography could be, a link to a file included", () => {
    assert.deepEqual(bibliographyFilesIn(ROOT), ["content/posts/2026/more.json", "content/refs.bib", "content/shared.bib"]);
  });

  it("finds nothing in a site without content/", () => {
    const empty = site({ "layouts/base.njk": "" });
    assert.deepEqual(templatePages(empty), []);
    assert.deepEqual(bibliographyFilesIn(empty), []);
  });
});
