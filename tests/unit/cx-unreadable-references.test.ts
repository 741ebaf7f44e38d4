// A citation of a work that only another post's `references:` has, when YAML cannot read
// that post's references at all (a quote left open, an entry out of line): the citing post
// is told which post has it, where, and which error there to fix first; nothing is told twice.
// References are per post: a post can cite only its own references and the shared
// bibliography's entries, never another post's (tests/unit/cross-post-citations*.test.ts).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache } from "../../lib/content-cache.ts";
import { forgetLoadedPosts, loadCorpus } from "../../lib/corpus.ts";
import { unresolvedCitationProblems, type LinkingPost, type UnresolvedCitation } from "../../lib/cross-file-checks.ts";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { loadSettings } from "../../lib/settings.ts";
import { checkSite } from "../../lib/site-check.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";

const NOT_HELD = "which is neither in this post's references nor in the shared bibliography";
const CITING = "content/posts/2017-11-03-after-dst.md";
const HOLDER = "content/posts/2017-04-30-online-communities.md";
const OTHER = "content/posts/2017-03-01-other.md";

/** A post whose `references:` YAML could not read, with `ids` written on lines 20, 21, … and its YAML error on line 38. */
const unreadableHolder = (file: string, ids: string[], errorLine: number | null = 38): LinkingPost => ({
  file, draft: false, postLinks: [],
  unreadableReferences: ids.map((id, i) => ({ id, line: 20 + i, ...(errorLine !== null ? { errorLine } : {}) })),
});

function cited(key: string, source = `[@${key}]`): UnresolvedCitation {
  return {
    key, source,
    problem: { severity: "error", file: CITING, line: 17, column: 1, field: "", message: `the citation ${source} cites "${key}", ${NOT_HELD}`, fix: "add the work to `references:` (or to the shared bibliography)" },
  };
}

