// Front-matter slips that passed silently or got a poor fix: curly quotes around a whole value
// (a warning: the page would show them), a list in brackets split at a colon, a list in brackets
// whose next line is not indented, lines starting with %, and word-processor artefacts (a zero-width
// space in a field's name, en dashes for list items, a full-width colon).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseYamlForEngine, readYamlDocument, straightQuotedLine } from "../../lib/front-matter.ts";
import { SLIP_POST_FILE as FILE, loadLines as load, post, shown } from "../helpers/slip-post.ts";

/** `lines` with line `n` (1-based) replaced by `text`, or removed when `text` is null. */
const replaced = (lines: string[], fixes: Record<number, string | null>) => lines.flatMap((l, i) => (i + 1 in fixes ? (fixes[i + 1] === null ? [] : [fixes[i + 1]!]) : [l]));

describe("curly quotes around a whole value: a warning, with the line in straight quotes", () => {
  for (const [written, meant, fixed] of [
    ["title: “Listening to patients”", "Listening to patients", 'title: "Listening to patients"'],
    ["title: ‘Listening to patients’", "Listening to patients", 'title: "Listening to patients"'],
    ["title: „Zuhören“", "Zuhören", 'title: "Zuhören"'],
    ["title: «Écouter les patients»", "Écouter les patients", 'title: "Écouter les patients"'],
    ["title: ‘Writers’ block’", "Writers’ block", 'title: "Writers’ block"'],
    // A straight double quote inside: single quotes, with YAML's doubled apostrophe.
    ['title: “Say "hi" to the team”', 'Say "hi" to the team', "title: 'Say \"hi\" to the team'"],
    ["title: “It's \"new\"”", 'It\'s "new"', "title: 'It''s \"new\"'"],
    ["title: “C:\\temp notes”", "C:\\temp notes", 'title: "C:\\\\temp notes"'],
  ] as const) {
    it(`${written}: warned, the post still read, and the fix gives "${meant}"`, () => {
      const lines = post({ 2: written });
      const found = load(lines);
      assert.equal(found.diagnostics.length, 1, found.diagnostics.map(shown).join("\n"));
      const [d] = found.diagnostics;
      assert.equal(d!.severity, "warning");
      assert.equal(d!.line, 2);
      assert.equal(d!.column, 8);
      assert.equal(d!.field, "title");
      assert.match(d!.message, /^the value is written in curly quotes .+: YAML does not read them as quotes, so they are part of the text and shown with it: /);
      // The data is read as YAML reads it: the post is built, quotes and all, until fixed.
      assert.equal(found.post!.title, written.slice("title: ".length));
      assert.ok(d!.fix!.startsWith(`if the quotes are a slip, write straight quotes: ${fixed} (or, `), d!.fix);
      const again = load(replaced(lines, { 2: fixed }));
      assert.deepEqual(again.diagnostics.map(shown), []);
      assert.equal(again.post!.title, meant);
    });
  }

  it("the fix's second way keeps the curly quotes, in straight quotes, and is not warned of", () => {
    const lines = post({ 2: "title: “Listening to patients”" });
    const [d] = load(lines).diagnostics;
    const kept = /put them in straight quotes too: (.*)\)$/.exec(d!.fix!)![1]!;
    assert.equal(kept, 'title: "“Listening to patients”"');
    const again = load(replaced(lines, { 2: kept }));
    assert.deepEqual(again.diagnostics.map(shown), []);
    assert.equal(again.post!.title, "“Listening to patients”");
    // As the README says it: single quotes do too.
    const single = load(replaced(lines, { 2: "title: '“Listening to patients”'" }));
    assert.deepEqual(single.diagnostics.map(shown), []);
  });

  for (const written of ["title: The “patient voice” in care", "title: “Why?” she asked", "title: “A” and “B”", "title: ‘A’ and ‘B’", "title: Patients’ voices"]) {
    it(`${written}: curly quotes inside the text are the writer's own, and not warned of`, () => {
      assert.deepEqual(load(post({ 2: written })).diagnostics.map(shown), []);
    });
  }

  it("a topic written one per line: the item, with its - ", () => {
    const lines = post({ 7: "  - “Why listen?”" });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      '7:5  topics[0]  warning: the item is written in curly quotes “ ”: YAML does not read them as quotes, so they are part of the text and shown with it: “Why listen?” → if the quotes are a slip, write straight quotes: - "Why listen?" (or, to show the curly quotes on purpose, put them in straight quotes too: - "“Why listen?”")',
    ]);
    const again = load(replaced(lines, { 7: '  - "Why listen?"' }));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.post!.topics, ["Why listen?"]);
  });

  it("a list in brackets: one warning for the line, rewritten whole in its own form", () => {
    const lines = post({ 6: "topics: [“Why listen?”, How, ‘What next?’]", 7: [] });
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.equal(found[0]!.message, "the items are written in curly quotes “ ” and ‘ ’: YAML does not read them as quotes, so they are part of the text and shown with it: “Why listen?”, ‘What next?’");
    assert.match(found[0]!.fix!, /write straight quotes: topics: \["Why listen\?", How, "What next\?"\] \(or, /);
    const again = load(replaced(lines, { 6: 'topics: ["Why listen?", How, "What next?"]' }));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.post!.topics, ["Why listen?", "How", "What next?"]);
  });

  it("tags and a description, each on its own line", () => {
    const found = load(post({}, ["tags: [“nursing”, ethics]", "description: “A chat about care”"])).diagnostics;
    assert.deepEqual(found.map((d) => [d.severity, d.line, d.field]), [["warning", 8, "tags[0]"], ["warning", 9, "description"]]);
    assert.match(found[0]!.fix!, /write straight quotes: tags: \["nursing", ethics\] /);
    assert.match(found[1]!.fix!, /write straight quotes: description: "A chat about care" /);
  });

  it("a reference's title and its authors' names, as a citation would show them", () => {
    const found = load(post({}, [
      "references:",
      "  - id: doe2020",
      "    type: book",
      "    title: “Listening well”",
      "    author:",
      "      - family: ‘Doe’",
      "        given: Jane",
      "      - “Smith, John”",
      "    issued: 2020",
    ])).diagnostics;
    assert.deepEqual(found.map((d) => [d.severity, d.line, d.field]), [
      ["warning", 11, "references[0].title"],
      ["warning", 13, "references[0].author[0].family"],
      ["warning", 15, "references[0].author[1]"],
    ]);
    assert.match(found[0]!.fix!, /write straight quotes: title: "Listening well" /);
    assert.match(found[1]!.fix!, /write straight quotes: - family: "Doe" /);
    assert.match(found[2]!.fix!, /write straight quotes: - "Smith, John" /);
  });

  it("a value the schema refuses in curly quotes has the schema's error only, not a warning too", () => {
    const found = load(post({ 3: "date: “2017-04-30”", 5: ["  start: 2017-05-02T20:30", '  hashtag: “#hcldr”', "  zone: “Europe/London”"] }, [
      "image:", "  src: “/img/cat.png”", "  alt: A cat",
      "references:", "  - id: “doe2020”", "    type: “book”", "    title: A", "    issued: “2020”",
    ])).diagnostics;
    assert.ok(found.every((d) => d.severity === "error"), found.map(shown).join("\n"));
    assert.deepEqual(found.map((d) => d.field).sort(), ["chat.hashtag", "chat.zone", "date", "image.src", "references[0].id", "references[0].issued", "references[0].type"]);
  });

  it("a value over several lines: where each quote is, and which straight quote to write", () => {
    const lines = post({}, ["description: “A long chat", '  about "care"”']);
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1);
    assert.equal(found[0]!.line, 8);
    assert.equal(found[0]!.fix, "if the quotes are a slip, write ' in place of “ at the start of the value (line 8) and of ” at its end (line 9) (or, to show the curly quotes on purpose, put ' before the “ and after the ”)");
    const again = load(replaced(lines, { 8: "description: 'A long chat", 9: `  about "care"'` }));
    assert.deepEqual(again.diagnostics, []);
    assert.equal((again.post as { description?: string }).description, 'A long chat about "care"');
  });

  it("Eleventy's front-matter engine still gets the data of a post with only this warning", () => {
    const yaml = "title: “Listening to patients”\ndate: 2017-04-30\n";
    const doc = readYamlDocument(yaml, FILE, 2);
    assert.deepEqual(doc.diagnostics.map((d) => d.severity), ["warning"]);
    assert.deepEqual(doc.data, { title: "“Listening to patients”", date: "2017-04-30" });
    assert.deepEqual(parseYamlForEngine(yaml), { title: "“Listening to patients”", date: "2017-04-30" });
  });
});

