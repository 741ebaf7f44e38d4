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

  describe("citeproc-js's tags without their pair", () => {
    const ref = (text: string) => markupProblems(text, { reference: true, key: "title: " });
    const entry = (title: string) =>
      formatBibliography([{ id: "a", type: "article-journal", title, "container-title": "Journal", issued: { "date-parts": [[2001]] } }], { style: "apa", locale: "en-US" })[0]!.html;

    it("warns of an opening tag never closed, and a closing tag that closes nothing, with the fix", () => {
      // What citeproc-js does with them: the tag is printed as typed.
      assert.match(entry("Unclosed <i>The Lancet"), /Unclosed &#60;i&#62;The Lancet/);
      assert.match(entry("Stray </i> close"), /Stray &#60;\/i&#62; close/);
      const open = ref("Unclosed <i>The Lancet")!;
      assert.equal(open.message, 'has a tag without its pair, which is shown as typed: readers would see the tag "<i>", which is never closed');
      assert.equal(open.fix, 'add "</i>" where it should end, or remove "<i>": title: Unclosed The Lancet');
      assert.deepEqual(open.pieces, ["<i>"]);
      const stray = ref("Stray </i> close")!;
      assert.equal(stray.message, 'has a tag without its pair, which is shown as typed: readers would see the tag "</i>", which closes nothing');
      assert.equal(stray.fix, 'remove "</i>": title: Stray close');
      assert.equal(ref("H<sub>2 O")!.plain, "H2 O");
      assert.equal(ref('<span class="nocase">iOS')!.fix, 'add "</span>" where it should end, or remove "<span class="nocase">": title: iOS');
    });

    it("names every tag citeproc-js prints, and keeps the pairs a smaller repair saves", () => {
      // A stray </b> inside <i>…</i> undoes the <i> too: all three are printed.
      assert.match(entry("<i>a</b> b</i>"), /&#60;i&#62;a&#60;\/b&#62; b&#60;\/i&#62;/);
      const stray = ref("<i>a</b> b</i>")!;
      assert.match(stray.message, /the tags "<i>", "<\/b>" and "<\/i>" \("<\/b>" closes nothing\)$/);
      assert.equal(stray.plain, "<i>a b</i>");
      // Crossed tags: the inner one, still open where the outer closes, is printed.
      assert.match(entry("<i>a <b>b</i> c</b>"), /<i>a &#60;b&#62;b<\/i> c&#60;\/b&#62;/);
      const crossed = ref("<i>a <b>b</i> c</b>")!;
      assert.match(crossed.message, /the tags "<b>" and "<\/b>" \("<b>" is still open at "<\/i>"\)$/);
      assert.equal(crossed.fix, 'close "<b>" before "</i>" (a tag opened inside another closes first), or remove "<b>" and its "</b>": title: <i>a b</i> c');
    });

    it("leaves paired tags alone, nested ones too, and tells markdown and an unpaired tag together", () => {
      for (const text of ["<i>a <i>b</i> c</i>", "<b>a <i>b</i></b>", "<i></i>x", '<span class="nocase">a <i>b</i></span>', "a < b and <3"]) {
        assert.equal(ref(text), undefined, text);
      }
      const both = ref("Why *Lancet* and <i>BMJ")!;
      assert.match(both.message, /readers would see the asterisks in "\*Lancet\*" and the tag "<i>", which is never closed$/);
      assert.equal(both.fix, 'add "</i>" where it should end, or remove "<i>"; write italics as <i>…</i> and bold as <b>…</b>, which references read: title: Why <i>Lancet</i> and BMJ');
    });

    it("agrees with citeproc-js: a warning exactly when a tag is printed as typed, and the fix prints none", () => {
      const piece = fc.constantFrom("<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", '<span class="nocase">', "</span>", " word ", "x");
      const literal = /&#60;\/?(?:i|b|sup|span)/;
      fc.assert(
        fc.property(fc.array(piece, { minLength: 1, maxLength: 7 }).map((a) => `Title ${a.join("")} end`), (title) => {
          const p = ref(title);
          assert.equal(p !== undefined, literal.test(entry(title)), title);
          if (p) assert.doesNotMatch(entry(p.plain), literal, p.plain);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("in a tag", () => {
    const tag = (text: string) => markupProblems(text, { tag: true });

    it("leaves hashtags, names and symbols alone", () => {
      for (const text of ["#hcldr", "#care_ldr", "__init__", "_id_", "C++", "C#", "R&D", "AT&T", "<3", "night shift", "santé"]) {
        assert.equal(tag(text), undefined, text);
      }
    });

    it("warns of markup, the fix the tag in quotes (which fits `tags: [a, b]` and a list of lines)", () => {
      assert.equal(tag("<i>tag</i>")!.fix, 'write it without the markup: "tag"');
      assert.equal(tag("*nursing*")!.plain, "nursing");
      assert.equal(tag("Q&amp;A")!.plain, "Q&A");
      assert.equal(tag("#**bold**")!.plain, "#bold");
    });
  });

  it("writes the fix's value in the file's syntax: YAML, JSON or BibTeX", () => {
    const fixOf = (text: string, options: Parameters<typeof markupProblems>[1]) => markupProblems(text, { reference: true, ...options })!.fix;
    assert.equal(fixOf("Why *Lancet*: a view", { key: "title: " }), 'write italics as <i>…</i> and bold as <b>…</b>, which references read: title: "Why <i>Lancet</i>: a view"');
    assert.equal(fixOf("Why *Lancet*", { syntax: "json", key: '"title": ' }), 'write italics as <i>…</i> and bold as <b>…</b>, which references read: "title": "Why <i>Lancet</i>"');
    assert.equal(
      fixOf('Why <em>Lancet</em>, **H<sub>2</sub>O** and <span class="nocase">iOS</span> &amp; <sc>x</sc>', { syntax: "bibtex", key: "title = " }),
      "write italics as \\textit{…} and bold as \\textbf{…}: title = {Why \\textit{Lancet}, \\textbf{H\\textsubscript{2}O} and {iOS} \\& \\textsc{x}}",
    );
    assert.match(fixOf("[Report](https://example.org/r)", { syntax: "bibtex", key: "title = " }), /: title = \{Report\}; put the link to https:\/\/example\.org\/r in the entry's `url` field$/);
  });

  it("never warns on text without markup characters, and its fixes never warn again", () => {
    const plainText = fc.string({ unit: fc.constantFrom(..."abc XYZ019.,;:!?'\"()-#@/=+%$é—"), maxLength: 60 });
    fc.assert(fc.property(plainText, fc.boolean(), (text, reference) => markupProblems(text, { reference }) === undefined));
    // Plain uses of the characters markup is made of.
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    const safe = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a}_${b}`), word.map((w) => `#${w}_${w}`), fc.constantFrom("2 * 3", "<3", "a < b", "*", "cost*", "https://example.org/a_b_", "x&y"));
    fc.assert(fc.property(fc.array(safe, { maxLength: 8 }), (parts) => markupProblems(parts.join(" ")) === undefined));
    const piece = fc.constantFrom("*", "**", "_", "__", "~~", "`", "[", "](", ")", "<", ">", "</", "&", ";", "amp", "em", "i", "b", "br", "span", " ", "x", "2", "https://", ".org", "#", "!", '"', "=", "<i>", "</i>", "<b>", "</b>");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }).map((a) => a.join("")), fc.boolean(), fc.boolean(), (text, reference, tag) => {
        const p = markupProblems(text, { reference, tag });
        return p === undefined || markupProblems(p.plain, { reference, tag }) === undefined;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("postMarkupProblems", () => {
  it("checks the title, author, description, topics, tags, image alt and credit, and references' text, not their ids or addresses", () => {
    const found = postMarkupProblems({
      title: "Why <em>listening</em> matters",
      author: "Ann <b>Bold</b>",
      description: "A chat about **trust**",
      topics: ["Plain question?", "What is _care_?", 42],
      tags: ["#hcldr", "__init__", "*nursing*", "C++"],
      image: { src: "./a_b_.jpg", alt: "The *hosts*", credit: "Photo &copy; Jane" },
      references: [{ id: "a_b_", URL: "https://example.org/*x*", Title: "Why *Lancet*", note: "**not shown**", "container-title": "<i>BMJ</i>" }, "not a reference"],
    });
    assert.deepEqual(
      found.map((p) => [p.path.join("."), p.plain]),
      [
        ["title", "Why listening matters"],
        ["author", "Ann Bold"],
        ["description", "A chat about trust"],
        ["topics.1", "What is care?"],
        ["tags.2", "nursing"],
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

  it("points at the author and each tag, in a list in brackets or of lines", () => {
    const flow = load(["title: A chat", "author: Ann <b>Bold</b>", "date: 2017-04-30", 'tags: [nursing, "*research*", "#hcldr"]'].join("\n")).diagnostics;
    assert.deepEqual(
      flow.map((d) => [d.field, d.line, d.column]),
      [
        ["author", 3, 1],
        ["tags[1]", 5, 17],
      ],
    );
    assert.equal(formatDiagnostic(flow[1]!), `${FILE}:5:17  tags[1]  warning: item 2 of \`tags\` is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the asterisks in "*research*" → write it without the markup: "research"`);
    assert.match(formatDiagnostic(flow[0]!), /author {2}warning: `author` is shown exactly as typed .*the tags "<b>" and "<\/b>" → write it without the markup: author: Ann Bold$/);
    // A tag written twice makes the list wrong: the other tags are still checked.
    const lines = load(["title: A chat", "date: 2017-04-30", "tags:", "  - nursing", "  - <i>Research</i>", "  - nursing"].join("\n")).diagnostics;
    assert.deepEqual(
      lines.map((d) => [d.severity, d.field, d.line]),
      [
        ["error", "tags[2]", 7],
        ["warning", "tags[1]", 6],
      ],
    );
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
