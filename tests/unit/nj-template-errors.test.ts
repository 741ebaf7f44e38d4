// A broken Nunjucks page or `layout:` is the writer's error, told with file, line, what is
// wrong and the fix; errors in chatpost's own layouts and filters stay chatpost's.
import assert from "node:assert/strict";
import path from "node:path";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { NUNJUCKS_FILTERS, readTemplateError, structuralProblem, templateDiagnostic, writersFile, type TemplateErrorText } from "../../lib/template-errors.ts";

const LAYOUT_FILES = ["archive.njk", "base.njk", "partials/next-chat.njk", "partials/share.njk", "post.njk", "tag.njk"];
const FILE = "content/page.njk";
const FRONT = "---\ntitle: A page\nlayout: base.njk\n---\n"; // the body starts on line 5

/** The writer's line for `error` in a page whose text is `text`. */
function report(error: Partial<TemplateErrorText> & { message: string }, text: string, filters: string[] = [...NUNJUCKS_FILTERS, "fullUrl", "tagUrl"]): string | undefined {
  const d = templateDiagnostic({ template: `./${FILE}`, ...error }, FILE, { read: (f) => (f === FILE ? text : undefined), filters, layoutFiles: LAYOUT_FILES });
  return d && formatDiagnostic(d);
}

describe("readTemplateError", () => {
  it("reads the file, line and column of Nunjucks' header and its message", () => {
    const text = readTemplateError(["Having trouble rendering njk template ./content/page.njk", "(./content/page.njk) [Line 2, Column 4]\n  unknown block tag: frobnicate"]);
    assert.deepEqual(text, { template: "./content/page.njk", line: 2, column: 4, message: "unknown block tag: frobnicate" });
  });

  it("takes the innermost template when one template includes another", () => {
    const text = readTemplateError(["(./content/page.njk)\n  Template render error: (/site/extra/bad.njk) [Line 7]\n  unknown block tag: frob"]);
    assert.equal(text?.template, "/site/extra/bad.njk");
    assert.equal(text?.line, 7);
    assert.equal(text?.column, undefined);
  });

  it("reads a header without a line, as for an unknown filter", () => {
    assert.deepEqual(readTemplateError(["(./content/page.njk)\n  Error: filter not found: nosuchfilter"]), { template: "./content/page.njk", message: "Error: filter not found: nosuchfilter" });
  });

  it("reads a missing layout with the page that names it", () => {
    const text = readTemplateError(['Problem creating an Eleventy Layout for the "./content/about.md" template file.', "You’re trying to use a layout that does not exist: ../layouts/bse.njk (via `layout: bse.njk`)"]);
    assert.deepEqual(text, { template: "./content/about.md", message: "layout not found", missingLayout: "bse.njk" });
  });

  it("is not fooled by other errors", () => {
    assert.equal(readTemplateError(["ENOENT: no such file or directory, open '/x/y.pdf'", "Cannot read properties of undefined (reading 'x')"]), undefined);
  });
});

describe("writersFile", () => {
  const where = { cwd: "/site", root: "/site", layouts: "/app/layouts", exists: (f: string) => f !== "/site/content/chatpost-search.njk" };

  it("a page in content/, or a file of the site it includes, is the writer's", () => {
    assert.equal(writersFile("./content/index.njk", where), "content/index.njk");
    assert.equal(writersFile("/site/extra/bad.njk", where), "extra/bad.njk");
  });

  it("chatpost's layouts, pages its plugins make, and files outside the site are not", () => {
    assert.equal(writersFile("../app/layouts/base.njk", where), undefined);
    assert.equal(writersFile("./content/chatpost-search.njk", where), undefined);
    assert.equal(writersFile("/elsewhere/x.njk", where), undefined);
  });

  it("the layouts stay chatpost's when the site is chatpost's own folder", () => {
    const own = { cwd: "/app", root: "/app", layouts: path.join("/app", "layouts"), exists: () => true };
    assert.equal(writersFile("layouts/partials/share.njk", own), undefined);
    assert.equal(writersFile("./content/about.md", own), "content/about.md");
  });
});

