// Where a language mark cannot work, the writer is told, and readers get the right language:
// `[words]{lang=de}` in front matter (shown as typed: lib/front-matter-markup.ts); span braces
// markdown shows as typed in the body (unclosed, split over two lines, in a paragraph read as
// HTML: lib/language-spans.ts); and a post's title or topic in the site's script inside a post
// in another script stays in the site's language (textLanguageMarks, lib/post-schema.ts).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { markupProblems } from "../../lib/front-matter-markup.ts";
import { languageSpanProblems } from "../../lib/language-spans.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { textLanguageMarks } from "../../lib/post-schema.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

const FILE = "content/posts/2017-04-30-night-shift.md";
const md = createMarkdown();
const render = (body: string) => md.render(body, { site: { language: "en-US" } });
const problems = (body: string) => languageSpanProblems(body, FILE, 10, "en-US").map((p) => ({ severity: p.severity, line: p.line, column: p.column, message: p.message, fix: p.fix }));

describe("[words]{lang=xx} in front matter", () => {
  it("in a topic: a warning naming the brackets and braces, with the topic to write, which then checks clean", () => {
    const lines = post({ 7: '  - "Is [Nachtdienst]{lang=de} hard?"' });
    const ds = loadLines(lines).diagnostics;
    assert.deepEqual(ds.map(shown), [
      `7:5  topics[0]  warning: topic T1 is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the brackets and the braces of "[Nachtdienst]{lang=de}", and screen readers would not be told the words' language → write it without the markup: - Is Nachtdienst hard?; words in another language can be marked only in the post's text below the front matter, as [Nachtdienst]{lang=de}`,
    ]);
    const fixed = [...lines];
    fixed[6] = "  - Is Nachtdienst hard?";
    assert.deepEqual(loadLines(fixed).diagnostics.map(shown), []);
  });

  it("in a title and a description too, and the braces alone or with a space before them", () => {
    const title = loadLines(post({ 2: 'title: "The [garde de nuit]{lang=fr}"' })).diagnostics;
    assert.equal(title.length, 1);
    assert.match(title[0]!.fix ?? "", /^write it without the markup: title: The garde de nuit;/);
    const description = loadLines(post({}, ["description: 'Le [mot]{lang=fr} juste'"])).diagnostics;
    assert.match(description[0]!.fix ?? "", /^write it without the markup: description: Le mot juste;/);
    assert.equal(markupProblems("x {lang=fr} y", { key: "- " })?.plain, "x y");
    assert.equal(markupProblems("[la garde] {lang=fr}", { key: "- " })?.plain, "la garde");
    assert.match(markupProblems("[la garde] {lang=fr}", { key: "- " })?.fix ?? "", /as \[la garde\]\{lang=fr\}$/);
  });

  it("braces that name no language, and brackets alone, are plain text", () => {
    for (const text of ["a {b} c", "[sic] text", "Cost {x} per {lang}", "Q1 [draft]"]) assert.equal(markupProblems(text), undefined, text);
  });
});

describe("span braces markdown shows as typed are told", () => {
  it("never closed: an error at the braces, with the span to write", () => {
    assert.equal(render('Say [x]{lang="fr"'), '<p>Say [x]{lang=&quot;fr&quot;</p>\n');
    assert.deepEqual(problems('Say [x]{lang="fr"'), [
      {
        severity: "error",
        line: 10,
        column: 8,
        message: `{lang="fr" is never closed with "}", so markdown shows the brackets and the braces as typed: readers see "{lang="fr"" on the page and the words are not marked as French`,
        fix: "close the braces: [x]{lang=fr}",
      },
    ]);
    assert.deepEqual(problems("[x]{lang=fr}"), []);
  });

  it("closed on the next line: an error saying braces go on one line", () => {
    const [p] = problems("Say [x]{lang=fr\n} more");
    assert.deepEqual([p!.line, p!.column], [10, 8]);
    assert.match(p!.message, /is closed with "\}" on a later line: markdown reads a span's braces only on one line/);
    assert.equal(p!.fix, "write the braces on one line, right after the words: [x]{lang=fr}");
  });

  it("after an HTML comment on the same line: the comment makes the line HTML; the fix moves it to a line of its own, which checks clean", () => {
    assert.equal(render("<!-- c -->[x]{lang=fr}"), "<!-- c -->[x]{lang=fr}");
    const [p] = problems("<!-- c -->[x]{lang=fr}");
    assert.deepEqual([p!.severity, p!.line, p!.column], ["error", 10, 11]);
    assert.match(p!.message, /^the line starts with an HTML comment, so markdown reads the line as HTML/);
    assert.equal(p!.fix, "put the comment on a line of its own, and the text on the next line: [x]{lang=fr}");
    assert.deepEqual(problems("<!-- c -->\n[x]{lang=fr}"), []);
    assert.match(render("<!-- c -->\n[x]{lang=fr}"), /<span lang="fr">x<\/span>/);
  });

  it("inside a block of HTML: told with the HTML to write; not in code, a comment or a tag's attribute", () => {
    const [p] = problems("<div>\n[x]{lang=fr}\n</div>");
    assert.deepEqual([p!.line, p!.column], [11, 1]);
    assert.match(p!.fix ?? "", /<span lang="fr">x<\/span>$/);
    for (const body of ["<pre>\n[x]{lang=fr}\n</pre>", "<!-- [x]{lang=fr} -->", '<div title="[x]{lang=fr}">\ntext\n</div>', "<script>x</script>"]) assert.deepEqual(problems(body), [], body);
  });
});

describe("a title or topic in the site's script inside a post in another script", () => {
  it("has no lang or dir of the post: it is in the site's language", () => {
    assert.equal(textLanguageMarks("Should vendors join, 2026?", "ar", "en-US"), undefined);
    assert.equal(textLanguageMarks("2026?", "ar", "en-US"), undefined);
    assert.equal(textLanguageMarks("Пора?", "en", "ru"), undefined);
  });

  it("one with a character of the post's script keeps the post's lang and dir", () => {
    assert.deepEqual(textLanguageMarks("ما الذي يساعد على النوم نهارا؟", "ar", "en-US"), { lang: "ar", dir: "rtl" });
    assert.deepEqual(textLanguageMarks("هل تنضم WHO؟", "ar", "en-US"), { lang: "ar", dir: "rtl" });
    assert.deepEqual(textLanguageMarks("夜勤はどう？", "ja", "en-US"), { lang: "ja" });
    assert.deepEqual(textLanguageMarks("What helps?", "en", "ar"), { lang: "en", dir: "ltr" });
  });

  it("in the site's script, the text cannot tell: the post's language holds", () => {
    assert.deepEqual(textLanguageMarks("What helps at night?", "es", "en-US"), { lang: "es" });
    assert.equal(textLanguageMarks("What helps?", "en-GB", "en-US"), undefined);
  });
});
