// A value whose error has its cause in how it is written: in curly quotes (“…”, which YAML keeps
// as part of the value) refused by a check after the schema (a zone, an image file, a chat's start,
// a reference's id, type, date or DOI); with an invisible character pasted into it (a zero-width
// space, a soft hyphen, a byte order mark, a non-breaking space); and a field name in curly quotes.
// Each is one diagnostic naming the cause, with the fixed line; applying that line gives a clean check.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { loadLines, post, shown, slipContext } from "../helpers/slip-post.ts";

const ctx = slipContext(new Set(["content/posts/team.png"]));

/** A chat with `line` below its start (line 6). */
const chat = (line: string) => post({ 5: ["  start: 2017-05-02T20:30", line] });
/** A reference (lines 8–14) with `field: value` in place of its own (or added, for DOI). */
function reference(field: string, value: string): string[] {
  const own: Record<string, string> = { id: "smith2020", type: "article-journal", issued: "2020-01-02" };
  return post({}, [
    "references:",
    `  - id: ${field === "id" ? value : own.id}`,
    `    type: ${field === "type" ? value : own.type}`,
    "    title: A study of online communities",
    '    author: "Smith, Jo"',
    `    issued: ${field === "issued" ? value : own.issued}`,
    `    DOI: ${field === "DOI" ? value : "10.1000/xyz"}`,
  ]);
}
const load = (lines: string[]) => loadLines(lines, ctx);

/** The line a fix gives: after "so that the line reads `…`", or after the last ": " that starts it. */
function fixedLine(fix: string): string {
  const reads = /so that the line reads `(.*)`$/.exec(fix);
  if (reads) return reads[1]!;
  const m = /^write (?:it without quotes|straight quotes): (.*)$/.exec(fix);
  assert.ok(m, `a fix with a line: ${fix}`);
  return m[1]!;
}
/** `lines` with the fix's line in place of line `n`, indented as it is (and its `- `, when the fix has only the field). */
function applied(lines: string[], n: number, fix: string): string[] {
  const line = fixedLine(fix);
  const was = lines[n - 1]!;
  const head = line.startsWith("- ") ? "- " : line.slice(0, line.indexOf(":") + 1);
  const at = was.indexOf(head);
  const prefix = at >= 0 ? was.slice(0, at) : /^\s*/.exec(was)![0];
  return lines.map((l, i) => (i === n - 1 ? prefix + line : l));
}
/** The one diagnostic `lines` give, asserted to be the only one. */
function only(lines: string[]): Diagnostic {
  const found = load(lines).diagnostics;
  assert.equal(found.length, 1, found.map(shown).join("\n"));
  return found[0]!;
}
function clean(lines: string[]) {
  const again = load(lines);
  assert.deepEqual(again.diagnostics.map(shown), []);
  assert.ok(again.post, "the post is built");
  return again.post!;
}

const curly = (value: string) => `the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value ${JSON.stringify(value)}`;

