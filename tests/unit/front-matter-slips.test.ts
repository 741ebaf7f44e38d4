// Slips of the keyboard in front matter that a writer's audit found: a `---` typed twice, a
// value starting with the apostrophe of an elision ('Tis), a field without the space after
// its colon, and an image whose file was only checked once every other field was right.
// Each is one message at its line, the rest of the file is checked in the same run, and its
// fix, applied to the file as written, gives the post that was meant.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { loadPage } from "../../lib/page-loader.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2017-04-30-online-communities.md";
const files = new Set(["content/posts/meetup.jpg", "content/posts/photo.HEIC"]);
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: (rel) => files.has(rel) };

const load = (lines: string[]) => loadPost(FILE, lines.join("\n"), ctx);
/** `line:column field message → fix`, without the file name. */
const shown = (d: Diagnostic) => formatDiagnostic(d).slice(FILE.length + 1);
const problems = (lines: string[]) => load(lines).diagnostics.map(shown);

/** The file with line `n` (1-based) deleted, as a writer does when told "delete line n". */
const without = (lines: string[], ...n: number[]) => lines.filter((_, i) => !n.includes(i + 1));
/** The file with line `n` (1-based) written as `text`: the fix, as given, pasted over the line. */
const replaced = (lines: string[], n: number, text: string) => lines.map((l, i) => (i + 1 === n ? `${/^\s*/.exec(l)![0]}${text}` : l));
/** What a fix says to write: the part after its last ": " (e.g. `put the value in double quotes: title: "…"`). */
const written = (fix: string) => /(?:quotes|kept|after the colon): (.*)$/.exec(fix)![1]!;

describe("a `---` written twice at the top", () => {
  const doubled = ["---", "---", "title: Double fence", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "---", "Join us on Tuesday.", ""];

  it("is one error at the second `---`, not the fields said missing", () => {
    assert.deepEqual(problems(doubled), [
      "2:1  line 2 is a second `---`: the fields below it are read as the post's text → delete line 2",
    ]);
  });

  it("in one of the site's other pages too, with the page's fields read", () => {
    const page = loadPage("content/about.md", ["---", "---", "title: About", "layout: nowhere.njk", "---", "We meet weekly.", ""].join("\n"), ctx);
    assert.equal(formatDiagnostic(page.diagnostics[0]!), "content/about.md:2:1  line 2 is a second `---`: the fields below it are read as the page's text → delete line 2");
    assert.equal(loadPage("content/about.md", ["---", "title: About", "---", "We meet weekly.", ""].join("\n"), ctx).diagnostics.length, 0);
  });

  it("deleting the line, as the fix says, gives the post with its fields and its text", () => {
    const { post, diagnostics } = load(without(doubled, 2));
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.title, "Double fence");
    assert.equal(post!.body, "Join us on Tuesday.\n");
  });

  it("reads the fields below it, so that their problems and the text's come in the same run, at their lines", () => {
    const found = problems(["---", "---", "title: T", "date: 2017-04-30", "chat:", "  zone: EST", "  start: 2017-05-02T20:30", "---", "A picture: ![](meetup.jpg)", ""]);
    assert.equal(found.length, 3);
    assert.equal(found[0], "2:1  line 2 is a second `---`: the fields below it are read as the post's text → delete line 2");
    assert.match(found[1]!, /^6:3  chat\.zone  "EST" is an abbreviation/);
    assert.match(found[2]!, /^9:12  the image meetup\.jpg has no alt text/);
  });

  it("with a blank line between the two, names the second", () => {
    const blank = ["---", "", "---", "title: Double fence", "date: 2017-04-30", "---", "Text.", ""];
    assert.deepEqual(problems(blank), ["3:1  line 3 is a second `---`: the fields below it are read as the post's text → delete line 3"]);
    const { post, diagnostics } = load(without(blank, 3));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([post!.title, post!.body], ["Double fence", "Text.\n"]);
  });

  it("is not suspected when no fields follow it (the fields are really missing)", () => {
    assert.deepEqual(problems(["---", "---", "Just text.", ""]).map((p) => p.replace(/ → .*/, "")), [
      "2:1  title  `title` is missing",
      "2:1  date  `date` is missing",
    ]);
  });
});

