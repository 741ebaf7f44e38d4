// Front-matter mistakes that YAML accepts or misreads, through the post loader: a hashtag
// read as a comment, a missing closing --- (a heading taken for a comment), a colon in a topic, tags in one text, curly
// quotes and non-breaking spaces. Each is reported where it is, with a fix that keeps
// everything the writer wrote.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** The problems of a post whose front matter is `lines` (from line 2), without the file name. */
function problems(lines: string[], body = "Body\n"): Array<Omit<Diagnostic, "file">> {
  const result = loadPost(FILE, `---\n${lines.join("\n")}\n---\n${body}`, ctx);
  return result.diagnostics.map(({ file, ...rest }) => {
    assert.equal(file, FILE);
    return rest;
  });
}

describe("a hashtag after unquoted text, which YAML reads as a comment", () => {
  it("is an error at the #, with the value quoted as the writer wrote it", () => {
    assert.deepEqual(problems(["title: Night shift #nursing", "date: 2017-04-30"]), [
      {
        severity: "error", line: 2, column: 20, field: "title",
        message: "the text `#nursing` is left out of the value: in YAML, a space followed by # starts a comment, which is not part of the post",
        fix: 'put the value in quotes: title: "Night shift #nursing" (or, if it is a note to yourself, move it to a line of its own)',
      },
    ]);
  });

  it("leaves the rest of the post checked in the same run: the other mistakes come with it", () => {
    const found = problems(["title: Night shift #nursing", "date: 2017-04-30", "tags: nursing, night shift", "topics:", "  - Who works?", "  - Burnout: what helps?"]);
    assert.deepEqual(found.map((d) => [d.line, d.field]), [[2, "title"], [4, "tags"], [7, "topics[1]"]]);
    assert.match(found[1]!.fix ?? "", /tags: \[nursing, night shift\]/);
    assert.match(found[2]!.fix ?? "", /- "Burnout: what helps\?"/);
  });

  it("in a topic, takes everything from the first ' #' (here a hashtag in the middle)", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "  - Shift handover", "  - How do you use #hcldr data? #patients"]), [
      {
        severity: "error", line: 6, column: 20, field: "topics[1]",
        message: "the text `#hcldr data? #patients` is left out of the value: in YAML, a space followed by # starts a comment, which is not part of the post",
        fix: 'put the value in quotes: - "How do you use #hcldr data? #patients" (or, if it is a note to yourself, move it to a line of its own)',
      },
    ]);
  });

  it("quotes with single quotes when the text holds a double quote, and doubles an apostrophe", () => {
    const [d] = problems(['title: The "night" shift isn\'t over #nursing', "date: 2017-04-30"]);
    assert.deepEqual([d!.line, d!.column], [2, 37]);
    assert.equal(d!.fix, `put the value in quotes: title: 'The "night" shift isn''t over #nursing' (or, if it is a note to yourself, move it to a line of its own)`);
  });

  it("in a value over two lines, shows it on one line", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "description: A chat about", "  night shifts #nursing"]), [
      {
        severity: "error", line: 5, column: 16, field: "description",
        message: "the text `#nursing` is left out of the value: in YAML, a space followed by # starts a comment, which is not part of the post",
        fix: 'write the value (lines 4–5) on one line, in quotes: description: "A chat about night shifts #nursing" (or, if it is a note to yourself, move it to a line of its own)',
      },
    ]);
  });

  it("in a list on one line, quotes only the item", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "tags: [research, nursing #nightshift", "  ]"]), [
      {
        severity: "error", line: 4, column: 26, field: "tags[1]",
        message: "the text `#nightshift` is left out of the value: in YAML, a space followed by # starts a comment, which is not part of the post",
        fix: 'put the item in quotes: "nursing #nightshift" (or, if it is a note to yourself, move it to a line of its own)',
      },
    ]);
  });

  it("leaves alone comments written as such: on their own line, `# note` with a space, after quoted values, numbers and true/false", () => {
    const lines = ["# the post's fields", "title: \"Night shift\" #quoted", "date: 2017-04-30  # publish date", "draft: false #until-monday", "chat:", "  # when", "  start: 2017-05-02T20:30  # local time", "  duration: 90 #minutes"];
    assert.deepEqual(problems(lines), []);
  });

  it("an item that is only a hashtag: the topic is named as readers see it, T2", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "  - Shift handover", "  - #patients"]), [
      {
        severity: "error", line: 6, column: 5, field: "topics[1]",
        message: "topic T2 is empty: YAML reads everything after # as a comment",
        fix: 'put the value in quotes: - "#patients"',
      },
    ]);
  });
});

