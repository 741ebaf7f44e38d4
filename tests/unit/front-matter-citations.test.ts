// Citations written in front matter (shown as typed: pandoc's syntax is read in the post's
// text only), and HTML tags other than formatting ones (<script>, <style>, <iframe>, <div>)
// in front-matter text and references.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { formatBibliography } from "../../lib/citations.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { markupProblems, postMarkupProblems, type PostTexts } from "../../lib/front-matter-markup.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FOX = { id: "fox2013", type: "report", title: "Health online 2013", author: [{ family: "Fox", given: "Susannah" }, { family: "Duggan", given: "Maeve" }], issued: { "date-parts": [[2013]] } };
const found = (texts: PostTexts) => postMarkupProblems(texts).filter((p) => p.path[0] !== "references");
const one = (texts: PostTexts) => {
  const all = found(texts);
  assert.equal(all.length, 1, JSON.stringify(all));
  return all[0]!;
};

describe("citations in front matter", () => {
  it("warns of a bracketed citation in the title, says why, and shows the title without it", () => {
    const p = one({ title: "What Fox found [@fox2013]", references: [FOX] });
    assert.deepEqual(p.path, ["title"]);
    assert.equal(p.marker, "[@fox2013]");
    assert.deepEqual(p.pieces, ["[@fox2013]"]);
    assert.equal(p.plain, "What Fox found");
    assert.match(p.message, /^has the citation "\[@fox2013\]": citations work only in the post's text below the front matter, and front matter is shown exactly as typed/);
    assert.equal(p.fix, 'move the citation to the post\'s text below the front matter, where citations work, or write the work\'s name (as "Fox & Duggan"): title: What Fox found');
  });

  it("always warns of a bracketed citation, whatever its key, and of several in one field", () => {
    const p = one({ description: "As shown [@nobody, p. 3], patients search first; see also [-@other]." });
    assert.deepEqual(p.pieces, ["[@nobody, p. 3]", "[-@other]"]);
    assert.equal(p.plain, "As shown, patients search first; see also.");
    assert.match(p.message, /^has the citations "\[@nobody, p\. 3\]" and "\[-@other\]": .* so readers would see them as written$/);
    assert.match(p.fix, /^move the citations to the post's text below the front matter, where citations work, or write the work's name \(as in "as Fox and Duggan found"\): description: As shown, patients search first; see also\.$/);
  });

  it("in a topic: keeps the punctuation after the citation, and names the work in place of a narrative one", () => {
    const [bracketed, narrative] = found({ topics: ["One [@fox2013]?", "Did @fox2013 get it right?", "Ask @nurse_jane", "Write to hosts@example.org"], references: [FOX] });
    assert.deepEqual(bracketed!.path, ["topics", 0]);
    assert.match(bracketed!.fix, /: - One\?$/);
    assert.deepEqual(narrative!.path, ["topics", 1]);
    assert.equal(narrative!.marker, "@fox2013");
    assert.equal(narrative!.fix, 'write the work\'s name in place of "@fox2013": - Did Fox & Duggan get it right?');
    assert.equal(found({ topics: ["Ask @nurse_jane", "Write to hosts@example.org", "Follow @hcldr and @fox"], references: [FOX] }).length, 0);
  });

  it("takes a bare @key for a citation only when it names a reference (or a shared entry), as a handle is common in topics", () => {
    assert.deepEqual(found({ topics: ["Did @fox2013 get it right?"] }), []);
    assert.deepEqual(found({ topics: ["Did @fox2013 get it right?"], references: [{ ...FOX, id: "other" }] }), []);
    const shared = one({ topics: ["Did @fox2013 get it right?"], citationKeys: ["fox2013"] });
    // The shared entry's authors are not known here: the fix leaves the wording to the writer.
    assert.equal(shared.fix, 'move the citation to the post\'s text below the front matter, where citations work, or write the work\'s name (as in "as Fox and Duggan found") in place of "@fox2013": - Did get it right?');
    // `ID:` is an id too, as the post's references read it.
    assert.equal(one({ title: "Did @fox2013 see it?", references: [{ ID: "fox2013", author: FOX.author, title: FOX.title, type: FOX.type }] }).plain, "Did Fox & Duggan see it?");
  });

  it("writes the work's name when nothing else is left, and a title in quotes when YAML needs them", () => {
    assert.equal(one({ topics: ["[@fox2013]"], references: [FOX] }).fix, 'write the work\'s name in place of "[@fox2013]", and cite it in the post\'s text below the front matter, where citations work: - Fox & Duggan');
    const alone = one({ title: "[@nobody]" });
    assert.equal(alone.plain, "");
    assert.equal(alone.fix, 'move the citation to the post\'s text below the front matter, where citations work, and write the work\'s name here instead (as in "as Fox and Duggan found")');
    assert.match(one({ title: "Fox: what they found [@fox2013]", references: [FOX] }).fix, /: title: "Fox: what they found"$/);
  });

  it("checks the image's alt text and credit, not the author, tags or references", () => {
    const all = postMarkupProblems({
      author: "Ann [@fox2013]",
      tags: ["@fox2013", "[@fox2013]"],
      image: { alt: "Chart from [@fox2013]", credit: "Photo @jane" },
      references: [{ ...FOX, title: "Health online [@fox2013]" }],
    });
    assert.deepEqual(all.map((p) => p.path.join(".")), ["image.alt"]);
    assert.match(all[0]!.fix, /: alt: Chart from$/);
  });

  it("with markup in the same field: both warnings' fixes show the value without either", () => {
    const [cited, markup] = found({ title: "What **Fox** found [@fox2013]", references: [FOX] });
    assert.match(cited!.message, /citation "\[@fox2013\]"/);
    assert.match(markup!.message, /asterisks in "\*\*Fox\*\*"/);
    assert.match(cited!.fix, /: title: What Fox found$/);
    assert.match(markup!.fix, /: title: What Fox found$/);
  });

  it("leaves alone what is no citation: addresses, handles, brackets without @", () => {
    for (const title of ["Mail hosts@example.org", "Ask @nurse_jane", "See https://example.org/@fox2013", "www.example.org/@fox2013 has it", "Tonight: @hcldr chat", "A [note] and [1]", "Ping me @ 9pm"]) {
      assert.deepEqual(found({ title, references: [FOX] }), [], title);
    }
    // In code, "[@fox2013]" is no citation; without the backticks (the markup's fix) it is one, told too, so that no fix warns again.
    const code = found({ title: "Write `[@fox2013]` in the text", references: [FOX] });
    assert.deepEqual(code.map((p) => [p.pieces, p.plain]), [[["[@fox2013]"], "Write in the text"], [["`[@fox2013]`"], "Write in the text"]]);
  });

  it("removes citations however many hide one another (each reads the one before it as a link's text)", () => {
    const [problem] = found({ title: "[@a; @b][@a; @b][-@x][@fox2013]", references: [FOX] });
    assert.ok(problem);
    assert.doesNotMatch(problem.plain ?? "", /@/);
    assert.deepEqual(found({ title: problem.plain ?? "", references: [FOX] }), []);
  });

  it("its fixes never warn again", () => {
    const piece = fc.constantFrom("[@fox2013]", "@fox2013", "[@a; @b]", "[-@x]", "@nurse_jane", "hosts@example.org", " ", "word", "?", ",", "**", "<em>", "</em>", "[", "]", "(", ")", ":");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join("")), (title) => {
        for (const p of found({ title, references: [FOX] })) {
          if (p.plain) assert.deepEqual(found({ title: p.plain, references: [FOX] }), [], `${title} → ${p.plain}`);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("loadPost warns of a citation in front matter", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
  const FILE = "content/posts/2017-04-30-online-communities.md";
  const POST = [
    "title: What Fox found [@fox2013]",
    "date: 2017-04-30",
    "description: >",
    "  As shown in the report",
    "  [@fox2013], patients search first.",
    "topics:",
    "  - One [@fox2013]?",
    "  - Did @fox2013 get it right?",
    "  - Ask @nurse_jane",
    "references:",
    "  - id: fox2013",
    "    type: report",
    "    title: Health online 2013",
    "    author:",
    "      - family: Fox",
    "        given: Susannah",
    "      - family: Duggan",
    "        given: Maeve",
    "    issued: 2013",
  ].join("\n");
  const load = () => loadPost(FILE, `---\n${POST}\n---\nAs @fox2013 found.\n`, ctx);

  it("a warning at each field, and the post builds as before", () => {
    const { post, diagnostics } = load();
    assert.ok(post, "a post with these warnings builds");
    assert.equal(post.title, "What Fox found [@fox2013]");
    assert.ok(diagnostics.every((d) => d.severity === "warning"), JSON.stringify(diagnostics));
    assert.deepEqual(
      diagnostics.map((d) => d.field),
      ["title", "description", "topics[0]", "topics[1]"],
    );
    const [title, description, topic, narrative] = diagnostics.map(formatDiagnostic);
    assert.match(title!, /title {2}warning: `title` has the citation "\[@fox2013\]": citations work only in the post's text below the front matter.* → move the citation to the post's text below the front matter, where citations work, or write the work's name \(as "Fox & Duggan"\): title: What Fox found$/);
    assert.match(description!, /→ .*: description: As shown in the report, patients search first\.$/);
    assert.match(topic!, /topics\[0\] {2}warning: topic T1 has the citation "\[@fox2013\]".* → .*: - One\?$/);
    assert.match(narrative!, /topics\[1\] {2}warning: topic T2 has the citation "@fox2013".* → write the work's name in place of "@fox2013": - Did Fox & Duggan get it right\?$/);
  });

  it("points at the citation itself, on its line", () => {
    assert.deepEqual(
      load().diagnostics.map((d) => [d.field, d.line, d.column]),
      [
        ["title", 2, 23],
        ["description", 6, 3],
        ["topics[0]", 8, 9],
        ["topics[1]", 9, 9],
      ],
    );
  });
});
