// The six findings of a site-level fuzz audit (/tmp/fz/findings.md), each fix applied and checked
// again: a bullet on one item of a list (named, every item's line given); a `#note` after a date,
// a time or a number (a note, as YAML reads it, never quoted into the value); the direction marks
// (invisible in numbers, dates, ids and field names; a right-to-left text's own in text); a byte
// order mark at a .bib number's end (trimmed, as citeproc-js prints it); CSL JSON syntax errors
// (line, column, the slip in words, the line mended); a form feed at a .bib number's end (deleted).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseBibliographyFile } from "../../lib/bibliography.ts";
import { formatBibliography, prepareEngine } from "../../lib/citations.ts";
import { invisibleName } from "../../lib/csl-normalise.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { parseSettings } from "../../lib/settings.ts";
import { controlCharacterProblems, withoutControlCharacters } from "../../lib/text-encoding.ts";
import { loadLines as load, post, shown } from "../helpers/slip-post.ts";

/** `lines` with the lines a fix gives (`so that lines N–M read: `a`, `b` and `c``, or `line N reads `a``) put in place. */
function applied(lines: string[], fix: string): string[] {
  const out = [...lines];
  const many = /so that lines (\d+)–(\d+) read: (.*)$/.exec(fix);
  if (many) {
    const got = [...many[3]!.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
    assert.equal(got.length, Number(many[2]) - Number(many[1]) + 1, `one line per line named in ${fix}`);
    got.forEach((l, k) => (out[Number(many[1]) - 1 + k] = l));
    return out;
  }
  const one = /line (\d+) reads `([^`]*)`/.exec(fix);
  if (one) {
    out[Number(one[1]) - 1] = one[2]!;
    return out;
  }
  const gone = /^delete line (\d+)$/.exec(fix);
  assert.ok(gone, `a mechanical fix: ${fix}`);
  out.splice(Number(gone[1]) - 1, 1);
  return out;
}
const SETTINGS = "title: T\ndescription: D\nurl: https://x.example/\nlanguage: en-US\nauthor: A\nchat:\n  zone: Europe/London\n  weekday: tuesday\n  time: \"20:30\"\n  duration: 60\n  hashtag: \"#x\"\n  platform: Bluesky\n  url: https://bsky.app/hashtag/x\n";
const only = (found: readonly Diagnostic[]) => {
  assert.equal(found.length, 1, found.map((d) => `${d.line}:${d.column} ${d.message} → ${d.fix}`).join("\n"));
  return found[0]!;
};

describe("finding 1: a bullet on one item of a list", () => {
  const topics = (items: string[]) => post({ 6: ["topics:", ...items], 7: [] });
  for (const [name, items] of [
    ["on the first item", ["  • Who joins?", "  - What helps?", "  - Third question?"]],
    ["on a middle item", ["  - Who joins?", "  • What helps?", "  - Third question?"]],
    ["an en dash on the last item", ["  - Who joins?", "  - What helps?", "  – Third question?"]],
  ] as const) {
    it(`${name}: named, every item's line given, and the fix reads back as three topics`, () => {
      const lines = topics([...items]);
      const d = only(load(lines).diagnostics);
      assert.equal(d.field, "topics");
      assert.equal(d.line, 7);
      const bullet = items.findIndex((l) => !l.startsWith("  - "));
      assert.match(d.message, new RegExp(`^line ${7 + bullet} starts with (a bullet •|an en dash –), not the hyphen -`));
      if (bullet === 0) assert.match(d.message, /reads the list as one text, "• Who joins\? - What helps\? - Third question\?", not as 3 items/);
      assert.equal(d.fix, "write a hyphen - in place of it, so that lines 7–9 read: `  - Who joins?`, `  - What helps?` and `  - Third question?`");
      const again = load(applied(lines, d.fix!));
      assert.deepEqual(again.diagnostics.map(shown), []);
      assert.deepEqual(again.post!.topics, ["Who joins?", "What helps?", "Third question?"]);
    });
  }

  it("in the settings' citations.bibliography: the same, and the fix gives three files, not one", () => {
    const settings = SETTINGS + "citations:\n  style: apa\n  locale: en-US\n  bibliography:\n    • content/a.bib\n    - content/b.yaml\n    - content/c.json\n";
    const read = parseSettings(settings);
    const d = only(read.diagnostics);
    assert.equal(d.field, "citations.bibliography");
    assert.match(d.message, /^line 18 starts with a bullet •/);
    const again = parseSettings(applied(settings.split("\n"), d.fix!).join("\n"));
    assert.deepEqual(again.diagnostics, []);
    assert.deepEqual(again.settings!.citations.bibliography, ["content/a.bib", "content/b.yaml", "content/c.json"]);
  });

  it("a list all in hyphens, and text that only contains a dash: nothing", () => {
    assert.deepEqual(load(topics(["  - Who joins?", "  - Second – and third?"])).diagnostics, []);
    assert.deepEqual(load(post({ 2: "title: Pages 442 – 450 • a note" })).diagnostics, []);
  });
});