describe("a hashtag in a list written in brackets", () => {
  it("is an error at the #, on its own line, with the items quoted and the bracket kept", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "tags: [nursing, #hcldr]", "chat:", "  start: 2017-05-02T20:30"]), [
      {
        severity: "error", line: 4, column: 17, field: "tags",
        message: "`#hcldr` starts a comment here: in YAML, a # after a space, [ or comma begins one, so the rest of the line, its closing ] included, is left out",
        fix: 'put the item in quotes: `tags: [nursing, "#hcldr"]`',
      },
    ]);
  });

  it("quotes every item with a #, first or inside the text, and a value in braces", () => {
    const fixes = (line: string) => problems(["title: T", "date: 2017-04-30", line]).map((d) => [d.line, d.column, d.fix]);
    assert.deepEqual(fixes("tags: [#hcldr, nursing]"), [[4, 8, 'put the item in quotes: `tags: ["#hcldr", nursing]`']]);
    assert.deepEqual(fixes("topics: [Why?, What about #hcldr?]"), [[4, 27, 'put the item in quotes: `topics: [Why?, "What about #hcldr?"]`']]);
    assert.deepEqual(fixes("chat: {start: 2017-05-02T20:30, hashtag: #hcldr}"), [[4, 42, 'put the item in quotes: `chat: {start: 2017-05-02T20:30, hashtag: "#hcldr"}`']]);
    // Quoted, it is a tag like any other.
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", 'tags: [nursing, "#hcldr"]']), []);
  });
});

describe("a list written with * as in markdown", () => {
  it("is an error at the *, with the line written with -", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "  * Should vendors join?", "  * Should communities accept sponsorship?"]).slice(0, 1), [
      {
        severity: "error", line: 5, column: 3, field: "",
        message: "a list item in YAML starts with - , not * as in markdown",
        fix: "write the line as `  - Should vendors join?`, and so each line starting with *",
      },
    ]);
  });
});

describe("questions pasted as one text after `topics:`", () => {
  it("is an error whose fix is the list, one question per line, without the numbers", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics: T1 Should vendors join? T2 Should communities accept sponsorship? T3 Who decides?"]), [
      {
        severity: "error", line: 4, column: 1, field: "topics",
        message: "expected a list of questions, found 3 questions written as one text",
        fix: 'write `topics:` alone on its line and each question on its own line below it, starting with "- " (the page numbers them itself):\ntopics:\n  - Should vendors join?\n  - Should communities accept sponsorship?\n  - Who decides?',
      },
    ]);
  });

  it("quotes a question that YAML would misread, so that the fix can be pasted", () => {
    const [found] = problems(["title: T", "date: 2017-04-30", "topics: \"1. Burnout: what helps? 2. Who covers #nightshift?\""]);
    assert.match(found!.fix ?? "", /\n {2}- "Burnout: what helps\?"\n {2}- "Who covers #nightshift\?"$/);
  });

  it("keeps the general fix for a single question", () => {
    const [found] = problems(["title: T", "date: 2017-04-30", "topics: Should vendors join?"]);
    assert.equal(found!.message, "expected a list of questions, one per line starting with -, found text");
    assert.match(found!.fix ?? "", /"  - Should vendors join\?"/);
  });
});

