// A key of the shared bibliography listed in `references:` (`- fox2013`, `["@fox2013"]`,
// `- id: fox2013` alone): said to be one, with the way to cite it and the `nocite:` line,
// in place of "start the reference with `- id: some-key`" or "has no title / has no type".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normaliseItem } from "../../lib/csl-normalise.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { referenceProblems, sharedKeyItem } from "../../lib/schema-messages.ts";

const SHARED = new Map([
  ["fox2013", { file: "content/bibliography.bib", line: 38 }],
  ["who2021", { file: "content/bibliography.bib", line: 45 }],
]);
const IS_SHARED = "is in the shared bibliography (content/bibliography.bib, line 38), whose works are cited by their key, not listed in `references:`";

/** Each item's problems, as loadPost gets them, for front matter `yaml` (from file line 2) and `body`. */
function problemsOf(yaml: string, body = "Body.\n", shared: ReadonlyMap<string, { file: string; line?: number }> | "none" = SHARED): string[][] {
  const doc = readYamlDocument(yaml, "content/posts/x.md", 2);
  const data = doc.data as Record<string, unknown>;
  const facts = { data, body, locate: doc.locate, source: { text: yaml, firstLine: 2 }, ...(shared === "none" ? {} : { shared }) };
  return (data.references as unknown[]).map((entry) => referenceProblems(entry, normaliseItem(entry).problems, facts).map((p) => `${p.message} → ${p.fix}`));
}

describe("a shared key listed in references", () => {
  it("`references: [\"@fox2013\"]`: the line in place of it is `nocite:`", () => {
    assert.deepEqual(problemsOf('title: T\ndate: 2026-11-20\nreferences: ["@fox2013"]\n'), [
      [`\`fox2013\` ${IS_SHARED} → cite it in the text as [@fox2013] and remove the line \`references: ["@fox2013"]\`; or, to list it without citing it, write \`nocite: ["@fox2013"]\` in place of that line`],
    ]);
  });

  it("`- fox2013` alone in the list: remove the item and the line, or add the `nocite:` line", () => {
    assert.deepEqual(problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - fox2013\n"), [
      [`\`fox2013\` ${IS_SHARED} → remove this item and the \`references:\` line, and cite it in the text as [@fox2013]; or, to list it without citing it, add the line \`nocite: ["@fox2013"]\``],
    ]);
  });

  it("`- id: fox2013` alone: not \"has no title\" and \"has no type\"", () => {
    const [problems] = problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - id: fox2013\n");
    assert.equal(problems!.length, 1);
    assert.match(problems![0]!, /^`fox2013` is in the shared bibliography \(content\/bibliography\.bib, line 38\)/);
  });

  it("two shared keys, one cited in the text: that one is only removed; the `nocite:` line lists the other", () => {
    assert.deepEqual(problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - fox2013\n  - \"@who2021\"\n", "As [@who2021, p. 3] shows.\n"), [
      [`\`fox2013\` ${IS_SHARED} → remove this item, and cite it in the text as [@fox2013]; or, to list it without citing it, add the line \`nocite: ["@fox2013"]\``],
      ["`who2021` is in the shared bibliography (content/bibliography.bib, line 45), whose works are cited by their key, not listed in `references:` → remove this item: the text cites it already ([@who2021])"],
    ]);
  });

  it("two shared keys, neither cited: one `nocite:` line for both", () => {
    const [fox] = problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - fox2013\n  - who2021\n");
    assert.deepEqual(fox, [`\`fox2013\` ${IS_SHARED} → remove this item, and cite it in the text as [@fox2013]; or, to list it without citing it, add the line \`nocite: ["@fox2013", "@who2021"]\` (it lists the other shared key of \`references:\` too)`]);
  });

  it("with a `nocite:` already: add the key to it; listed there already: only remove the item", () => {
    assert.deepEqual(problemsOf('title: T\ndate: 2026-11-20\nnocite: ["@who2021"]\nreferences:\n  - fox2013\n')[0], [
      `\`fox2013\` ${IS_SHARED} → remove this item and the \`references:\` line, and cite it in the text as [@fox2013], or, to list it without citing it, add "@fox2013" to \`nocite:\` (line 4)`,
    ]);
    assert.deepEqual(problemsOf('title: T\ndate: 2026-11-20\nnocite: "@fox2013"\nreferences:\n  - fox2013\n')[0], [
      `\`fox2013\` ${IS_SHARED} → remove this item and the \`references:\` line: \`nocite:\` (line 4) lists it already`,
    ]);
  });

  it("a key the shared bibliography does not have, or no shared bibliography: csl-normalise.ts's words", () => {
    const start = ["a reference must be a set of fields (id, type, title, …) → start the reference with `- id: some-key` and indent its fields below"];
    assert.deepEqual(problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - fox2031\n"), [start]);
    assert.deepEqual(problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - fox2013\n", "Body.\n", "none"), [start]);
  });

  it("a full reference with a shared key keeps its own problems (post-citations.ts compares it with the shared entry)", () => {
    const [problems] = problemsOf("title: T\ndate: 2026-11-20\nreferences:\n  - id: fox2013\n    type: report\n");
    assert.deepEqual(problems, ["the reference has no title → add `title:` with the title of the work, in quotes if it contains a colon"]);
  });

  it("sharedKeyItem: the forms a key is listed in", () => {
    for (const entry of ["fox2013", "@fox2013", " [@fox2013] ", { id: "fox2013" }, { ID: "@fox2013" }, { id: "fox2013", note: null }]) assert.equal(sharedKeyItem(entry, SHARED), "fox2013", JSON.stringify(entry));
    for (const entry of ["fox2014", { id: "fox2013", title: "Health online" }, ["fox2013"], undefined]) assert.equal(sharedKeyItem(entry, SHARED), undefined, JSON.stringify(entry));
  });
});
