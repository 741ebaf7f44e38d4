// The site settings file (content/_data/site.yaml) gets the slips a post's front matter gets:
// a list in brackets whose next line is not indented, lines starting with %, a word
// processor's dashes, bullets, full-width colons and curly quotes, a missing space after a
// colon, and invisible characters in values and field names. Each is told with the file, the
// line, the column and the fix, and the rest of the file is still checked in the same run
// (a wrong weekday on line 11 is told with each). Values with characters that belong in them
// (a non-breaking space or an emoji in the title, a byte order mark, Windows line ends) give nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { parseSettings } from "../../lib/settings.ts";

const FIXTURE = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const REPO = readFileSync(new URL("../../content/_data/site.yaml", import.meta.url), "utf8");
const LINES = FIXTURE.split("\n");

/** The fixture's settings with lines replaced by their 1-based number (an array puts several lines in place of one). */
const edited = (at: Record<number, string | string[]>) => LINES.flatMap((l, i) => (i + 1 in at ? at[i + 1]! : [l])).join("\n");
const WEEKDAY = { 11: "  weekday: tusday" };
const WEEKDAY_ERROR =
  'content/_data/site.yaml:11:3  chat.weekday  "tusday" is not one of the values allowed here → did you mean `tuesday`? (allowed: `monday`, `tuesday`, `wednesday`, `thursday`, `friday`, `saturday`, `sunday`)';

const printed = (text: string) => parseSettings(text).diagnostics.map(formatDiagnostic).sort();

/** `text` with the fix's line (`…, so that the line reads \`x\``) in place of the diagnostic's line, at its indentation. */
function applied(text: string, d: Diagnostic): string {
  const m = /so that the line reads `([^`]*)`/.exec(d.fix ?? "");
  assert.ok(m, `no line in the fix: ${d.fix}`);
  const lines = text.split("\n");
  const indent = /^[ \t]*/.exec(lines[d.line! - 1]!)![0];
  lines[d.line! - 1] = indent + m[1]!.trimStart();
  return lines.join("\n");
}

describe("the settings file's slips are told as a post's are, with the rest of the file checked", () => {
  const cases: Array<[string, Record<number, string | string[]>, string]> = [
    [
      "a list in brackets whose next line is not indented",
      { 20: ["  locale: en-US", '  bibliography: ["content/a.bib",', '  "content/b.bib"]'] },
      'content/_data/site.yaml:22:3  citations.bibliography  this line goes on with the list in [ ] that opens on line 21, but it is not indented: YAML reads the lines of a list in [ ] after its first only when they are indented further than `bibliography:` → write it all on one line: `bibliography: ["content/a.bib", "content/b.bib"]` (or indent line 22 with 4 spaces)',
    ],
    [
      "a field's line starting with %",
      { 7: "% author: Care Leaders Chat team" },
      "content/_data/site.yaml:7:1  author  a line cannot start with %: YAML reads it as a directive (an instruction to YAML itself), so `author` is not read as a field → delete the %, so that the line reads `author: Care Leaders Chat team`",
    ],
    [
      "a YAML directive",
      { 1: "%YAML 1.2" },
      "content/_data/site.yaml:1:1  `%YAML 1.2` is a YAML directive (an instruction to YAML itself), which this file cannot have → delete line 1",
    ],
    [
      "list items with en dashes",
      { 20: ["  locale: en-US", "  bibliography:", "    – content/a.bib", "    – content/b.bib"] },
      'content/_data/site.yaml:22:5  citations.bibliography  lines 22–23 start with an en dash –, not the hyphen - that starts a list item in YAML: they are read as one text, "– content/a.bib – content/b.bib" → write a hyphen - in place of each: `    - content/a.bib` and `    - content/b.bib`',
    ],
    [
      "a list item with a bullet",
      { 20: ["  locale: en-US", "  bibliography:", "    • content/a.bib"] },
      'content/_data/site.yaml:22:5  citations.bibliography  line 22 starts with a bullet •, not the hyphen - that starts a list item in YAML: it is read as one text, "• content/a.bib" → write a hyphen - in place of it: `    - content/a.bib`',
    ],
    [
      "a full-width colon",
      { 7: "author：Care Leaders Chat team" },
      "content/_data/site.yaml:7:7  author  the colon after `author` is a full-width colon ：, which looks like a colon but is not the : that YAML reads after a field's name → write the line with an ordinary colon and a space after it: `author: Care Leaders Chat team`",
    ],
    [
      "a full-width colon in a line YAML reads as another field's name",
      { 3: "description：A weekly chat: about care" },
      'content/_data/site.yaml:3:12  description  the colon after `description` is a full-width colon ：, which looks like a colon but is not the : that YAML reads after a field\'s name → write the line with an ordinary colon and a space after it: `description: "A weekly chat: about care"`',
    ],
    [
      "no space after a colon",
      { 2: "title:Fixture Chat" },
      "content/_data/site.yaml:2:6  title  `title:Fixture Chat` needs a space after the colon: without it, YAML does not read `title` as a field → add a space after the colon: title: Fixture Chat",
    ],
    [
      "no space after a colon, before a value that reads like a sentence",
      { 3: "description:A weekly online chat about leading change in healthcare, for each week." },
      "content/_data/site.yaml:3:12  description  `description:A weekly online chat about leading change in healthcare, for each week.` needs a space after the colon: without it, YAML does not read `description` as a field → add a space after the colon: description: A weekly online chat about leading change in healthcare, for each week.",
    ],
    [
      "a zone in curly quotes",
      { 10: "  zone: “America/New_York”              # IANA time zone" },
      'content/_data/site.yaml:10:3  chat.zone  the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value "“America/New_York”" → write it without quotes: zone: America/New_York',
    ],
  ];
  for (const [name, at, expected] of cases) {
    it(`${name}: told, and the weekday's error too`, () => {
      const { settings, diagnostics } = parseSettings(edited({ ...WEEKDAY, ...at }));
      assert.equal(settings, undefined);
      assert.deepEqual(diagnostics.map(formatDiagnostic).sort(), [expected, WEEKDAY_ERROR].sort());
    });
  }
});