describe("front matter without its closing ---, with a --- rule further down", () => {
  it("is reported where the text starts, naming the --- taken as the end and the last field", () => {
    const body = "More after the rule.\n";
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "", "Welcome to this week's chat.", "", "- first point", ""], body), [
      {
        severity: "error", line: 5, column: 1, field: "",
        message: "the front matter is not closed: this line is the post's text, but the `---` on line 9 was taken as the end of the front matter, so everything up to it was read as fields",
        fix: "add a line `---` after the last front-matter field (line 3)",
      },
    ]);
  });

  it("starts the text at a heading above the first paragraph, and still reports a mistake in the fields", () => {
    const out = problems(["title: T", "date 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "", "## This week", "", "Join us: Tuesday at 8.", ""]);
    assert.equal(out.length, 2);
    const unclosed = out.find((d) => d.message.startsWith("the front matter is not closed"))!;
    assert.deepEqual([unclosed.line, unclosed.column, unclosed.fix], [7, 1, "add a line `---` after the last front-matter field (line 5)"]);
    assert.match(unclosed.message, /the `---` on line 11 was taken as the end/);
    const colon = out.find((d) => d !== unclosed)!;
    assert.deepEqual([colon.line, colon.column], [3, 1]);
    assert.match(colon.message, /has no colon/);
  });

  it("starts the text at a sentence right after the fields too, but not at a field without its colon", () => {
    const [d] = problems(["title: T", "date: 2017-04-30", "Welcome to this week's chat.", ""]);
    assert.deepEqual([d!.line, d!.column, d!.fix], [4, 1, "add a line `---` after the last front-matter field (line 3)"]);
    assert.match(d!.message, /^the front matter is not closed: .* the `---` on line 6 was taken as the end/);
    const [typo] = problems(["title: T", "date 2017-04-30", "chat:", "  start: 2017-05-02T20:30"]);
    assert.deepEqual([typo!.line, typo!.column, typo!.message], [3, 1, "`date 2017-04-30` has no colon after the field name"]);
  });

  it("is not suspected in front matter with blank lines and comments between its fields", () => {
    assert.deepEqual(problems(["title: T", "", "# when it is", "date: 2017-04-30", "", "topics:", "", "- Shift handover"]), []);
  });

  it("starts the text at a heading right before the rule, which YAML would drop as a comment", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "", "# Tonight's chat"], "More after the rule.\n"), [
      {
        severity: "error", line: 5, column: 1, field: "",
        message: "the front matter is not closed: this line is the post's text, but the `---` on line 6 was taken as the end of the front matter, so everything up to it was read as fields",
        fix: "add a line `---` after the last front-matter field (line 3)",
      },
    ]);
    const [h2] = problems(["title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "", "## Questions", ""]);
    assert.deepEqual([h2!.line, h2!.column, h2!.fix], [7, 1, "add a line `---` after the last front-matter field (line 5)"]);
  });

  it("leaves alone comments that are no heading: a commented-out field, #tags, a line of #, a note right after the fields", () => {
    for (const comment of ["# description: One sentence for link previews.", "#tags: [nursing]", "# - Who works the night shift?", "####", "#"]) {
      assert.deepEqual(problems(["title: T", "date: 2017-04-30", "", comment]), [], comment);
    }
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "# Tonight's chat"]), []);
  });

  it("leaves alone a heading-like comment above more fields, a list under `topics:` included", () => {
    assert.deepEqual(problems(["title: T", "", "## The chat", "", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30"]), []);
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "", "# The questions", "- Who works the night shift?"]), []);
  });

  it("leaves settings files alone: there, a comment is a comment", () => {
    assert.deepEqual(readYamlDocument("title: Care Leaders Chat\n\n# Tonight's chat\n", "content/_data/site.yaml", 1).diagnostics, []);
  });
});