describe("a value in curly quotes refused by a check after the schema: the quotes are named, once", () => {
  for (const [name, lines, line, column, field, message, fix] of [
    ["chat.zone", chat("  zone: “Europe/London”"), 6, 3, "chat.zone", curly("“Europe/London”"), "write it without quotes: zone: Europe/London"],
    ["image.src", post({}, ["image:", "  src: “team.png”", "  alt: The team at the meetup"]), 9, 3, "image.src", curly("“team.png”"), "write it without quotes: src: team.png"],
    ["chat.start", post({ 5: "  start: “2017-05-02T20:30”" }), 5, 3, "chat.start", curly("“2017-05-02T20:30”"), "write it without quotes: start: 2017-05-02T20:30"],
    ["a reference's id", reference("id", "“smith2020”"), 9, 5, "references[0].id", `reference "smith2020": ${curly("“smith2020”")}`, "write it without quotes: id: smith2020"],
    ["a reference's type", reference("type", "“article-journal”"), 10, 5, "references[0].type", `reference "smith2020": ${curly("“article-journal”")}`, "write it without quotes: type: article-journal"],
    ["a reference's issued", reference("issued", "“2020-01-02”"), 13, 5, "references[0].issued", `reference "smith2020": ${curly("“2020-01-02”")}`, "write it without quotes: issued: 2020-01-02"],
    ["a reference's DOI", reference("DOI", "“10.1000/xyz”"), 14, 5, "references[0].DOI", `reference "smith2020": ${curly("“10.1000/xyz”")}`, "write it without quotes: DOI: 10.1000/xyz"],
    // Refused by the schema itself, as before: the same words.
    ["chat.hashtag", chat("  hashtag: “#hcldr”"), 6, 3, "chat.hashtag", curly("“#hcldr”"), 'write straight quotes: hashtag: "#hcldr"'],
    ["date", post({ 3: "date: “2017-04-30”" }), 3, 1, "date", curly("“2017-04-30”"), 'write straight quotes: date: "2017-04-30"'],
    ["chat.duration", chat("  duration: “60”"), 6, 3, "chat.duration", curly("“60”"), "write it without quotes: duration: 60"],
    ["chat.url", chat("  url: “https://example.org/chat”"), 6, 3, "chat.url", curly("“https://example.org/chat”"), 'write straight quotes: url: "https://example.org/chat"'],
  ] as const) {
    it(`${name}: one error at ${line}:${column}, and the fixed line gives a clean check`, () => {
      const d = only([...lines]);
      assert.deepEqual(
        { severity: d.severity, line: d.line, column: d.column, field: d.field, message: d.message, fix: d.fix },
        { severity: "error", line, column, field, message, fix },
      );
      clean(applied([...lines], line, fix));
    });
  }

  it("the fixed zone is the post's zone", () => {
    const lines = chat("  zone: “Europe/London”");
    const fixed = clean(applied(lines, 6, only(lines).fix!));
    assert.equal(fixed.chat!.zone, "Europe/London");
  });

  it("single curly quotes ‘ ’ are named as they are", () => {
    const d = only(chat("  zone: ‘Asia/Kolkata’"));
    assert.equal(d.message, 'the quotes are curly quotes ‘ ’ — YAML needs straight quotes " ", so they became part of the value "‘Asia/Kolkata’"');
    assert.equal(d.fix, "write it without quotes: zone: Asia/Kolkata");
  });

  it("two such values: each told, every problem at once", () => {
    const lines = post({ 5: ["  start: 2017-05-02T20:30", "  zone: “Europe/London”"] }, ["image:", "  src: “team.png”", "  alt: The team"]);
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field, d.fix]), [
      [6, "chat.zone", "write it without quotes: zone: Europe/London"],
      [10, "image.src", "write it without quotes: src: team.png"],
    ]);
    clean(applied(applied(lines, 6, found[0]!.fix!), 10, found[1]!.fix!));
  });

  it("an error about the field, not its value (`url:` out of its group), keeps its own words", () => {
    const found = load(post({}, ["url: “https://example.org/chat”"])).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.equal(found[0]!.field, "url");
    assert.match(found[0]!.message, /^`url` is a field of `chat`, but it is not indented below `chat:`$/);
  });

  it("a wrong zone in straight quotes keeps the zone's own error", () => {
    const d = only(chat('  zone: "Europe/Londn"'));
    assert.doesNotMatch(d.message, /curly/);
    assert.match(d.message, /Europe\/Londn/);
  });
});