describe("finding 2: a #note after a value", () => {
  for (const [name, at, check] of [
    ["a date, after two spaces", { 3: "date: 2017-04-30  #TODO" }, (p: any) => assert.equal(p.date, "2017-04-30")],
    ["a date, after one space", { 3: "date: 2017-04-30 #TODO" }, (p: any) => assert.equal(p.date, "2017-04-30")],
    ["a chat's start", { 5: "  start: 2017-05-02T20:30  #was 20:00" }, (p: any) => assert.equal(p.chat.wallClock, "2017-05-02T20:30:00")],
    ["a chat's duration", { 5: ["  start: 2017-05-02T20:30", "  duration: 90 #check"] }, (p: any) => assert.equal(p.chat.durationMinutes, 90)],
    ["a reference's issued, accessed and volume", { 7: ["  - Should vendors join?", "references:", "  - id: x", "    type: book", "    title: T", "    issued: 2013  #TODO", "    accessed: 2014-01-01 #TODO", "    volume: 3 #TODO"] },
      (p: any) => assert.deepEqual([p.references[0].issued, p.references[0].accessed, p.references[0].volume], [{ "date-parts": [[2013]] }, { "date-parts": [[2014, 1, 1]] }, "3"])],
  ] as const) {
    it(`${name}: a note, as YAML reads it; no message, the value as written before it`, () => {
      const r = load(post(at as Record<number, string | string[]>));
      assert.deepEqual(r.diagnostics.map(shown), []);
      check(r.post);
    });
  }

  it("a text's #word one space after it is still a hashtag left out; two spaces set a note apart", () => {
    const hashtag = only(load(post({ 2: "title: Night shift #nursing" })).diagnostics);
    assert.match(hashtag.message, /the text `#nursing` is left out of the value/);
    assert.match(hashtag.fix!, /title: "Night shift #nursing"/);
    const note = load(post({ 2: "title: Night shift  #TODO" }));
    assert.deepEqual(note.diagnostics, []);
    assert.equal(note.post!.title, "Night shift");
  });

  it("an invisible character before the hashtag: the quoting fix leaves it out, and reads back clean", () => {
    const lines = post({ 2: "title: Night shift\u200b #nursing" });
    const errors = load(lines).diagnostics.filter((d) => d.severity === "error");
    const d = only(errors);
    assert.ok(!d.fix!.includes("\u200b"), d.fix);
    const fixed = [...lines];
    fixed[1] = /title: "[^"]*"/.exec(d.fix!)![0];
    const again = load(fixed);
    assert.deepEqual(again.diagnostics.map(shown), []);
    assert.equal(again.post!.title, "Night shift #nursing");
  });

  it("a date with an invisible character and a note: one error, whose line keeps the note outside the value", () => {
    const lines = post({ 3: "date: 2017-04-30\u200b  #TODO" });
    const d = only(load(lines).diagnostics);
    assert.match(d.message, /zero-width space, U\+200B/);
    const again = load(applied(lines, d.fix!.replace("the line reads", "line 3 reads")));
    assert.deepEqual(again.diagnostics.map(shown), []);
    assert.equal(again.post!.date, "2017-04-30");
  });

  it("a title in curly quotes with a note: a warning whose straight-quoted line keeps the note as a note", () => {
    const lines = post({ 2: "title: “Citations in image descriptions”  #TODO" });
    const d = only(load(lines).diagnostics);
    assert.equal(d.severity, "warning");
    assert.match(d.fix!, /write straight quotes: title: "Citations in image descriptions" {2}#TODO/);
    const fixed = [...lines];
    fixed[1] = 'title: "Citations in image descriptions"  #TODO';
    const again = load(fixed);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(again.post!.title, "Citations in image descriptions");
  });
});

