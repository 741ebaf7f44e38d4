// CSL JSON pasted below `references:` as Zotero writes it (indented with tabs, its `[` on a line
// of its own): one error naming the tabs, not the contradicting ones YAML's errors gave; and a
// markdown heading's #s or quote's > at the start of a topic, title or description: a warning
// whose fix is the text without them. Each fix, applied literally, checks clean.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { markupProblems, postMarkupProblems } from "../../lib/front-matter-markup.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2026-12-06-health-online.md";
// Lines 2–9 of the file; `references:` is line 10.
const HEAD = ["title: Health online", "date: 2026-12-06", "author: Dana Whitfield", "tags: [patients]", "chat:", "  start: 2026-12-08T20:30", "topics:", "  - What do you look up online?"];
const BODY = "People look things up [@foxhealth2013].\n";

function post(yaml: readonly string[], body = BODY): string {
  return `---\n${yaml.join("\n")}\n---\n${body}`;
}

function load(text: string) {
  return loadPost(FILE, text, ctx);
}

function problems(text: string): Diagnostic[] {
  return load(text).diagnostics;
}

const shown = (ds: Diagnostic[]) => ds.map(formatDiagnostic).join("\n");

/** Each tab at the start of lines `from`–`to` (1-based, in the file) replaced by two spaces, as the fix says. */
function tabsToSpaces(text: string, from: number, to: number): string {
  return text
    .split("\n")
    .map((l, i) => (i + 1 >= from && i + 1 <= to ? l.replace(/^[ \t]*/, (indent) => indent.replaceAll("\t", "  ")) : l))
    .join("\n");
}

// As Zotero's "Export Item… → CSL JSON" writes one work: tabs, and the list's [ and ] alone on their lines.
const ZOTERO = [
  "\t{",
  '\t\t"id": "foxhealth2013",',
  '\t\t"type": "report",',
  '\t\t"title": "Health online 2013",',
  '\t\t"author": [',
  "\t\t\t{",
  '\t\t\t\t"family": "Fox",',
  '\t\t\t\t"given": "Susannah"',
  "\t\t\t}",
  "\t\t],",
  '\t\t"issued": {',
  '\t\t\t"date-parts": [',
  "\t\t\t\t[",
  '\t\t\t\t\t"2013"',
  "\t\t\t\t]",
  "\t\t\t]",
  "\t\t}",
  "\t}",
];
const ONE_LINE = 'references: [{"id": "foxhealth2013", "type": "report", "title": "Health online 2013", "author": [{"family": "Fox", "given": "Susannah"}], "issued": {"date-parts": [["2013"]]}}]';

