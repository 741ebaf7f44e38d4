// Findings of a fuzz audit of the front-matter messages, each with its fix applied and checked
// again: a list in brackets with quoted items continued at the left edge (one error, the fields
// below still read, columns within their line); a line starting with % (a comment as the main
// fix, the indentation only below a text); a non-breaking space in an identifier (deleted where a
// space does not belong); an emoji's zero-width joiner in a tag (allowed); and slips that one
// YAML error used to hide (every error at once).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { tagSlugs } from "../../lib/slug.ts";
import { FIXTURE_SETTINGS as settings, loadLines as load, post, shown } from "../helpers/slip-post.ts";

/** `lines` with line `n` (1-based) replaced by `text` (several lines for an array, none for null). */
const replaced = (lines: string[], n: number, text: string | string[] | null) => lines.flatMap((l, i) => (i === n - 1 ? (text === null ? [] : [text].flat()) : [l]));
/** The lines a fix gives in backquotes after `marker` (the first such when there is no marker). */
function fixLine(fix: string, marker = ""): string {
  const at = fix.indexOf(marker);
  assert.ok(at >= 0, `"${marker}" in ${fix}`);
  const m = /`([^`]*)`/.exec(fix.slice(at));
  assert.ok(m, `a line in backquotes in ${fix}`);
  return m[1]!;
}
function clean(lines: string[]) {
  const again = load(lines);
  assert.deepEqual(again.diagnostics.map(shown), []);
  assert.ok(again.post, "the post is built");
  return again.post!;
}
/** Every diagnostic's column within its line (or just after its end). */
function columnsInLine(lines: string[], found: readonly Diagnostic[]) {
  for (const d of found) assert.ok(d.column! >= 1 && d.column! <= lines[d.line! - 1]!.length + 1, `column ${d.column} in line ${d.line} (${JSON.stringify(lines[d.line! - 1])})`);
}

describe("finding 1: a list in brackets with quoted items continued at the left edge", () => {
  for (const [name, written, joined, value] of [
    ["quoted tags", ['tags: ["a",', '"b"]'], 'tags: ["a", "b"]', ["a", "b"]],
    ["unquoted tags", ["tags: [a,", "b]"], "tags: [a, b]", ["a", "b"]],
    ["quoted tags over three lines", ['tags: ["a",', '"b",', '"c"]'], 'tags: ["a", "b", "c"]', ["a", "b", "c"]],
  ] as const) {
    it(`${name}: one error, the fields below still read and checked; the fix's line is clean`, () => {
      // A wrong zone below the list: told too, as when the list is on one line.
      const lines = post({ 5: ["  start: 2017-05-02T20:30", "  zone: Europe/Lndon"] }, [...written, "author: Jo"]);
      const found = load(lines).diagnostics;
      assert.deepEqual(found.map((d) => [d.line, d.field]), [[10, "tags"], [6, "chat.zone"]], found.map(shown).join("\n"));
      assert.match(found[0]!.message, /^this line goes on with the list in \[ \] that opens on line 9, but it is not indented/);
      columnsInLine(lines, found);
      const fixed = [...lines.slice(0, 8), fixLine(found[0]!.fix!), ...lines.slice(8 + written.length)];
      assert.equal(fixLine(found[0]!.fix!), joined);
      assert.deepEqual(clean(fixed.map((l) => l.replace("Europe/Lndon", "Europe/London"))).tags, [...value]);
    });
  }

  it("the other fix, the lines indented, is clean too", () => {
    const lines = post({}, ['tags: ["a",', '"b"]', "author: Jo"]);
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.match(found[0]!.fix!, /\(or indent line 9 with 2 spaces\)$/);
    assert.deepEqual(clean(replaced(lines, 9, '  "b"]')).tags, ["a", "b"]);
  });

  it("the escaping post with a full-width colon below the list: two errors, each at a column of its own line", () => {
    const lines = readFileSync(new URL("../fixtures/site/content/posts/2018-02-09-escaping.md", import.meta.url), "utf8")
      .replace('tags: ["<script>tag</script>", "#fixchat"]', 'tags: ["<script>tag</script>",\n"#fixchat"]')
      .replace('  platform: "Q&A', '  platform："Q&A')
      .split("\n");
    const found = load(lines).diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[7, "tags"], [12, "platform"]], found.map(shown).join("\n"));
    columnsInLine(lines, found);
    // The full-width colon's fix keeps the value's own quotes: not `"\"Q&A <Room>, Zoom\""`.
    assert.equal(fixLine(found[1]!.fix!), '  platform: "Q&A <Room>, Zoom"');
    const fixed = replaced(replaced(lines, 12, fixLine(found[1]!.fix!)), 6, fixLine(found[0]!.fix!)).filter((_, i) => i !== 6);
    const again = load(fixed).diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(again.map(shown), []);
  });

  it("columns are counted from the file's own lines, past a value YAML could not place over two lines", () => {
    // A settings file (no list read as fixed): YAML's own line count went one short below `platform：…`.
    const lines = ["title: T", 'tags: ["a",', '"b"]', "chat:", '  platform："Q&A <Room>, Zoom"', '  url: "https://meet.example/j/1"', "topics:", "  - Q", ""];
    const found = readYamlDocument(lines.join("\n"), "site.yaml", 1).diagnostics;
    assert.ok(found.length > 2);
    columnsInLine(lines, found);
    assert.ok(found.some((d) => d.line === 7 && d.column === 1), found.map((d) => `${d.line}:${d.column}`).join(" "));
  });
});