describe("front matter with no closing --- at all", () => {
  const load = (raw: string) => loadPost(FILE, raw, ctx).diagnostics;

  it("is reported where the text starts, naming the last field to add --- after", () => {
    assert.deepEqual(load("---\ntitle: T\ndate: 2017-04-30\n\nWelcome to this week's chat.\n"), [
      {
        severity: "error", file: FILE, line: 5, column: 1, field: "",
        message: "the front matter is never closed: this line is where the post's text starts, but no line `---` comes before it to end the fields",
        fix: "add a line `---` after line 3, the last field (`date: 2017-04-30`)",
      },
    ]);
  });

  it("reads on as if the --- were there: the fields' and the text's problems come in the same list", () => {
    const found = load("---\ntitle: T\ndate: 2017-04-30\ndraft: maybe\n\nSee [the slides](slide.pdf).\n");
    assert.deepEqual(found.map((d) => [d.line, d.field, d.message.split(":")[0]]), [
      [6, "", "the front matter is never closed"],
      [4, "draft", "expected true or false, found text"],
      [6, "", "the link to slide.pdf leads to no file (looked for content/posts/slide.pdf)"],
    ]);
    // Nothing is built from it: the post has errors.
    assert.equal(loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n\nWelcome.\n", ctx).post, undefined);
  });

  it("starts the text at a heading, after a blank line or right after the fields", () => {
    const [blank] = load("---\ntitle: T\ndate: 2017-04-30\nchat:\n  start: 2017-05-02T20:30\n\n# Tonight's chat\n\nJoin us.\n");
    assert.deepEqual([blank!.line, blank!.column, blank!.fix], [7, 1, "add a line `---` after line 5, the last field (`start: 2017-05-02T20:30`)"]);
    const [close] = load("---\ntitle: T\ndate: 2017-04-30\n## Tonight's chat\nJoin us.\n");
    assert.deepEqual([close!.line, close!.fix], [4, "add a line `---` after line 3, the last field (`date: 2017-04-30`)"]);
  });

  it("does not take a comment above more fields, or a commented-out field, for the text", () => {
    const [d] = load("---\ntitle: T\n\n# when it is\ndate: 2017-04-30\n\n# description: later\n\n## Questions\n\n- Who works the night shift?\n");
    assert.deepEqual([d!.line, d!.column, d!.fix], [9, 1, "add a line `---` after line 5, the last field (`date: 2017-04-30`)"]);
  });

  it("shows a long last field cut short, and counts lines with a BOM and Windows line ends", () => {
    const [d] = load("\uFEFF---\r\ntitle: T\r\ndate: 2017-04-30\r\ndescription: One sentence for search engines and link previews.\r\n\r\nWelcome to this week's chat.\r\n");
    assert.deepEqual([d!.line, d!.fix], [6, "add a line `---` after line 4, the last field (`description: One sentence for search en…`)"]);
  });

  it("in a file of fields only (cut short), points at its last line", () => {
    assert.deepEqual(load("---\ntitle: T\ndate: 2017-04-30\n\n"), [
      {
        severity: "error", file: FILE, line: 3, column: 1, field: "",
        message: "the front matter is never closed: the file ends with no line `---` after the fields",
        fix: "add a line `---` after line 3, the last line (`date: 2017-04-30`), then the post's text below it",
      },
    ]);
    const [fence] = load("---\n");
    assert.deepEqual([fence!.line, fence!.column, fence!.message], [1, 1, "the front matter is never closed: the file has only its first line `---`"]);
  });

  it("is reported in a page too, which would otherwise be shown empty", () => {
    const page = loadPage("content/about.md", "---\ntitle: About\nlayout: base.njk\n# About the chat\n\nCare Leaders Chat is weekly.\n", ctx);
    assert.deepEqual(page.diagnostics, [
      {
        severity: "error", file: "content/about.md", line: 4, column: 1, field: "",
        message: "the front matter is never closed: this line is where the page's text starts, but no line `---` comes before it to end the fields",
        fix: "add a line `---` after line 3, the last field (`layout: base.njk`)",
      },
    ]);
  });
});

describe("a topic with a colon, tags in one text", () => {
  it("a topic that YAML read as a field: shown in quotes, named T2", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "  - Shift handover", "  - Burnout: what helps?"]), [
      {
        severity: "error", line: 6, column: 5, field: "topics[1]",
        message: "topic T2 became a field named `Burnout`: YAML reads a colon followed by a space as the end of a field's name",
        fix: 'put the text in quotes, so that the colon stays part of it: - "Burnout: what helps?"',
      },
    ]);
  });

  it("`tags: a, b` becomes the list [a, b], quoting what YAML would read otherwise", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "tags: nursing, night shift, 2017"]), [
      {
        severity: "error", line: 4, column: 1, field: "tags",
        message: "expected a list of tags, found text",
        fix: 'write them in square brackets, so that each is its own tag: tags: [nursing, night shift, "2017"]',
      },
    ]);
  });

  it("a tag with a comma in a list is an error, with the list split", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "tags:", "  - research", "  - nursing, night shift"]), [
      {
        severity: "error", line: 6, column: 5, field: "tags[1]",
        message: 'item 2 of `tags`: "nursing, night shift" is one tag with a comma in it, not 2 tags',
        fix: "write each tag as its own item, e.g. all on one line in place of the list: tags: [research, nursing, night shift]",
      },
    ]);
  });

  it("a tag written twice in one post is an error at the second, naming the first", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "tags: [nursing, research, nursing]"]), [
      {
        severity: "error", line: 4, column: 27, field: "tags[2]",
        message: 'item 3 of `tags`: the tag "nursing" is written twice (also item 1)',
        fix: "remove this one",
      },
    ]);
  });

  it("an empty topic and a topic that is a list are named T2 and T3", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "topics:", "  - Shift handover", "  - ''", "  - [a, b]"]), [
      { severity: "error", line: 6, column: 5, field: "topics[1]", message: "topic T2 is empty", fix: "write its text, or remove it from the list" },
      {
        severity: "error", line: 7, column: 5, field: "topics[2]",
        message: "topic T3: expected the question as text, found a list",
        fix: 'write the item as text on the line of its "- ", e.g. - your text',
      },
    ]);
  });
});