describe("a `---` written twice where the fields end", () => {
  it("is a warning: the second is a horizontal line at the top of the page", () => {
    const lines = ["---", "title: Double end", "date: 2017-04-30", "---", "---", "Text.", ""];
    const { post, diagnostics } = load(lines);
    assert.equal(post!.body, "---\nText.\n");
    assert.deepEqual(diagnostics.map(shown), [
      "5:1  warning: line 5 is a second `---` after the one that ends the fields on line 4: it is shown as a horizontal line at the top of the post → delete line 5",
    ]);
    const fixed = load(without(lines, 5));
    assert.deepEqual(fixed.diagnostics, []);
    assert.equal(fixed.post!.body, "Text.\n");
  });

  it("with fields below it, is an error: they are read as text; they are checked with the others", () => {
    const lines = ["---", "title: Split", "---", "---", "date: 2017-04-30", "draft: maybe", "---", "Text.", ""];
    assert.deepEqual(problems(lines), [
      "4:1  line 4 is a second `---` after the one that ends the fields on line 3: the fields below it, up to line 7, are read as the post's text → delete lines 3 and 4, so that all the fields are between the first `---` and the one on line 7",
      "6:1  draft  expected true or false, found text → write `draft: true` or `draft: false` (without quotes)",
    ]);
    const { post, diagnostics } = load(replaced(without(lines, 3, 4), 4, "draft: false"));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual([post!.title, post!.date, post!.body], ["Split", "2017-04-30", "Text.\n"]);
  });

  it("leaves a rule further down alone", () => {
    assert.deepEqual(problems(["---", "title: T", "date: 2017-04-30", "---", "Text.", "", "---", "", "More.", ""]), []);
  });
});

describe("a value starting with the apostrophe of an elision", () => {
  it("is put in double quotes whole, so that the apostrophe stays", () => {
    const lines = ["---", "title: 'Tis the season", "date: 2017-04-30", "---", "Text.", ""];
    const [d, ...rest] = load(lines).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(shown(d!), `2:8  title  YAML reads a value that starts with ' as text in single quotes, and this quote is never closed: the ' of 'Tis is an apostrophe → put the whole value in double quotes, so that the apostrophe is kept: title: "'Tis the season"`);
    const { post, diagnostics } = load(replaced(lines, 2, written(d!.fix!)));
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.title, "'Tis the season");
  });

  it("'Twas, '90s, in a topic too; and with an apostrophe further down the post", () => {
    for (const [lines, line, meant] of [
      [["---", "title: '90s nursing", "date: 2017-04-30", "---", ""], 2, "'90s nursing"],
      [["---", "title: T", "date: 2017-04-30", "topics:", "  - 'Twas the night shift", "  - Who works it?", "---", ""], 5, "'Twas the night shift"],
      [["---", "title: 'Tis the season", "date: 2017-04-30", "description: It's our week", "---", ""], 2, "'Tis the season"],
    ] as const) {
      const [d, ...rest] = load([...lines]).diagnostics;
      assert.deepEqual(rest, [], lines.join("\n"));
      assert.equal(d!.line, line);
      const { post, diagnostics } = load(replaced([...lines], line, written(d!.fix!)));
      assert.deepEqual(diagnostics, []);
      assert.ok(post!.title === meant || post!.topics[0] === meant, `${post!.title} / ${post!.topics[0]}`);
    }
  });

  it("is not taken for a quote that closes on its line: an apostrophe inside it keeps its own fix", () => {
    const [d] = load(["---", "title: 'Tis the season's best", "date: 2017-04-30", "---", ""]).diagnostics;
    assert.equal(d!.fix, `put the value in double quotes: title: "'Tis the season's best"`);
    const [q] = load(["---", "title: 'It's our week'", "date: 2017-04-30", "---", ""]).diagnostics;
    assert.equal(q!.fix, `put the value in double quotes: title: "It's our week"`);
  });
});

