// loadPost with the shared bibliography: a key of it listed in `references:` is said to be one
// (schema-messages.ts referenceProblems), once per item, where the item is written.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const fox = { id: "fox2013", type: "report" as const, title: "Health online 2013" };
const sharedBibliography = { entries: new Map([["fox2013", { item: fox, file: "content/bibliography.bib", line: 38 }]]) };
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true, sharedBibliography };
const FILE = "content/posts/2026-11-20-nurses.md";
const messages = (lines: readonly string[], body = "Body.", context = ctx) =>
  loadPost(FILE, `---\n${lines.join("\n")}\n---\n${body}\n`, context).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
const IS_SHARED = "`fox2013` is in the shared bibliography (content/bibliography.bib, line 38), whose works are cited by their key, not listed in `references:`";

describe("loadPost: a shared key in references", () => {
  it("`references: [\"@fox2013\"]`", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", 'references: ["@fox2013"]']), [
      `4:14  references[0]  reference "#1": ${IS_SHARED} → cite it in the text as [@fox2013] and remove the line \`references: ["@fox2013"]\`; or, to list it without citing it, write \`nocite: ["@fox2013"]\` in place of that line`,
    ]);
  });

  it("`- id: fox2013` alone, cited in the text", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", "references:", "  - id: fox2013"], "As [@fox2013] found."), [
      `5:5  references[0]  reference "fox2013": ${IS_SHARED} → remove this item and the \`references:\` line: the text cites it already ([@fox2013])`,
    ]);
  });

  it("the fix applied: `nocite:` loads with no error", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", 'nocite: ["@fox2013"]']), []);
  });

  it("`titel:` in a reference without `title:`: the unknown field's fix alone, not also \"has no title\"", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", "references:", "  - id: doe2020", "    titel: A book", "    type: book"], "As [@doe2020] found."), [
      '6:5  references[0].titel  reference "doe2020": unknown field `titel`: it would be left out of the reference → did you mean `title`? Write it as `title: A book`',
    ]);
  });

  it("without the shared bibliography (a page's data): csl-normalise.ts's words", () => {
    const { sharedBibliography: _none, ...alone } = ctx;
    assert.match(messages(["title: T", "date: 2026-11-20", "references:", "  - fox2013"], "Body.", alone)[0]!, /start the reference with `- id: some-key`/);
  });
});