describe("curly quotes and non-breaking spaces", () => {
  it("curly quotes that YAML cannot read are named, with straight ones in the fix", () => {
    assert.deepEqual(problems(["title: “Online communities: should vendors join?”", "date: 2017-04-30"]), [
      {
        severity: "error", line: 2, column: 8, field: "title",
        message: 'the quotes are curly quotes “ ” — YAML needs straight quotes " "',
        fix: 'write straight quotes: title: "Online communities: should vendors join?" (or, to show the curly quotes too: title: "“Online communities: should vendors join?”")',
      },
    ]);
  });

  it("curly quotes that became part of a value are named where the value is checked", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  duration: “90”", "  hashtag: ‘#hcldr’"]), [
      {
        severity: "error", line: 6, column: 3, field: "chat.duration",
        message: 'the quotes are curly quotes “ ” — YAML needs straight quotes " ", so they became part of the value "“90”"',
        fix: "write it without quotes: duration: 90",
      },
      {
        severity: "error", line: 7, column: 3, field: "chat.hashtag",
        message: 'the quotes are curly quotes ‘ ’ — YAML needs straight quotes " ", so they became part of the value "‘#hcldr’"',
        fix: 'write straight quotes: hashtag: "#hcldr"',
      },
    ]);
  });

  it("a curly-quoted topic with a colon: both named, the fix in straight quotes", () => {
    const [d] = problems(["title: T", "date: 2017-04-30", "topics:", "  - “Burnout: what helps?”"]);
    assert.deepEqual([d!.line, d!.column, d!.field], [5, 5, "topics[0]"]);
    assert.equal(d!.message, 'topic T1 became a field named `“Burnout`: YAML reads a colon followed by a space as the end of a field\'s name, and the quotes are curly quotes “ ” — YAML needs straight quotes " "');
    assert.equal(d!.fix, 'put the text in straight quotes, so that the colon stays part of it: - "Burnout: what helps?"');
  });

  it("a non-breaking space in the indentation is named at its column, not left to read as a field", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "\u00a0 zone: America/Chicago"]), [
      {
        severity: "error", line: 6, column: 1, field: "chat.zone",
        message: "a non-breaking space at column 1 (in the indentation): it looks like a space, but YAML does not read it as one",
        fix: "type ordinary spaces there instead, so that the line reads `  zone: America/Chicago`",
      },
    ]);
  });

  it("a non-breaking space after a colon is named, and the error it causes on the next line is not", () => {
    assert.deepEqual(problems(["title:\u00a0Night shift", "date: 2017-04-30"]), [
      {
        severity: "error", line: 2, column: 7, field: "title",
        message: "a non-breaking space at column 7 (after the colon): it looks like a space, but YAML does not read it as one",
        fix: "type ordinary spaces there instead, so that the line reads `title: Night shift`",
      },
    ]);
  });

  it("a non-breaking space inside a value's text is fine", () => {
    const result = loadPost(FILE, "---\ntitle: Chat at 8\u00a0pm\ndate: 2017-04-30\n---\nBody\n", ctx);
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.post!.title, "Chat at 8\u00a0pm");
  });
});