describe("a citation of a key only another post's unreadable references have", () => {
  it("names that post, the id's line and the error to fix first, and says to copy the entry then", () => {
    const [problem] = unresolvedCitationProblems([cited("smith2016")], [unreadableHolder(HOLDER, ["doe2001", "smith2016"])], { sharedBibliography: "content/bibliography.bib" });
    assert.equal(problem!.message, `the citation [@smith2016] cites "smith2016", ${NOT_HELD}; it is in the references of ${HOLDER} (line 21), which cannot be read until the error at line 38 of that post is fixed, and references are per post`);
    assert.equal(problem!.fix, `once the error at line 38 of ${HOLDER} is fixed, copy the entry "smith2016" from its \`references:\` into this post's \`references:\`, or move it to the shared bibliography (content/bibliography.bib) so that every post can cite it`);
    assert.deepEqual([problem!.file, problem!.line, problem!.column, problem!.severity], [CITING, 17, 1, "error"]);
  });

  it("with an id differing only in capitals, gives the citation to write; without the error's line, still names the post", () => {
    const [capitals] = unresolvedCitationProblems([cited("Smith2016")], [unreadableHolder(HOLDER, ["smith2016"])]);
    assert.equal(capitals!.message, `the citation [@Smith2016] cites "Smith2016", ${NOT_HELD}; ${HOLDER} (line 20) has a reference "smith2016", which differs only in capitals, in references that cannot be read until the error at line 38 of that post is fixed, and references are per post`);
    assert.match(capitals!.fix!, /^write `\[@smith2016\]` \(ids must match in capitals and small letters\) and once the error at line 38 of .+ is fixed, copy the entry "smith2016"/);
    const [unplaced] = unresolvedCitationProblems([cited("smith2016")], [unreadableHolder(HOLDER, ["smith2016"], null)]);
    assert.match(unplaced!.message, /; it is in the references of content\/posts\/2017-04-30-online-communities\.md \(line 20\), which cannot be read until that post's YAML error is fixed, and references are per post$/);
  });

  it("prefers a usable entry, and among several to fix says of each why", () => {
    const usable: LinkingPost = { file: OTHER, draft: false, postLinks: [], references: [{ id: "smith2016" }], referencesAt: [{ line: 10, column: 5 }] };
    const [copy] = unresolvedCitationProblems([cited("smith2016")], [unreadableHolder(HOLDER, ["smith2016"]), usable]);
    assert.match(copy!.message, /; it is a reference of content\/posts\/2017-03-01-other\.md \(line 10\), and references are per post$/);
    const broken: LinkingPost = { file: OTHER, draft: false, postLinks: [], brokenReferences: [{ id: "smith2016", index: 0 }], brokenReferencesAt: [{ line: 12, column: 9 }] };
    const [both] = unresolvedCitationProblems([cited("smith2016")], [unreadableHolder(HOLDER, ["smith2016"]), broken]);
    assert.equal(both!.message, `the citation [@smith2016] cites "smith2016", ${NOT_HELD}; ${HOLDER} (line 20, in references that cannot be read until the error at line 38 of that post is fixed) and ${OTHER} (line 12) have a reference "smith2016", but each of those entries has an error of its own or is in references that cannot be read, and references are per post`);
    assert.match(both!.fix!, /^once one of those entries is fixed \(see the errors of its post\), copy it into this post's `references:`/);
  });

  it("is the post's own error when only the post itself has the id", () => {
    const citation = cited("smith2016");
    assert.equal(unresolvedCitationProblems([citation], [unreadableHolder(CITING, ["smith2016"])])[0], citation.problem);
  });
});

afterEach(() => {
  useProjectCache(undefined);
  forgetLoadedPosts();
});

/** The fixture site with a quote left open in HOLDER's third reference (line 38), and CITING citing two of its works. */
function site(): string {
  const root = copySite(FIXTURE_SITE);
  const holder = path.join(root, HOLDER);
  writeFileSync(holder, readFileSync(holder, "utf8").replace("title: Disclosure, doctors and social media", 'title: "Disclosure, doctors and social media'));
  // The holder cites one of its own lost works too: its YAML error says it all.
  writeFileSync(holder, `${readFileSync(holder, "utf8")}\nAs [@ventola2014] says.\n`);
  const citing = path.join(root, CITING);
  writeFileSync(citing, `${readFileSync(citing, "utf8")}\nAs shown before [@vartabedian2017].\n`);
  return root;
}

describe("a site whose post cites a work of another post's unreadable references", () => {
  const expected = `the citation [@vartabedian2017] cites "vartabedian2017", ${NOT_HELD}; it is in the references of ${HOLDER} (line 36), which cannot be read until the error at line 38 of that post is fixed, and references are per post`;
  const of = (diagnostics: Diagnostic[], file: string) => diagnostics.filter((d) => d.file === file && d.severity === "error").map((d) => `${d.line}: ${d.message}`);

  it("tells it once, in the build's validation and the check, fresh and from records; the holder has its YAML error alone", async () => {
    useProjectCache(undefined);
    const root = site();
    const cacheDir = mkdtempSync(path.join(tmpdir(), "cx-records-"));
    try {
      const runs: Record<string, Diagnostic[]> = {};
      runs.validation = loadCorpus(root, loadSettings(root), { citations: "resolve" }).diagnostics;
      forgetLoadedPosts();
      runs.check = (await checkSite(root)).diagnostics;
      useProjectCache(cacheDir);
      forgetLoadedPosts();
      runs.recording = (await checkSite(root)).diagnostics;
      forgetLoadedPosts();
      runs.fromRecords = (await checkSite(root)).diagnostics;
      for (const [name, diagnostics] of Object.entries(runs)) {
        assert.deepEqual(of(diagnostics, CITING), [`17: ${expected}`], name);
        const holder = of(diagnostics, HOLDER);
        assert.equal(holder.length, 1, `${name}: ${holder.join("\n")}`);
        assert.match(holder[0]!, /^38: the quote " opened on this line is never closed/);
        assert.equal(diagnostics.filter((d) => d.severity === "error").length, 2, name);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
