// Which layouts a page may name, and how a data file's `layout` and JSON mistakes are told
// (tests/site/g1-page-layouts.test.ts runs the same cases through check and build).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { dataFileLayoutProblems, layoutProblem, pageLayouts } from "../../lib/page-loader.ts";

/** chatpost's layouts, a partial, a stylesheet, and `wide.njk` as a maintainer would add it. */
function site(): { root: string; layouts: string } {
  const root = mkdtempSync(path.join(tmpdir(), "g1-layouts-"));
  const layouts = path.join(root, "layouts");
  mkdirSync(path.join(layouts, "partials"), { recursive: true });
  mkdirSync(path.join(layouts, "assets"), { recursive: true });
  for (const name of ["base.njk", "post.njk", "tag.njk", "archive.njk", "wide.njk", "partials/share.njk", "assets/x.njk"]) writeFileSync(path.join(layouts, name), "{{ content | safe }}");
  writeFileSync(path.join(layouts, "assets/site.css"), "main { color: red }");
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  writeFileSync(path.join(root, "content/about.md"), "---\ntitle: A\n---\n");
  return { root, layouts };
}
const yaml = (name: string) => `layout: ${name}`;

describe("the layouts a page can use", () => {
  const { layouts } = site();
  it("are the top-level ones but chatpost's own pages': a maintainer's layout is one", () => {
    assert.deepEqual(pageLayouts(layouts), ["base.njk", "wide.njk"]);
    for (const ok of ["base", "wide.njk", "./wide"]) assert.equal(layoutProblem(ok, layouts), undefined, ok);
  });
  it("chatpost's own pages' layouts, a partial, a file in assets/: said what they are, the fix is base.njk", () => {
    const told = (value: string) => layoutProblem(value, layouts)!(yaml);
    const uses = "the layouts a page can use are `base.njk`, `wide.njk`";
    assert.deepEqual(told("post.njk"), {
      message: `\`post.njk\` is the layout of posts: it needs a post's date, chat and topics, and the build would stop on a page given it; ${uses}`,
      fix: "write `layout: base.njk`",
    });
    assert.match(told("/tag").message, /^`\/tag` names `tag\.njk`, which is the layout of the tags pages chatpost makes/);
    assert.match(told("partials/share").message, /^`partials\/share` names `partials\/share\.njk`, which is a piece the layouts include, not a layout/);
    assert.match(told("assets/x.njk").message, /^`assets\/x\.njk` is in the folder of files copied to the site as they are/);
    // In other capitals too: the capitals are told, and the fix is still a page's layout.
    assert.deepEqual(told("Tag.njk"), {
      message: `there is no layout \`Tag.njk\`: the layout is named \`tag.njk\`, and names must match in capitals and small letters (a Mac or Windows finds it anyway, the computer that builds the site does not); and \`tag.njk\` is the layout of the tags pages chatpost makes (/tags/): it would show the tags in place of the page's own text; ${uses}`,
      fix: "write `layout: base.njk`",
    });
    // A misspelling is matched only with layouts a page can use.
    assert.equal(told("pots.njk").fix, "write `layout: base.njk`");
    assert.equal(told("wdie").fix, "write `layout: wide.njk`");
  });
  it("only spaces: an error, as the build refuses it; an empty value is no layout", () => {
    assert.deepEqual(layoutProblem("  ", layouts, "markdown page")!(yaml), {
      message: "`layout` holds only spaces, which name no layout; the layouts a page can use are `base.njk`, `wide.njk`",
      fix: "write `layout: base.njk` (or delete the line: a page without `layout:` is given `base.njk`)",
    });
    assert.equal(layoutProblem("  ", layouts, "page")!(yaml).fix, "write `layout: base.njk`");
    assert.equal(layoutProblem("", layouts, "markdown page"), undefined);
  });
  it("posts' data files may name post.njk, and are offered only it", () => {
    assert.equal(layoutProblem("post", layouts, "posts"), undefined);
    assert.equal(layoutProblem("Post", layouts, "posts")!(yaml).fix, "write `layout: post.njk`");
    assert.equal(layoutProblem("nope", layouts, "posts")!(yaml).message, "there is no layout `nope`; posts use `post.njk`");
  });
});

describe("data files", () => {
  const found = (root: string, layouts: string) => dataFileLayoutProblems(root, layouts).map((d) => `${d.file}:${d.line}:${d.column} ${d.field} ${d.message} → ${d.fix}`);
  it("post.njk in posts' folder data, not in the content folder's (which about.md is given too)", () => {
    const { root, layouts } = site();
    writeFileSync(path.join(root, "content/posts/posts.json"), '{"layout": "post.njk"}');
    writeFileSync(path.join(root, "content/content.json"), '{"layout": "post.njk"}');
    assert.deepEqual(found(root, layouts), [
      "content/content.json:1:2 layout `post.njk` is the layout of posts: it needs a post's date, chat and topics, and the build would stop on a page given it; the layouts a page can use are `base.njk`, `wide.njk` → write `\"layout\": \"base.njk\"`",
    ]);
  });
  it("a JSON mistake at its line and column, counting a byte order mark; any data file, with or without a layout", () => {
    const { root, layouts } = site();
    writeFileSync(path.join(root, "content/about.11tydata.json"), "\uFEFF{'title': \"A\"}");
    writeFileSync(path.join(root, "content/posts/posts.json"), '{"tags": ["a",]}');
    // Not a data file Eleventy reads: no page or folder of that name.
    writeFileSync(path.join(root, "content/notes.json"), "{");
    assert.deepEqual(found(root, layouts), [
      "content/about.11tydata.json:1:3  the file is not valid JSON: the field name is in single quotes ' ': JSON needs double quotes \" \" → write straight double quotes, so that line 1 reads `{\"title\": \"A\"}`",
      "content/posts/posts.json:1:14  the file is not valid JSON: there is a comma after the last item of the list, before the closing ]: JSON allows none there → delete the comma, so that line 1 reads `{\"tags\": [\"a\"]}`",
    ]);
  });
  it("a .11tydata.js layout written as text, in the file's quotes; not one in a comment or computed", () => {
    const { root, layouts } = site();
    writeFileSync(path.join(root, "content/about.11tydata.cjs"), [
      "// layout: 'nope' was the old one",
      "/* layout: 'nope2' */",
      "module.exports = {",
      "  title: `x`,",
      "  layout: 'tag.njk',",
      // eslint-disable-next-line no-template-curly-in-string
      "  other: { layout: `${'base'}.njk` },",
      "};",
    ].join("\n"));
    assert.deepEqual(found(root, layouts), [
      "content/about.11tydata.cjs:5:3 layout `tag.njk` is the layout of the tags pages chatpost makes (/tags/): it would show the tags in place of the page's own text; the layouts a page can use are `base.njk`, `wide.njk` → write `layout: 'base.njk'`",
    ]);
  });
  it('"layout" written twice: the last, at its place; a nested one is not the page\'s', () => {
    const { root, layouts } = site();
    writeFileSync(path.join(root, "content/posts/posts.json"), '{\n  "x": {"layout": "nope"},\n  "layout": "nope",\n  "layout": "post.njk"\n}');
    assert.deepEqual(found(root, layouts), []);
    writeFileSync(path.join(root, "content/posts/posts.json"), '{\n  "x": {"layout": "post.njk"},\n  "layout": "post.njk",\n  "layout": "pots"\n}');
    assert.deepEqual(found(root, layouts), ["content/posts/posts.json:4:3 layout there is no layout `pots`; posts use `post.njk` → write `\"layout\": \"post.njk\"`"]);
  });
});
