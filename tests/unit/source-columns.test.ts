// Columns of what a writer wrote, found on its line for diagnostics to point at.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sourceColumns, writtenForms } from "../../lib/source-columns.ts";

describe("sourceColumns", () => {
  const text = "first line\n[a.pdf](a.pdf) and [b](a.pdf) then ![](a.pdf)\n";

  it("finds a form after its prefix first, then each further occurrence on the line in turn", () => {
    const columns = sourceColumns(text);
    assert.equal(columns.find(1, ["a.pdf"], ["]("]), 9);
    assert.equal(columns.find(1, ["a.pdf"], ["]("]), 24);
    assert.equal(columns.find(1, ["a.pdf"], ["]("]), 40);
    // No further one after a prefix: the form alone, from the start of the line.
    assert.equal(columns.find(1, ["a.pdf"], ["]("]), 2);
  });

  it("takes the earliest of the forms, and says so when none is on the line", () => {
    const columns = sourceColumns("[x](caf%C3%A9.pdf) [y](café.pdf)");
    assert.equal(columns.find(0, writtenForms("caf%C3%A9.pdf"), ["]("]), 5);
    assert.equal(columns.find(0, writtenForms("caf%C3%A9.pdf"), ["]("]), 24);
    assert.equal(columns.find(0, ["gone.pdf"]), undefined);
    assert.equal(columns.find(7, ["a.pdf"]), undefined);
  });

  it("finds the marker before a column, or keeps the column", () => {
    const columns = sourceColumns(text);
    assert.equal(columns.before(1, 40, /!\[/), 36);
    assert.equal(columns.before(1, 9, /!\[/), 9);
  });

  it("gives the forms of an address: as encoded and decoded, or as is when it does not decode", () => {
    assert.deepEqual(writtenForms("a%20b.pdf"), ["a%20b.pdf", "a b.pdf"]);
    assert.deepEqual(writtenForms("100%.pdf"), ["100%.pdf"]);
  });
});