describe("straightQuotedLine", () => {
  for (const [line, straight, kept] of [
    ["title: “A”", 'title: "A"', 'title: "“A”"'],
    ["  - ‘B: c’", '  - "B: c"', '  - "‘B: c’"'],
    ["tags: [“a”, b, 'c', “d, e”]", 'tags: ["a", b, \'c\', "d, e"]', "tags: [\"“a”\", b, 'c', \"“d, e”\"]"],
    ["image: {alt: “A cat”, src: x.png}", 'image: {alt: "A cat", src: x.png}', 'image: {alt: "“A cat”", src: x.png}'],
    ["title: The “patient voice”", "title: The “patient voice”", "title: The “patient voice”"],
    ["title: “A” and “B”", "title: “A” and “B”", "title: “A” and “B”"],
    ["title: “A” # a note", 'title: "A" # a note', 'title: "“A”" # a note'],
    ["title: '“A”'", "title: '“A”'", "title: '“A”'"],
  ] as const) {
    it(`${line} → ${straight}`, () => {
      assert.equal(straightQuotedLine(line), straight);
      assert.equal(straightQuotedLine(line, true), kept);
    });
  }
});

describe("a list in brackets split at a colon in curly quotes: the fix in the writer's own form", () => {
  it("topics: [“T1: why”, “T2: how”]: one error, the line rewritten whole in straight quotes", () => {
    const lines = post({ 6: "topics: [“Burnout: why”, “Staffing: how”]", 7: [] });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      '6:10  topics[0]  topic T1 and topic T2 became fields named `“Burnout` and `“Staffing`: YAML reads a colon followed by a space as the end of a field\'s name, and the quotes are curly quotes — YAML needs straight quotes " " → put the items in straight quotes, so that the colon stays part of them: `topics: ["Burnout: why", "Staffing: how"]`',
    ]);
    const again = load(replaced(lines, { 6: 'topics: ["Burnout: why", "Staffing: how"]' }));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.post!.topics, ["Burnout: why", "Staffing: how"]);
  });

  it("with another item in curly quotes on the line: the error's line fixes it too, and no warning repeats it", () => {
    const lines = post({ 6: "topics: [“Burnout: why”, Plain one, “What now?”]", 7: [] });
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.match(found[0]!.fix!, /`topics: \["Burnout: why", Plain one, "What now\?"\]`$/);
    const again = load(replaced(lines, { 6: 'topics: ["Burnout: why", Plain one, "What now?"]' }));
    assert.deepEqual(again.diagnostics, []);
  });

  it("numbered topics in brackets, no quotes: the line without the numbers", () => {
    const lines = post({ 6: "topics: [T1: Why join?, T2: How?]", 7: [] });
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.match(found[0]!.fix!, /^write them without the numbers: `topics: \[Why join\?, How\?\]`$/);
    assert.deepEqual(load(replaced(lines, { 6: "topics: [Why join?, How?]" })).post!.topics, ["Why join?", "How?"]);
  });

  it("over several lines: each item as it is written inside the brackets, not as a - line", () => {
    const found = load(post({ 6: "topics: [“Why: one”,", 7: "  “How: two”]" })).diagnostics;
    assert.deepEqual(found.map((d) => d.fix), [
      'put the text in straight quotes, so that the colon stays part of it, inside the brackets: "Why: one"',
      'put the text in straight quotes, so that the colon stays part of it, inside the brackets: "How: two"',
    ]);
  });
});