describe("CSL JSON indented with tabs below `references:`", () => {
  it("`references: [` then lines indented with tabs: one error, the tabs, with the lines to change", () => {
    const text = post([...HEAD, "references: [", ...ZOTERO, "]"]);
    const ds = problems(text);
    assert.deepEqual(ds.map(formatDiagnostic), [
      `${FILE}:11:1  references  YAML cannot read the list in [ ] of \`references:\`: lines 11–28 are indented with tabs, and YAML allows no tab in the indentation of a line → replace each tab at the start of lines 11–28 with two spaces (or write the whole list on one line: \`${ONE_LINE}\`)`,
    ]);
    // The post's data is not taken as read: it is read as fixed, for the checks below, but it is in error.
    assert.equal(load(text).post, undefined);
  });

  it("the fix applied literally (tabs to two spaces) checks clean, with the reference as written", () => {
    const fixed = tabsToSpaces(post([...HEAD, "references: [", ...ZOTERO, "]"]), 11, 28);
    const result = load(fixed);
    assert.deepEqual(result.diagnostics, [], shown(result.diagnostics));
    const ref = result.post!.references[0]!;
    assert.equal(ref.id, "foxhealth2013");
    assert.equal(ref.title, "Health online 2013");
    assert.deepEqual(ref.author, [{ family: "Fox", given: "Susannah" }]);
  });

  it("the other fix, the whole list on one line, checks clean too", () => {
    const result = load(post([...HEAD, ONE_LINE]));
    assert.deepEqual(result.diagnostics, [], shown(result.diagnostics));
  });

  it("the same JSON indented with spaces is valid YAML and checks clean", () => {
    const spaced = [...HEAD, "references: [", ...ZOTERO.map((l) => l.replace(/^\t+/, (t) => "  ".repeat(t.length))), "]"];
    assert.deepEqual(problems(post(spaced)), []);
  });

  it("`references:` then Zotero's `[` on its own line: one error, the bracket and the tabs, with the line as it should read", () => {
    const text = post([...HEAD, "references:", "[", ...ZOTERO, "]"]);
    assert.deepEqual(problems(text).map(formatDiagnostic), [
      `${FILE}:11:1  references  YAML cannot read the list in [ ] of \`references:\`: its opening [ on line 11 is not indented further than \`references:\`, so YAML reads it as the start of another field, not as the value of \`references:\`; and lines 12–29 are indented with tabs, and YAML allows no tab in the indentation of a line → move the [ on line 11 to the end of line 10, so that it reads \`references: [\`, and replace each tab at the start of lines 12–29 with two spaces (or write the whole list on one line: \`${ONE_LINE}\`)`,
    ]);
    // Applied literally: the [ moved up (its line left empty), the tabs made spaces.
    const lines = tabsToSpaces(text, 12, 29).split("\n");
    lines[9] = "references: [";
    lines[10] = "";
    assert.deepEqual(problems(lines.join("\n")), []);
    // Or its line deleted.
    lines.splice(10, 1);
    assert.deepEqual(problems(lines.join("\n")), []);
  });

  it("`references:` then `[` at the left edge, indented with spaces: the bracket, not \"`[` has no colon\"", () => {
    const spaced = ZOTERO.slice(0, 4).map((l) => l.replace(/^\t+/, (t) => "  ".repeat(t.length))).concat("  }");
    const text = post([...HEAD, "references:", "[", ...spaced.map((l, i) => (i === 3 ? l.replace(/,$/, "") : l)), "]"]);
    assert.deepEqual(problems(text).map(formatDiagnostic), [
      `${FILE}:11:1  references  YAML cannot read the list in [ ] of \`references:\`: its opening [ on line 11 is not indented further than \`references:\`, so YAML reads it as the start of another field, not as the value of \`references:\` → move the [ on line 11 to the end of line 10, so that it reads \`references: [\` (or write the whole list on one line: \`references: [{"id": "foxhealth2013", "type": "report", "title": "Health online 2013"}]\`)`,
    ]);
    const lines = text.split("\n");
    lines[9] = "references: [";
    lines[10] = "";
    assert.deepEqual(problems(lines.join("\n")), []);
  });

  it("`references:` then `  [` indented and the lines below with tabs: the tabs only", () => {
    const text = post([...HEAD, "references:", "  [", ...ZOTERO, "  ]"]);
    const ds = problems(text);
    assert.equal(ds.length, 1, shown(ds));
    assert.equal(ds[0]!.line, 12);
    assert.equal(ds[0]!.message, "YAML cannot read the list in [ ] of `references:`: lines 12–29 are indented with tabs, and YAML allows no tab in the indentation of a line");
    assert.match(ds[0]!.fix!, /^replace each tab at the start of lines 12–29 with two spaces \(or write the whole list on one line: `references: \[\{"id"/);
    assert.deepEqual(problems(tabsToSpaces(text, 12, 29)), []);
  });

  it("the references are still checked, on their lines and columns as written (an empty id)", () => {
    const text = post([...HEAD, "references: [", ...ZOTERO.map((l) => l.replace("foxhealth2013", "")), "]"]);
    const ds = problems(text);
    assert.equal(ds[0]!.message.startsWith("YAML cannot read the list in [ ] of `references:`"), true, shown(ds));
    // The empty id is told on its own line, its column as written (two tabs, then the key).
    const id = ds.find((d) => d.field === "references[0].id");
    assert.ok(id, shown(ds));
    assert.equal(id.line, 12);
    assert.equal(id.column, 3);
  });

  it("a tab after enough spaces, which YAML reads, and tabs in a block text are left alone", () => {
    assert.deepEqual(problems(post([...HEAD.slice(0, 3), "tags: [", "  \tpatients,", "  \tresearch", "]", ...HEAD.slice(4)], "Text.\n")), []);
    // Nor a tab after enough spaces beside another error on the field's line (`tags` written twice).
    const twice = problems(post([...HEAD, "tags: [", "  \tpatients,", "  \tresearch", "]"], "Text.\n"));
    assert.deepEqual(twice.map((d) => d.message), ["the field `tags` is written twice (first on line 5)"]);
    const described = [...HEAD, "description: |", "  What [we", "  \tlook up] online", "references:", "  - id: foxhealth2013", "    type: report", "    title: Health online 2013"];
    const ds = problems(post(described));
    assert.equal(ds.some((d) => /indented with tabs/.test(d.message)), false, shown(ds));
  });

  it("a group in braces: named as a group", () => {
    const text = post([...HEAD.slice(0, 4), "chat: {", '\t"start": "2026-12-08T20:30"', "}", ...HEAD.slice(6)], "Text.\n");
    assert.deepEqual(problems(text).map(formatDiagnostic), [
      `${FILE}:7:1  chat  YAML cannot read the group in { } of \`chat:\`: line 7 is indented with tabs, and YAML allows no tab in the indentation of a line → replace each tab at the start of line 7 with two spaces (or write the whole group on one line: \`chat: {"start": "2026-12-08T20:30"}\`)`,
    ]);
    assert.deepEqual(problems(tabsToSpaces(text, 7, 7)), []);
  });

  it("reads 200,000 lines indented with tabs, and a list of 100,000 brackets, in linear time", { timeout: 60_000 }, () => {
    // The YAML alone: checking 200,000 tags takes long for reasons of its own.
    const many = Array.from({ length: 200_000 }, (_, i) => `\t"t${i}",`);
    const ds = readYamlDocument([...HEAD.slice(0, 3), "tags: [", ...many, '\t"last"', "]", ...HEAD.slice(4)].join("\n"), FILE, 2).diagnostics;
    assert.deepEqual(ds.map(formatDiagnostic), [
      `${FILE}:6:1  tags  YAML cannot read the list in [ ] of \`tags:\`: lines 6–200006 are indented with tabs, and YAML allows no tab in the indentation of a line → replace each tab at the start of lines 6–200006 with two spaces (or write the whole list on one line, from its [ to its ])`,
    ]);
    // Never closed: YAML's own error, once.
    const open = problems(post([...HEAD, `references: ${"[".repeat(100_000)}`, "\t{"], "Text.\n"));
    assert.ok(open.length >= 1);
    // A run of colons, spaces and brackets on one line.
    const colons = problems(post([...HEAD, `title2: ${": ".repeat(100_000)}`, "\t["], "Text.\n"));
    assert.ok(colons.length >= 1);
  });
});

