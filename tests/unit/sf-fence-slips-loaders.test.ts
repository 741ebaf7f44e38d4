// Posts and pages whose front matter's fences Eleventy would misread (see sf-fence-slips.test.ts):
// each slip is an error of the check at its line, and the file is read on as if fixed, so that
// its other problems come in the same run.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2026-11-20-upcoming-chat.md";
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const shown = (d: Diagnostic) => formatDiagnostic(d).slice(FILE.length + 1);
const errors = (text: string) => loadPost(FILE, text, ctx).diagnostics.filter((d) => d.severity === "error");

const fields = ["title: The upcoming chat", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", "topics:", "  - What is next?"];
const post = (open: string, close: string, body = ["Body text.", ""]) => [open, ...fields, close, ...body].join("\n");
const good = post("---", "---");

describe("posts and pages", () => {
  it("an em dash on line 1 and as the closing line: both told, and the wrong date below them in the same run; fixed, no error", () => {
    const text = post("—", "—").replace("date: 2026-11-20", "date: 2026-11-31");
    assert.deepEqual(errors(text).map(shown), [
      "1:1  line 1 is `—`, an em dash, not the three hyphens `---` that start the front matter (word processors and phones turn --- into a dash): the fields would be shown as the post's text → write three hyphens in its place: `---`",
      "8:1  line 8 is `—`, an em dash, not the three hyphens `---` that end the front matter (word processors and phones turn --- into a dash): the post's text would be read as fields → write three hyphens in its place, at the start of the line: `---`",
      '3:1  date  "2026-11-31" is not a date on the calendar → write an existing date as YYYY-MM-DD, e.g. 2017-04-30',
    ]);
    assert.deepEqual(errors(post("---", "---").replace("date: 2026-11-20", "date: 2026-11-30")).map(shown), []);
  });

  it("`...` closing the fields and CR-only line ends are errors of the check, with the title and text read on", () => {
    assert.deepEqual(errors(post("---", "...")).map((d) => `${d.line}:${d.column}`), ["8:1"]);
    const cr = loadPost(FILE, good.replace(/\n/g, "\r"), ctx);
    assert.deepEqual(cr.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column}`), ["7:18"]);
    // Every fix applied: nothing left.
    assert.deepEqual(errors(good).map(shown), []);
  });

  it("a page closed with `...`: told, like a post's", () => {
    const page = loadPage("content/about.md", ["---", "title: About", "...", "Text.", ""].join("\n"), ctx);
    assert.deepEqual(page.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.message.slice(0, 40)}`), ["3:1 the front matter is closed with `...`, w"]);
  });
});