describe("finding 3: direction marks", () => {
  const bib = (field: string) => `@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  ${field},\n  year = {2008}\n}\n`;

  it("have names", () => {
    assert.equal(invisibleName("\u200e"), "a left-to-right mark, U+200E");
    assert.equal(invisibleName("\u200f"), "a right-to-left mark, U+200F");
    assert.equal(invisibleName("\u202e"), "a right-to-left override mark, U+202E");
    assert.equal(invisibleName("\u2066"), "a left-to-right isolate mark, U+2066");
  });

  for (const [name, field, fixed] of [
    ["a .bib volume", "volume = {2\u200e5}", "  volume = {25},"],
    ["a .bib year", "year2 = {x},\n  year = {20\u200f08}", "  year = {2008}"],
    ["a .bib DOI", "doi = {10.1000/\u202a182}", "  doi = {10.1000/182},"],
  ] as const) {
    it(`in ${name}: an error naming the mark, whose line reads back clean`, () => {
      const text = bib(field).replace("year2 = {x},\n  ", "").replace(",\n  year = {2008}\n}", field.startsWith("year2") ? "\n}" : ",\n  year = {2008}\n}");
      const d = only(parseBibliographyFile("refs.bib", text).diagnostics);
      assert.equal(d.severity, "error");
      assert.match(d.message, /(left-to-right|right-to-left) (embedding )?mark(, U\+20[02][EFA])?/);
      assert.ok(d.fix!.endsWith(`reads \`${fixed}\``), d.fix);
      const again = parseBibliographyFile("refs.bib", applied(text.split("\n"), d.fix!).join("\n"));
      assert.deepEqual(again.diagnostics, []);
      assert.equal(again.entries.length, 1);
    });
  }

  it("in CSL YAML and CSL JSON numbers and dates: errors naming the mark", () => {
    const yaml = parseBibliographyFile("refs.yaml", "references:\n  - id: a\n    type: article-journal\n    title: T\n    volume: 1\u200e5\n    page: e\u200e85\n");
    assert.deepEqual(yaml.diagnostics.map((d) => [d.line, d.field, d.severity, /a left-to-right mark, U\+200E/.test(d.message)]), [[5, "a.volume", "error", true], [6, "a.page", "error", true]]);
    const json = parseBibliographyFile("refs.json", '[{"id":"a","type":"article-journal","title":"T","volume":"1\u200e5","issued":"20\u200f13"}]');
    assert.deepEqual(json.diagnostics.map((d) => [d.field, /a (left-to-right|right-to-left) mark/.test(d.message)]), [["a.volume", true], ["a.issued", true]]);
  });

  it("in a post's reference date: the error names the mark, not only \"not a date\"", () => {
    const d = only(load(post({ 7: ["  - Should vendors join?", "references:", "  - id: x", "    type: book", "    title: T", "    issued: 20\u200e13"] })).diagnostics);
    assert.equal(d.field, "references[0].issued");
    assert.match(d.message, /a left-to-right mark, U\+200E/);
    assert.match(d.fix!, /issued: 2013`$/);
  });

  it("in a settings field's name: the field is named, not \"did you mean\" a name that looks the same", () => {
    const text = SETTINGS.replace("author:", "autho\u200er:");
    const found = parseSettings(text).diagnostics;
    const d = only(found);
    assert.match(d.message, /the field name `author` has an invisible character in it \(a left-to-right mark, U\+200E\)/);
    assert.ok(!/did you mean/.test(d.message + d.fix), d.fix);
  });

  it("in right-to-left text (a Hebrew or Arabic title, a .bib title, a CSL title): nothing", () => {
    const hebrew = "כותרת \u200e2020\u200f עברית";
    const arabic = "عنوان \u200fمقال \u2067(1)\u2069";
    for (const title of [hebrew, arabic]) {
      const r = load(post({ 2: `title: ${title}` }));
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.post!.title, title);
      assert.deepEqual(parseBibliographyFile("refs.bib", bib("note = {x}").replace("title = {T}", `title = {${title}}`)).diagnostics, []);
      assert.deepEqual(parseBibliographyFile("refs.yaml", `references:\n  - id: a\n    type: book\n    title: ${title}\n`).diagnostics, []);
    }
  });

  it("emoji joiners, non-breaking spaces in text and `442 – 450` pages: still nothing", () => {
    assert.deepEqual(load(post({ 2: "title: Nurses 👩‍⚕️🏳️‍🌈 at 10\u00a0pm" })).diagnostics, []);
    assert.deepEqual(parseBibliographyFile("refs.bib", bib("pages = {442 – 450}")).diagnostics, []);
  });
});

describe("finding 4: a byte order mark at a .bib number's start or end", () => {
  it("is trimmed, as citeproc-js prints it: no message, the number as written, printed as one", () => {
    for (const field of ["volume = {\ufeff25}", "volume = {25\ufeff}", "number = {\ufeff3}"]) {
      const r = parseBibliographyFile("refs.bib", `@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {BMJ},\n  ${field},\n  year = {2008}\n}\n`);
      assert.deepEqual(r.diagnostics, [], field);
      const item = r.entries[0]!.item;
      assert.ok(item.volume === "25" || item.issue === "3", JSON.stringify(item));
    }
    const APA = { style: "apa", locale: "en-US" } as const;
    prepareEngine(APA as any);
    const item = parseBibliographyFile("refs.bib", "@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {BMJ},\n  volume = {\ufeff25},\n  year = {2008}\n}\n").entries[0]!.item;
    assert.match(formatBibliography([item], APA as any)[0]!.html.replace(/<[^>]+>/g, ""), /BMJ, 25\.$/);
  });

  it("in the middle, it is still an error", () => {
    const d = only(parseBibliographyFile("refs.bib", "@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  volume = {2\ufeff5},\n  year = {2008}\n}\n").diagnostics);
    assert.match(d.message, /byte order mark, U\+FEFF/);
  });
});

describe("finding 5: CSL JSON syntax errors", () => {
  const good = ['[', '  {', '    "id": "a",', '    "type": "book",', '    "title": "A book"', '  },', '  {', '    "id": "b",', '    "type": "book",', '    "title": "B"', '  }', ']', ''];
  const cases: Array<[string, (l: string[]) => void, number, number, RegExp]> = [
    ["curly quotes", (l) => (l[4] = '    "title": “A book”'), 5, 14, /the value of "title" is in curly quotes “ ”, as a word processor writes them: JSON needs straight quotes/],
    ["curly quotes with an apostrophe inside", (l) => (l[4] = '    "title": “O’Brien’s book”'), 5, 14, /curly quotes “ ”/],
    ["a curly closing quote", (l) => (l[4] = '    "title": "A book”'), 5, 21, /opens with a straight quote " but closes with a curly quote ”/],
    ["single quotes", (l) => (l[4] = "    \"title\": 'A book'"), 5, 14, /is in single quotes ' ': JSON needs double quotes/],
    ["a comma after the last field", (l) => (l[9] = '    "title": "B",'), 10, 17, /there is a comma after the last field of the entry, before the closing }/],
    ["a comma after the last entry", (l) => (l[10] = "  },"), 11, 4, /there is a comma after the last item of the list, before the closing ]/],
    ["a comma missing between fields", (l) => (l[2] = '    "id": "a"'), 3, 14, /a comma is missing after this value/],
    ["a comma missing between entries", (l) => (l[5] = "  }"), 6, 4, /a comma is missing after this value: in JSON, items are separated by commas/],
    ["a field name without quotes", (l) => (l[3] = '    type: "book",'), 4, 5, /the field name `type` is not in quotes/],
    ["a comment", (l) => l.splice(7, 0, "    // the second"), 8, 5, /JSON has no comments/],
    ["True", (l) => (l[9] = '    "title": True'), 10, 14, /`True` is written with capitals/],
  ];
  for (const [name, slip, line, column, message] of cases) {
    it(`${name}: the line, the column, the slip in words, and the line mended, which reads back clean`, () => {
      const lines = [...good];
      slip(lines);
      const d = only(parseBibliographyFile("refs.json", lines.join("\n")).diagnostics);
      assert.deepEqual([d.line, d.column], [line, column], d.message);
      assert.match(d.message, /^the file is not valid JSON: /);
      assert.match(d.message, message);
      assert.ok(!/Unexpected token|position \d|is not valid JSON$/.test(d.message), d.message);
      const again = parseBibliographyFile("refs.json", applied(lines, d.fix!).join("\n"));
      assert.deepEqual(again.diagnostics, []);
      assert.deepEqual(again.entries.map((e) => e.item.id), ["a", "b"]);
    });
  }

  it("a file on one line with a byte order mark: the column counts it", () => {
    const d = only(parseBibliographyFile("refs.json", '\ufeff[{"id":"a","type":"book","title":“A”}]').diagnostics);
    assert.deepEqual([d.line, d.column], [1, 35]);
    assert.match(d.fix!, /line 1 reads `\[\{"id":"a","type":"book","title":"A"\}\]`$/);
  });

  it("a list not closed: the ] to add", () => {
    const d = only(parseBibliographyFile("refs.json", good.slice(0, -2).join("\n")).diagnostics);
    assert.match(d.message, /the file ends before the list opened with \[ on line 1 is closed/);
    assert.equal(d.fix, "add a line `]` at the end of the file");
  });
});

describe("finding 6: a form feed at a .bib value's end", () => {
  it("is deleted, not made a space: the number reads as one", () => {
    const text = "@article{a,\n  author = {Doe, Jane},\n  title = {T},\n  journal = {J},\n  volume = {25\f},\n  year = {2008}\n}\n";
    const d = only(controlCharacterProblems("refs.bib", text));
    assert.equal(d.fix, "delete it, so that line 5 reads `  volume = {25},`");
    assert.equal(parseBibliographyFile("refs.bib", applied(text.split("\n"), d.fix!).join("\n")).entries[0]!.item.volume, "25");
    assert.equal(withoutControlCharacters("{\f25}, (a\f) b\f."), "{25}, (a) b.");
  });

  it("between two words it is still a space", () => {
    assert.equal(withoutControlCharacters("title = {Two\fwords}"), "title = {Two words}");
    assert.match(only(controlCharacterProblems("refs.bib", "title = {Two\fwords}")).fix!, /^write a space in its place/);
  });
});
