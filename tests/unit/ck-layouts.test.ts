// A page's `layout:` is checked before Eleventy runs, and accepts exactly the names Eleventy
// 3.1 resolves: each value below is tried on a real Eleventy with the same includes folder.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import Eleventy from "@11ty/eleventy";
import { dataFileLayoutProblems, layoutProblem, loadPage, resolveLayout } from "../../lib/page-loader.ts";
import { fileLookup } from "../../lib/file-case.ts";
import { layoutFiles, postRecordKey, checkIndexKey, LAYOUTS_FOLDER } from "../../lib/validation-cache.ts";
import type { Settings } from "../../lib/settings.ts";

/** A site folder with layouts named as chatpost's are (and a partial, a stylesheet, a folder). */
function site(): { root: string; layouts: string } {
  const root = mkdtempSync(path.join(tmpdir(), "ck-layouts-"));
  const layouts = path.join(root, "layouts");
  mkdirSync(path.join(layouts, "partials"), { recursive: true });
  mkdirSync(path.join(layouts, "assets"), { recursive: true });
  for (const name of ["base.njk", "post.njk", "tag.njk", "archive.njk", "partials/share.njk"]) writeFileSync(path.join(layouts, name), "<main>{{ content | safe }}</main>");
  writeFileSync(path.join(layouts, "assets/site.css"), "main { color: red }");
  mkdirSync(path.join(root, "content"));
  return { root, layouts };
}

/** Whether Eleventy 3.1, configured as .eleventy.ts is (md and njk, layouts as includes), builds a page with this `layout:`. */
async function eleventyBuilds(root: string, layout: string): Promise<boolean> {
  writeFileSync(path.join(root, "content/index.md"), `---\ntitle: T\nlayout: ${JSON.stringify(layout)}\n---\nHello\n`);
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const eleventy = new Eleventy("content", path.join(root, "_site"), {
      quietMode: true,
      config: (config: any) => {
        config.setIncludesDirectory("../layouts");
        return { markdownTemplateEngine: false, htmlTemplateEngine: "njk", templateFormats: ["md", "njk"] };
      },
    });
    await eleventy.write();
    return true;
  } catch {
    return false;
  } finally {
    process.chdir(cwd);
  }
}

describe("`layout:` accepted exactly as Eleventy resolves it", () => {
  const values = [
    "base.njk", "base", "post", "./base.njk", "/base.njk", "partials/share.njk", "partials/share", "../layouts/base.njk",
    "Base.njk", "Base", "base.NJK", "bse.njk", "base.html", "base.nj", "layouts/base.njk", "assets/site.css", "partials", "nope", " base.njk",
  ];
  const ACCEPTED = new Set(["base.njk", "base", "post", "./base.njk", "/base.njk", "partials/share.njk", "partials/share", "../layouts/base.njk"]);
  // Found by Eleventy, but no layout of a page: post.njk needs a post's data, a partial is a piece of a layout (tests/unit/g1-page-layouts.test.ts).
  const NOT_A_PAGE_LAYOUT = new Set(["post", "partials/share.njk", "partials/share"]);
  for (const value of values) {
    it(`"${value}"`, async () => {
      // A site of its own each time: Eleventy keeps what it read of a file across runs in one process.
      const { root, layouts } = site();
      const built = await eleventyBuilds(root, value);
      const problem = layoutProblem(value, layouts);
      // Known outcomes, so that the agreement is not of a harness that always fails or always builds.
      assert.equal(built, ACCEPTED.has(value), `Eleventy ${built ? "builds" : "refuses"} layout: ${value}`);
      assert.equal(problem === undefined, built && !NOT_A_PAGE_LAYOUT.has(value), `Eleventy ${built ? "builds" : "refuses"} layout: ${value}; the check ${problem ? "refuses" : "accepts"} it`);
    });
  }
});