describe("a list in brackets whose next line is not indented", () => {
  it("topics: [a, then b] at the left edge: said on that line, with the list on one line", () => {
    const lines = post({ 6: "topics: [Why join?,", 7: "How?]" });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      "7:1  topics  this line goes on with the list in [ ] that opens on line 6, but it is not indented: YAML reads the lines of a list in [ ] after its first only when they are indented further than `topics:` → write it all on one line: `topics: [Why join?, How?]` (or indent line 7 with 2 spaces)",
    ]);
    assert.deepEqual(load(replaced(lines, { 6: "topics: [Why join?, How?]", 7: null })).post!.topics, ["Why join?", "How?"]);
    assert.deepEqual(load(replaced(lines, { 7: "  How?]" })).post!.topics, ["Why join?", "How?"]);
  });

  it("a group in braces, as a list in brackets", () => {
    const found = load(post({}, ["image: {src: /img/x.png,", "alt: A cat}"])).diagnostics;
    assert.equal(found[0]!.line, 9);
    assert.match(found[0]!.message, /group in \{ \} that opens on line 8, but it is not indented/);
    assert.match(found[0]!.fix!, /`image: \{src: \/img\/x\.png, alt: A cat\}`/);
  });

  it("a closing ] alone at the left edge, which YAML only warns of, loses nothing", () => {
    const found = load(post({ 6: "topics: [Why join?,", 7: ["  How?", "]"] }));
    assert.deepEqual(found.diagnostics, []);
    assert.deepEqual(found.post!.topics, ["Why join?", "How?"]);
  });
});