describe("a markdown heading's # or quote's > at the start of a text", () => {
  const warn = (text: string) => markupProblems(text, { key: "- ", block: true });

  it("a topic `## How do rotas work?`: the #s, and the topic without them", () => {
    assert.deepEqual(warn("## How do rotas work?"), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the "##" of a markdown heading at its start',
      fix: "write it without the markup: - How do rotas work?",
      plain: "How do rotas work?",
      pieces: ["##"],
    });
    assert.equal(warn("### Rotas ###")?.plain, "Rotas");
    assert.equal(warn("## C# in #hcldr")?.plain, "C# in #hcldr");
  });

  it("a topic `> What helps?`: the >, nested ones too, and markdown after it", () => {
    assert.deepEqual(warn("> What helps?"), {
      message: 'is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the ">" of a markdown quote at its start',
      fix: "write it without the markup: - What helps?",
      plain: "What helps?",
      pieces: [">"],
    });
    // With no space after it, > is no quote mark to a writer (">_<", ">What"): left alone.
    assert.equal(warn(">What helps?"), undefined);
    assert.equal(warn(">_< Burnout on night shifts"), undefined);
    assert.deepEqual(warn("> > **Deep** quote")?.pieces, ["> >", "**Deep**"]);
    assert.equal(warn("> > **Deep** quote")?.plain, "Deep quote");
  });

  it("leaves plain text alone: a hashtag, a number, `> 50%`, `->`, a # inside the text, and any text not shown on its own", () => {
    // A single # is the number sign as often as a heading ("# of patients per nurse").
    for (const text of ["#hcldr chat tonight", "#1 question", "> 50% of nurses?", ">= 3 shifts", "-> next", "What about C#?", "Rotas > pay?", "#", "# of patients per nurse: does it matter?", "# 1 in the world"]) {
      assert.equal(warn(text), undefined, text);
    }
    // Not a text shown on its own (an author, a tag, a reference): no such warning.
    assert.equal(markupProblems("## Dana", { key: "author: " }), undefined);
    assert.equal(markupProblems("> Fox", { reference: true, key: "title: " }), undefined);
  });

  it("a post's title, topics and description are told; its author is not", () => {
    const found = postMarkupProblems({ title: "## Health online", author: "## Dana", description: "> A chat about looking things up", topics: ["Plain?", "## How do rotas work?"] });
    assert.deepEqual(found.map((p) => [p.path.join("."), p.fix]), [
      ["title", "write it without the markup: title: Health online"],
      ["description", "write it without the markup: description: A chat about looking things up"],
      ["topics.1", "write it without the markup: - How do rotas work?"],
    ]);
  });

  const topics = (items: string[], title = "Health online") => post([`title: ${title}`, ...HEAD.slice(1, 6), "topics:", ...items.map((t) => `  ${t}`)], "Text.\n");

  it("in a post: a warning on the topic's line, whose fix checks clean", () => {
    const ds = problems(topics(['- "## How do rotas work?"', '- "> What helps?"']));
    assert.deepEqual(ds.map(formatDiagnostic), [
      `${FILE}:9:5  topics[0]  warning: topic T1 is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the "##" of a markdown heading at its start → write it without the markup: - How do rotas work?`,
      `${FILE}:10:5  topics[1]  warning: topic T2 is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the ">" of a markdown quote at its start → write it without the markup: - What helps?`,
    ]);
    const fixed = load(topics(["- How do rotas work?", "- What helps?"]));
    assert.deepEqual(fixed.diagnostics, []);
  });

  it("a title `## Health online` in quotes: a warning, whose fix checks clean; `# of patients` is left alone", () => {
    const ds = problems(topics(["- Plain?"], '"## Health online"'));
    assert.deepEqual(ds.map(formatDiagnostic), [
      `${FILE}:2:1  title  warning: \`title\` is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the "##" of a markdown heading at its start → write it without the markup: title: Health online`,
    ]);
    assert.deepEqual(problems(topics(["- Plain?"], "Health online")), []);
    assert.deepEqual(problems(topics(["- Plain?"], '"# of patients per nurse: does it matter?"')), []);
  });

  it("`- > What helps?` without quotes, which YAML cannot read: the fix is the topic without the >", () => {
    const ds = problems(topics(["- > What helps?", "- >What else? # ask last", "- > 50% of nurses?"]));
    assert.deepEqual(ds.map(formatDiagnostic), [
      `${FILE}:9:5  YAML reads a > at the start of a value as the start of a text written on the lines below it, so the words after it cannot stand there (and front matter is not markdown: > makes no quote there) → write it without the >: - What helps?`,
      `${FILE}:10:5  YAML reads a > at the start of a value as the start of a text written on the lines below it, so the words after it cannot stand there (and front matter is not markdown: > makes no quote there) → write it without the >: - What else?  # ask last`,
      // "> 50%" is "more than 50%": kept, in quotes (and then no warning).
      `${FILE}:11:5  YAML cannot read this value: something follows the end of it → put the value in double quotes: - "> 50% of nurses?"`,
    ]);
    assert.deepEqual(problems(topics(["- What helps?", "- What else?  # ask last", '- "> 50% of nurses?"'])), []);
  });

  it("reads a title of 200,000 #s, >s or spaces in linear time", { timeout: 60_000 }, () => {
    for (const text of ["#".repeat(200_000), `## ${" ".repeat(200_000)}x${" #".repeat(100_000)}`, ">".repeat(200_000), `${"> ".repeat(100_000)}1`]) {
      const p = markupProblems(text, { key: "title: ", block: true });
      assert.ok(p === undefined || typeof p.plain === "string");
    }
    assert.equal(markupProblems(`## ${"a".repeat(200_000)} ##`, { key: "title: ", block: true })?.plain, "a".repeat(200_000));
  });
});