describe("invisible characters in the settings: an error in what names something, a warning in text", () => {
  const errors: Array<[string, number, string, string, number, string, string]> = [
    // name, line, written, field, column, character, the line as fixed
    ["a zero-width space in the zone", 10, "  zone: America/New\u200b_York", "chat.zone", 20, "a zero-width space, U+200B", "zone: America/New_York"],
    ["a non-breaking space in the zone: _ in its place", 10, "  zone: America/New\u00a0York", "chat.zone", 20, "a non-breaking space, U+00A0", "zone: America/New_York"],
    ["a zero-width space in the address", 4, "url: https://careleaders\u200b.example/", "url", 25, "a zero-width space, U+200B", "url: https://careleaders.example/"],
    ["a byte order mark in the hashtag", 14, '  hashtag: "#fix\ufeffchat"', "chat.hashtag", 17, "a byte order mark, U+FEFF", 'hashtag: "#fixchat"'],
    ["a word joiner in the language", 6, "language: en\u2060-US", "language", 13, "a word joiner, U+2060", "language: en-US"],
  ];
  for (const [name, line, written, field, column, character, fixed] of errors) {
    it(`${name}: an error naming it, its column and the line without it; the fix reads clean`, () => {
      const text = edited({ ...WEEKDAY, [line]: written });
      const { settings, diagnostics } = parseSettings(text);
      assert.equal(settings, undefined);
      const told = diagnostics.filter((d) => d.field === field);
      assert.equal(told.length, 1, diagnostics.map(formatDiagnostic).join("\n"));
      const d = told[0]!;
      assert.deepEqual([d.file, d.severity, d.line, d.column], ["content/_data/site.yaml", "error", line, column]);
      assert.ok(d.message.includes(`has an invisible character in it (${character}, at column ${column}): YAML keeps it as part of the value`), d.message);
      assert.equal(d.fix, `delete the value and type it again, so that the line reads \`${fixed}\``);
      // Told once: the zone's or the hashtag's own check does not repeat it; the weekday is still checked.
      assert.deepEqual(diagnostics.filter((x) => x !== d).map(formatDiagnostic), [WEEKDAY_ERROR]);
      assert.deepEqual(parseSettings(applied(text, d).replace("tusday", "tuesday")).diagnostics, []);
    });
  }

  it("a zero-width space in a field's name: the field named, not an unknown one", () => {
    const text = edited({ 7: "au\u200bthor: Care Leaders Chat team" });
    assert.deepEqual(printed(text), [
      "content/_data/site.yaml:7:3  author  the field name `author` has an invisible character in it (a zero-width space, U+200B), so YAML reads it as a field of another name that only looks like `author` → delete the field's name and type it again, so that the line reads `author: Care Leaders Chat team`",
    ]);
  });

  for (const [name, line, written, field, column, character, fixed] of [
    ["a zero-width space in the title", 2, "title: Fixture\u200b Chat", "title", 15, "a zero-width space, U+200B", "title: Fixture Chat"],
    ["a soft hyphen in the author", 7, "author: Care Lead\u00aders Chat team", "author", 18, "a soft hyphen, U+00AD", "author: Care Leaders Chat team"],
  ] as const) {
    it(`${name}: a warning, and the settings are read`, () => {
      const text = edited({ [line]: written });
      const { settings, diagnostics } = parseSettings(text);
      assert.ok(settings);
      assert.deepEqual(diagnostics.map((d) => [d.file, d.severity, d.line, d.column, d.field]), [["content/_data/site.yaml", "warning", line, column, field]]);
      assert.equal(
        diagnostics[0]!.message,
        `the text has an invisible character in it (${character}, at column ${column}): it is published with the text, where it can split a word for search and for screen readers`,
      );
      assert.equal(diagnostics[0]!.fix, `delete it (type the words around it again), so that the line reads \`${fixed}\``);
      assert.deepEqual(parseSettings(applied(text, diagnostics[0]!)).diagnostics, []);
    });
  }
});

