// A writer's problems as GitHub Actions notes and as the run's Markdown summary (lib/ci-annotations.ts).
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { annotationLine, annotationLines, escapeData, escapeProperty, markdownCode, markdownText, notNoted, stepSummary, workspaceFile } from "../../lib/ci-annotations.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";

const error = (d: Partial<Diagnostic>): Diagnostic => ({ severity: "error", file: "content/posts/2026-11-20-a.md", field: "", message: "wrong", ...d });
const same = (file: string) => file;

/** The properties and the message of a workflow command line, unescaped as the runner does. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(m, `a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
    const at = pair.indexOf("=");
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { command: m[1]!, properties, message: unescape(m[3]!) };
}

describe("workflow command escaping (as @actions/core)", () => {
  it("a message escapes %, CR and LF, and nothing else", () => {
    assert.equal(escapeData("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b");
    // %0A typed by a writer is not a line break once unescaped.
    assert.equal(escapeData("%0A"), "%250A");
  });

  it("a property escapes : and , as well", () => {
    assert.equal(escapeProperty("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
  });
});

describe("annotationLine", () => {
  it("an error with a line and column: file, line, col, the field as title, the message and the fix", () => {
    const line = annotationLine(error({ line: 3, column: 7, field: "date", message: "not a date", fix: "write `date: 2026-11-20`" }), "site/content/posts/a.md");
    assert.equal(line, "::error file=site/content/posts/a.md,line=3,col=7,title=date::not a date → write `date: 2026-11-20`");
  });

  it("a warning is ::warning", () => {
    assert.match(annotationLine({ ...error({ line: 2 }), severity: "warning" }, "x.md"), /^::warning file=x\.md,line=2,title=chatpost::wrong$/);
  });

  it("no line gives no line or col property (a problem of the whole file); no field gives the title chatpost", () => {
    const line = annotationLine(error({ column: 4 }), "content/posts/a.md");
    assert.equal(line, "::error file=content/posts/a.md,title=chatpost::wrong");
    assert.doesNotMatch(line, /line=|col=/);
  });

  it("commas, colons, % and newlines in a file name, a title and a message stay inside their value", () => {
    const d = error({ line: 1, column: 1, field: "references[0].title", message: "50% of\nthe line: a, b", fix: "x::y" });
    const line = annotationLine(d, "content/posts/a,b:c%.md");
    assert.equal(line.split("\n").length, 1, "one line");
    assert.equal(line, "::error file=content/posts/a%2Cb%3Ac%25.md,line=1,col=1,title=references[0].title::50%25 of%0Athe line: a, b → x::y");
    const parsed = parseCommand(line);
    assert.deepEqual(parsed.properties, { file: "content/posts/a,b:c%.md", line: "1", col: "1", title: "references[0].title" });
    assert.equal(parsed.message, "50% of\nthe line: a, b → x::y");
  });

  it("a title with a comma or a colon is escaped, not split", () => {
    const parsed = parseCommand(annotationLine(error({ line: 1, field: "a,b:c" }), "f.md"));
    assert.equal(parsed.properties.title, "a,b:c");
    assert.deepEqual(Object.keys(parsed.properties), ["file", "line", "title"]);
  });
});

describe("annotationLines", () => {
  it("in the report's order (file, line), errors and warnings alike, leaving out files outside the checkout", () => {
    const list = [
      error({ file: "content/posts/b.md", line: 2 }),
      { ...error({ file: "content/posts/a.md", line: 9 }), severity: "warning" as const },
      error({ file: "content/posts/a.md", line: 1 }),
      error({ file: "elsewhere.md", line: 1 }),
    ];
    const lines = annotationLines(list, (file) => (file === "elsewhere.md" ? undefined : `site/${file}`));
    assert.deepEqual(lines, [
      "::error file=site/content/posts/a.md,line=1,title=chatpost::wrong",
      "::warning file=site/content/posts/a.md,line=9,title=chatpost::wrong",
      "::error file=site/content/posts/b.md,line=2,title=chatpost::wrong",
    ]);
  });
});

describe("notNoted", () => {
  it("leaves out a problem whose note was printed before, the same place and words; keeps the others", () => {
    const warning = { ...error({ line: 6, column: 3, field: "chat.zone", message: "an old alias" }), severity: "warning" as const };
    const moved = { ...warning, line: 7 };
    const reworded = { ...warning, message: "another alias" };
    const noted = new Set(annotationLines([warning], same));
    // In the report's order, as the notes are printed.
    assert.deepEqual(notNoted([moved, warning, reworded], same, noted), [reworded, moved]);
    // The same problem as an error is another note.
    const asError = { ...warning, severity: "error" as const };
    assert.deepEqual(notNoted([asError], same, noted), [asError]);
    assert.deepEqual(notNoted([warning], same, new Set()), [warning]);
  });
  it("a problem outside the checkout is never noted, so it is left out", () => {
    assert.deepEqual(notNoted([error({ file: "elsewhere.md" })], () => undefined, new Set()), []);
  });
});

describe("workspaceFile", () => {
  const workspace = path.resolve("/w/repo");
  it("relative to the checkout, with forward slashes", () => {
    assert.equal(workspaceFile(workspace, "content/posts/a.md", workspace), "content/posts/a.md");
    assert.equal(workspaceFile(path.join(workspace, "sites", "one"), "content/posts/a.md", workspace), "sites/one/content/posts/a.md");
  });
  it("outside the checkout (a temporary copy): none", () => {
    assert.equal(workspaceFile(path.resolve("/tmp/copy"), "content/posts/a.md", workspace), undefined);
    assert.equal(workspaceFile(path.resolve("/w/repository-2"), "content/posts/a.md", workspace), undefined);
  });
  it("no GITHUB_WORKSPACE: the path as the report names it", () => {
    assert.equal(workspaceFile(path.resolve("/anywhere"), "content/posts/a.md", undefined), "content/posts/a.md");
  });
});

describe("markdown escaping of a writer's text", () => {
  it("tags become text, not markup", () => {
    const text = markdownText('<script>alert("x")</script> & <img src=x onerror=y>');
    assert.doesNotMatch(text, /<script|<img|<\/script/);
    assert.equal(text, '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;');
    // An entity typed by a writer shows as typed.
    assert.equal(markdownText("&lt;b&gt;"), "&amp;lt;b&amp;gt;");
  });
  it("Markdown's characters are escaped: tables, emphasis, links, code", () => {
    assert.equal(markdownText("a | b *c* _d_ [e](f) `g` ~~h~~ \\"), "a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\~\\~h\\~\\~ \\\\");
  });
  it("a line break stays inside the item", () => {
    assert.equal(markdownText("one\n- two\r\n# three"), "one<br>- two<br># three");
  });
  it("a code span holds any backticks and stays on one line", () => {
    assert.equal(markdownCode("content/posts/a.md:3:1"), "`content/posts/a.md:3:1`");
    assert.equal(markdownCode("a`b"), "``a`b``");
    assert.equal(markdownCode("`a"), "`` `a ``");
    assert.equal(markdownCode("a\nb"), "`a b`");
  });
});

describe("stepSummary", () => {
  const list: Diagnostic[] = [
    error({ line: 4, column: 2, field: "title", message: "<script>alert(1)</script> is not | a *title*", fix: "write `title: A | B`" }),
    { ...error({ file: "content/posts/b.md", message: "old zone" }), severity: "warning" },
    error({ file: "/tmp/elsewhere.md", line: 1 }),
  ];
  const fileOf = (file: string) => (file.startsWith("/") ? undefined : file);
  const summary = stepSummary(list, fileOf, "npm run check");

  it("a heading naming the command, the counts of what is in the checkout, and what to do", () => {
    const lines = summary.split("\n");
    assert.equal(lines[0], "## npm run check: 1 error, 1 warning");
    assert.match(summary, /Nothing is published until every error is fixed\./);
  });

  it("every problem as a list item, the place and the field in code, the writer's text escaped", () => {
    const items = summary.split("\n").filter((l) => l.startsWith("- "));
    assert.equal(items.length, 2);
    assert.equal(
      items[0],
      "- **Error** in `content/posts/2026-11-20-a.md:4:2` `title`: &lt;script&gt;alert(1)&lt;/script&gt; is not \\| a \\*title\\* → write \\`title: A \\| B\\`",
    );
    assert.equal(items[1], "- Warning in `content/posts/b.md`: old zone");
    assert.doesNotMatch(summary, /<script>/);
    assert.doesNotMatch(summary.replace(/\\\|/g, ""), /\|/, "no unescaped | (a table) from a writer's text");
  });

  it("warnings alone say they do not stop publishing", () => {
    const only = stepSummary([{ ...error({ line: 1 }), severity: "warning" }], same, "npm run build");
    assert.match(only, /^## npm run build: 1 warning\n/);
    assert.match(only, /Warnings do not stop publishing/);
  });

  it("nothing when no problem is in the checkout", () => {
    assert.equal(stepSummary([error({ file: "/tmp/x.md" })], fileOf, "npm run check"), "");
  });
});
