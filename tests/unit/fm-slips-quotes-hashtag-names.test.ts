// Three writer slips: curly single quotes ‘ ’ around a whole value (as a phone or a word
// processor types them), the hashtag fix that asked for quotes already written, and names
// whose last word is capitals that may be a family name ("Wei LI") or a whole name ("Malcolm X").
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { normaliseItem, pubmedReadings } from "../../lib/csl-normalise.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2017-04-30-online-communities.md";
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const shown = (d: Diagnostic) => formatDiagnostic(d).slice(FILE.length + 1);

/** A post whose lines `over` replace the title line (or, keyed, a field's lines). */
function post(fields: { title?: string; hashtag?: string; topics?: string[] } = {}): string[] {
  return [
    "---",
    fields.title ?? "title: Online communities",
    "date: 2017-04-30",
    "chat:",
    "  start: 2017-05-02T20:30",
    fields.hashtag ?? '  hashtag: "#hcldr"',
    "topics:",
    ...(fields.topics ?? ["  - Should vendors join?"]),
    "---",
    "Body.",
    "",
  ];
}
const load = (lines: string[]) => loadPost(FILE, lines.join("\n"), ctx);
const problems = (lines: string[]) => load(lines).diagnostics.map(shown);
/** The line a fix writes: what follows its last ": " before a value. */
const fixLine = (fix: string) => /(?:quotes|them|part of it): ((?:- |[\w-]+: ).*?)(?: \(or, .*)?$/.exec(fix)![1]!;
const replaced = (lines: string[], n: number, text: string) => lines.map((l, i) => (i + 1 === n ? `${/^\s*/.exec(l)![0]}${text}` : l));

describe("curly single quotes around a whole value", () => {
  for (const [written, meant] of [
    ["title: ‘Burnout: what now?’", "Burnout: what now?"],
    ["title: ‘Writers’ block: tips’", "Writers’ block: tips"],
    ["title: ‘Night shift #nursing’", "Night shift #nursing"],
    ["title:‘Burnout: what now?’", "Burnout: what now?"],
  ] as const) {
    it(`${written}: says the quotes are curly, and its fix gives the text meant`, () => {
      const lines = post({ title: written });
      const found = load(lines).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      assert.match(found[0]!.message, /curly quotes ‘ ’ — YAML needs straight quotes/);
      const again = load(replaced(lines, 2, fixLine(found[0]!.fix!)));
      assert.deepEqual(again.diagnostics.map(shown), []);
      assert.equal(again.post!.title, meant);
    });
  }

  it("keeps an apostrophe inside: the fix is in double quotes", () => {
    const [found] = load(post({ title: "title: ‘Writers’ block: tips’" })).diagnostics;
    assert.match(found!.fix!, /write straight quotes: title: "Writers’ block: tips"/);
  });

  it("in a description, as in a title", () => {
    const lines = post();
    lines.splice(3, 0, "description: ‘What’s next: a plan’");
    assert.deepEqual(problems(lines), [
      `4:14  description  the quotes are curly quotes ‘ ’ — YAML needs straight quotes " " → write straight quotes: description: "What’s next: a plan" (or, to show the curly quotes too: description: "‘What’s next: a plan’")`,
    ]);
  });

  it("on a list item, as curly double quotes are", () => {
    const lines = post({ topics: ["  - ‘Burnout: what now?’"] });
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /curly quotes ‘ ’ — YAML needs straight quotes/);
    const again = load(replaced(lines, 8, fixLine(found[0]!.fix!)));
    assert.deepEqual(again.diagnostics.map(shown), []);
    assert.deepEqual(again.post!.topics, ["Burnout: what now?"]);
  });

  it("after a field without the space after its colon: one fix for both; the schema says whether a number is meant", () => {
    const [found] = load(post({ title: "title:‘Burnout: what now?’" })).diagnostics;
    assert.match(found!.message, /needs a space after the colon.*curly quotes ‘ ’/);
    assert.match(found!.fix!, /add a space after the colon and write straight quotes: title: "Burnout: what now\?"$/);
    // A title that looks like a number stays text: dropping the quotes would trade one error for another.
    const year = load(post({ title: "title:“2026”" }));
    assert.deepEqual(year.diagnostics.map((d) => d.fix), ['add a space after the colon and write straight quotes: title: "2026"']);
    const lines = post();
    lines.splice(5, 0, "  duration:‘60’");
    const fixes = load(lines).diagnostics.map((d) => d.fix);
    assert.ok(fixes.includes('add a space after the colon and write straight quotes: duration: "60"'), fixes.join("\n"));
    assert.ok(fixes.includes("write the number without quotes: duration: 60"), fixes.join("\n"));
  });
});

