// A names field written as a list in brackets whose items are the halves of "Family, Given"
// names: `author: [Topol, Eric]` is YAML's list of two texts, printed as two authors ("Topol &
// Eric"). An error, whose fix, pasted as written, reads back as the one person meant.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { formatBibliography } from "../../lib/citations.ts";
import { normaliseItem, type CslItem, type NormaliseOptions } from "../../lib/csl-normalise.ts";

const base = { id: "topol2020", type: "report", title: "Health online", issued: 2020 };
const apa = (item: CslItem) => formatBibliography([item], { style: "apa", locale: "en-US" })[0]!.html.replace(/<[^>]+>/g, "").replace(/&#38;/g, "&");
/** The key's line as a post writes it, the key at column 5 (below `  - id:`). */
const source = (line: string): NormaliseOptions => ({ fieldSource: () => ({ line, column: 5 }) });
function read(field: string, names: unknown, options: NormaliseOptions = {}) {
  const { item, problems } = normaliseItem({ ...base, [field]: names }, options);
  return { item, problems: problems.map((p) => [p.path.join("."), p.severity ?? "error", p.message, p.fix]) };
}
/** The lines of a fix's first way (after its first ":"), pasted below `  - id: …` as written, read back. */
function pasted(fix: string, field = "author") {
  const lines = fix.split("\n").slice(1);
  const end = lines.findIndex((l) => !l.startsWith("    "));
  const yaml = `references:\n  - id: topol2020\n    type: report\n    title: Health online\n    issued: 2020\n${(end < 0 ? lines : lines.slice(0, end)).join("\n")}\n`;
  const { item, problems } = normaliseItem((parse(yaml) as { references: unknown[] }).references[0], { fieldSource: () => ({ line: `    ${field}:`, column: 5 }) });
  assert.deepEqual(problems, []);
  return item!;
}

const PLATO = "if they are 2 names of one word each (organisations, or one-word names such as Plato)";

describe("a name split at its comma in a list in brackets", () => {
  it("`author: [Topol, Eric]` is an error whose fix is the one person, at the item's indentation, and two one-word names", () => {
    const { item, problems } = read("author", ["Topol", "Eric"], source("    author: [Topol, Eric]"));
    assert.equal(item, undefined);
    assert.deepEqual(problems, [[
      "author", "error",
      'the authors are read as 2 names, "Topol" and "Eric": in square brackets each comma separates two names, so a name written "Family, Given" is split in two',
      `if it is one person, write one person per line, family name first, then a comma:\n    author:\n      - Topol, Eric\n${PLATO}, write one per line:\n    author:\n      - Topol\n      - Eric`,
    ]]);
    const fixed = pasted(problems[0]![3]!);
    assert.deepEqual(fixed.author, [{ family: "Topol", given: "Eric" }]);
    assert.match(apa(fixed), /^Topol, E\. \(2020\)\. Health online/);
  });

  it("`author: [Fox, S., Duggan, M.]`: initials alone are never a name, so only the people are offered", () => {
    const { problems } = read("author", ["Fox", "S.", "Duggan", "M."], source("    author: [Fox, S., Duggan, M.]"));
    assert.deepEqual(problems, [[
      "author", "error",
      'the authors are read as 4 names, "Fox", "S.", "Duggan" and "M.": in square brackets each comma separates two names, so a name written "Family, Given" is split in two; "S." and "M." are initials, not a name',
      "write one person per line, family name first, then a comma:\n    author:\n      - Fox, S.\n      - Duggan, M.",
    ]]);
    const fixed = pasted(problems[0]![3]!);
    assert.deepEqual(fixed.author, [{ family: "Fox", given: "S." }, { family: "Duggan", given: "M." }]);
    assert.match(apa(fixed), /^Fox, S\., & Duggan, M\. \(2020\)/);
  });

  it("a lone initial anywhere, without a full stop or before the family name, joins its family name, with full stops", () => {
    assert.equal(read("author", ["Smith", "JA", "Doe", "K"], source("    author: [Smith, JA, Doe, K]")).problems[0]![3], "write one person per line, family name first, then a comma:\n    author:\n      - Smith, J. A.\n      - Doe, K.");
    assert.equal(read("author", ["Fox", "S", "WHO"], source("    author: [Fox, S, WHO]")).problems[0]![3], "write one person per line, family name first, then a comma:\n    author:\n      - Fox, S.\n      - WHO");
    assert.equal(read("author", ["S.", "Fox"], source("    author: [S., Fox]")).problems[0]![3], "write one person per line, family name first, then a comma:\n    author:\n      - Fox, S.");
    // Written one per line, initials alone are as wrong: the list's shape tells it.
    assert.equal(read("author", ["Fox", "S."], source("    author:")).problems[0]![3], "write one person per line, family name first, then a comma:\n    author:\n      - Fox, S.");
  });

  it("given names of several words and family names with particles pair up; no one-word reading is offered for them", () => {
    const { problems } = read("author", ["van Beethoven", "Ludwig", "Langley", "David J."], source("    author: [van Beethoven, Ludwig, Langley, David J.]"));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]![3], "write one person per line, family name first, then a comma:\n    author:\n      - van Beethoven, Ludwig\n      - Langley, David J.");
    assert.match(apa(pasted(problems[0]![3]!)), /^van Beethoven, L\., & Langley, D\. J\. \(2020\)/);
  });

  it("holds for every CSL name variable, named in the message", () => {
    assert.match(read("editor", ["Topol", "Eric"], source("    editor: [Topol, Eric]")).problems[0]![2] as string, /^the editors are read as 2 names/);
    assert.match(read("translator", ["Fox", "S."], source("    translator: [Fox, S.]")).problems[0]![2] as string, /^the translators are read as 2 names/);
    assert.match(read("interviewer", ["Fox", "S."], source("    interviewer: [Fox, S.]")).problems[0]![2] as string, /^the names are read as 2 names/);
    assert.equal(read("container-author", ["Topol", "Eric"], source("    container-author: [Topol, Eric]")).problems[0]![0], "container-author");
  });
});

