// Unit tests of the post loader: schema, defaults, normalisation and error positions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { readFileSync } from "node:fs";
import { formatDiagnostic } from "../../lib/diagnostics.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: (rel) => rel === "content/posts/meetup.jpg" };
const FILE = "content/posts/2017-04-30-online-communities.md";

function load(frontMatter: string, body = "Body\n") {
  return loadPost(FILE, `---\n${frontMatter}\n---\n${body}`, ctx);
}

describe("loadPost", () => {
  it("applies the site's defaults and derives slug and URL from the file name", () => {
    const { post, diagnostics } = load("title: T\ndate: 2017-04-30\nchat:\n  start: 2017-05-02T20:30");
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.slug, "online-communities");
    assert.equal(post!.url, "/posts/online-communities/");
    assert.equal(post!.author, settings.author);
    assert.equal(post!.chat!.zone, "America/New_York");
    assert.equal(post!.chat!.hashtag, "#fixchat");
    assert.equal(post!.chat!.durationMinutes, 60);
    assert.equal(post!.chat!.startMillis, Date.UTC(2017, 4, 3, 0, 30));
    assert.equal(post!.chat!.endMillis, Date.UTC(2017, 4, 3, 1, 30));
    assert.equal(post!.bodyLine, 7);
  });

  it("reads the day a post was updated, which may not be before its date", () => {
    assert.equal(load("title: T\ndate: 2017-04-30\nupdated: 2017-05-02").post!.updated, "2017-05-02");
    assert.equal(load("title: T\ndate: 2017-04-30").post!.updated, undefined);
    const early = load("title: T\ndate: 2017-04-30\nupdated: 2017-04-29");
    assert.equal(early.post, undefined);
    assert.deepEqual(early.diagnostics.map(formatDiagnostic), [
      `${FILE}:4:1  updated  the post was updated (2017-04-29) before it was published (2017-04-30) → write the day you changed the post, on or after 2017-04-30, or remove \`updated:\``,
    ]);
    const wrong = load("title: T\ndate: 2017-04-30\nupdated: yesterday");
    assert.deepEqual(wrong.diagnostics.map((d) => [d.line, d.field]), [[4, "updated"]]);
    assert.match(wrong.diagnostics[0]!.message, /"yesterday" is not a date on the calendar/);
    assert.match(formatDiagnostic(load("title: T\ndate: 2017-04-30\nupdated: [1]").diagnostics[0]!), /updated  expected the day you changed the post, YYYY-MM-DD, found a list → e\.g\. updated: 2017-05-01/);
  });

  it("reads the time of a change where the chat is hosted, for a second change on one day", () => {
    // The site's zone (America/New_York in the fixture settings) when the post gives none.
    const same = load("title: T\ndate: 2017-04-30\nupdated: 2017-04-30T16:45").post!;
    assert.deepEqual([same.updated, same.updatedAt], ["2017-04-30", "2017-04-30T16:45-04:00"]);
    const sydney = load("title: T\ndate: 2017-04-30\nupdated: 2017-05-01 08:00\nchat:\n  start: 2017-05-02T20:30\n  zone: Australia/Sydney").post!;
    assert.deepEqual([sydney.updated, sydney.updatedAt], ["2017-05-01", "2017-05-01T08:00+10:00"]);
    assert.equal(load("title: T\ndate: 2017-04-30\nupdated: 2017-05-02").post!.updatedAt, undefined);
    // Not a time on the clock, a time the clocks skip, a day before the post: each named at the field.
    const bad = (updated: string) => load(`title: T\ndate: 2017-03-01\nupdated: ${updated}`).diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);
    assert.match(bad("2017-03-02T25:10")[0]!, /:4:1  updated  "2017-03-02T25:10" is not a time of day \(the hours go from 00 to 23, the minutes from 00 to 59\) → write updated: 2017-03-02, or .*e\.g\. updated: 2017-03-02T14:30/);
    assert.match(bad("2017-03-12T02:30")[0]!, /:4:1  updated  2017-03-12 02:30 does not exist in America\/New_York: the clocks jump forward 1 hour that night → write updated: 2017-03-12T03:30 for the time 1 hour later, after the change, or updated: 2017-03-12T01:30 /);
    assert.match(bad("2017-02-28T23:00")[0]!, /:4:1  updated  the post was updated \(2017-02-28T23:00\) before it was published \(2017-03-01\)/);
  });

  it("normalises YAML quirks in references to proper CSL", () => {
    const { post, diagnostics } = load(
      [
        "title: T",
        "date: 2017-04-30",
        "references:",
        "  - id: a",
        "    type: article-journal",
        "    title: X",
        "    author: [\"Smailhodzic, Edin\", {family: Hooijsma, given: Wyanda}, World Health Organization]",
        "    volume: 16",
        "    page: 442",
        "    issued: 2016-08-26",
        "    accessed: 2017",
      ].join("\n"),
    );
    assert.deepEqual(diagnostics, []);
    const item = post!.references[0]!;
    assert.equal(item.volume, "16");
    assert.equal(item.page, "442");
    assert.deepEqual(item.issued, { "date-parts": [[2016, 8, 26]] });
    assert.deepEqual(item.accessed, { "date-parts": [[2017]] });
    assert.deepEqual(item.author, [
      { family: "Smailhodzic", given: "Edin" },
      { family: "Hooijsma", given: "Wyanda" },
      { literal: "World Health Organization" },
    ]);
  });

  it("reports every problem with its line, field and a fix", () => {
    const { post, diagnostics } = load(["title: T", "date: 2017-02-30", "topic: [a]", "chat:", "  start: 2017-05-02T20:30", "  zone: EST"].join("\n"));
    assert.equal(post, undefined);
    const lines = diagnostics.map(formatDiagnostic);
    assert.deepEqual(
      diagnostics.map((d) => [d.field, d.line]),
      [
        ["date", 3],
        ["topic", 4],
        ["chat.zone", 7],
      ],
    );
    assert.match(lines[1]!, /unknown field `topic` → did you mean `topics`\?/);
    assert.match(lines[2]!, /→ write zone: America\/New_York \(the zone of EST\/Eastern, with its clock changes\)$/);
  });

  it("rejects an image without alt text or whose file is missing", () => {
    const noAlt = load("title: T\ndate: 2017-04-30\nimage:\n  src: ./meetup.jpg");
    assert.deepEqual(noAlt.diagnostics.map((d) => d.field), ["image.alt"]);
    const missing = load("title: T\ndate: 2017-04-30\nimage:\n  src: ./nope.jpg\n  alt: x");
    assert.deepEqual(missing.diagnostics.map((d) => [d.field, d.line]), [["image.src", 5]]);
    const ok = load("title: T\ndate: 2017-04-30\nimage:\n  src: ./meetup.jpg\n  alt: x");
    assert.equal(ok.post!.image!.url, "/posts/meetup.jpg");
  });

  it("accepts a BOM and CRLF line ends", () => {
    const { post, diagnostics } = loadPost(FILE, "\uFEFF---\r\ntitle: T\r\ndate: 2017-04-30\r\n---\r\nBody\r\n", ctx);
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.title, "T");
  });
});