describe("the hashtag fix", () => {
  it("asks for quotes only when they are missing", () => {
    const cases: [string, string][] = [
      ['  hashtag: "#hc ldr"', 'a hashtag is # followed by letters, digits or _ (no spaces) → write hashtag: "#hcldr"'],
      ['  hashtag: "hcldr"', 'a hashtag is # followed by letters, digits or _ (the # is missing) → write hashtag: "#hcldr"'],
      ["  hashtag: '##hcldr'", 'a hashtag is # followed by letters, digits or _ (one # only) → write hashtag: "#hcldr"'],
      ['  hashtag: "#hc-ldr"', 'a hashtag is # followed by letters, digits or _ (no spaces, no other signs) → write it without them, e.g. hashtag: "#hcldr"'],
      ["  hashtag: hcldr", 'a hashtag is # followed by letters, digits or _ (the # is missing) → write it in quotes: hashtag: "#hcldr"'],
      ["  hashtag: hc-ldr", 'a hashtag is # followed by letters, digits or _ (no spaces, no other signs) → write it in quotes, e.g. hashtag: "#hcldr"'],
    ];
    for (const [line, message] of cases) assert.deepEqual(problems(post({ hashtag: line })), [`6:3  chat.hashtag  ${message}`], line);
  });

  it("is a line that, pasted over the written one, is right", () => {
    const lines = post({ hashtag: '  hashtag: "#hc ldr"' });
    const fix = load(lines).diagnostics[0]!.fix!;
    assert.deepEqual(problems(replaced(lines, 6, fix.replace(/^write /, ""))), []);
  });
});

const base = { id: "a", type: "report", title: "T", issued: 2020 };
const read = (author: unknown) => normaliseItem({ ...base, author }, { syntax: "yaml" });

describe("a name ending in capitals that may be the family name", () => {
  it('"Wei LI" offers the family name in capitals first, and initials as the other reading', () => {
    assert.deepEqual(pubmedReadings("Wei LI"), { word: "LI", initials: "Wei, L. I.", family: "Li, Wei" });
    const { item, problems: found } = read(["Wei LI"]);
    assert.deepEqual(item!.author, [{ literal: "Wei LI" }]);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, "warning");
    assert.match(found[0]!.message, /"LI" may be the family name written in capitals, or initials/);
    const fix = found[0]!.fix!;
    assert.ok(fix.indexOf("- Li, Wei") >= 0 && fix.indexOf("- Li, Wei") < fix.indexOf("- Wei, L. I."), fix);
    // Its family-name fix, written, is a person with no warning.
    const fixed = read(["Li, Wei"]);
    assert.deepEqual(fixed.problems, []);
    assert.deepEqual(fixed.item!.author, [{ family: "Li", given: "Wei" }]);
  });

  it("is read as initials beside names that are surely PubMed's", () => {
    const { problems: found } = read(["Wei LI", "Smith JA"]);
    assert.match(found[0]!.fix!, /- Wei, L\. I\./);
    assert.doesNotMatch(found[0]!.fix!, /Li, Wei/);
  });

  it("keeps PubMed's names as they were: Smith JA, Lee K, Smith MA", () => {
    for (const [written, person] of [["Smith JA", "Smith, J. A."], ["Lee K", "Lee, K."], ["Smith MA", "Smith, M. A."]] as const) {
      const found = read([written]).problems;
      assert.match(found[0]!.message, /is written as PubMed writes a name/, written);
      assert.match(found[0]!.fix!, new RegExp(`- ${person.replace(/\./g, "\\.")}\\n`), written);
    }
  });

  it('"Malcolm X" is printed as written, and its fix offers `literal:` to keep it so', () => {
    const { item, problems: found } = read(["Malcolm X"]);
    assert.deepEqual(item!.author, [{ literal: "Malcolm X" }]);
    assert.equal(found[0]!.severity, "warning");
    assert.match(found[0]!.fix!, /- literal: Malcolm X$/);
  });
});