describe("templateDiagnostic", () => {
  it("an unknown filter: its line in the file (after the front matter), and the close ones", () => {
    const line = report({ message: "Error: filter not found: fulUrl" }, `${FRONT}<p>a</p>\n<a href="x">{{ '/feed.xml' | fulUrl }}</a>\n`);
    assert.equal(line, "content/page.njk:6:30  there is no filter `fulUrl`; close ones that exist: `fullUrl` → write `| fullUrl` instead of `| fulUrl`");
  });

  it("an unknown filter with nothing close: remove it, and where the filters are listed", () => {
    const line = report({ message: "Error: filter not found: nosuchfilter" }, `${FRONT}{{ x | nosuchfilter }}\n`);
    assert.match(line!, /^content\/page\.njk:5:8 {2}there is no filter `nosuchfilter` → remove `\| nosuchfilter`/);
  });

  it("an if never closed: the line of the `{% if %}` and the missing `{% endif %}`", () => {
    const line = report({ message: "parseIf: expected elif, else, or endif, got end of file" }, `${FRONT}<p>a</p>\n{% if upcoming.length %}\n<p>b</p>\n`);
    assert.equal(line, "content/page.njk:6:1  `{% if upcoming.length %}` is never closed: the page ends without `{% endif %}` → add `{% endif %}` where the if should end");
  });

  it("a for never closed inside an if: Nunjucks blames the endif, the writer is told of the for", () => {
    const line = report({ message: "unknown block tag: endif", line: 4, column: 4 }, `${FRONT}{% if a %}\n{%- for item in b %}\n<p>b</p>\n{% endif %}\n`);
    assert.equal(line, "content/page.njk:6:1  `{% endif %}` comes while `{% for item in b %}` on line 6 is still open → add `{% endfor %}` before line 8, where the for should end");
  });

  it("an end tag that closes nothing", () => {
    const line = report({ message: "unknown block tag: endfor", line: 2, column: 4 }, `${FRONT}<p>a</p>\n{% endfor %}\n`);
    assert.equal(line, "content/page.njk:6:1  `{% endfor %}` closes nothing: no `{% for %}` is open here → delete it, or add the tag it should close before it");
  });

  it("an unknown tag: named, with the tag meant when it is close", () => {
    assert.equal(report({ message: "unknown block tag: incldue", line: 1, column: 4 }, `${FRONT}{% incldue "partials/share.njk" %}\n`), "content/page.njk:5:4  there is no tag `{% incldue %}` in Nunjucks → write `{% include … %}` instead");
    assert.match(report({ message: "unknown block tag: frobnicate", line: 2, column: 4 }, `${FRONT}\n{% frobnicate %}\n`)!, /^content\/page\.njk:6:4 {2}there is no tag `\{% frobnicate %\}` in Nunjucks → use one of Nunjucks' tags \(if, for, set, include/);
  });

  it("a misspelt include: the name, the files there are, and the one meant", () => {
    // As Nunjucks says it: the page's header twice, then the message.
    const text = readTemplateError(["(./content/page.njk)\n  Template render error: (./content/page.njk)\n  Error: template not found: partials/nxt-chat.njk"])!;
    const line = report(text, `${FRONT}<p>a</p>\n  {% include "partials/nxt-chat.njk" %}\n`);
    assert.match(line!, /^content\/page\.njk:6:15 {2}there is no file `partials\/nxt-chat\.njk` in the layouts to include; the files are `archive\.njk`, `base\.njk`, `partials\/next-chat\.njk`/);
    assert.match(line!, /→ write "partials\/next-chat\.njk" instead of "partials\/nxt-chat\.njk"$/);
  });

  it("a misspelt layout: the `layout:` line of the front matter, and the layout meant", () => {
    const text = "---\ntitle: About\npermalink: /about/\nlayout: bse.njk\n---\n# About\n";
    assert.equal(report({ message: "layout not found", missingLayout: "bse.njk" }, text), "content/page.njk:4:1  layout  there is no layout `bse.njk` → write `layout: base.njk`");
    assert.match(report({ message: "layout not found", missingLayout: "fancy.njk" }, text)!, /there is no layout `fancy\.njk` → use one of the layouts: `archive\.njk`, `base\.njk`, `post\.njk`, `tag\.njk`$/);
  });

  it("a post's own `layout:` (under `npm start`, where Eleventy stops on it): delete it, as the check says, not another layout", () => {
    const post = "content/posts/2017-04-30-online-communities.md";
    const text = "---\ntitle: Online communities\ndate: 2017-04-30\nlayout: nope\n---\nBody.\n";
    const d = templateDiagnostic({ template: `./${post}`, message: "layout not found", missingLayout: "nope" }, post, { read: (f) => (f === post ? text : undefined), filters: NUNJUCKS_FILTERS, layoutFiles: LAYOUT_FILES });
    assert.equal(formatDiagnostic(d!), `${post}:4:1  layout  a post has no \`layout\` field: every post is laid out by \`post.njk\`, and there is no layout \`nope\` → delete the line \`layout: nope\``);
  });

  it("a `{{` without `}}`: where it opens, whatever token Nunjucks stumbled on", () => {
    assert.match(report({ message: "unexpected token: /", line: 2, column: 19 }, `${FRONT}<p>a</p>\n<p>{{ site.title </p>\n<p>{{ ok }}</p>\n`)!, /^content\/page\.njk:6:4 {2}`\{\{` is never closed with `\}\}` → end it with `\}\}`/);
    assert.match(report({ message: "expected variable end" }, `${FRONT}<p>{{ site.title`)!, /^content\/page\.njk:5:4 {2}`\{\{` is never closed/);
  });

  it("a `{%` or `{#` left open", () => {
    assert.match(report({ message: "expected block end in if statement" }, `${FRONT}{% if x\n<p>b</p>`)!, /^content\/page\.njk:5:1 {2}`\{%` is never closed with `%\}`/);
    assert.match(report({ message: "Error: expected end of comment, got end of file" }, `${FRONT}<p>a</p>\n{# a note\n`)!, /^content\/page\.njk:6:1 {2}`\{#` is never closed with `#\}` → end the comment with `#\}`$/);
  });

  it("a call of something undefined: where, and what", () => {
    assert.equal(report({ message: "Error: Unable to call `shareLink`, which is undefined or falsey" }, `${FRONT}<p>\n{{ shareLink(post) }}</p>\n`), "content/page.njk:6:4  `shareLink(…)` calls something this page does not have: `shareLink` is not defined → check the spelling of `shareLink`, or remove the call");
  });

  it("any other Nunjucks message: the writer's still, at Nunjucks' line, in its words", () => {
    assert.match(report({ message: "parseSignature: expected comma after expression", line: 1, column: 20 }, `${FRONT}{{ x | replace('a' }}\n`)!, /^content\/page\.njk:5:20 {2}Nunjucks cannot read the page here: parseSignature: expected comma after expression → correct/);
  });

  it("a JavaScript failure inside a filter is chatpost's, not the writer's", () => {
    assert.equal(report({ message: "Error: TypeError: Cannot read properties of undefined (reading 'url')" }, `${FRONT}{{ x | fullUrl }}`), undefined);
    assert.equal(report({ message: "EleventyNunjucksError: Error in Nunjucks Filter `tagUrl` (./content/page.njk)" }, `${FRONT}{{ 5 | tagUrl }}`), undefined);
  });

  it("counts lines from the top of the file whatever its line ends", () => {
    const crlf = `${FRONT}<p>a</p>\n{% if x %}\n`.replace(/\n/g, "\r\n");
    assert.match(report({ message: "unexpected end of file" }, crlf)!, /^content\/page\.njk:6:1 /);
  });
});

describe("structuralProblem", () => {
  it("a well-formed page has none: raw text, block set, whitespace control, else and elif", () => {
    const page = "{%- set a = 1 -%}{% set b %}x{% endset %}{% raw %}{% if %}{{{% endraw %}{% if a %}1{% elif b %}2{% else %}3{% endif %}{% for i in l %}{{ i }}{% else %}none{% endfor %}{# {{ #}";
    assert.equal(structuralProblem(page), undefined);
  });

  it("an else outside any block", () => {
    assert.equal(structuralProblem("<p>\n{% else %}")?.kind, "misplaced-middle");
  });
});

describe("NUNJUCKS_FILTERS", () => {
  it("are the filters of the Nunjucks that Eleventy uses", () => {
    // Nunjucks comes with Eleventy; its filters module lists its own filters.
    const eleventy = createRequire(import.meta.url).resolve("@11ty/eleventy");
    const builtins = createRequire(eleventy)("nunjucks/src/filters.js") as Record<string, unknown>;
    assert.deepEqual([...NUNJUCKS_FILTERS].sort(), Object.keys(builtins).sort());
  });
});