describe("the error names the layouts and the closest one", () => {
  const { layouts } = site();
  const yaml = (name: string) => `layout: ${name}`;
  it("a misspelt layout", () => {
    assert.deepEqual(layoutProblem("bse.njk", layouts)?.(yaml), {
      message: "there is no layout `bse.njk`; a page uses `base.njk`",
      fix: "write `layout: base.njk`",
    });
  });
  it("other capitals: the name as it is on disk", () => {
    const problem = layoutProblem("Base.njk", layouts)?.(yaml);
    assert.match(problem!.message, /^there is no layout `Base\.njk`: the layout is named `base\.njk`, and names must match in capitals/);
    assert.equal(problem!.fix, "write `layout: base.njk`");
    // Posts' data files may name post.njk; a page may not, in any capitals.
    assert.equal(layoutProblem("Post", layouts, "posts")?.(yaml).fix, "write `layout: post.njk`");
    assert.equal(layoutProblem("Post", layouts)?.(yaml).fix, "write `layout: base.njk`");
    assert.equal(layoutProblem("base.NJK", layouts)?.(yaml).fix, "write `layout: base.njk`");
    assert.match(layoutProblem("base.NJK", layouts)!(yaml).message, /the layout is named `base\.njk`, and names must match in capitals/);
  });
  it("an extension Eleventy does not add, or the folder's name written in", () => {
    assert.equal(layoutProblem("base.html", layouts)?.(yaml).fix, "write `layout: base.njk`");
    assert.equal(layoutProblem("layouts/base.njk", layouts)?.(yaml).fix, "write `layout: base.njk`");
  });
  it("nothing close: the site's page layout", () => {
    assert.equal(layoutProblem("blogpage-wide", layouts)?.(yaml).fix, "write `layout: base.njk`");
  });
  it("not a name", () => {
    assert.match(layoutProblem(true, layouts)!(yaml).message, /^`layout` is `true`, not the name of a layout/);
    assert.match(layoutProblem(true, layouts)!(yaml).fix, /`layout: false`/);
    for (const none of [false, null, "", undefined]) assert.equal(layoutProblem(none, layouts), undefined);
  });
  it("finds the file as Eleventy does", () => {
    assert.deepEqual(resolveLayout("base", layouts), { file: "base.njk" });
    assert.deepEqual(resolveLayout("Base", layouts), { otherCase: "base.njk" });
  });
});

describe("pages and data files", () => {
  const settings = { url: "https://example.org/", pathPrefix: "/" } as Settings;
  it("a page's `layout:` at its line, in markdown and Nunjucks pages", () => {
    const { root, layouts } = site();
    const ctx = { settings, root, fileExists: fileLookup(root), layoutsFolder: layouts };
    const md = loadPage("content/about.md", "---\ntitle: About\nlayout: Base.njk\n---\nHi\n", ctx).diagnostics;
    assert.deepEqual(md.map((d) => [d.line, d.field, d.fix]), [[3, "layout", "write `layout: base.njk`"]]);
    const njk = loadPage("content/x.njk", "---\npermalink: /x/\nlayout: bse.njk\n---\n<p>x</p>\n", ctx).diagnostics;
    assert.deepEqual(njk.map((d) => [d.line, d.field, d.fix]), [[3, "layout", "write `layout: base.njk`"]]);
    assert.deepEqual(loadPage("content/ok.md", "---\ntitle: Ok\nlayout: base\n---\nHi\n", ctx).diagnostics, []);
  });
  it("a directory or template data file's `\"layout\"`, at its line, with the JSON line to write", () => {
    const { root, layouts } = site();
    mkdirSync(path.join(root, "content/posts"));
    writeFileSync(path.join(root, "content/posts/posts.json"), '{\n  "tags": ["x"],\n  "layout": "pots.njk"\n}\n');
    writeFileSync(path.join(root, "content/about.md"), "---\ntitle: A\n---\n");
    writeFileSync(path.join(root, "content/about.11tydata.json"), '{ "layout": "Base.njk" }');
    // Not a data file: no page or folder of that name.
    writeFileSync(path.join(root, "content/other.json"), '{ "layout": "nope" }');
    const found = dataFileLayoutProblems(root, layouts).map((d) => [d.file, d.line, d.column, d.fix]);
    assert.deepEqual(found, [
      ["content/about.11tydata.json", 1, 3, 'write `"layout": "base.njk"`'],
      ["content/posts/posts.json", 3, 3, 'write `"layout": "post.njk"`'],
    ]);
  });
});

describe("records go stale when the layouts change", () => {
  it("a layout added, removed or renamed changes a page's record key and the check's index, not a post's", () => {
    const { layouts } = site();
    const scope = { settings: "{}", bibliography: "x" };
    const keys = () => [postRecordKey(scope, "content/about.md", "h", layouts), postRecordKey(scope, "content/posts/a.md", "h", layouts), checkIndexKey("/tmp/x", scope, layouts)];
    const first = keys();
    renameSync(path.join(layouts, "base.njk"), path.join(layouts, "Base.njk"));
    const renamed = keys();
    writeFileSync(path.join(layouts, "wide.njk"), "{{ content | safe }}");
    const added = keys();
    for (const [before, after] of [[first, renamed], [renamed, added]]) {
      assert.notEqual(after![0], before![0], "page record");
      assert.equal(after![1], before![1], "post record");
      assert.notEqual(after![2], before![2], "check index");
    }
    // By default, chatpost's own layouts.
    assert.ok(layoutFiles(LAYOUTS_FOLDER).includes("base.njk"));
  });
});