describe("an invisible character inside an identifier: an error naming it and its column", () => {
  for (const [name, lines, line, column, field, message, fixed] of [
    ["a hashtag", chat('  hashtag: "#hc\u200bldr"'), 6, 16, "chat.hashtag",
      "the value `#hcldr` has an invisible character in it (a zero-width space, U+200B, at column 16): YAML keeps it as part of the value, which only looks like `#hcldr`",
      'hashtag: "#hcldr"'],
    ["a zone, a non-breaking space after it", chat("  zone: Europe/London\u00a0"), 6, 22, "chat.zone",
      "the value `Europe/London` has an invisible character in it (a non-breaking space, U+00A0, at column 22): YAML keeps it as part of the value, which only looks like `Europe/London`",
      "zone: Europe/London"],
    ["a zone, a zero-width joiner inside", chat("  zone: Europe/\u200dLondon"), 6, 16, "chat.zone",
      "the value `Europe/London` has an invisible character in it (a zero-width joiner, U+200D, at column 16): YAML keeps it as part of the value, which only looks like `Europe/London`",
      "zone: Europe/London"],
    ["a tag, a soft hyphen", post({}, ["tags: [nurs\u00adsing, care]"]), 8, 12, "tags[0]",
      "the value `nurssing` has an invisible character in it (a soft hyphen, U+00AD, at column 12): YAML keeps it as part of the value, which only looks like `nurssing`: it makes a tag of its own, whose page looks like the page of `nurssing`",
      "tags: [nurssing, care]"],
    ["a tag, a zero-width space at its end", post({}, ["tags:", "  - community", "  - nursing\u200b"]), 10, 12, "tags[1]",
      "the value `nursing` has an invisible character in it (a zero-width space, U+200B, at column 12): YAML keeps it as part of the value, which only looks like `nursing`: it makes a tag of its own, whose page looks like the page of `nursing`",
      "- nursing"],
    ["the date", post({ 3: "date: 2017-04-30\u200b" }), 3, 17, "date",
      "the value `2017-04-30` has an invisible character in it (a zero-width space, U+200B, at column 17): YAML keeps it as part of the value, which only looks like `2017-04-30`",
      "date: 2017-04-30"],
    ["the chat's start", post({ 5: "  start: 2017-05-02T20:30\u200b" }), 5, 26, "chat.start",
      "the value `2017-05-02T20:30` has an invisible character in it (a zero-width space, U+200B, at column 26): YAML keeps it as part of the value, which only looks like `2017-05-02T20:30`",
      "start: 2017-05-02T20:30"],
    ["the chat's url", chat("  url: https://example.org/\u200bchat"), 6, 28, "chat.url",
      "the value `https://example.org/chat` has an invisible character in it (a zero-width space, U+200B, at column 28): YAML keeps it as part of the value, which only looks like `https://example.org/chat`",
      "url: https://example.org/chat"],
    ["a reference's id", reference("id", "smith\u200b2020"), 9, 14, "references[0].id",
      "the value `smith2020` has an invisible character in it (a zero-width space, U+200B, at column 14): YAML keeps it as part of the value, which only looks like `smith2020`",
      "- id: smith2020"],
    ["a reference's type, a byte order mark", reference("type", "article-journal\ufeff"), 10, 26, "references[0].type",
      "the value `article-journal` has an invisible character in it (a byte order mark, U+FEFF, at column 26): YAML keeps it as part of the value, which only looks like `article-journal`",
      "type: article-journal"],
    ["a reference's DOI", reference("DOI", "10.1000/\u200bxyz"), 14, 18, "references[0].DOI",
      "the value `10.1000/xyz` has an invisible character in it (a zero-width space, U+200B, at column 18): YAML keeps it as part of the value, which only looks like `10.1000/xyz`",
      "DOI: 10.1000/xyz"],
    ["a reference's issued", reference("issued", "2020-01-02\u200b"), 13, 23, "references[0].issued",
      "the value `2020-01-02` has an invisible character in it (a zero-width space, U+200B, at column 23): YAML keeps it as part of the value, which only looks like `2020-01-02`",
      "issued: 2020-01-02"],
  ] as const) {
    it(`${name}: one error at ${line}:${column}, its later check's error left out, and the line without it is clean`, () => {
      const d = only([...lines]);
      assert.deepEqual(
        { severity: d.severity, line: d.line, column: d.column, field: d.field, message: d.message, fix: d.fix },
        { severity: "error", line, column, field, message, fix: `delete the value and type it again, so that the line reads \`${fixed}\`` },
      );
      clean(applied([...lines], line, d.fix!));
    });
  }

  it("several in one value: counted, the first one's column", () => {
    const d = only(chat("  zone: \u200bEurope/Lon\u200bdon"));
    assert.equal(d.column, 9);
    assert.match(d.message, /^the value `Europe\/London` has 2 invisible characters in it \(a zero-width space, U\+200B, the first at column 9\)/);
    assert.equal(d.fix, "delete the value and type it again, so that the line reads `zone: Europe/London`");
  });

  it("written as an escape in quotes: told where the value starts, the fix with the value typed plainly", () => {
    const lines = chat('  hashtag: "#hc\\u200bldr"');
    const d = only(lines);
    assert.deepEqual([d.severity, d.line, d.column, d.field], ["error", 6, 12, "chat.hashtag"]);
    assert.equal(d.fix, 'delete the value and type it again, so that the line reads `hashtag: "#hcldr"`');
    clean(applied(lines, 6, d.fix!));
  });

  it("a non-breaking space between a tag's words: the fix has an ordinary one", () => {
    const lines = post({}, ["tags: [night\u00a0shift]"]);
    const d = only(lines);
    assert.equal(d.fix, "delete the value and type it again, so that the line reads `tags: [night shift]`");
    assert.deepEqual(clean(applied(lines, 8, d.fix!)).tags, ["night shift"]);
  });
});