describe("a field written twice, and a list item whose - is missing", () => {
  const reference = ["title: T", "date: 2017-04-30", "references:", "  - id: doe2021", "    type: book", "    title: Another", "    issued: 2021"];

  it("fields written again in a reference: one error where the next reference starts, with its - added", () => {
    const lines = [...reference, "    id: doe2022", "    type: book", "    title: Third"];
    assert.deepEqual(problems(lines), [
      {
        severity: "error", line: 9, column: 5, field: "references[0].id",
        message: "the fields `id`, `type` and `title` of the item that starts on line 5 are written again from this line, as if another item of `references` began here without its `- `",
        fix: "if it is another item, write this line as `  - id: doe2022` (the - under the one on line 5) and leave the lines below it as they are; if it is the same item written twice, keep one line each for `id`, `type` and `title` and delete the others",
      },
    ]);
    // The line as the fix writes it: the two references read, nothing lost.
    assert.deepEqual(problems(lines.map((l, i) => (i === 7 ? "  - id: doe2022" : l))), []);
  });

  it("is found whichever field the item starts with, and keeps the writer's order of the fields", () => {
    const lines = ["title: T", "date: 2017-04-30", "references:", "  - type: book", "    id: doe2021", "    title: Another", "    type: article-journal", "    id: doe2022", "    title: Third"];
    assert.deepEqual(problems(lines), [
      {
        severity: "error", line: 8, column: 5, field: "references[0].type",
        message: "the fields `type`, `id` and `title` of the item that starts on line 5 are written again from this line, as if another item of `references` began here without its `- `",
        fix: "if it is another item, write this line as `  - type: article-journal` (the - under the one on line 5) and leave the lines below it as they are; if it is the same item written twice, keep one line each for `type`, `id` and `title` and delete the others",
      },
    ]);
  });

  it("in a list nested deeper (a reference's authors), the - goes under the author's own", () => {
    const lines = [...reference.slice(0, 6), "    author:", "      - family: Doe", "        given: Jane", "        family: Roe", "        given: Rick", "    issued: 2021"];
    assert.deepEqual(problems(lines), [
      {
        severity: "error", line: 11, column: 9, field: "references[0].author[0].family",
        message: "the fields `family` and `given` of the item that starts on line 9 are written again from this line, as if another item of `author` began here without its `- `",
        fix: "if it is another item, write this line as `      - family: Roe` (the - under the one on line 9) and leave the lines below it as they are; if it is the same item written twice, keep one line each for `family` and `given` and delete the others",
      },
    ]);
    assert.deepEqual(problems(lines.map((l, i) => (i === 9 ? "      - family: Roe" : l))), []);
  });

  it("a field written twice outside a list is a field written twice, naming its first line", () => {
    assert.deepEqual(problems(["title: T", "date: 2017-04-30", "title: U"]), [
      {
        severity: "error", line: 4, column: 1, field: "title",
        message: "the field `title` is written twice (first on line 2)",
        fix: "keep one of the two lines and delete the other",
      },
    ]);
  });

  it("one field written again at the end of a reference is a field written twice, its first line in the same reference", () => {
    const lines = [...reference, "  - id: doe2022", "    type: book", "    issued: 2022", "    issued: 2023"];
    assert.deepEqual(problems(lines), [
      {
        severity: "error", line: 12, column: 5, field: "references[1].issued",
        message: "the field `issued` is written twice (first on line 11)",
        fix: "keep one of the two lines and delete the other",
      },
    ]);
  });

  it("one field written again at the end of a reference is found first on the reference's line, after its `- `", () => {
    assert.deepEqual(problems([...reference, "    id: doe2022"]), [
      {
        severity: "error", line: 9, column: 5, field: "references[0].id",
        message: "the field `id` is written twice (first on line 5)",
        fix: "keep one of the two lines and delete the other",
      },
    ]);
  });
});