describe("a line starting with %: a directive to YAML", () => {
  it("%YAML 1.2 at the top: said on its line, and the fields below it still checked", () => {
    const lines = post({ 2: ["%YAML 1.2", "title: Online communities"], 5: "  start: 2017-05-02T25:30" });
    const found = load(lines).diagnostics;
    assert.equal(shown(found[0]!), "2:1  `%YAML 1.2` is a YAML directive (an instruction to YAML itself), which front matter cannot have → delete line 2");
    // Read as if it were deleted: the wrong time below it is told in the same run.
    assert.ok(found.some((d) => d.field === "chat.start"), found.map(shown).join("\n"));
    assert.deepEqual(load(replaced(lines, { 2: null, 6: "  start: 2017-05-02T20:30" })).diagnostics, []);
  });

  it("%TAG among the fields", () => {
    const found = load(post({}, ["%TAG ! tag:example.org,2000:"])).diagnostics;
    assert.deepEqual(found.map(shown), ["8:1  `%TAG ! tag:example.org,2000:` is a YAML directive (an instruction to YAML itself), which front matter cannot have → delete line 8"]);
  });

  for (const at of [2, 3]) {
    it(`% before a field's name (line ${at}): the line without it, and the field kept`, () => {
      const written = at === 2 ? "% title: Online communities" : "%date: 2017-04-30";
      const lines = post({ [at]: written });
      const found = load(lines).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      const fixed = written.replace(/^%\s*/, "");
      assert.equal(found[0]!.line, at);
      assert.equal(found[0]!.fix, `delete the %, so that the line reads \`${fixed}\``);
      assert.deepEqual(load(replaced(lines, { [at]: fixed })).diagnostics, []);
    });
  }

  it("a stray % at the start of a line below a value: how to keep it as text", () => {
    const lines = post({}, ["description: Fifty", "% of nurses"]);
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.equal(found[0]!.line, 9);
    assert.match(found[0]!.message, /^a line cannot start with %/);
    assert.match(found[0]!.fix!, /indent it with two spaces: `  % of nurses`/);
    const again = load(replaced(lines, { 9: "  % of nurses" }));
    assert.deepEqual(again.diagnostics, []);
    assert.equal((again.post as { description?: string }).description, "Fifty % of nurses");
  });
});

describe("word-processor artefacts", () => {
  it("a zero-width space in a field's name: named, not 'unknown field `title`, did you mean `title`?'", () => {
    const lines = post({ 2: "ti\u200btle: Online communities" });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      "2:3  title  the field name `title` has an invisible character in it (a zero-width space, U+200B), so YAML reads it as a field of another name that only looks like `title` → delete the field's name and type it again, so that the line reads `title: Online communities`",
    ]);
  });

  it("a zero-width space before a field of a group: the other fields still checked", () => {
    const found = load(post({ 5: "  \u200bstart: 2017-05-02T20:30", 3: "date: 2017-04-31" })).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[5, "chat.start"], [3, "date"]]);
  });

  it("a non-breaking space before the colon: the line as it should read", () => {
    const lines = post({ 2: "title\u00a0: Online communities" });
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1);
    assert.match(found[0]!.fix!, /`title: Online communities`$/);
  });

  it("en dashes for list items below their field: one error, the lines with hyphens", () => {
    const lines = post({ 7: ["  – Should vendors join?", "  – What next?"] });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      '7:3  topics  lines 7–8 start with an en dash –, not the hyphen - that starts a list item in YAML: they are read as one text, "– Should vendors join? – What next?" → write a hyphen - in place of each: `  - Should vendors join?` and `  - What next?`',
    ]);
    assert.deepEqual(load(replaced(lines, { 7: "  - Should vendors join?", 8: "  - What next?" })).post!.topics, ["Should vendors join?", "What next?"]);
  });

  it("bullets and em dashes at the left edge: one error, on the first", () => {
    const lines = post({ 7: ["• Should vendors join?", "— What next?"] });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      "7:1  lines 7–8 start with a bullet •, not the hyphen - that starts a list item in YAML → write a hyphen - in place of each: `- Should vendors join?` and `- What next?`",
    ]);
  });

  it("a full-width colon after a field's name", () => {
    const lines = post({ 3: "date：2017-04-30" });
    assert.deepEqual(load(lines).diagnostics.map(shown), [
      "3:5  date  the colon after `date` is a full-width colon ：, which looks like a colon but is not the : that YAML reads after a field's name → write the line with an ordinary colon and a space after it: `date: 2017-04-30`",
    ]);
    assert.deepEqual(load(replaced(lines, { 3: "date: 2017-04-30" })).diagnostics, []);
  });

  it("a full-width colon YAML reads as part of a field's name (an ordinary colon later on the line)", () => {
    const lines = post({}, ["description：A chat: about care"]);
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map(shown), [
      "8:12  description  the colon after `description` is a full-width colon ：, which looks like a colon but is not the : that YAML reads after a field's name → write the line with an ordinary colon and a space after it: `description: \"A chat: about care\"`",
    ]);
    const again = load(replaced(lines, { 8: 'description: "A chat: about care"' }));
    assert.deepEqual(again.diagnostics, []);
  });
});
