// Unit tests of the diagnostic format every command prints.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDiagnostic, formatProblemsHtml, formatReport, REPORT_ENDINGS, type Diagnostic } from "../../lib/diagnostics.ts";

const error: Diagnostic = { severity: "error", file: "content/posts/a.md", line: 6, column: 3, field: "chat.zone", message: '"EST" is an abbreviation', fix: "write America/New_York" };
const warning: Diagnostic = { severity: "warning", file: "content/posts/b.md", line: 5, column: 3, field: "chat.start", message: "happens twice", fix: "add the offset" };

describe("formatDiagnostic", () => {
  it("reads file:line:column  field  what is wrong → how to fix", () => {
    assert.equal(formatDiagnostic(error), 'content/posts/a.md:6:3  chat.zone  "EST" is an abbreviation → write America/New_York');
  });

  it("marks warnings, and leaves out an empty field", () => {
    assert.equal(formatDiagnostic(warning), "content/posts/b.md:5:3  chat.start  warning: happens twice → add the offset");
    assert.equal(formatDiagnostic({ ...error, field: "", line: 1, column: 1 }), 'content/posts/a.md:1:1  "EST" is an abbreviation → write America/New_York');
  });
});

describe("formatReport", () => {
  it("lists every problem sorted by file and line, then the count and what to do", () => {
    const report = formatReport([warning, error, { ...error, line: 2, field: "title" }], REPORT_ENDINGS.check).split("\n");
    assert.deepEqual(report.slice(0, 3).map((l) => l.split("  ")[0]), ["content/posts/a.md:2:3", "content/posts/a.md:6:3", "content/posts/b.md:5:3"]);
    assert.equal(report.at(-1), `2 errors, 1 warning: ${REPORT_ENDINGS.check}`);
  });

  it("with warnings only, just counts them", () => {
    assert.equal(formatReport([warning]).split("\n").at(-1), "1 warning.");
  });
});

describe("formatProblemsHtml", () => {
  it("escapes everything a writer typed", () => {
    const html = formatProblemsHtml([{ ...error, message: '<script>alert("x")</script>' }]);
    assert.ok(!html.includes("<script>"));
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    // One block without a blank line, so markdown passes it through whole.
    assert.ok(!html.trim().includes("\n\n"));
  });
});