describe("loadPost: fields checked further while another field is wrong", () => {
  // `draft: maybe` fails the schema, yet every other problem comes in the same list.
  const broken = (rest: string) => load(`title: T\ndraft: maybe\ndate: 2017-04-30\n${rest}`);

  it("reports questions written with their numbers", () => {
    const { post, diagnostics } = broken("topics:\n  - T1 Why?\n  - T2 How?");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.field, d.line]), [["error", "draft", 3], ["error", "topics[0]", 6], ["error", "topics[1]", 7]]);
    assert.match(diagnostics[1]?.fix ?? "", /Why\?/);
  });

  it("reports a chat before the post's date", () => {
    const { diagnostics } = broken("chat:\n  start: 2017-04-20T20:00");
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.field]), [["error", "draft"], ["warning", "chat.start"]]);
    assert.match(diagnostics[1]!.message, /before/);
  });

  it("passes its tags on to the checks between posts, with where each is written", () => {
    const { linking } = broken("tags:\n  - research\n  - Nursing");
    assert.deepEqual(linking?.tags, ["research", "Nursing"]);
    assert.deepEqual(linking?.tagsAt?.map((p) => p.line), [6, 7]);
    assert.equal(linking?.date, "2017-04-30");
    // Tags the schema rejects are reported where they are written, and not passed on.
    assert.equal(broken("tags: [a, a]").linking, undefined);
  });

  it("leaves out a date that is itself wrong", () => {
    const { diagnostics } = load("title: T\ndraft: maybe\ndate: 2017-02-30\nchat:\n  start: 2017-01-20T20:00");
    assert.deepEqual(diagnostics.map((d) => d.field).sort(), ["date", "draft"]);
  });
});

describe("loadPost: a post whose YAML does not parse", () => {
  it("keeps its links to other posts, with the date and draft flag as written, for the checks between posts", () => {
    const text = (extra: string) => ["---", 'title: "Unclosed', "date: 2019-05-02", extra, "---", "See [April](/posts/online-community/).", ""].join("\n");
    const published = loadPost(FILE, text("tags: [a"), ctx);
    assert.ok(published.diagnostics.some((d) => d.severity === "error"));
    assert.deepEqual(published.linking, { file: FILE, date: "2019-05-02", draft: false, postLinks: [{ href: "/posts/online-community/", line: 6, column: 13, url: "/posts/online-community/" }] });
    assert.equal(loadPost(FILE, text("draft: true"), ctx).linking?.draft, true);
  });

  it("names a reference written with `ID:` by its id in messages, as it does one written with `id:`", () => {
    const messages = load("title: T\ndate: 2017-04-30\nreferences:\n  - ID: x2020\n    type: book\n    title: A book\n    journal: Foo").diagnostics.map(formatDiagnostic);
    assert.deepEqual(messages, [
      `${FILE}:8:5  references[0].journal  reference "x2020": unknown field \`journal\`: it would be left out of the reference → write it as \`container-title: Foo\``,
    ]);
  });
});
