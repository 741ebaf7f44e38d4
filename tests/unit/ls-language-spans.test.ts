// Words in another language in a body (WCAG 2.2 SC 3.1.2): pandoc's `[words]{lang=fr}`
// renders <span lang="fr">, with dir= when the language runs the other way from the site;
// citations, links and footnotes keep their syntax; each way of getting it wrong is told at
// its line and column with the span to write; raw HTML's lang is read the same way.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { firstParagraphText, postDescription } from "../../lib/description.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { languageSpanProblems } from "../../lib/language-spans.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-04-30-night-shift.md";
const md = createMarkdown();
const render = (body: string, language = "en-US", citations?: string[]) => md.renderInline(body, { site: { language }, ...(citations ? { announcement: { citations } } : {}) });
const problems = (body: string, site = "en-US") => languageSpanProblems(body, FILE, 10, site).map((p) => ({ severity: p.severity, line: p.line, column: p.column, message: p.message, fix: p.fix }));
const where = (body: string, site = "en-US") => problems(body, site).map((p) => [p.severity, p.line, p.column]);

describe("a language span renders", () => {
  it("as <span lang> with the words inside, and nothing of its braces", () => {
    assert.equal(render("the French call it [la garde de nuit]{lang=fr}."), 'the French call it <span lang="fr">la garde de nuit</span>.');
    assert.equal(render('[la garde]{lang="fr"} and [die Nacht]{ lang=de }'), '<span lang="fr">la garde</span> and <span lang="de">die Nacht</span>');
    assert.deepEqual(problems("the French call it [la garde de nuit]{lang=fr}."), []);
  });

  it("with its tag canonical, whatever its case (BCP 47 tags ignore case)", () => {
    assert.equal(render("[la garde]{lang=Fr-fr} [noite]{lang=pt-br}"), '<span lang="fr-FR">la garde</span> <span lang="pt-BR">noite</span>');
    assert.deepEqual(problems("[la garde]{lang=Fr-fr}"), []);
  });

  it("with dir=rtl for a right-to-left language on a left-to-right site, and dir=ltr the other way round", () => {
    assert.equal(render("[شكرا]{lang=ar} [תודה]{lang=he} [merci]{lang=fr}"), '<span lang="ar" dir="rtl">شكرا</span> <span lang="he" dir="rtl">תודה</span> <span lang="fr">merci</span>');
    assert.equal(render("[thank you]{lang=en} [شكرا]{lang=ar-EG}", "ar-EG"), '<span lang="en" dir="ltr">thank you</span> <span lang="ar-EG">شكرا</span>');
  });

  it("with inline markdown inside: emphasis, a link, a citation, another span", () => {
    assert.equal(
      render("[*la* garde [de nuit](https://example.org/nuit) [@smith2020]]{lang=fr}"),
      '<span lang="fr"><em>la</em> garde <a href="https://example.org/nuit">de nuit</a> <span lang="en-US">[@smith2020]</span></span>',
    );
    assert.equal(render("[a [b]{lang=de} c]{lang=fr}"), '<span lang="fr">a <span lang="de">b</span> c</span>');
    // A span in a link's text.
    assert.equal(render("[see [la garde]{lang=fr}](https://example.org/)"), '<a href="https://example.org/">see <span lang="fr">la garde</span></a>');
  });

  it("with a citation inside it marked in the site's language, which the style prints it in", () => {
    const html = render("[la garde [@smith2020]]{lang=fr}", "en-US", ['(<a href="#ref-smith2020">Smith, 2020</a>)']);
    assert.equal(html, '<span lang="fr">la garde <span lang="en-US">(<a href="#ref-smith2020">Smith, 2020</a>)</span></span>');
    // Outside a span, the citation is as before.
    assert.equal(render("[@smith2020]", "en-US", ["(Smith, 2020)"]), "(Smith, 2020)");
  });
});