describe("front matter that does not start on the first line", () => {
  /** The problems of a whole post file, as `line:column field message → fix`. */
  const whole = (raw: string) => loadPost(FILE, raw, ctx).diagnostics.map((d) => `${d.line}:${d.column} ${d.field} ${d.message} → ${d.fix}`);

  it("blank lines above the first ---: an error at the ---, and the fields are still checked, at their own lines", () => {
    assert.deepEqual(whole("\n\n---\ntitle: T\ndate: 2017-04-30\ntags: nursing, care\n---\nBody\n"), [
      "3:1  the file must start with the front matter's `---`, but 2 blank lines come before it: the fields would be shown as the post's text → delete the blank lines above it, so that the file starts with `---`",
      "6:1 tags expected a list of tags, found text → write them in square brackets, so that each is its own tag: tags: [nursing, care]",
    ]);
  });

  it("an indented first ---", () => {
    assert.deepEqual(whole("  ---\ntitle: T\ndate: 2017-04-30\n---\nBody\n"), [
      "1:1  the file must start with the front matter's `---`, but it is indented: the fields would be shown as the post's text → delete the spaces before it, so that the file starts with `---`",
    ]);
  });

  it("fields written without the first ---: an error naming the lines, the body checked from its own line", () => {
    const found = whole("title: T\ndate: 2017-04-30\nauthor: 5\n---\nBody ![](x.png)\n");
    assert.equal(found[0], "1:1  the front matter has no first `---`: the fields start on line 1 and end at the `---` on line 4, so they would be shown as the post's text → add a line `---` above line 1, so that the file starts with it");
    assert.match(found[1]!, /^3:1 author /);
    assert.match(found[2]!, /^5:6 {2}the image x\.png has no alt text/);
  });

  it("text, not fields, above a --- rule is still a post without front matter", () => {
    assert.deepEqual(whole("Hello there.\n\n---\n\nMore text.\n"), ["1:1  the file has no front matter → start the file with a line ---, the fields (title:, date:, …), then a line ---"]);
  });

  it("the same for a page; a page that opens with text and a rule has no front matter, an error of its own", () => {
    const page = (raw: string) => loadPage("content/about.md", raw, ctx).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    assert.deepEqual(page("\n---\ntitle: About\n---\nText\n"), ["2:1 the file must start with the front matter's `---`, but a blank line comes before it: the fields would be shown as the page's text"]);
    // Published as a bare page (no title, no header), so an error; not a misplaced front matter.
    assert.deepEqual(page("Note: this page.\n---\nMore\n"), [
      "1:1 the file has no front matter, so it would be published as the page /about/, with no title of its own, and listed for search engines",
    ]);
  });
});

describe("YAML that does not parse does not hide the other fields' problems", () => {
  const lines = (found: Array<Omit<Diagnostic, "file">>) => found.map((d) => `${d.line}:${d.column} ${d.field} ${d.message}`);

  it("a quote left open in the title: the wrong zone and tags below it are told in the same run, at their lines", () => {
    const found = problems(["title: \"Unclosed", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  zone: Sydney", "tags: a, b"]);
    assert.deepEqual(lines(found), [
      '2:8 title the quote " opened on this line is never closed, so what follows is not valid YAML',
      "7:1 tags expected a list of tags, found text",
      '6:3 chat.zone "Sydney" is not an IANA time zone',
    ]);
  });

  it("says nothing more of the field the YAML error is in, nor that it is missing", () => {
    // The title's line holds the error; the date on a line indented with a tab is the field it names.
    assert.deepEqual(lines(problems(["title: T", "\tdate: 2017-04-30"])), ["3:1 date this line is indented with a tab"]);
    assert.deepEqual(lines(problems(["title: It's", "description: 'It's our week'", "date: 2017-13-01"])), [
      "3:14 description an apostrophe inside single quotes ends the text early",
      '4:1 date "2017-13-01" is not a date on the calendar',
    ]);
  });

  it("a field written beside the group the error is in is still told where it belongs", () => {
    const found = problems(["title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "   zone: America/New_York", "duration: 60"]);
    assert.deepEqual(lines(found), [
      "6:4 chat.zone this line is indented further than line 5 above it, so YAML reads it as part of that value",
      "7:1 duration `duration` is a field of `chat`, but it is not indented below `chat:`",
    ]);
  });

  it("a post with a YAML error is never built, and nothing of the broken YAML goes to Eleventy", () => {
    const result = loadPost(FILE, "---\ntitle: \"Unclosed\ndate: 2017-04-30\n---\nBody\n", ctx);
    assert.equal(result.post, undefined);
    assert.equal(result.diagnostics.length, 1);
  });
});
