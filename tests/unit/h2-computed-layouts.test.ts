// A layout a .11tydata.js computes by code (the check does not run it) that names no layout:
// the build's error names that data file, at the word `layout` in it, not the page at 1:1.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { readTemplateError, templateDiagnostic } from "../../lib/template-errors.ts";

const LAYOUTS = ["archive.njk", "base.njk", "partials/head-meta.njk", "post.njk", "tag.njk"];
const POST = "content/posts/2017-04-30-online-communities.md";
const POST_TEXT = "---\ntitle: Online communities\ndate: 2017-04-30\n---\nBody.\n";
const COMPUTED = 'const name = ["no", "pe"].join("");\nmodule.exports = { layout: name };\n';

/** Eleventy's error for `page` given the layout `name`, as the build reads it. */
function eleventyError(page: string, name: string) {
  return readTemplateError([
    `Problem creating an Eleventy Layout for the "./${page}" template file.`,
    `You’re trying to use a layout that does not exist: ../layouts/${name} (via \`layout: ${name}\`)`,
  ])!;
}

function report(page: string, files: Record<string, string>, name = "nope"): string | undefined {
  const d = templateDiagnostic(eleventyError(page, name), page, { read: (f) => files[f], filters: [], layoutFiles: LAYOUTS });
  return d && formatDiagnostic(d);
}

describe("a layout computed in a .11tydata.js that names no layout", () => {
  it("is told in the folder's data file, at `layout`, with the layout posts use", () => {
    assert.equal(
      report(POST, { [POST]: POST_TEXT, "content/posts/posts.11tydata.js": COMPUTED }),
      "content/posts/posts.11tydata.js:2:20  layout  the code of this file gives content/posts/2017-04-30-online-communities.md the layout `nope`, and there is no layout `nope`; posts use `post.njk` → make the code give `post.njk`",
    );
  });

  it("names the data file beside the page before its folders', and those that write `layout` too", () => {
    const page = "content/about.md";
    const files = {
      [page]: "---\ntitle: About\n---\nText.\n",
      "content/about.11tydata.cjs": "// Our layout, by season.\nmodule.exports = () => ({\n  layout: `${\"pst\"}.njk`,\n});\n",
      "content/content.11tydata.js": COMPUTED,
    };
    assert.equal(
      report(page, files, "pst.njk"),
      "content/about.11tydata.cjs:3:3  layout  the code of this file gives content/about.md the layout `pst.njk` (content/content.11tydata.js also writes `layout`), and there is no layout `pst.njk`; a page uses `base.njk` → make the code give `base.njk` (or no `layout`: a page without one is given `base.njk`)",
    );
  });

  it("passes over a data file that writes `layout` only in a comment", () => {
    const files = { [POST]: POST_TEXT, "content/posts/posts.11tydata.js": "// no layout here\nmodule.exports = {};\n", "content/content.11tydata.mjs": "export default { layout: pick() };\n" };
    assert.match(report(POST, files)!, /^content\/content\.11tydata\.mjs:1:18  layout  the code of this file gives /);
  });

  it("still blames the page's own `layout:` line, or the page when no data file writes `layout`", () => {
    const withLine = "---\ntitle: A\nlayout: nope\n---\nBody.\n";
    // A post's own line: posts take no `layout:`, as the check says (tests/unit/nj-template-errors.test.ts).
    assert.equal(report(POST, { [POST]: withLine, "content/posts/posts.11tydata.js": COMPUTED }), `${POST}:3:1  layout  a post has no \`layout\` field: every post is laid out by \`post.njk\`, and there is no layout \`nope\` → delete the line \`layout: nope\``);
    assert.equal(report(POST, { [POST]: POST_TEXT }), `${POST}:1:1  layout  there is no layout \`nope\` → use one of the layouts: \`archive.njk\`, \`base.njk\`, \`post.njk\`, \`tag.njk\``);
  });
});
