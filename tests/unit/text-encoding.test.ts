// A post, page or bibliography file saved as Windows-1252 or Latin-1: one error naming the
// file, the first line and the others, with the fix (save as UTF-8); the rest still checked.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadSharedBibliography } from "../../lib/bibliography.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { encodingProblems } from "../../lib/text-encoding.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
// What node's "utf8" decoding makes of Windows-1252 bytes: é (E9) and ’ (92) each become U+FFFD.
const latin1 = (bytes: string) => Buffer.from(bytes, "latin1").toString("utf8");

describe("a file not saved as UTF-8", () => {
  it("is one error at the first character that is not UTF-8, naming the other lines", () => {
    const file = "content/posts/2017-07-02-sante.md";
    const text = latin1("---\ntitle: Sant\xe9\ndate: 2017-07-02\ntopics:\n  - Qu\x92est-ce que la sant\xe9?\n---\nLe caf\xe9.\n");
    assert.deepEqual(loadPost(file, text, ctx).diagnostics.map(formatDiagnostic), [
      `${file}:2:12  the file is not saved as UTF-8: a character here is shown as "\uFFFD", in "title: Sant\uFFFD" (also on lines 5, 7); it was saved in another encoding, such as Windows-1252 → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and check the accented letters and quotes on these lines`,
    ]);
  });

  it("still reports the post's other problems in the same list", () => {
    const messages = loadPost("content/posts/2017-07-02-sante.md", latin1("---\ntitle: Sant\xe9\n---\nBody.\n"), ctx).diagnostics.map((d) => d.message);
    assert.equal(messages.length, 2);
    assert.match(messages[0]!, /not saved as UTF-8/);
    assert.match(messages[1]!, /`date` is missing/);
  });

  it("counts the other lines past five", () => {
    const text = latin1(Array.from({ length: 9 }, (_, i) => `line ${i + 1} caf\xe9`).join("\n"));
    assert.match(encodingProblems("x.md", text)[0]!.message, /\(also on lines 2, 3, 4, 5, 6 and 3 more\)/);
  });

  it("is found in the site's other pages and in a shared bibliography", () => {
    assert.match(formatDiagnostic(loadPage("content/about.md", latin1("---\ntitle: \xc0 propos\n---\nNous.\n"), ctx).diagnostics[0]!), /^content\/about\.md:2:8  the file is not saved as UTF-8/);
    const root = mkdtempSync(path.join(tmpdir(), "chatpost-encoding-"));
    try {
      writeFileSync(path.join(root, "refs.bib"), Buffer.from("@book{muller2020,\n  author = {M\xfcller, Anna},\n  title = {Gesundheit},\n  year = {2020}\n}\n", "latin1"));
      const { diagnostics } = loadSharedBibliography(root, ["refs.bib"]);
      assert.match(formatDiagnostic(diagnostics[0]!), /^refs\.bib:2:14  the file is not saved as UTF-8: a character here is shown as "\uFFFD", in "author = \{M\uFFFDller, Anna\},"/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("says nothing of a file in UTF-8, accents and curly quotes included", () => {
    assert.deepEqual(encodingProblems("x.md", "title: Santé, Qu’est-ce?\n"), []);
  });
});
