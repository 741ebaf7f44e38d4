// A citation of a key that this post's references do not hold, but another post's do
// (a citation copied from last week's post without its reference): one error, naming
// that post and the line of its reference, saying that references are per post. The same
// text from the build's validation, the check (fresh and from records) and a page.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { forgetLoadedPosts, loadCorpus } from "../../lib/corpus.ts";
import { unresolvedCitationProblems, type LinkingPost, type UnresolvedCitation } from "../../lib/cross-file-checks.ts";
import { ContentError, type Diagnostic } from "../../lib/diagnostics.ts";
import { postCitations, siteCitations } from "../../lib/post-citations.ts";
import { loadSettings } from "../../lib/settings.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";

const NOT_HELD = "which is neither in this post's references nor in the shared bibliography";
const COPYING = "content/posts/2017-05-07-copying.md";

/** A post's facts: its references' ids, each written on line 10, 11, … */
const holder = (file: string, ids: string[], extra: Partial<LinkingPost> = {}): LinkingPost => ({
  file, draft: false, postLinks: [], references: ids.map((id) => ({ id })), referencesAt: ids.map((_, i) => ({ line: 10 + i, column: 5 })), ...extra,
});

/** A citation of `key` in COPYING, as lib/post-citations.ts leaves it. */
function cited(key: string, source = `[@${key}]`, line = 5): UnresolvedCitation {
  return {
    key, source,
    problem: { severity: "error", file: COPYING, line, column: 1, field: "", message: `the citation ${source} cites "${key}", ${NOT_HELD}`, fix: "add the work to `references:` (or to the shared bibliography)" },
  };
}

const SHARED = { sharedBibliography: "content/bibliography.bib" };

