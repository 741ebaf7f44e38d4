// A citation of a key another post holds (tests/unit/cross-post-citations.test.ts), further:
// a key only another post's broken entry has, a shared bibliography of several files, and
// two sites validated in one process, whose pages must each tell their own site's errors.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
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
const OTHER = "content/posts/2017-04-30-a.md";

/** A post with errors whose references `ids` are broken, written as the 2nd, 3rd… entry, on lines 20, 21, … */
const brokenHolder = (file: string, ids: string[], extra: Partial<LinkingPost> = {}): LinkingPost => ({
  file, draft: false, postLinks: [],
  brokenReferences: ids.map((id, i) => ({ id, index: i + 1 })),
  brokenReferencesAt: ids.map((_, i) => ({ line: 20 + i, column: 9 })),
  ...extra,
});

const holder = (file: string, ids: string[]): LinkingPost => ({
  file, draft: false, postLinks: [], references: ids.map((id) => ({ id })), referencesAt: ids.map((_, i) => ({ line: 10 + i, column: 5 })),
});

function cited(key: string, source = `[@${key}]`): UnresolvedCitation {
  return {
    key, source,
    problem: { severity: "error", file: COPYING, line: 5, column: 1, field: "", message: `the citation ${source} cites "${key}", ${NOT_HELD}`, fix: "add the work to `references:` (or to the shared bibliography)" },
  };
}

describe("a citation of a key only another post's broken entry has", () => {
  it("names that post and the entry's line, and says to copy it once fixed", () => {
    const [problem] = unresolvedCitationProblems([cited("smith2016")], [brokenHolder(OTHER, ["smith2016"])], { sharedBibliography: "content/bibliography.bib" });
    assert.equal(problem!.message, `the citation [@smith2016] cites "smith2016", ${NOT_HELD}; ${OTHER} (line 20) has a reference "smith2016", but that entry has an error of its own, and references are per post`);
    assert.equal(problem!.fix, `once that entry is fixed (see the errors of ${OTHER}), copy it into this post's \`references:\`, or move it to the shared bibliography (content/bibliography.bib) so that every post can cite it`);
    assert.deepEqual([problem!.file, problem!.line, problem!.column], [COPYING, 5, 1]);
  });

  it("asks where the entry is by its place among all the references written", () => {
    const asked: unknown[] = [];
    const [problem] = unresolvedCitationProblems([cited("smith2016")], [brokenHolder(OTHER, ["doe2001", "smith2016"], { brokenReferencesAt: undefined })], {
      where: (file, field) => (asked.push([file, field]), { line: 33, column: 9 }),
    });
    assert.deepEqual(asked, [[OTHER, ["references", 2, "id"]]]);
    assert.match(problem!.message, /; content\/posts\/2017-04-30-a\.md \(line 33\) has a reference "smith2016", but/);
  });

  it("with an id differing only in capitals, or in several posts, says so", () => {
    const [capitals] = unresolvedCitationProblems([cited("Smith2016")], [brokenHolder(OTHER, ["smith2016"])]);
    assert.match(capitals!.message, /; content\/posts\/2017-04-30-a\.md \(line 20\) has a reference "smith2016", which differs only in capitals, but that entry has an error of its own, and references are per post$/);
    assert.match(capitals!.fix!, /^write `\[@smith2016\]` \(ids must match in capitals and small letters\) and once that entry is fixed/);
    const [several] = unresolvedCitationProblems([cited("smith2016")], [brokenHolder(OTHER, ["smith2016"]), brokenHolder("content/posts/2017-04-23-b.md", ["smith2016"])]);
    assert.match(several!.message, /; content\/posts\/2017-04-30-a\.md \(line 20\) and content\/posts\/2017-04-23-b\.md \(line 20\) have a reference "smith2016", but those entries have errors of their own/);
    assert.match(several!.fix!, /^once one of those entries is fixed \(see the errors of its post\), copy it/);
  });

  it("names a post whose entry is usable rather than a broken one", () => {
    const [problem] = unresolvedCitationProblems([cited("smith2016")], [brokenHolder(OTHER, ["smith2016"]), holder("content/posts/2017-03-30-c.md", ["smith2016"])]);
    assert.match(problem!.message, /; it is a reference of content\/posts\/2017-03-30-c\.md \(line 10\), and references are per post$/);
  });

  it("is the post's own error when only the post itself has the broken entry", () => {
    const citation = cited("smith2016");
    assert.equal(unresolvedCitationProblems([citation], [brokenHolder(COPYING, ["smith2016"])])[0], citation.problem);
  });
});

