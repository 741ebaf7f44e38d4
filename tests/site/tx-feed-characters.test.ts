// Files that are not plain text, and control characters, on a real site: the check names
// every such file in one run (no stack trace), and the feeds never carry a control
// character, even one that reaches them past the check (an entity such as `&#12;`).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildSite, copySite, FIXTURE_SITE, postText, runScript, type BuildResult, type BuiltSite } from "../helpers/build-site.ts";

// What XML 1.0 cannot hold: C0 controls but tab, LF and CR.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

describe("the feeds, with a control character that reaches them past the check", () => {
  let site: BuiltSite;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    // markdown-it writes `&#12;` as a form feed, which the file's text does not hold.
    writeFileSync(path.join(root, "content/posts/2026-11-21-pasted.md"), postText("Pasted from a PDF", "2026-11-21", "Patients&#12;organise online."));
    site = await buildSite(root);
  });

  it("write feed.xml without it, still readable by a feed reader, the words kept apart", () => {
    const xml = site.read("feed.xml");
    assert.doesNotMatch(xml, NOT_XML);
    const feed = parseFeed(xml);
    const entry = feed.items.find((i) => i.url?.endsWith("/posts/pasted/"));
    assert.match(entry?.content ?? "", /Patients organise online\./);
  });

  it("write feed.json without it", () => {
    const feed = JSON.parse(site.read("feed.json")) as { items: { url: string; content_html: string }[] };
    const entry = feed.items.find((i) => i.url.endsWith("/posts/pasted/"));
    assert.match(entry!.content_html, /Patients organise online\./);
    assert.doesNotMatch(JSON.stringify(feed), /\\[fb]|\\u00[01][0-9a-f]/i);
  });
});

describe("the check, with several files that are not plain text", () => {
  let result: BuildResult;
  let root: string;
  before(async () => {
    root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    const original = readFileSync(path.join(posts, "2017-04-30-online-communities.md"));
    writeFileSync(path.join(posts, "2017-04-30-online-communities (1).md"), original);
    writeFileSync(path.join(posts, "2026-11-22-pdf-paste.md"), postText("Listening\fto patients", "2026-11-22"));
    writeFileSync(path.join(posts, "2026-11-23-notepad.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(postText("Notepad", "2026-11-23"), "utf16le")]));
    writeFileSync(path.join(posts, "2026-11-24-textedit.md"), "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2639\n\\f0\\fs24 ---\\\ntitle: TextEdit\\\n}");
    writeFileSync(path.join(posts, "2026-11-25-crashed.md"), Buffer.alloc(1024));
    result = await runScript("check", root);
  });

  it("names each file, what is wrong and the fix, in one run, without a stack trace", () => {
    assert.equal(result.code, 1);
    const out = `${result.stdout}${result.stderr}`;
    assert.doesNotMatch(out, /\n\s+at .+\(.+:\d+:\d+\)/);
    assert.doesNotMatch(out, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/, "no byte of a file is printed");
    const lines = out.split("\n").filter((l) => l.startsWith("content/"));
    const of = (name: string) => lines.filter((l) => l.startsWith(`content/posts/${name}:`));
    assert.match(of("2017-04-30-online-communities (1).md").join("\n"), /^[^\n]+:1:1 {2}this file is a copy of content\/posts\/2017-04-30-online-communities\.md \(the same text\).* → delete this file/);
    assert.deepEqual(of("2026-11-22-pdf-paste.md").map((l) => l.replace(/^[^ ]+ {2}/, "")), [
      "the line has a form feed (a page break, U+000C) at column 17: an invisible character, which text copied from a PDF or a word processor brings; the site's feed cannot hold it (feed readers would stop taking the site's updates) → write a space in its place, so that line 2 reads `title: Listening to patients`",
    ]);
    assert.match(of("2026-11-22-pdf-paste.md")[0]!, /:2:17 {2}/);
    assert.deepEqual(of("2026-11-23-notepad.md").map((l) => l.replace(/^[^ ]+ {2}/, "")), ["the file is saved as UTF-16, which the site cannot read → save the file again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)"]);
    assert.equal(of("2026-11-24-textedit.md").length, 1);
    assert.match(of("2026-11-24-textedit.md")[0]!, /rich text \(RTF.*Format → Make Plain Text/);
    assert.equal(of("2026-11-25-crashed.md").length, 1);
    assert.match(of("2026-11-25-crashed.md")[0]!, /the file was damaged: it holds only zero bytes .* → restore the file from the site's history/);
    // Nothing about the fixture's own posts.
    assert.deepEqual(lines.filter((l) => !/(\(1\)|pdf-paste|notepad|textedit|crashed)\.md:/.test(l)), []);
  });
});
