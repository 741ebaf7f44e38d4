// Front-matter YAML mistakes whose suggested fix was wrong or looped (a fuzz audit): quoting
// a value that only had to move, or quoting one already in quotes, so that each round of
// fixing added a layer. Each is now one message naming the slip, and its fix, applied to the
// file literally, gives a file whose re-check no longer has that error.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument, splitFrontMatter } from "../../lib/front-matter.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { frontMatterSchema } from "../../lib/post-schema.ts";
import { schemaReadOptions } from "../../lib/schema-messages.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2026-11-20-upcoming-chat.md";
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };

/** `line:column field message → fix` of the front matter's YAML, read with what the schema knows (as lib/post-loader.ts reads it). */
function yamlProblems(lines: string[]): string[] {
  const split = splitFrontMatter(lines.join("\n"));
  return readYamlDocument(split.yaml!, FILE, split.yamlLine, schemaReadOptions(frontMatterSchema)).diagnostics.map((d) => formatDiagnostic(d).slice(FILE.length + 1));
}
/** Every error of the post, as `npm run check` gives them. */
const errors = (lines: string[]): Diagnostic[] => loadPost(FILE, lines.join("\n"), ctx).diagnostics.filter((d) => d.severity === "error");
const fixOf = (shown: string) => shown.slice(shown.indexOf(" → ") + 3);
/** The file with line `n` (1-based) written as `text`. */
const replaced = (lines: string[], n: number, text: string) => lines.map((l, i) => (i + 1 === n ? text : l));
/** The file with `text` added above line `n` (1-based). */
const inserted = (lines: string[], n: number, ...text: string[]) => [...lines.slice(0, n - 1), ...text, ...lines.slice(n - 1)];
/** What a fix says the line reads, in its last backquotes. */
const reads = (fix: string) => /so that the line reads `(.*)`$/.exec(fix)?.[1] ?? /write the line as `(.*?)`/.exec(fix)![1]!;

const head = ["---", "title: The upcoming chat", "date: 2026-11-20"];
const tail = ["---", "Body.", ""];

describe("the first field indented", () => {
  const post = ["---", "  title: Hello", "date: 2026-11-20", "author: Kate", "chat:", "  start: 2026-12-01T20:30", "topics:", "  - What is next?", ...tail];

  it("is one error on its line, not one on every line below it; the rest is read as fixed", () => {
    const found = loadPost(FILE, post.join("\n"), ctx).diagnostics.map((d) => formatDiagnostic(d).slice(FILE.length + 1));
    assert.deepEqual(found, ["2:1  title  the first field is indented, but the fields below it are not: YAML cannot read the front matter → delete the spaces before `title:`, so that the line reads `title: Hello`"]);
  });

  it("deleting the spaces, as the fix says, gives a post with no errors", () => {
    const fix = fixOf(yamlProblems(post)[0]!);
    assert.deepEqual(errors(replaced(post, 2, reads(fix))), []);
  });

  it("the other fields' problems come in the same run, at their columns as written", () => {
    const found = errors(["---", "    title: Hello", "date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", "  zone: Sydney", ...tail]);
    assert.equal(found.length, 2);
    assert.equal(found[0]!.line, 2);
    assert.match(`${found[1]!.line}:${found[1]!.column} ${found[1]!.message}`, /^6:3 "Sydney" is not an IANA time zone/);
  });

  it("with more than one field indented alike, names the lines", () => {
    const found = yamlProblems(["---", "  title: Hello", "  date: 2026-11-20", "chat:", "  start: 2026-12-01T20:30", ...tail]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^2:1  title  the first 2 fields are indented.* → delete the spaces before lines 2 to 3/);
  });

  it("every field indented alike is YAML that reads, and is left alone", () => {
    assert.deepEqual(yamlProblems(["---", "  title: Hello", "  date: 2026-11-20", ...tail]), []);
  });
});