describe("a citation of a key another post holds", () => {
  it("names that post and its reference's line, with the entry to copy", () => {
    const [problem] = unresolvedCitationProblems([cited("smith2016", "[see @smith2016, p. 3]")], [holder("content/posts/2017-04-30-online-communities.md", ["doe2001", "smith2016"])], SHARED);
    assert.equal(problem!.message, `the citation [see @smith2016, p. 3] cites "smith2016", ${NOT_HELD}; it is a reference of content/posts/2017-04-30-online-communities.md (line 11), and references are per post`);
    assert.equal(problem!.fix, "copy that entry into this post's `references:`, or move it to the shared bibliography (content/bibliography.bib) so that every post can cite it");
    assert.deepEqual([problem!.file, problem!.line, problem!.column, problem!.severity], [COPYING, 5, 1, "error"]);
  });

  it("asks where the reference is written when its facts do not say, and gives no line when nobody knows", () => {
    const posts = [holder("content/posts/2017-04-30-a.md", ["smith2016"], { referencesAt: undefined })];
    const asked: unknown[] = [];
    const [located] = unresolvedCitationProblems([cited("smith2016")], posts, { ...SHARED, where: (file, field) => (asked.push([file, field]), { line: 42, column: 5 }) });
    assert.deepEqual(asked, [["content/posts/2017-04-30-a.md", ["references", 0, "id"]]]);
    assert.match(located!.message, /content\/posts\/2017-04-30-a\.md \(line 42\), and references are per post$/);
    const [unplaced] = unresolvedCitationProblems([cited("smith2016")], posts, SHARED);
    assert.match(unplaced!.message, /it is a reference of content\/posts\/2017-04-30-a\.md, and references are per post$/);
  });

  it("names several posts, the latest before this one first, then a few more and how many are left", () => {
    const files = ["2017-01-01", "2017-04-30", "2017-06-01", "2017-03-01", "2017-02-01", "2016-12-01"].map((d) => `content/posts/${d}-post.md`);
    const posts = files.map((f) => holder(f, ["smith2016"]));
    const [two] = unresolvedCitationProblems([cited("smith2016")], posts.slice(1, 3), SHARED);
    assert.match(two!.message, /; it is a reference of content\/posts\/2017-04-30-post\.md \(line 10\) and content\/posts\/2017-06-01-post\.md \(line 10\), and references are per post$/);
    assert.match(two!.fix!, /^copy one of those entries into this post's `references:`/);
    const [many] = unresolvedCitationProblems([cited("smith2016")], posts, SHARED);
    assert.match(many!.message, /; it is a reference of content\/posts\/2017-04-30-post\.md \(line 10\), content\/posts\/2017-03-01-post\.md \(line 10\), content\/posts\/2017-02-01-post\.md \(line 10\) and 3 more posts, and references are per post$/);
  });

  it("with an id differing only in capitals, says so and gives the citation to write", () => {
    const posts = [holder("content/posts/2017-04-30-a.md", ["smith2016"])];
    const [bare, braced] = unresolvedCitationProblems([cited("Smith2016", "[see @Smith2016, p. 3; @Smith2016a]"), cited("Smith2016", "[@{Smith2016}]")], posts, SHARED);
    assert.equal(bare!.message, `the citation [see @Smith2016, p. 3; @Smith2016a] cites "Smith2016", ${NOT_HELD}; content/posts/2017-04-30-a.md (line 10) has a reference "smith2016", which differs only in capitals, and references are per post`);
    assert.equal(bare!.fix, "write `[see @smith2016, p. 3; @Smith2016a]` (ids must match in capitals and small letters) and copy that entry into this post's `references:`, or move it to the shared bibliography (content/bibliography.bib) so that every post can cite it");
    assert.match(braced!.fix!, /^write `\[@\{smith2016\}\]` /);
  });

  it("prefers the id written exactly as cited over one differing in capitals", () => {
    const posts = [holder("content/posts/2017-04-30-a.md", ["Smith2016"]), holder("content/posts/2017-03-30-b.md", ["smith2016"])];
    const [problem] = unresolvedCitationProblems([cited("smith2016")], posts, SHARED);
    assert.match(problem!.message, /; it is a reference of content\/posts\/2017-03-30-b\.md \(line 10\), and references are per post$/);
  });

  it("in `nocite:` too, and without a shared bibliography says where one would go", () => {
    const problem: Diagnostic = { severity: "error", file: COPYING, line: 6, column: 10, field: "nocite[0]", message: `nocite lists "Smith2016", ${NOT_HELD}`, fix: "check the key against the shared bibliography" };
    const [told] = unresolvedCitationProblems([{ key: "Smith2016", problem }], [holder("content/posts/2017-04-30-a.md", ["smith2016"])]);
    assert.equal(told!.field, "nocite[0]");
    assert.equal(told!.fix, 'write `"@smith2016"` (ids must match in capitals and small letters) and copy that entry into this post\'s `references:`; a work that many posts cite can instead go in a shared bibliography (`citations.bibliography` in the site settings), which every post can cite');
  });

  it("is the post's own error, as it is, when no other post holds the key (nor the post itself)", () => {
    const citation = cited("smith2016");
    const [problem] = unresolvedCitationProblems([citation], [holder(COPYING, ["smith2016"]), holder("content/posts/2017-04-30-a.md", ["jones2016"])], SHARED);
    assert.equal(problem, citation.problem);
  });
});

const COPIED = "content/posts/2017-05-07-copied.md";
const BROKEN = "content/posts/2017-05-14-broken.md";
const HOLDER_BROKEN = "content/posts/2017-05-21-holder.md";

/** The fixture site with posts that cite what others hold: one valid apart from that, one with an error of its own. */
function copyingSite(): string {
  const root = copySite(FIXTURE_SITE);
  const posts = path.join(root, "content/posts");
  writeFileSync(path.join(root, COPIED), "---\ntitle: Copied\ndate: 2017-05-07\n---\nAs last week [see @ventola2014, p. 3], and [@nowhere2020].\n\nAlso [@other2020].\n");
  writeFileSync(path.join(root, BROKEN), "---\ntitle: Broken\ndate: 2017-05-14\ndraft: maybe\n---\nAs before [@Smailhodzic2016].\n");
  // A post with an error of its own still holds its references, after a broken one.
  writeFileSync(path.join(posts, path.basename(HOLDER_BROKEN)), "---\ntitle: Holder\ndate: 2017-05-21\ndraft: maybe\nreferences:\n  - id: broken1\n  - id: other2020\n    type: book\n    title: Other\n    issued: 2020\n---\nNothing.\n");
  return root;
}

const citationLines = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.message.startsWith("the citation ")).map((d) => `${d.file}:${d.line}:${d.column} ${d.message} → ${d.fix}`).sort();

