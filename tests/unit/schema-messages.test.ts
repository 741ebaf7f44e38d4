// Unit tests of the zod-issue translator: what is expected and what was found, in plain
// words, with a concrete fix.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { fieldWords, formatDiagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { zodIssuesToDiagnostics } from "../../lib/schema-messages.ts";

const schema = z.strictObject({
  title: z.string(),
  count: z.number().optional(),
  items: z.array(z.string()).optional(),
  group: z.strictObject({ day: z.enum(["monday", "tuesday"]), note: z.string().optional() }).optional(),
  flag: z.boolean().optional(),
});

function messages(yaml: string, file = "content/posts/2017-04-30-x.md"): string[] {
  const doc = readYamlDocument(yaml, file, 2);
  const parsed = schema.safeParse(doc.data);
  assert.equal(parsed.success, false);
  return zodIssuesToDiagnostics(parsed.error!.issues, file, doc.locate, schema, { data: doc.data, commentedOut: doc.commentedOut }).map(formatDiagnostic).sort();
}

describe("zodIssuesToDiagnostics", () => {
  it("names the expected type and the one found, and gives a fix to copy", () => {
    assert.deepEqual(messages("title: T\ncount: \"12\"\nitems: one\nflag: no\n"), [
      'content/posts/2017-04-30-x.md:3:1  count  expected a number, found text → write the number without quotes: count: 12',
      "content/posts/2017-04-30-x.md:4:1  items  expected a list, found text → write `items:` alone on its line, then each item on its own line below it, indented, starting with \"- \" (e.g. \"  - one\")",
      "content/posts/2017-04-30-x.md:5:1  flag  expected true or false, found text → write `flag: false`: YAML reads only true and false as yes and no",
    ]);
  });

  it("says where a missing field goes: between the fences, or under its parent", () => {
    assert.deepEqual(messages("group:\n  note: n\n"), [
      "content/posts/2017-04-30-x.md:2:1  title  `title` is missing → add a line `title: …` between the two --- lines (expected text)",
      "content/posts/2017-04-30-x.md:2:1  group.day  `group.day` is missing → add a line `day: …`, indented under `group:` (one of monday, tuesday)",
    ].sort());
  });

  it("suggests the allowed value a writer meant, and a misspelt nested field", () => {
    const out = messages("title: T\ngroup:\n  day: tues\n  nte: x\n");
    assert.ok(out.some((l) => l.includes("group.day") && l.includes("did you mean `tuesday`?")), out.join("\n"));
    assert.ok(out.some((l) => l.includes("5:3  group.nte  unknown field `nte` → did you mean `note`?")), out.join("\n"));
  });

  it("names a list item as the writer counts, from 1, and keeps the field path as it is", () => {
    assert.deepEqual(messages("title: T\nitems:\n  - one\n  - 2\n  - Burnout: what helps?\n  -\n"), [
      'content/posts/2017-04-30-x.md:5:5  items[1]  item 2 of `items`: expected text, found a number → put it in quotes: - "2"',
      'content/posts/2017-04-30-x.md:6:5  items[2]  item 3 of `items` became a field named `Burnout`: YAML reads a colon followed by a space as the end of a field\'s name → put the text in quotes, so that the colon stays part of it: - "Burnout: what helps?"',
      "content/posts/2017-04-30-x.md:7:4  items[3]  item 4 of `items` is empty → write its text, or remove it from the list",
    ]);
  });

  it("a field that YAML read as a group because of a colon: the fix keeps its text", () => {
    assert.deepEqual(messages("title:\n  Night shift: who sleeps?\n"), [
      'content/posts/2017-04-30-x.md:2:1  title  `title` became a field named `Night shift`: YAML reads a colon followed by a space as the end of a field\'s name → put the text in quotes, so that the colon stays part of it: title: "Night shift: who sleeps?"',
    ]);
  });

  it("a value in curly quotes that is not allowed: the quotes are named", () => {
    assert.deepEqual(messages("title: T\ngroup:\n  day: “monday”\nflag: “true”\n"), [
      'content/posts/2017-04-30-x.md:4:3  group.day  the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value "“monday”" → write straight quotes: day: "monday"',
      'content/posts/2017-04-30-x.md:5:1  flag  the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value "“true”" → write it without quotes: flag: true',
    ]);
  });

  it("explains a value YAML read as a comment", () => {
    const out = messages("title: #hcldr\n");
    assert.deepEqual(out, ['content/posts/2017-04-30-x.md:2:1  title  `title` is empty: YAML reads everything after # as a comment → put the value in quotes: title: "#hcldr"']);
  });
});

describe("fieldWords", () => {
  it("counts list items from 1, and names topics T1, T2 as the page does", () => {
    assert.equal(fieldWords(["chat", "zone"]), "`chat.zone`");
    assert.equal(fieldWords(["topics", 1]), "topic T2");
    assert.equal(fieldWords(["tags", 0]), "item 1 of `tags`");
    assert.equal(fieldWords(["references", 2, "issued"]), "`issued` of item 3 of `references`");
    assert.equal(fieldWords(["references", 0, "author", 1, "family"]), "`family` of item 2 of `author` of item 1 of `references`");
  });
});