describe("double quotes inside double quotes", () => {
  for (const [title, meant] of [
    [`"Kate's "big" idea"`, `Kate's "big" idea`],
    // The closing quote forgotten: the first one is YAML's.
    [`"Kate's "big" idea`, `Kate's "big" idea`],
    // Every quote the text's own.
    [`"Big" ideas tonight`, `"Big" ideas tonight`],
    [`"Big" ideas "tonight"`, `"Big" ideas "tonight"`],
  ] as const) {
    it(`title: ${title} gets a fix that, written as given, shows ${meant}`, () => {
      const lines = ["---", `title: ${title}`, "date: 2017-04-30", "---", ""];
      const [d, ...rest] = load(lines).diagnostics;
      assert.deepEqual(rest, []);
      assert.equal(d!.line, 2);
      const { post, diagnostics } = load(replaced(lines, 2, written(d!.fix!)));
      assert.deepEqual(diagnostics, []);
      assert.equal(post!.title, meant);
    });
  }
});

describe("a field without a space after its colon", () => {
  const review = ["---", "title:2026 in review", "date: 2017-04-30", "author: null", "topics:", "  - 1.5", "  - What comes next?", "---", ""];

  it("says so, and the file's other problems come in the same run", () => {
    const found = problems(review);
    assert.equal(found[0], "2:6  title  `title:2026 in review` needs a space after the colon: without it, YAML does not read `title` as a field → add a space after the colon: title: 2026 in review");
    assert.deepEqual(found.slice(1).map((p) => p.split("  ").slice(0, 2).join("  ")), ["4:1  author", "6:5  topics[0]"]);
  });

  it("below the title, a value that reads like a sentence is still that field, not the post's text", () => {
    const lines = ["---", "title: Care at home", "description:A weekly chat about care at home.", "date: 2017-04-30", "---", ""];
    assert.deepEqual(problems(lines), ["3:12  description  `description:A weekly chat about care at home.` needs a space after the colon: without it, YAML does not read `description` as a field → add a space after the colon: description: A weekly chat about care at home."]);
  });

  it("a sentence starting `Note:the chat…` right below the fields is still the post's text, its front matter never closed", () => {
    for (const body of ["Note:the chat moves to Friday this week.", "Update:we meet later.\nJoin us!"]) {
      const lines = ["---", "title: Care at home", "date: 2017-04-30", ...body.split("\n"), ""];
      assert.deepEqual(problems(lines), ["4:1  the front matter is never closed: this line is where the post's text starts, but no line `---` comes before it to end the fields → add a line `---` after line 3, the last field (`date: 2017-04-30`)"], body);
    }
  });

  it("writing the line as the fix says leaves only the other problems", () => {
    const found = problems(replaced(review, 2, written(load(review).diagnostics[0]!.fix!)));
    assert.deepEqual(found.map((p) => p.split("  ").slice(0, 2).join("  ")), ["4:1  author", "6:5  topics[0]"]);
    const { post } = load(replaced(replaced(replaced(review, 2, "title: 2026 in review"), 4, "author: Kate"), 6, `- "1.5"`));
    assert.equal(post!.title, "2026 in review");
  });

  it("anywhere: the last field, the whole front matter, a group's fields below it", () => {
    for (const [lines, expected] of [
      [["---", "date: 2017-04-30", "title:2026 in review", "---", ""], ["3:6  title  `title:2026 in review`"]],
      [["---", "title:2026 in review", "---", ""], ["2:6  title  `title:2026 in review`", "2:1  date  `date`"]],
      [["---", "title: T", "date: 2017-04-30", "chat:", "  start:2017-05-02T20:30", "  zone:America/New_York", "---", ""], ["5:8  chat.start  `start:2017-05-02T20:30`", "6:7  chat.zone  `zone:America/New_York`"]],
      [["---", "title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  platform: Mastodon", "  url:https://mastodon.social/tags/x", "---", ""], ["7:6  chat.url  `url:https://mastodon.social/tags/x`"]],
    ] as const) {
      const found = problems([...lines]);
      assert.deepEqual(found.map((p) => p.replace(/ needs a space.*| is missing.*/, "")), expected, lines.join("\n"));
    }
  });

  it("quotes a value that needs quotes once the space is there", () => {
    for (const [line, fix, meant] of [
      ["title:Online: communities", `title: "Online: communities"`, "Online: communities"],
      ["title:#hcldr at night", `title: "#hcldr at night"`, "#hcldr at night"],
    ] as const) {
      const lines = ["---", "date: 2017-04-30", line, "---", ""];
      const [d, ...rest] = load(lines).diagnostics;
      assert.deepEqual(rest, []);
      assert.equal(d!.fix, `add a space after the colon: ${fix}`);
      const { post, diagnostics } = load(replaced(lines, 3, written(d!.fix!)));
      assert.deepEqual(diagnostics, []);
      assert.equal(post!.title, meant);
    }
  });

  it("leaves alone a colon in a topic, in a text below its field, and a web address", () => {
    assert.deepEqual(problems(["---", "title: T", "date: 2017-04-30", "topics:", "  - T1:what helps?", "description:", "  Note:this is it", "---", ""]).filter((p) => /space after/.test(p)), []);
    assert.equal(load(["---", "title: T", "date: 2017-04-30", "description:", "  Note:this is it", "---", ""]).post!.description, "Note:this is it");
  });

  it("is read with the space only for the checks: the file's text is not changed, and nothing is kept for the build", () => {
    const text = "title:2026 in review\ndate: 2017-04-30\n";
    const doc = readYamlDocument(text, FILE, 2);
    assert.equal(doc.repaired, true);
    assert.deepEqual(doc.data, { title: "2026 in review", date: "2017-04-30" });
    assert.deepEqual(doc.locate(["date"]), { line: 3, column: 1 });
    assert.deepEqual(doc.locate(["title"]), { line: 2, column: 1 });
    // A settings file or Eleventy's own reading (from line 1): YAML as it is.
    assert.equal(readYamlDocument(text, "", 1).repaired, undefined);
  });
});