const EXPECTED = [
  `${COPIED}:5:14 the citation [see @ventola2014, p. 3] cites "ventola2014", ${NOT_HELD}; it is a reference of content/posts/2017-04-30-online-communities.md (line 27), and references are per post → copy that entry into this post's \`references:\`; a work that many posts cite can instead go in a shared bibliography (\`citations.bibliography\` in the site settings), which every post can cite`,
  `${COPIED}:5:44 the citation [@nowhere2020] cites "nowhere2020", ${NOT_HELD} → add the work to \`references:\` (or to the shared bibliography); if this is not a citation, such as a social media handle, write \\@ instead of @`,
  `${COPIED}:7:6 the citation [@other2020] cites "other2020", ${NOT_HELD}; it is a reference of ${HOLDER_BROKEN} (line 7), and references are per post → copy that entry into this post's \`references:\`; a work that many posts cite can instead go in a shared bibliography (\`citations.bibliography\` in the site settings), which every post can cite`,
  `${BROKEN}:6:11 the citation [@Smailhodzic2016] cites "Smailhodzic2016", ${NOT_HELD}; content/posts/2017-04-30-online-communities.md (line 15) has a reference "smailhodzic2016", which differs only in capitals, and references are per post → write \`[@smailhodzic2016]\` (ids must match in capitals and small letters) and copy that entry into this post's \`references:\`; a work that many posts cite can instead go in a shared bibliography (\`citations.bibliography\` in the site settings), which every post can cite`,
];

afterEach(() => {
  useProjectCache(undefined);
  forgetLoadedPosts();
});

describe("a site with citations of other posts' references", () => {
  it("has one error per citation in the build's validation, fresh and from records", () => {
    const root = copyingSite();
    useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-cross-citations-")));
    const fresh = loadCorpus(root, loadSettings(root));
    assert.deepEqual(citationLines(fresh.diagnostics), EXPECTED);
    forgetLoadedPosts();
    const again = loadCorpus(root, loadSettings(root), { citations: "resolve" });
    assert.deepEqual(citationLines(again.diagnostics), EXPECTED);
  });

  it("has the same errors in the check, fresh, from records and without any", async () => {
    const root = copyingSite();
    const cache = useProjectCache(mkdtempSync(path.join(tmpdir(), "chatpost-cross-citations-")))!;
    const once = await checkSite(root);
    const misses = cache.stats.misses;
    const again = await checkSite(root);
    assert.equal(cache.stats.misses, misses, "the second check read only records");
    assert.deepEqual(again, once);
    assert.deepEqual(citationLines(once.diagnostics), EXPECTED);
    useProjectCache(undefined);
    forgetLoadedPosts();
    assert.deepEqual(citationLines((await checkSite(root)).diagnostics), EXPECTED);
  });

  it("is told by a page that stops on it (npm start) as the validation told it", () => {
    const root = copyingSite();
    const settings = loadSettings(root);
    const corpus = loadCorpus(root, settings, { citations: "resolve" });
    const post = corpus.posts.find((p) => p.file === COPIED)!;
    const site = siteCitations(root, settings);
    assert.throws(() => postCitations(post, site.style!, site.bibliography), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.deepEqual(citationLines(error.diagnostics), EXPECTED.filter((line) => line.startsWith(COPIED)));
      return true;
    });
  });

  it("once the reference is copied, the citation is fine", () => {
    const root = copyingSite();
    const text = readFileSync(path.join(root, COPIED), "utf8");
    writeFileSync(path.join(root, COPIED), text.replace(", and [@nowhere2020]", "").replace("Also [@other2020].", "").replace("---\nAs", "references:\n  - id: ventola2014\n    type: article-journal\n    title: Social media\n    issued: 2014\n---\nAs"));
    const { diagnostics } = loadCorpus(root, loadSettings(root), { citations: "resolve" });
    assert.deepEqual(citationLines(diagnostics).filter((line) => line.startsWith(COPIED)), []);
  });
});