describe("a list YAML cannot place is told as the structural slip, never as a value to quote", () => {
  it("a forgotten `topics:` line below `chat:`: add `topics:` above the list", () => {
    const post = [...head, "chat:", "  start: 2026-12-01T20:30", "  - What is next?", ...tail];
    const [found] = yamlProblems(post);
    assert.equal(found, "6:3  topics  the list on line 6 has no field name above it, so YAML cannot tell which field it belongs to: it looks like `topics`, but there is no `topics:` line → add a line `topics:` above line 6, flush left, with no spaces before it; the list below it stays as it is");
    assert.deepEqual(errors(inserted(post, 6, "topics:")), []);
  });

  it("a `- id:` two spaces too far in: line the `-` up with the other items", () => {
    const post = [...head, "references:", "  - id: ventola2014", "    type: article-journal", "    title: Social media", "    issued: 2014-07",
      "    - id: vartabedian2017", "    type: post-weblog", "    title: Disclosure", "    issued: 2017-04-18", "---", "Body [@ventola2014; @vartabedian2017].", ""];
    const found = yamlProblems(post);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^9:5  references\[1\]\.id  this item's - is 2 spaces further in than the - of the item above it \(line 5\)/);
    assert.doesNotMatch(found[0]!, /quotes/);
    assert.deepEqual(errors(replaced(post, 9, reads(fixOf(found[0]!)))), []);
  });

  it("a forgotten `author:` above a list of names in a reference: add `author:` above the list, never quotes around quotes", () => {
    const post = [...head, "references:", "  - id: smailhodzic2016", "    type: article-journal", '    title: "Social media use in healthcare"',
      '      - "Smailhodzic, Edin"', '      - "Hooijsma, Wyanda"', "    issued: 2016-08-26", "---", "Body [@smailhodzic2016].", ""];
    const found = yamlProblems(post);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^8:7  references\[0\]\.author  the list on lines 8–9 has no field name above it.* → add a line `author:` above line 8, indented like `title:` \(4 spaces\)/);
    assert.deepEqual(errors(inserted(post, 8, "    author:")), []);
  });

  it("read without the schema, still no quotes: the name of the field is asked for", () => {
    const found = loadPost(FILE, [...head, "chat:", "  start: 2026-12-01T20:30", "  - What is next?", ...tail].join("\n"), ctx).diagnostics.map(formatDiagnostic);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /has no field name above it/);
    assert.doesNotMatch(found[0]!, /quotes/);
  });
});

describe("a reference's field indented less than its other fields", () => {
  it("named like a field of the post (`title:`): indented like the others, not moved flush left as a second title", () => {
    const post = [...head, "references:", "  - id: ventola2014", "    type: article-journal", "  title: Social media", "    issued: 2014-07", "---", "Body [@ventola2014].", ""];
    const found = yamlProblems(post);
    assert.deepEqual(found, ["7:3  references[0].title  `title:` is indented less than the other fields of the list item that starts on line 5, so YAML does not read it as one of them → indent it like `type:` (4 spaces), so that the line reads `    title: Social media`"]);
    assert.deepEqual(errors(replaced(post, 7, reads(fixOf(found[0]!)))), []);
  });

  it("`author:` too, with the lines below it not told again", () => {
    const post = [...head, "references:", "  - id: ventola2014", "    type: article-journal", "    title: Social media", '  author: "Ventola, C. Lee"', "    issued: 2014-07", "---", "Body [@ventola2014].", ""];
    const found = yamlProblems(post);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^8:3  references\[0\]\.author  .* → indent it like `title:` \(4 spaces\), so that the line reads `    author: "Ventola, C\. Lee"`$/);
    assert.deepEqual(errors(replaced(post, 8, reads(fixOf(found[0]!)))), []);
  });
});

describe("`topics: - What is next?` on one line", () => {
  it("says to put `topics:` alone on its line and the item on the next", () => {
    const post = [...head, "topics: - What is next?", ...tail];
    const found = yamlProblems(post);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^4:9  topics  .* → put `topics:` alone on its line, then `  - What is next\?` on the next$/);
    assert.deepEqual(errors([...head, "topics:", "  - What is next?", ...tail]), []);
  });
});

