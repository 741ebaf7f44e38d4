// Three checks between files: posts titled alike; a bare `@key` of a shared bibliography
// entry in a post's front matter; and a link named by a post's title, whose suggestion
// must follow the other posts' titles when a validation record is read again.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { crossFileProblems, sitePostsDigest, sitePostsHold, sitePostsIn, titleKey, type CrossFilePost } from "../../lib/cross-file-checks.ts";
import type { SharedBibliography } from "../../lib/bibliography.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { postMarkupProblems } from "../../lib/front-matter-markup.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { loadSettings } from "../../lib/settings.ts";
import { probesHold, type PostRecord } from "../../lib/validation-cache.ts";

const FIXTURE = new URL("../fixtures/site/", import.meta.url).pathname;
const TODAY = "2026-11-24";

const post = (name: string, date: string, title: string, extra: Partial<CrossFilePost> = {}): CrossFilePost => ({
  file: `content/posts/${date}-${name}.md`, url: `/posts/${name}/`, date, draft: false, postLinks: [], title, titleAt: { line: 2, column: 1 }, ...extra,
});
const titleWarnings = (posts: CrossFilePost[]) => crossFileProblems(posts, { today: TODAY }).filter((d) => d.field === "title");

describe("posts titled alike", () => {
  it("warn on each post, at its title, naming the other file", () => {
    const a = post("nurses", "2017-05-02", "Nurses online");
    const b = post("nurses-again", "2017-05-09", "Nurses online");
    const found = titleWarnings([a, b, post("other", "2017-05-16", "Something else")]);
    assert.deepEqual(found.map((d) => [d.severity, d.file, d.line, d.column, d.field]), [
      ["warning", a.file, 2, 1, "title"],
      ["warning", b.file, 2, 1, "title"],
    ]);
    assert.equal(found[0]!.message, `this post has the same title as ${b.file}: in the archive, feeds, search results and calendars readers cannot tell the two apart`);
    assert.equal(found[1]!.message, `this post has the same title as ${a.file}: in the archive, feeds, search results and calendars readers cannot tell the two apart`);
    assert.match(found[0]!.fix!, /^give each post a title of its own, e\.g\. one that says that week's theme/);
  });

  it("compare without capitals, extra spaces or the kind of quotes, and quote the other's title when written otherwise", () => {
    const a = post("a", "2017-05-02", "Kate's “big” idea");
    const b = post("b", "2017-05-09", "  kate's \"BIG\"   idea ");
    const c = post("c", "2017-05-16", "Kate’s \u201Cbig\u201D\tidea");
    const found = titleWarnings([c, a, b]);
    assert.equal(found.length, 3);
    const onA = found.find((d) => d.file === a.file)!;
    assert.equal(onA.message, `this post has the same title as ${b.file} ("  kate's \"BIG\"   idea ") and ${c.file} ("Kate’s “big”\tidea"): in the archive, feeds, search results and calendars readers cannot tell them apart`);
    assert.equal(titleKey("  Kate’s “BIG”\n idea "), `kate's "big" idea`);
  });

  it("leave drafts out: nobody reads them yet, and a draft rewriting a post keeps its title", () => {
    const a = post("a", "2017-05-02", "Nurses online");
    assert.deepEqual(titleWarnings([a, post("b", "2017-05-09", "Nurses online", { draft: true })]), []);
    // Published, the same post is told.
    assert.equal(titleWarnings([a, post("b", "2017-05-09", "Nurses online")]).length, 2);
  });

  it("ask where the title is when the facts do not say, and leave facts without a title alone", () => {
    const asked: string[] = [];
    const { titleAt: _a, ...a } = post("a", "2017-05-02", "Same");
    const { title: _b, ...b } = post("b", "2017-05-09", "Same");
    const c = post("c", "2017-05-16", "Same");
    const found = crossFileProblems([a, b, c], { today: TODAY, where: (file, field) => (asked.push(`${file} ${field.join(".")}`), { line: 3, column: 8 }) }).filter((d) => d.field === "title");
    assert.deepEqual(found.map((d) => [d.file, d.line, d.column]), [[a.file, 3, 8], [c.file, 2, 1]]);
    assert.deepEqual(asked, [`${a.file} title`]);
  });
});

const settings = loadSettings(FIXTURE);
const fox: CslItem = { id: "fox2013", type: "report", title: "Health online 2013", author: [{ family: "Fox", given: "Susannah" }, { family: "Duggan", given: "Maeve" }] };
const shared: Pick<SharedBibliography, "entries" | "broken"> = {
  entries: new Map([["fox2013", { item: fox, file: "content/bibliography.bib", line: 38 }]]),
  broken: new Map([["who2021", { file: "content/bibliography.bib", line: 45 }]]),
};
const ctx = (extra: Partial<LoadContext> = {}): LoadContext => ({ settings, root: FIXTURE, fileExists: () => true, ...extra });
const text = (front: string, body = "Body.") => `---\ndate: 2017-05-02\n${front}\n---\n${body}\n`;

describe("a bare @key of a shared bibliography entry in the front matter", () => {
  it("is a citation shown as typed, named by its authors in the fix, as a reference of the post is", () => {
    const file = "content/posts/2017-05-02-fox.md";
    const withShared = loadPost(file, text("title: What @fox2013 found\ntopics:\n  - Did @fox2013 get it right?"), ctx({ sharedBibliography: shared }));
    const warnings = withShared.diagnostics.filter((d) => d.severity === "warning");
    assert.deepEqual(warnings.map((d) => [d.field, d.line, d.column]), [["title", 3, 13], ["topics[0]", 5, 9]]);
    assert.equal(warnings[0]!.message, "`title` has the citation \"@fox2013\": citations work only in the post's text below the front matter, and front matter is shown exactly as typed, so readers would see it as written");
    assert.equal(warnings[0]!.fix, 'write the work\'s name in place of "@fox2013": title: What Fox & Duggan found');
    assert.equal(warnings[1]!.fix, 'write the work\'s name in place of "@fox2013": - Did Fox & Duggan get it right?');
    // The same entry among the post's own references: the same warnings, word for word.
    const own = loadPost(file, text(`title: What @fox2013 found\ntopics:\n  - Did @fox2013 get it right?\nreferences:\n  - id: fox2013\n    type: report\n    title: Health online 2013\n    author: [{family: Fox, given: Susannah}, {family: Duggan, given: Maeve}]`), ctx());
    assert.deepEqual(own.diagnostics.filter((d) => d.severity === "warning").map((d) => [d.field, d.message, d.fix]), warnings.map((d) => [d.field, d.message, d.fix]));
  });

  it("is a handle when the key names no shared entry, or when no shared bibliography is given", () => {
    const file = "content/posts/2017-05-02-ask.md";
    assert.deepEqual(loadPost(file, text("title: Ask @nurse_jane"), ctx({ sharedBibliography: shared })).diagnostics, []);
    assert.deepEqual(loadPost(file, text("title: What @fox2013 found"), ctx()).diagnostics, []);
  });

  it("counts a shared entry left out for an error of its own: it is still a work cited", () => {
    const found = loadPost("content/posts/2017-05-02-who.md", text("title: WHO\ndescription: As @who2021 says"), ctx({ sharedBibliography: shared })).diagnostics;
    assert.deepEqual(found.map((d) => [d.severity, d.field]), [["warning", "description"]]);
    assert.match(found[0]!.fix!, /write the work's name \(as in "as Fox and Duggan found"\) in place of "@who2021"/);
    // postMarkupProblems names the shared work the same way when called directly.
    assert.equal(postMarkupProblems({ title: "@fox2013 on health", sharedWorks: shared.entries })[0]!.fix, 'write the work\'s name in place of "@fox2013": title: Fox & Duggan on health');
  });
});

describe("a link named by a post's title, judged again when another post's title changes", () => {
  const root = mkdtempSync(path.join(tmpdir(), "xf-titles-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  const write = (name: string, title: string, body = "Body.") => writeFileSync(path.join(root, "content/posts", name), `---\ntitle: ${title}\ndate: ${name.slice(0, 10)}\n---\n${body}\n`);
  write("2017-05-02-earlier.md", "Daylight saving ends");
  write("2017-05-09-linking.md", "Linking", "See [the earlier chat](Autumn chat recap).");
  const linking = () => loadPost("content/posts/2017-05-09-linking.md", readFileSync(path.join(root, "content/posts/2017-05-09-linking.md"), "utf8"), ctx({ root, fileExists: () => true }));

  it("keeps what it read of the posts' titles with the result, and only when it read them", () => {
    const first = linking();
    assert.deepEqual(first.diagnostics.map((d) => d.severity), ["warning"]);
    assert.match(first.diagnostics[0]!.message, /no post of the site has a title or file name like "Autumn chat recap"/);
    assert.equal(first.sitePosts, sitePostsDigest(sitePostsIn(root)));
    assert.equal(loadPost("content/posts/2017-05-02-earlier.md", readFileSync(path.join(root, "content/posts/2017-05-02-earlier.md"), "utf8"), ctx({ root })).sitePosts, undefined);

    const record: PostRecord = { load: first.diagnostics, citations: [], probes: [], ...(first.sitePosts ? { sitePosts: first.sitePosts } : {}) };
    assert.equal(probesHold(record, root), true);
    // Another post's title changes: the record no longer holds, and a new validation suggests that post.
    write("2017-05-02-earlier.md", "Autumn chat recap");
    assert.equal(sitePostsHold(root, first.sitePosts), false);
    assert.equal(probesHold(record, root), false);
    const again = linking();
    assert.deepEqual(again.diagnostics.map((d) => [d.severity, d.fix]), [["error", "write [the earlier chat](2017-05-02-earlier.md)"]]);
    // Back as it was: the suggestion goes, and the first record holds again.
    write("2017-05-02-earlier.md", "Daylight saving ends");
    assert.equal(probesHold(record, root), true);
    // A post added with that title counts too.
    write("2017-05-16-recap.md", "Autumn chat recap");
    assert.equal(probesHold(record, root), false);
    assert.equal(probesHold({ load: [], citations: [], probes: [] }, root), true);
  });
});