describe("lists of one-word names that are no split name", () => {
  it("organisations in capitals, an odd count, one name, or whole names are read as written, with no error", () => {
    for (const names of [["WHO", "UNICEF"], ["Cochrane"], ["Plato"], ["WHO", "UNICEF", "Cochrane"], ["Pfizer", "Moderna", "BioNTech"], ["Bayer", "AG"], ["Diabetes", "UK"], ["NHS England", "Public Health England"]]) {
      const { item, problems } = read("author", names, source(`    author: [${names.join(", ")}]`));
      assert.deepEqual(problems, [], names.join(", "));
      assert.deepEqual(item!.author, names.map((literal) => ({ literal })));
    }
    // "Given Family" names keep their own warning, and are not paired up.
    assert.deepEqual(read("author", ["Kate Doe", "John Smith"], source("    author: [Kate Doe, John Smith]")).problems.map((p) => p[1]), ["warning", "warning"]);
    // Names written "Family, Given" in quotes in brackets are whole.
    assert.deepEqual(read("author", ["Smith, J.", "Doe, K."], source('    author: ["Smith, J.", "Doe, K."]')).problems, []);
  });

  it("two one-word names written one per line are left as written, which is the fix's second way", () => {
    const { item, problems } = read("author", ["Topol", "Eric"], source("    author:"));
    assert.deepEqual(problems, []);
    assert.deepEqual(item!.author, [{ literal: "Topol" }, { literal: "Eric" }]);
  });

  it("where the source is not known (a shared CSL YAML file), only initials alone are told: the list may be one name per line", () => {
    // `- Topol` / `- Eric` on lines of their own read the same as `[Topol, Eric]`: without the lines, not told.
    assert.deepEqual(read("author", ["Topol", "Eric"]).problems, []);
    assert.deepEqual(read("author", ["Fox", "Duggan"]).problems, []);
    assert.equal(read("author", ["Fox", "S.", "Duggan", "M."]).problems.length, 1);
    const { item, problems: none } = read("author", [{ literal: "Topol" }, { literal: "Eric" }]);
    assert.deepEqual(none, []);
    assert.deepEqual(item!.author, [{ literal: "Topol" }, { literal: "Eric" }]);
  });

  it("in CSL JSON, whose lists are all in brackets, the fix is in JSON", () => {
    assert.deepEqual(read("author", ["Fox", "S.", "Duggan", "M."], undefined).problems.length, 1);
    const json = normaliseItem({ ...base, author: ["Topol", "Eric"] }, { syntax: "json" }).problems;
    assert.deepEqual(json.map((p) => [p.message, p.fix]), [[
      'the authors are read as 2 names, "Topol" and "Eric": in square brackets each comma separates two names, so a name written "Family, Given" is split in two',
      `if it is one person, write each person as one text, family name first, then a comma: "author": ["Topol, Eric"]; ${PLATO}, write each with "literal": "author": [{"literal": "Topol"}, {"literal": "Eric"}]`,
    ]]);
  });
});