describe("a span does not break the other bracket syntaxes", () => {
  it("citations, links, reference links and footnotes read as before", () => {
    const body = "[@key] [see @key, p. 3] [-@key] @key [p. 4] [x](https://a.example) [x][ref] [ref] [^1]\n\n[ref]: https://b.example";
    const tokens = md.parse(body, {}).find((t) => t.type === "inline")!.children!;
    assert.deepEqual(tokens.filter((t) => t.type === "citation").map((t) => t.content), ["[@key]", "[see @key, p. 3]", "[-@key]", "@key [p. 4]"]);
    assert.equal(tokens.filter((t) => t.type === "link_open").length, 3);
    assert.equal(tokens.some((t) => t.type.startsWith("language_")), false);
    assert.deepEqual(problems(body), []);
  });

  it("text in braces that are no attributes, or with a space before them, stays text", () => {
    assert.equal(render("[sic]{whatever words} and {curly}"), "[sic]{whatever words} and {curly}");
    assert.deepEqual(problems("[sic]{whatever words} and {curly}"), []);
  });

  it("a bracket that cites at its own level stays a citation, and the braces after it are an error (pandoc would cite in the text)", () => {
    assert.equal(render("[see @smith2020]{lang=fr}", "en-US", ["(see Smith, 2020)"]), "(see Smith, 2020){lang=fr}");
    const [p, ...rest] = problems("Text [see @smith2020]{lang=fr}.");
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["error", 10, 22]);
    assert.match(p!.message, /^\{lang=fr\} after the citation \[see @smith2020\] is shown as typed/);
    assert.match(String(p!.fix), /bracket only the words in that language, e\.g\. \[la garde de nuit\]\{lang=fr\}, and leave the citation as it is; a cited work's own language is its reference's language: field/);
  });
});

describe("the description and other plain text of a body", () => {
  it("keep a span's words and drop its brackets and braces", () => {
    assert.equal(firstParagraphText("The French call it [la garde de nuit]{lang=fr}, *we* say night watch."), "The French call it la garde de nuit, we say night watch.");
    assert.equal(postDescription({ body: "Nurses say [Nachtdienst]{lang=de} [@a]." }, "site", ["(A, 2020)"]), "Nurses say Nachtdienst.");
  });
});

