// Unit tests of the zod-issue translator: what is expected and what was found, in plain
// words, with a concrete fix.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
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
      "content/posts/2017-04-30-x.md:5:1  flag  expected true or false, found text → write `flag: true` or `flag: false` (without quotes)",
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

  it("explains a value YAML read as a comment", () => {
    const out = messages("title: #hcldr\n");
    assert.deepEqual(out, ['content/posts/2017-04-30-x.md:2:1  title  `title` is empty: YAML reads everything after # as a comment → put the value in quotes: title: "#hcldr"']);
  });
});