describe("finding 2: a line starting with %", () => {
  const percent = "a line cannot start with %: YAML reads % at the start of a line as a directive (an instruction to YAML itself), not as text";
  const comment = "if it is a note to yourself, write # in place of %, which makes it a comment that is not published: `# TODO check this`";
  for (const [where, lines, line] of [
    ["at the top of the front matter", post({ 2: ["% TODO check this", "title: Online communities"] }), 2],
    ["below the date", post({ 3: ["date: 2017-04-30", "% TODO check this"] }), 4],
    ["below `chat:`", post({ 4: ["chat:", "% TODO check this"] }), 5],
    ["below a title in quotes", post({ 2: ['title: "Online communities"', "% TODO check this"] }), 3],
    ["below a blank line", post({ 2: ["title: Online communities", "", "% TODO check this"] }), 4],
  ] as const) {
    it(`${where}: a comment is the one fix, and applied it is clean`, () => {
      const found = load([...lines]).diagnostics;
      assert.deepEqual(found.map((d) => [d.line, d.message, d.fix]), [[line, percent, comment]]);
      const post = clean(replaced([...lines], line, fixLine(found[0]!.fix!)));
      assert.equal(post.title, "Online communities");
      assert.equal(post.date, "2017-04-30");
    });
  }

  for (const [where, lines, line, indented, field, value] of [
    ["below a title", post({ 2: ["title: Fifty", "% of nurses agree"] }), 3, "  % of nurses agree", "title", "Fifty % of nurses agree"],
    ["below a description", post({}, ["description: Fifty", "% of nurses agree"]), 9, "  % of nurses agree", "description", "Fifty % of nurses agree"],
    ["below a topic", post({ 7: ["  - Do fifty", "% of nurses agree?"] }), 8, "    % of nurses agree?", "topics", ["Do fifty % of nurses agree?"]],
  ] as const) {
    it(`${where}: the comment first, then the line indented under the text; each applied is clean`, () => {
      const found = load([...lines]).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      const d = found[0]!;
      assert.equal(d.line, line);
      assert.match(d.fix!, /^if it is a note to yourself, write # in place of %/);
      assert.equal(fixLine(d.fix!, `if it goes on from the text on line ${line - 1}, indent it`), indented);
      const asComment = clean(replaced([...lines], line, fixLine(d.fix!))) as unknown as Record<string, unknown>;
      assert.notDeepEqual(asComment[field], value);
      const asText = clean(replaced([...lines], line, indented)) as unknown as Record<string, unknown>;
      assert.deepEqual(asText[field], value);
    });
  }
});

describe("finding 3: a non-breaking space inside an identifier", () => {
  const reference = (field: string, value: string) => post({}, ["references:", `  - id: ${field === "id" ? value : "smith2020"}`, "    type: book", "    title: A study", `    issued: ${field === "issued" ? value : "2020-01-02"}`]);
  for (const [name, lines, line, fixed] of [
    ["the date, a non-breaking space", post({ 3: "date: 20\u00a017-04-30" }), 3, "date: 2017-04-30"],
    ["the date, a figure space", post({ 3: "date: 2017-04\u2007-30" }), 3, "date: 2017-04-30"],
    ["the date in quotes, a narrow non-breaking space", post({ 3: "date: '2017-04-\u202f30'" }), 3, "date: '2017-04-30'"],
    ["the chat's start", post({ 5: "  start: 2017-05-02T20:3\u00a00" }), 5, "start: 2017-05-02T20:30"],
    ["a reference's issued", reference("issued", "20\u00a020-01-02"), 12, "issued: 2020-01-02"],
    ["a reference's id", reference("id", "smith\u00a02020"), 9, "- id: smith2020"],
    ["a hashtag", post({ 5: ["  start: 2017-05-02T20:30", '  hashtag: "#hc\u00a0ldr"'] }), 6, 'hashtag: "#hcldr"'],
  ] as const) {
    it(`${name}: the fix's line has it deleted, not a space, and is clean`, () => {
      const found = load([...lines]).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      assert.equal(found[0]!.line, line);
      assert.equal(found[0]!.fix, `delete the value and type it again, so that the line reads \`${fixed}\``);
      const lead = /^\s*/.exec(lines[line - 1]!)![0];
      clean(replaced([...lines], line, fixed.startsWith("- ") ? lead + fixed : /^\s*-\s/.test(lines[line - 1]!) ? lines[line - 1]!.replace(/(-\s+).*/, `$1${fixed}`) : lead + fixed));
    });
  }

  for (const [name, lines, line, fixed, check] of [
    ["between a tag's words", post({}, ["tags: [night\u00a0shift, care]"]), 8, "tags: [night shift, care]", (p: { tags: string[] }) => assert.deepEqual(p.tags, ["night shift", "care"])],
    ["between the start's date and time", post({ 5: "  start: 2017-05-02\u00a020:30" }), 5, "start: 2017-05-02 20:30", (p: { chat?: { wallClock: string } }) => assert.match(p.chat!.wallClock, /^2017-05-02T20:30/)],
    ["in a platform's name", post({ 5: ["  start: 2017-05-02T20:30", "  platform: Microsoft\u00a0Teams", "  url: https://teams.example.org/chat"] }), 6, "platform: Microsoft Teams", (p: { chat?: { platform: string } }) => assert.equal(p.chat!.platform, "Microsoft Teams")],
  ] as const) {
    it(`${name}: a space belongs there, and the fix's line has one`, () => {
      const found = load([...lines]).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      assert.equal(found[0]!.fix, `delete the value and type it again, so that the line reads \`${fixed}\``);
      const lead = /^\s*/.exec(lines[line - 1]!)![0];
      (check as (p: unknown) => void)(clean(replaced([...lines], line, lead + fixed)));
    });
  }

  it("between a zone's words: written as IANA writes it, with _", () => {
    const found = load(post({ 5: ["  start: 2017-05-02T20:30", "  zone: America/New\u00a0York"] })).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.equal(found[0]!.fix, "delete the value and type it again, so that the line reads `zone: America/New_York`");
    clean(post({ 5: ["  start: 2017-05-02T20:30", "  zone: America/New_York"] }));
  });

  it("in curly quotes too: both named, one line in straight quotes, clean", () => {
    const lines = reference("issued", "„2020-0\u00a01-02“");
    const found = load(lines).diagnostics;
    assert.equal(found.length, 1, found.map(shown).join("\n"));
    assert.match(found[0]!.message, /; and the quotes are curly quotes „ “ — YAML needs straight quotes " "$/);
    assert.equal(found[0]!.fix, 'delete the value and type it again, so that the line reads `issued: "2020-01-02"`');
    clean(replaced(lines, 12, '    issued: "2020-01-02"'));
  });
});

describe("finding 4: an emoji with a zero-width joiner in a tag", () => {
  const nurse = "\u{1F469}\u200d\u2695\ufe0f";
  it("is a tag as written, with a page of its own", () => {
    const built = clean(post({}, [`tags: [nursing, ${nurse}, \u{1F469}\u{1F3FD}\u200d\u2695\ufe0f, \u{1F3F3}\ufe0f\u200d\u{1F308}]`]));
    assert.deepEqual(built.tags, ["nursing", nurse, "\u{1F469}\u{1F3FD}\u200d\u2695\ufe0f", "\u{1F3F3}\ufe0f\u200d\u{1F308}"]);
    // No readable slug: a short hash of the tag, its own page (lib/slug.ts).
    const slugs = tagSlugs(built.tags);
    assert.match(slugs.get(nurse)!, /^[0-9a-f]{6}$/);
    assert.equal(new Set(slugs.values()).size, 4);
  });

  it("a joiner between letters is still told, and the fix keeps the emoji's", () => {
    const lines = post({}, [`tags: [nurs\u200ding, ${nurse}]`]);
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.column, d.field]), [[8, 12, "tags[0]"]]);
    const fixed = fixLine(found[0]!.fix!);
    assert.equal(fixed, `tags: [nursing, ${nurse}]`);
    assert.deepEqual(clean(replaced(lines, 8, fixed)).tags, ["nursing", nurse]);
  });
});