describe("the shared bibliography offered in the fix", () => {
  const fix = (sharedBibliography?: string | string[]) => unresolvedCitationProblems([cited("smith2016")], [holder(OTHER, ["smith2016"])], sharedBibliography === undefined ? {} : { sharedBibliography })[0]!.fix;

  it("names every file when there are several", () => {
    assert.equal(fix(["content/a.bib", "content/b.json"]), "copy that entry into this post's `references:`, or move it to one of the shared bibliography files (content/a.bib, content/b.json) so that every post can cite it");
  });

  it("names the one file as before, and says where one would go when there is none", () => {
    const one = "copy that entry into this post's `references:`, or move it to the shared bibliography (content/a.bib) so that every post can cite it";
    assert.equal(fix(["content/a.bib"]), one);
    assert.equal(fix("content/a.bib"), one);
    const none = "copy that entry into this post's `references:`; a work that many posts cite can instead go in a shared bibliography (`citations.bibliography` in the site settings), which every post can cite";
    assert.equal(fix([]), none);
    assert.equal(fix(), none);
  });
});

const COPIED = "content/posts/2017-05-07-copied.md";
const HOLDER = "content/posts/2017-05-21-holder.md";
const COPIED_TEXT = "---\ntitle: Copied\ndate: 2017-05-07\n---\nAs before [@other2020].\n";

/** A fixture site with COPIED citing other2020, which HOLDER (with an error of its own) holds when `held`. */
function site(held: boolean): string {
  const root = copySite(FIXTURE_SITE);
  writeFileSync(path.join(root, COPIED), COPIED_TEXT);
  if (held) writeFileSync(path.join(root, HOLDER), "---\ntitle: Holder\ndate: 2017-05-21\ndraft: maybe\nreferences:\n  - id: broken1\n  - id: other2020\n    type: book\n    title: Other\n    issued: 2020\n---\nNothing.\n");
  return root;
}

/** The errors a page of COPIED stops on (`npm start`), as the site's validation left them. */
function pageErrors(root: string, corpus: { posts: { file: string }[] }): string[] {
  const settings = loadSettings(root);
  const post = corpus.posts.find((p) => p.file === COPIED)! as Parameters<typeof postCitations>[0];
  const { style, bibliography } = siteCitations(root, settings);
  try {
    postCitations(post, style!, bibliography);
  } catch (error) {
    assert.ok(error instanceof ContentError);
    return error.diagnostics.map((d: Diagnostic) => d.message);
  }
  assert.fail("the page should stop on its citation");
}

afterEach(() => {
  useProjectCache(undefined);
  forgetLoadedPosts();
});

describe("two sites validated in one process", () => {
  it("each page tells its own site's error, whichever site was validated last", () => {
    const plain = `the citation [@other2020] cites "other2020", ${NOT_HELD}`;
    const named = `${plain}; it is a reference of ${HOLDER} (line 7), and references are per post`;
    const holding = site(true);
    const lacking = site(false);
    const a = loadCorpus(holding, loadSettings(holding), { citations: "resolve" });
    const b = loadCorpus(lacking, loadSettings(lacking), { citations: "resolve" });
    assert.deepEqual(b.diagnostics.filter((d) => d.file === COPIED).map((d) => d.message), [plain]);
    // The other site's validation, since, neither wipes this one's wording nor lends it its own.
    assert.deepEqual(pageErrors(holding, a), [named]);
    assert.deepEqual(pageErrors(lacking, b), [plain]);
    const again = loadCorpus(holding, loadSettings(holding), { citations: "resolve" });
    assert.deepEqual(pageErrors(lacking, b), [plain]);
    assert.deepEqual(pageErrors(holding, again), [named]);
  });
});

describe("a site whose post cites another post's broken entry", () => {
  it("names that post and the entry's line in the build's validation and the check", async () => {
    const root = site(true);
    writeFileSync(path.join(root, COPIED), COPIED_TEXT.replace("[@other2020]", "[@broken1]"));
    const expected = `the citation [@broken1] cites "broken1", ${NOT_HELD}; ${HOLDER} (line 6) has a reference "broken1", but that entry has an error of its own, and references are per post`;
    const told = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.file === COPIED).map((d) => d.message);
    assert.deepEqual(told(loadCorpus(root, loadSettings(root), { citations: "resolve" }).diagnostics), [expected]);
    forgetLoadedPosts();
    assert.deepEqual(told((await checkSite(root)).diagnostics), [expected]);
  });
});