describe("languageSpanProblems", () => {
  it("tells a tag it cannot read, at the span's line and column, with the span to write", () => {
    assert.deepEqual(problems("Intro.\n\n- a [nuit]{lang=jp} b"), [
      {
        severity: "error", line: 12, column: 5,
        message: `in {lang=jp}: "jp" is not a language's code but a country's (Japan), so the words are not marked as being in another language, and screen readers read them in the page's language`,
        fix: "write [nuit]{lang=ja} for Japanese (a language's code is not always its country's)",
      },
    ]);
    const [own] = problems("[Nachtdienst]{lang=Deutsch}");
    assert.equal(own!.severity, "error");
    assert.match(own!.message, /"Deutsch" is German's own name/);
    assert.equal(own!.fix, "write [Nachtdienst]{lang=de}");
    const [unknown] = problems("[qapla']{lang=Klingonish}");
    assert.match(unknown!.message, /"Klingonish" names no language chatpost knows, so the words are not marked/);
    assert.equal(unknown!.fix, "write the language's tag (fr French, de German, es Spanish, ja Japanese, ar Arabic…), e.g. [qapla']{lang=de}");
    // The page says nothing wrong meanwhile: no lang at all.
    assert.equal(render("[nuit]{lang=jp}"), "<span>nuit</span>");
  });

  it("warns of a language's name or an underscore: the page marks the tag, but pandoc would not", () => {
    assert.equal(render("[la garde]{lang=french} [color]{lang=en_US}", "fr"), '<span lang="fr">la garde</span> <span lang="en-US">color</span>');
    assert.deepEqual(problems("[la garde]{lang=french} [color]{lang=en_US}", "fr"), [
      { severity: "warning", line: 10, column: 1, message: `in {lang=french}: "french" is French's name, not its language tag: the page marks it fr, but pandoc and other tools read only the tag`, fix: "write [la garde]{lang=fr}" },
      { severity: "warning", line: 10, column: 25, message: `in {lang=en_US}: "en_US" is written with "_", where a language tag has "-": the page marks it en-US, but pandoc and other tools read only the tag`, fix: "write [color]{lang=en-US}" },
    ]);
  });

  it("names lang:, language=, a bare tag, other attributes and classes, with the span to write", () => {
    const body = "[a]{lang:fr} [b]{language=fr} [c]{fr} [d]{lang=fr .x} [e]{.smallcaps}";
    assert.deepEqual(where(body), [["error", 10, 1], ["error", 10, 14], ["error", 10, 31], ["error", 10, 39], ["error", 10, 55]]);
    const [colon, language, bare, other, smallcaps] = problems(body);
    assert.equal(colon!.message, `{lang:fr} has ":" where lang= takes "=", so pandoc does not mark the words as French`);
    assert.equal(language!.message, "{language=fr} names the language with language=, which is not read (only lang= is), so pandoc does not mark the words as French");
    assert.equal(bare!.message, `{fr} has no "lang=", so pandoc does not mark the words as French`);
    assert.match(other!.message, /^\{lang=fr \.x\} has \.x besides lang=, which is dropped/);
    assert.deepEqual([colon, language, bare, other].map((p) => p!.fix), ["write [a]{lang=fr}", "write [b]{lang=fr}", "write [c]{lang=fr}", "write [d]{lang=fr}"]);
    assert.match(smallcaps!.message, /^\{\.smallcaps\} after \[e\] names no language: chatpost reads only lang= there/);
    assert.equal(smallcaps!.fix, "write the words without brackets and braces: e; for emphasis write *e*; for words in another language write [e]{lang=fr}");
  });

  it("tells a {lang=…} with no brackets before it, a space before it, or after a link: markdown shows it as typed", () => {
    const body = "la garde de nuit{lang=fr}\n[la garde] {lang=fr}\n[see](https://a.example){lang=de}";
    assert.equal(render(body), 'la garde de nuit{lang=fr}\n[la garde] {lang=fr}\n<a href="https://a.example">see</a>{lang=de}');
    const [none, space, link] = problems(body);
    assert.deepEqual([none!.line, none!.column, space!.line, space!.column, link!.line, link!.column], [10, 17, 11, 12, 12, 25]);
    assert.equal(none!.message, `{lang=fr} marks the words in square brackets just before it, and there are none, so markdown shows it as typed: readers see "{lang=fr}" on the page and the words are not marked as French`);
    assert.equal(none!.fix, "put all the words in that language in square brackets right before it, with no space, e.g. [nuit]{lang=fr}; to show the braces as typed, write \\{lang=fr}");
    assert.match(space!.message, /^the space between \] and \{lang=fr\} makes markdown show the brackets and the braces as typed/);
    assert.equal(space!.fix, "remove the space: ]{lang=fr}");
    assert.equal(link!.fix, "put the link in brackets of its own: [[see](https://a.example)]{lang=de}");
    // Escaped, or in code, it is meant as typed.
    assert.deepEqual(problems("write \\{lang=fr} or `[x] {lang=fr}`"), []);
  });

  it("tells empty brackets, and warns of a span in the site's own language", () => {
    assert.deepEqual(problems("[]{lang=fr}")[0]!.message, "the brackets before {lang=fr} hold no words, so nothing is marked");
    assert.deepEqual(problems("[color]{lang=en} [colour]{lang=en-GB} [Farbe]{lang=de}"), [
      { severity: "warning", line: 10, column: 1, message: "[color]{lang=en}: English (en) is the site's own language (language: en-US in the settings), so marking it does nothing", fix: "write the words without brackets and braces: color" },
    ]);
  });

  it("warns of a span in an image's description, which cannot mark a part", () => {
    assert.deepEqual(problems("![la [garde]{lang=fr} at night](night.png)").map((p) => [p.severity, p.line, p.column, p.fix]), [
      ["warning", 10, 6, "write the words without brackets and braces: garde; to have them read in French, put them in the text next to the image"],
    ]);
  });

  it("reads raw HTML's lang the same way: a name or a country's code is an error, a language running the other way without dir a warning", () => {
    assert.deepEqual(problems('<span lang="fr">a</span> <i lang="french">b</i> <q lang="ar">c</q> <span lang="">d</span>\n\n<div lang="jp">\nblock\n</div>'), [
      {
        severity: "error", line: 10, column: 29,
        message: `in <i lang="french">: "french" is French's name, not its language tag: browsers and screen readers read only the tag, so the words are not marked as being in another language, and screen readers read them in the page's language`,
        fix: 'write <i lang="fr">',
      },
      {
        severity: "warning", line: 10, column: 52,
        message: `Arabic is written right to left and the site left to right: without dir="rtl" the <q>'s punctuation and numbers land on the wrong side`,
        fix: 'write <q lang="ar" dir="rtl">, or [the words]{lang=ar}, which adds it',
      },
      {
        severity: "error", line: 12, column: 6,
        message: `in <div lang="jp">: "jp" is not a language's code but a country's (Japan), so the words are not marked as being in another language, and screen readers read them in the page's language`,
        fix: 'write <div lang="ja"> for Japanese (a language\'s code is not always its country\'s)',
      },
    ]);
    assert.deepEqual(problems('<q lang="ar" dir="rtl">c</q> <span lang="Fr-fr">x</span>'), []);
  });
});