describe("an invisible character inside text: a warning, the post built as it is", () => {
  it("a zero-width space in the title", () => {
    const lines = post({ 2: "title: Online\u200b communities" });
    const found = load(lines);
    assert.equal(found.diagnostics.length, 1, found.diagnostics.map(shown).join("\n"));
    const d = found.diagnostics[0]!;
    assert.deepEqual(
      { severity: d.severity, line: d.line, column: d.column, field: d.field, message: d.message, fix: d.fix },
      {
        severity: "warning", line: 2, column: 14, field: "title",
        message: "the text has an invisible character in it (a zero-width space, U+200B, at column 14): it is published with the text, where it can split a word for search and for screen readers",
        fix: "delete it (type the words around it again), so that the line reads `title: Online communities`",
      },
    );
    assert.equal(found.post!.title, "Online\u200b communities");
    assert.equal(clean(applied(lines, 2, d.fix!)).title, "Online communities");
  });

  it("a soft hyphen in a topic, on the line it is typed", () => {
    const lines = post({ 7: "  - Should ven\u00addors join?" });
    const d = only(lines);
    assert.deepEqual([d.severity, d.line, d.column, d.field], ["warning", 7, 15, "topics[0]"]);
    assert.equal(d.fix, "delete it (type the words around it again), so that the line reads `- Should vendors join?`");
    clean(applied(lines, 7, d.fix!));
  });

  it("on the second line of a title written over two", () => {
    const lines = post({ 2: ["title: Online communities", "  and their\u200b sponsors"] });
    const d = only(lines);
    assert.deepEqual([d.severity, d.line, d.column, d.field], ["warning", 3, 12, "title"]);
    assert.equal(d.fix, "delete it (type the words around it again), so that the line reads `and their sponsors`");
  });

  for (const [name, title] of [
    ["a zero-width joiner in an emoji (👩‍⚕️)", "Nurses \u{1F469}\u200d\u2695\ufe0f online"],
    ["a non-breaking space that keeps 10 pm together", "The chat at 10\u00a0pm"],
    ["a soft hyphen written as an escape, on purpose", '"Gesundheits\\u00adkommunikation"'],
  ] as const) {
    it(`${name}: nothing said`, () => {
      assert.deepEqual(load(post({ 2: `title: ${title}` })).diagnostics.map(shown), []);
    });
  }
});

describe("a field name in curly quotes: the quotes named, not an unknown field", () => {
  for (const [name, lines, line, column, field, message, fixed] of [
    ["“description”", post({}, ["“description”: A chat about vendors"]), 8, 1, "description",
      "the field name `description` is written in curly quotes “ ”: YAML does not read them as quotes, so they are part of the name, and `“description”` is not a field",
      "description: A chat about vendors"],
    ["‘author’", post({}, ["‘author’: Dana Whitfield"]), 8, 1, "author",
      "the field name `author` is written in curly quotes ‘ ’: YAML does not read them as quotes, so they are part of the name, and `‘author’` is not a field",
      "author: Dana Whitfield"],
    ["“zone” in the chat", chat("  “zone”: Europe/London"), 6, 3, "chat.zone",
      "the field name `zone` is written in curly quotes “ ”: YAML does not read them as quotes, so they are part of the name, and `“zone”` is not a field",
      "zone: Europe/London"],
  ] as const) {
    it(`${name}: one error at ${line}:${column}, and the line without them is clean`, () => {
      const d = only([...lines]);
      assert.deepEqual(
        { severity: d.severity, line: d.line, column: d.column, field: d.field, message: d.message, fix: d.fix },
        { severity: "error", line, column, field, message, fix: `write the name without quotes, so that the line reads \`${fixed}\`` },
      );
      clean(applied([...lines], line, d.fix!));
    });
  }

  it("a name in curly quotes that is no field here keeps the unknown field's words", () => {
    const d = only(post({}, ["“summary”: A chat"]));
    assert.match(d.message, /^unknown field `“summary”`/);
  });
});
