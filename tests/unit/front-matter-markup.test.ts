// Markdown and HTML written in front-matter text (shown as typed): the detector on its
// own, what it leaves alone, and the warnings a post gets from it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { formatBibliography } from "../../lib/citations.ts";
import { markupProblems, postMarkupProblems } from "../../lib/front-matter-markup.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const plainOf = (text: string, reference = false) => markupProblems(text, { reference })?.plain;

describe("markupProblems", () => {
  it("finds markdown emphasis and strong with * and _, and says what readers see", () => {
    const p = markupProblems("T1: What does **patient engagement** mean?", { key: "- " })!;
    assert.equal(p.plain, "T1: What does patient engagement mean?");
    assert.match(p.message, /shown exactly as typed.*readers would see the asterisks in "\*\*patient engagement\*\*"/);
    // Quoted as YAML needs it (": " in the text), so pasting it gives back the text.
    assert.equal(p.fix, 'write it without the markup: - "T1: What does patient engagement mean?"');
    assert.equal(plainOf("A *really* good day"), "A really good day");
    assert.equal(plainOf("An __important__ and _small_ point"), "An important and small point");
    assert.equal(plainOf("***Both*** at once"), "Both at once");
    assert.equal(plainOf("**bold _and italic_**"), "bold and italic");
    assert.match(markupProblems("An _small_ point")!.message, /the underscores in "_small_"/);
    assert.equal(plainOf("~~Tuesday~~ Wednesday"), "Tuesday Wednesday");
  });

  it("finds code in backticks", () => {
    const p = markupProblems("Do you run `npm test` first?")!;
    assert.equal(p.plain, "Do you run npm test first?");
    assert.match(p.message, /the backticks in "`npm test`"/);
    // Inside code, nothing else is markup: the underscores are the code's.
    assert.equal(plainOf("Is `snake_case_name` clear?"), "Is snake_case_name clear?");
  });

  it("finds markdown links and images, keeps the words, and says where the link can go", () => {
    const p = markupProblems("Did you read [the survey](https://example.org/survey_2017)?", { key: "- " })!;
    assert.equal(p.plain, "Did you read the survey?");
    assert.match(p.message, /the brackets and the address of "\[the survey\]\(https:\/\/example\.org\/survey_2017\)"/);
    assert.equal(p.fix, "write it without the markup: - Did you read the survey?; put the link to https://example.org/survey_2017 in the post's text below the front matter, where markdown works");
    const image = markupProblems("![Two hosts](meetup.jpg) at the meetup")!;
    assert.equal(image.plain, "Two hosts at the meetup");
    assert.match(image.message, /"!\[Two hosts\]\(meetup\.jpg\)" as text, not an image/);
  });

  it("finds HTML tags, comments and entities", () => {
    const em = markupProblems("Why <em>listening</em> matters", { key: "title: " })!;
    assert.equal(em.fix, "write it without the markup: title: Why listening matters");
    assert.match(em.message, /the tags "<em>" and "<\/em>"/);
    assert.equal(plainOf("First line<br>second line"), "First line second line");
    assert.equal(plainOf("Line <br /> break"), "Line break");
    assert.equal(plainOf("<b>Bold</b> and <STRONG>loud</STRONG>"), "Bold and loud");
    const a = markupProblems('Take <a href="https://example.org/s">the survey</a>')!;
    assert.equal(a.plain, "Take the survey");
    assert.match(a.fix, /put the link to https:\/\/example\.org\/s in the post's text/);
    assert.equal(plainOf("Hidden <!-- note to self --> text"), "Hidden text");
    const entities = markupProblems("Q&amp;A&nbsp;night &mdash; all welcome")!;
    assert.equal(entities.plain, "Q&A night — all welcome");
    assert.match(entities.message, /"&amp;" where "&" was meant, "&nbsp;" where a space was meant and "&mdash;" where "—" was meant/);
  });

  it("leaves plain text alone: words with _, hashtags, arithmetic, footnote marks, <3, comparisons, addresses", () => {
    for (const text of [
      "Is snake_case_naming readable?",
      "Join #care_ldr and #hc_hl tonight",
      "What is 2 * 3?",
      "2*3*4 = 24",
      "Costs* rose (*estimated)",
      "* not a bullet",
      "*",
      "A lone _ underscore",
      "x_1 and y_2",
      "We <3 nurses",
      "Is a < b, or b > a?",
      "Wait times <= 5 days",
      "p<0.05 in both",
      "Write to <editor@example.org>",
      "See https://example.org/a_b_c_ and www.example.org/*x*",
      "Read <https://example.org/report>",
      "Q&A with R&D at AT&T",
      "Don`t and won`t",
      "[sic] and [1](2)",
      "Tom & Jerry; &c.",
    ]) {
      assert.equal(markupProblems(text), undefined, text);
    }
  });

  describe("in a reference", () => {
    const ref = (text: string) => markupProblems(text, { reference: true, key: "title: " });

    it("keeps the tags citeproc-js reads", () => {
      for (const text of [
        "Why <i>Lancet</i> matters",
        "<b>Bold</b> claims",
        "H<sub>2</sub>O and x<sup>2</sup>",
        "<sc>Small</sc> capitals",
        '<span class="nocase">iPhone</span> use',
        '<span class="nodecor">Plain</span> words',
        '<span style="font-variant:small-caps;">Small</span> caps',
        "p < 0.05 in <i>E. coli</i>",
      ]) {
        assert.equal(ref(text), undefined, text);
      }
    });

    it("rewrites markdown emphasis and other tags as citeproc-js's", () => {
      const p = ref("Why *Lancet* matters")!;
      assert.equal(p.plain, "Why <i>Lancet</i> matters");
      assert.match(p.message, /a reference reads no markdown.*readers would see the asterisks in "\*Lancet\*"/);
      assert.equal(p.fix, "write italics as <i>…</i> and bold as <b>…</b>, which references read: title: Why <i>Lancet</i> matters");
      assert.equal(ref("Why _Lancet_ matters")!.plain, "Why <i>Lancet</i> matters");
      assert.equal(ref("**Bold** claims")!.plain, "<b>Bold</b> claims");
      assert.equal(ref("Why <em>Lancet</em> and <I>BMJ</I>")!.plain, "Why <i>Lancet</i> and <i>BMJ</i>");
      assert.equal(ref("<strong>Loud</strong>")!.plain, "<b>Loud</b>");
      // A <span> citeproc-js does not read goes, with its own </span>; its own spans stay.
      assert.equal(ref('<span class="x">A</span> and <span class="nocase">iOS</span>')!.plain, 'A and <span class="nocase">iOS</span>');
      assert.equal(ref("Tom &amp; Jerry")!.plain, "Tom & Jerry");
      assert.match(ref("A [report](https://example.org/r)")!.fix, /put the link to https:\/\/example\.org\/r in the reference's `URL:` field/);
    });

    it("matches what the bibliography prints: the kept tags are formatted, the markdown is printed as typed", () => {
      const entry = (title: string) => formatBibliography([{ id: "a", type: "article-journal", title, "container-title": "Journal", author: [{ family: "Doe", given: "J" }], issued: { "date-parts": [[2001]] } }], { style: "apa", locale: "en-US" })[0]!.html;
      assert.match(entry("Why *Lancet* matters"), /Why \*Lancet\* matters/);
      assert.match(entry("Why <em>Lancet</em> matters"), /&#60;em&#62;/);
      assert.match(entry(ref("Why *Lancet* matters")!.plain), /Why <i>Lancet<\/i> matters/);
    });
  });

  it("never warns on text without markup characters, and its fixes never warn again", () => {
    const plainText = fc.string({ unit: fc.constantFrom(..."abc XYZ019.,;:!?'\"()-#@/=+%$é—"), maxLength: 60 });
    fc.assert(fc.property(plainText, fc.boolean(), (text, reference) => markupProblems(text, { reference }) === undefined));
    // Plain uses of the characters markup is made of.
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const safe = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a}_${b}`), word.map((w) => `#${w}_${w}`), fc.constantFrom("2 * 3", "<3", "a < b", "*", "cost*", "https://example.org/a_b_", "x&y"));
    fc.assert(fc.property(fc.array(safe, { maxLength: 8 }), (parts) => markupProblems(parts.join(" ")) === undefined));
    const piece = fc.constantFrom("*", "**", "_", "__", "~~", "`", "[", "](", ")", "<", ">", "</", "&", ";", "amp", "em", "i", "b", "br", "span", " ", "x", "2", "https://", ".org", "#", "!", '"', "=");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join("")), fc.boolean(), (text, reference) => {
        const p = markupProblems(text, { reference });
        return p === undefined || markupProblems(p.plain, { reference }) === undefined;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("postMarkupProblems", () => {
  it("checks the title, description, topics, image alt and credit, and references' text, not their ids or addresses", () => {
    const found = postMarkupProblems({
      title: "Why <em>listening</em> matters",
      description: "A chat about **trust**",
      topics: ["Plain question?", "What is _care_?", 42],
      image: { src: "./a_b_.jpg", alt: "The *hosts*", credit: "Photo &copy; Jane" },
      references: [{ id: "a_b_", URL: "https://example.org/*x*", Title: "Why *Lancet*", note: "**not shown**", "container-title": "<i>BMJ</i>" }, "not a reference"],
    });
    assert.deepEqual(
      found.map((p) => [p.path.join("."), p.plain]),
      [
        ["title", "Why listening matters"],
        ["description", "A chat about trust"],
        ["topics.1", "What is care?"],
        ["image.alt", "The hosts"],
        ["image.credit", "Photo © Jane"],
        ["references.0.Title", "Why <i>Lancet</i>"],
      ],
    );
    assert.match(found.find((p) => p.path[0] === "image")!.fix, /: alt: The hosts$/);
    assert.match(found.at(-1)!.fix, /: Title: Why <i>Lancet<\/i>$/);
  });
});

describe("loadPost warns of markup in front-matter text", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: (rel) => rel === "content/posts/meetup.jpg" };
  const FILE = "content/posts/2017-04-30-online-communities.md";
  const load = (frontMatter: string) => loadPost(FILE, `---\n${frontMatter}\n---\nBody\n`, ctx);

  it("points at the field, says what readers see, and the post builds as before", () => {
    const { post, diagnostics } = load(
      [
        "title: Why <em>listening</em> matters",
        "date: 2017-04-30",
        "topics:",
        "  - Plain question?",
        '  - "Engagement: what does **it** mean to you?"',
        "image:",
        "  src: ./meetup.jpg",
        "  alt: Two hosts",
        "  credit: Photo by [Jane](https://example.org/jane)",
        "references:",
        "  - id: doe",
        "    type: article-journal",
        "    title: Why *Lancet* matters",
        '    container-title: "<i>BMJ</i>"',
      ].join("\n"),
    );
    assert.ok(post, "a post with these warnings builds");
    assert.equal(post.title, "Why <em>listening</em> matters");
    assert.ok(diagnostics.every((d) => d.severity === "warning"));
    assert.deepEqual(
      diagnostics.map((d) => [d.field, d.line, d.column]),
      [
        ["title", 2, 1],
        ["topics[1]", 6, 5],
        ["image.credit", 10, 3],
        ["references[0].title", 14, 5],
      ],
    );
    const [title, topic, credit, reference] = diagnostics.map(formatDiagnostic);
    assert.equal(title, `${FILE}:2:1  title  warning: \`title\` is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the tags "<em>" and "</em>" → write it without the markup: title: Why listening matters`);
    assert.match(topic!, /topics\[1\]  warning: topic T2 is shown exactly as typed .*the asterisks in "\*\*it\*\*" → write it without the markup: - "Engagement: what does it mean to you\?"$/);
    assert.match(credit!, /image\.credit  warning: `image\.credit` is shown exactly as typed .*the brackets and the address of "\[Jane\]\(https:\/\/example\.org\/jane\)" → write it without the markup: credit: Photo by Jane; put the link to https:\/\/example\.org\/jane in the post's text below the front matter, where markdown works$/);
    assert.match(reference!, /references\[0\]\.title  warning: `title` of item 1 of `references` is shown as typed: a reference reads no markdown.* → write italics as <i>…<\/i> and bold as <b>…<\/b>, which references read: title: Why <i>Lancet<\/i> matters$/);
  });

  it("warns even when another field is wrong, from the fields as written", () => {
    const { post, diagnostics } = load(["title: A **bold** title", "date: not a date", "topics:", "  - Is `code` plain?", "image:", "  alt: The *hosts*", "references:", "  - title: _Lancet_"].join("\n"));
    assert.equal(post, undefined);
    const warnings = diagnostics.filter((d) => d.severity === "warning");
    assert.deepEqual(
      warnings.map((d) => [d.field, d.line]),
      [
        ["title", 2],
        ["topics[0]", 5],
        ["image.alt", 7],
        ["references[0].title", 9],
      ],
    );
  });

  it("says nothing of plain text", () => {
    const { diagnostics } = load(['title: "Snake_case, #care_ldr and 2 * 3"', "date: 2017-04-30", "topics:", '  - "We <3 nurses: is a < b?"', "  - See https://example.org/a_b_c"].join("\n"));
    assert.deepEqual(diagnostics, []);
  });
});