describe("a post with a span", () => {
  const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
  const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };

  it("is refused for a tag it cannot read, with the file's line and column and the span to write", () => {
    const text = "---\ntitle: T\ndate: 2017-04-30\n---\nThe French call it\n[la garde de nuit]{lang=french} and the Dutch [de nachtdienst]{lang=nl-nl}.\n[x]{lang=jp}\n";
    const result = loadPost(FILE, text, ctx);
    assert.equal(result.post, undefined);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
      `${FILE}:6:1  warning: in {lang=french}: "french" is French's name, not its language tag: the page marks it fr, but pandoc and other tools read only the tag → write [la garde de nuit]{lang=fr}`,
      `${FILE}:7:1  in {lang=jp}: "jp" is not a language's code but a country's (Japan), so the words are not marked as being in another language, and screen readers read them in the page's language → write [x]{lang=ja} for Japanese (a language's code is not always its country's)`,
    ]);
  });

  it("loads when its spans are right", () => {
    const result = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\n---\nThe French call it [la garde de nuit]{lang=fr}.\n", ctx);
    assert.deepEqual(result.diagnostics, []);
    assert.ok(result.post);
  });
});

describe("a span in a post written in another language than the site's (language: es)", () => {
  it("is told it does nothing when it marks the post's own language, and is silent when it marks the site's", () => {
    const body = "Lo llamamos [madrugada]{lang=es} o [night shift]{lang=en}.";
    const problems = languageSpanProblems(body, "content/posts/p.md", 8, "en-US", "es");
    assert.deepEqual(problems.map((p) => [p.severity, p.line, p.column, p.message]), [
      ["warning", 8, 13, "[madrugada]{lang=es}: Spanish (es) is the post's own language (language: es in its front matter), so marking it does nothing"],
    ]);
  });

  it("is read in the post's language by loadPost, from its language: line", () => {
    const raw = "---\ntitle: Guardia\ndate: 2017-04-30\nlanguage: es\n---\nLo llamamos [madrugada]{lang=es}.\n";
    const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
    const result = loadPost("content/posts/2017-04-30-guardia.md", raw, { settings, root: "/nowhere", fileExists: () => true });
    const told = result.diagnostics.filter((d) => /own language/.test(d.message));
    assert.deepEqual(told.map((d) => [d.severity, d.line]), [["warning", 6]]);
    assert.match(told[0]!.message, /post's own language \(language: es/);
  });

  it("renders dir against the post's language in the render env", () => {
    const html = createMarkdown().render("نسميها [night shift]{lang=en}.", { site: { language: "en-US" }, post: { language: "ar" } });
    assert.match(html, /<span lang="en" dir="ltr">night shift<\/span>/);
    const plain = createMarkdown().render("Say [night shift]{lang=en-GB}.", { site: { language: "en-US" } });
    assert.match(plain, /<span lang="en-GB">night shift<\/span>/);
  });
});