describe("finding 5: every error at once, past a YAML error", () => {
  it("a % line at the top no longer hides a byte order mark in the chat's start", () => {
    const lines = post({ 2: ["% TODO check this", "title: Online communities"], 5: "  start: 2017\ufeff-05-02T20:30" });
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[2, ""], [6, "chat.start"]], found.map(shown).join("\n"));
    clean(replaced(replaced(lines, 6, "  start: 2017-05-02T20:30"), 2, fixLine(found[0]!.fix!)));
  });

  it("a byte order mark in a name in braces no longer hides a reference's id in curly quotes", () => {
    const lines = post({}, ["references:", "  - id: “smith2020”", "    type: book", "    title: A study", "    author:", "      - {family: Smith, \ufeffgiven: Jo}"]);
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[13, "references[0].author[0].given"], [9, "references[0].id"]], found.map(shown).join("\n"));
    clean(replaced(replaced(lines, 13, fixLine(found[0]!.fix!)), 9, "  - id: smith2020"));
  });

  it("% before a field's name no longer hides a byte order mark in the next field's name", () => {
    const lines = post({ 2: "%title: Online communities", 3: "\ufeffdate: 2017-04-30" });
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[2, "title"], [3, "date"]], found.map(shown).join("\n"));
    clean(replaced(replaced(lines, 3, fixLine(found[1]!.fix!)), 2, fixLine(found[0]!.fix!)));
  });

  it("a non-breaking space after a colon no longer hides % before the next field's name", () => {
    const lines = post({ 2: "title:\u00a0Online communities", 3: "%date: 2017-04-30" });
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[2, "title"], [3, "date"]], found.map(shown).join("\n"));
    assert.equal(found[1]!.fix, "delete the %, so that the line reads `date: 2017-04-30`");
    clean(replaced(replaced(lines, 3, "date: 2017-04-30"), 2, "title: Online communities"));
  });

  for (const [name, sign] of [["a zero-width space", "\u200b"], ["a non-breaking space", "\u00a0"]] as const) {
    it(`${name} after a closing quote: named, not "a quote inside ends the text early"`, () => {
      const lines = post({ 2: `title: "Burnout: what now?"${sign}` });
      const found = load(lines).diagnostics;
      assert.equal(found.length, 1, found.map(shown).join("\n"));
      assert.equal(found[0]!.column, 28);
      assert.match(found[0]!.message, /^after the closing quote " there is an invisible character/);
      assert.equal(clean(replaced(lines, 2, fixLine(found[0]!.fix!))).title, "Burnout: what now?");
    });
  }
});