describe("curly quotes around a whole value in the settings: a warning with the line in straight quotes", () => {
  it("the title: warned, the settings read as written", () => {
    const { settings, diagnostics } = parseSettings(edited({ 2: "title: “Fixture Chat”" }));
    assert.equal(settings?.title, "“Fixture Chat”");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'content/_data/site.yaml:2:8  title  warning: the value is written in curly quotes “ ”: YAML does not read them as quotes, so they are part of the text and shown with it: “Fixture Chat” → if the quotes are a slip, write straight quotes: title: "Fixture Chat" (or, to show the curly quotes on purpose, put them in straight quotes too: title: "“Fixture Chat”")',
    ]);
    assert.deepEqual(parseSettings(edited({ 2: 'title: "Fixture Chat"' })).diagnostics, []);
  });

  it("a value with a comment after it: the comment kept in the fix", () => {
    const { diagnostics } = parseSettings(edited({ 15: "  platform: ‘Bluesky’ # where the chat happens" }));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.line, d.column, d.field]), [["warning", 15, 13, "chat.platform"]]);
    assert.match(diagnostics[0]!.fix!, /^if the quotes are a slip, write straight quotes: platform: "Bluesky" # where the chat happens \(/);
  });
});

describe("settings with characters that belong in them give nothing", () => {
  for (const [name, text] of [
    ["the repository's settings", REPO],
    ["the fixture site's settings", FIXTURE],
    ["a non-breaking space between words, a narrow one before pm, an emoji with its joiner", edited({ 2: "title: Fixture\u00a0Chat", 3: "description: A chat at 8:30\u202fpm 👩‍⚕️ about care" })],
    ["curly quotes inside a text, and curly quotes kept on purpose in straight ones", edited({ 2: "title: The “patient voice” chat", 7: "author: '“Care Leaders”'" })],
    ["a byte order mark at the start of the file (Notepad's UTF-8)", `\ufeff${FIXTURE}`],
    ["Windows line ends", FIXTURE.replace(/\n/g, "\r\n")],
    ["a comment in the file starting with # after a value", edited({ 12: '  time: "20:30" #8:30 pm' })],
  ] as const) {
    it(name, () => {
      const { settings, diagnostics } = parseSettings(text);
      assert.deepEqual(diagnostics.map(formatDiagnostic), []);
      assert.ok(settings);
    });
  }
});