describe("two fields written on one line", () => {
  it("`start: …  zone: …`: put `zone:` on its own line, with the two lines as the fix", () => {
    const post = [...head, "chat:", "  start: 2026-12-01T20:30  zone: Europe/London", ...tail];
    const found = yamlProblems(post);
    assert.equal(found.length, 1);
    assert.equal(fixOf(found[0]!), "put `zone:` on its own line: write `  start: 2026-12-01T20:30` and, on the line below it, `  zone: Europe/London`");
    const [, first, second] = /write `(.*?)` and, on the line below it, `(.*?)`/.exec(fixOf(found[0]!))!;
    assert.deepEqual(errors([...head, "chat:", first!, second!, ...tail]), []);
  });

  it("`date: … author: …` at the top level", () => {
    const found = yamlProblems(["---", "title: The upcoming chat", "date: 2026-11-20 author: Kate", ...tail]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^3:18  date  `author:` is written on the line of `date:`.* → put `author:` on its own line: write `date: 2026-11-20` and, on the line below it, `author: Kate`$/);
  });

  it("a colon in a sentence is still a value to quote", () => {
    const found = yamlProblems(["---", "title: The upcoming chat", "date: 2026-11-20", "description: Join us for a chat: topics include care", ...tail]);
    assert.match(found[0]!, /the value contains ': '.* → put the value in double quotes: description: "Join us for a chat: topics include care"$/);
  });
});

describe("the yaml library's own words never reach a writer", () => {
  it("a value over 1024 characters with an indented line below it: the indented line is told, once", () => {
    const long = "A long description of the chat. ".repeat(40);
    const found = yamlProblems([...head, `description: ${long}`, "  draft: true", ...tail]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^5:3  draft  this line is indented further than line 4/);
  });

  it("the closing `---` with text after it on the same line", () => {
    const post = [...head, "--- Our chat tonight", "More text.", "---", "Body.", ""];
    const found = loadPost(FILE, post.join("\n"), ctx).diagnostics.map(formatDiagnostic);
    assert.ok(found.length >= 1);
    for (const shown of found) assert.doesNotMatch(shown, /parseAllDocuments|Source contains/);
    assert.match(found[0]!, /:4:1  `---` must be alone on its line to end the front matter.* → write `---` alone on line 4 and move `Our chat tonight` to the line below it$/);
  });

  it("more than one anchor on a value", () => {
    const found = yamlProblems(["---", "title: &a &b The chat", "date: 2026-11-20", ...tail]);
    assert.equal(found.length, 1);
    assert.doesNotMatch(found[0]!, /anchor/);
    assert.match(found[0]!, /put the value in double quotes: title: "&a &b The chat"$/);
  });
});

describe("a line indented with a tab", () => {
  it("before a top-level field: delete the tab, with the line as it should read", () => {
    const post = ["---", "title: T", "\tdate: 2026-11-20", ...tail];
    const found = yamlProblems(post);
    assert.deepEqual(found, ["3:1  date  this line is indented with a tab → delete the tab before it, with no spaces in its place, so that the line reads `date: 2026-11-20`"]);
    assert.deepEqual(errors(replaced(post, 3, reads(fixOf(found[0]!)))), []);
  });

  it("before a field of a group or a list item: as many spaces as its level needs", () => {
    const post = [...head, "chat:", "\tstart: 2026-12-01T20:30", "references:", "  - id: a", "\t\ttype: book", "    title: A book", "    issued: 2020", "---", "Body [@a].", ""];
    const found = yamlProblems(post);
    assert.equal(fixOf(found[0]!), "indent it with 2 spaces, not a tab, so that the line reads `  start: 2026-12-01T20:30`");
    const fixed = replaced(post, 5, reads(fixOf(found[0]!)));
    const next = yamlProblems(fixed);
    assert.equal(fixOf(next[0]!), "indent it with 4 spaces, not a tab, so that the line reads `    type: book`");
    assert.deepEqual(errors(replaced(fixed, 8, reads(fixOf(next[0]!)))), []);
  });
});

describe("a value already in quotes is never put in quotes again", () => {
  it("a quoted value on a line YAML cannot place", () => {
    const found = yamlProblems([...head, "author:", '  name: "Kate"', '    other: "Dana"', ...tail]);
    for (const shown of found) assert.doesNotMatch(shown, /'"|"'|\\"/);
  });
});