describe("the image's file, checked whatever else is wrong", () => {
  it("a web address is reported with a wrong hashtag", () => {
    const found = problems(["---", "title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  hashtag: careldr", "image:", "  src: https://example.org/a.jpg", "  alt: Two hosts", "---", ""]);
    assert.deepEqual(found.map((p) => p.split("  ").slice(0, 2).join("  ")), ["6:3  chat.hashtag", "8:3  image.src"]);
    assert.match(found[1]!, /not a web address/);
  });

  it("a file of a kind the site does not publish is reported with an empty alt", () => {
    const found = problems(["---", "title: T", "date: 2017-04-30", "image:", "  src: ./photo.HEIC", '  alt: ""', "---", ""]);
    assert.deepEqual(found.map((p) => p.split("  ").slice(0, 2).join("  ")).sort(), ["5:3  image.src", "6:3  image.alt"]);
    assert.match(found.find((p) => p.startsWith("5:3"))!, /\.HEIC is not published/);
  });

  it("a missing file, with a wrong date; a src the schema finds wrong is said once", () => {
    const found = problems(["---", "title: T", "date: 2017-13-01", "image:", "  src: ./nowhere.jpg", "  alt: A", "---", ""]);
    assert.deepEqual(found.map((p) => p.split("  ").slice(0, 2).join("  ")), ["3:1  date", "5:3  image.src"]);
    const empty = problems(["---", "title: T", "date: 2017-04-30", "image:", '  src: ""', "  alt: A", "---", ""]);
    assert.equal(empty.filter((p) => p.startsWith("5:3  image.src")).length, 1);
  });

  it("a file that is there, with another field wrong, is not reported", () => {
    const found = problems(["---", "title: T", "date: 2017-04-30", "draft: maybe", "image:", "  src: ./meetup.jpg", '  alt: ""', "---", ""]);
    assert.deepEqual(found.map((p) => p.split("  ").slice(0, 2).join("  ")), ["4:1  draft", "7:3  image.alt"]);
  });
});
