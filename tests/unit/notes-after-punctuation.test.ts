// Pandoc's notes-after-punctuation on markdown-it tokens: where a note style's
// footnote number lands next to punctuation, spaces and quotes (the cases were
// checked against pandoc 2.17.1.1; tests/site/pandoc-parity-notes.test.ts compares
// a fixture with pandoc itself), and that nothing moves for other styles.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { citationSyntax } from "../../lib/citation-syntax.ts";
import { registerLocale } from "../../lib/citations.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { citationShape, localePunctuationInQuote } from "../../lib/notes-after-punctuation.ts";
import { PROJECT } from "../helpers/build-site.ts";

const marker = (n: number) => `<span class="citation"><a href="#cite-note-${n}" class="footnote-ref" role="doc-noteref"><sup>${n}</sup></a></span>`;

interface Env {
  /** How citations render: footnote markers (the author first for `@key says`), or author-date text. */
  style: "note" | "author-date";
  inQuote?: boolean;
}

function markdown(): MarkdownIt {
  const md = new MarkdownIt({ typographer: true });
  citationSyntax(md, {
    html: (env: Env, index, cluster) => {
      const first = cluster.items[0]!;
      const author = first.key === "inc" ? "Acme Inc." : first.key.toUpperCase();
      if (env.style === "author-date") return first.mode === "author-in-text" ? `${author} (2020)` : `(${author}, 2020)`;
      return `${first.mode === "author-in-text" ? author : ""}${marker(index + 1)}`;
    },
    punctuationInQuote: (env: Env) => env.inQuote ?? true,
  });
  return md;
}

const md = markdown();
/** The rendered paragraph's text, each footnote number written ^n. */
const notes = (text: string, env: Partial<Env> = {}) =>
  md
    .renderInline(text, { style: "note", ...env })
    .replace(/<span class="citation"><a [^>]*><sup>(\d+)<\/sup><\/a><\/span>/g, "^$1")
    .replace(/<(\/?)em>/g, "*");

describe("notes after punctuation (note styles)", () => {
  it("each punctuation mark after a citation goes before its number, and the space before the citation goes", () => {
    for (const mark of [".", ",", ";", ":", "?", "!", ")", "…"]) assert.equal(notes(`text [@a]${mark} more`), `text${mark}^1 more`, mark);
    assert.equal(notes("text [@a]?! more"), "text?!^1 more", "a run of marks");
    assert.equal(notes("text [@a]--- more"), "text—^1 more", "dashes are punctuation too");
    assert.equal(notes("text [@a] more"), "text^1 more", "no punctuation: only the space goes");
    assert.equal(notes("text\n[@a]. More"), "text.^1 More", "a line break counts as a space");
  });

  it("a citation written right after a word, or first in its paragraph, stays where it is", () => {
    assert.equal(notes("text[@a]. More"), "text^1. More");
    assert.equal(notes("[@a]. More"), "^1. More");
    assert.equal(notes("each other.[@a] More"), "each other.^1 More");
  });

  it("a narrative citation stays, with its space; a period after a name that ends with one goes", () => {
    assert.equal(notes("as @a says."), "as A^1 says.");
    assert.equal(notes("as shown by @a."), "as shown by A^1.");
    assert.equal(notes("as shown by @inc. More"), "as shown by Acme Inc.^1 More");
    assert.equal(notes("as shown by @inc.) More"), "as shown by Acme Inc.^1.) More");
  });

  it("reads left to right as pandoc does: a citation just moved is not what the next one follows", () => {
    assert.equal(notes("a [@a] [@b]."), "a^1 ^2.");
    assert.equal(notes("a [@a]. [@b]."), "a.^1.^2");
    assert.equal(notes("a[@a] [@b]."), "a^1.^2");
    assert.equal(notes("a [@a], [@b]; b"), "a,^1;^2 b");
  });

  it("a period or comma goes inside a closing quote when the locale says so; other marks stay out", () => {
    assert.equal(notes('a "quote" [@a]. b'), "a “quote.”^1 b");
    assert.equal(notes('a "quote" [@a], b'), "a “quote,”^1 b");
    assert.equal(notes("a 'quote' [@a]. b"), "a ‘quote.’^1 b");
    assert.equal(notes('a "quote" [@a]? b'), "a “quote”?^1 b");
    assert.equal(notes('a "quote" [@a].) b'), "a “quote.”)^1 b", "only the first mark goes in");
    assert.equal(notes('a "*quote*" [@a]. b'), "a “*quote*.”^1 b");
    assert.equal(notes('a "quote" [@a]. b', { inQuote: false }), "a “quote”.^1 b");
  });

  it("a quote that already ends with punctuation drops the moved period or comma", () => {
    assert.equal(notes('a "really?" [@a]. b'), "a “really?”^1 b");
    assert.equal(notes('a "so," [@a]. b'), "a “so,”^1 b");
    assert.equal(notes('a "so," [@a]. b', { inQuote: false }), "a “so,”.^1 b");
  });

  it("an apostrophe is not a quote, also inside a single-quoted phrase", () => {
    assert.equal(notes("the doctors' [@a]. b"), "the doctors’.^1 b");
    assert.equal(notes("'it's a phrase' [@a]. b"), "‘it’s a phrase.’^1 b");
  });

  it("a citation inside a quote or emphasis moves within it", () => {
    assert.equal(notes('a "b [@a]." c'), "a “b.^1” c");
    assert.equal(notes("a *b [@a].* c"), "a *b.^1* c");
    assert.equal(notes("a *b* [@a]. c"), "a *b*.^1 c");
    assert.equal(notes("a *b [@a]*. c"), "a *b^1*. c", "the period outside the emphasis stays");
    assert.equal(notes("a **b [@a].** c"), "a <strong>b.^1</strong> c");
  });

  it("takes punctuation only from the text right after the citation", () => {
    assert.equal(notes("a [@a]*.* b"), "a^1*.* b");
    assert.equal(notes("a [@a].\n(see b)"), "a.^1\n(see b)", "pandoc would also drop the “(”");
  });
});

describe("notes after punctuation leaves other styles alone", () => {
  const plain = markdown();
  plain.core.ruler.disable("citation_notes_after_punctuation");
  const piece = fc.constantFrom("text", " ", "\n", ".", ",", ";", "?!", "---", '"', "'", "*", "[@a]", "[@b, p. 3]", "@c", "[-@d]", "it's", "(", ")");

  it("author-date output is exactly what it was without the rule", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        assert.equal(md.render(text, { style: "author-date" }), plain.render(text, { style: "author-date" }));
      }),
      { numRuns: 300 },
    );
  });

  it("with a note style, only spaces move and no character is lost or added", () => {
    const letters = (html: string) => [...html.replace(/<[^>]*>/g, "").replace(/\s/g, "")].sort().join("");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = pieces.join("");
        const before = plain.render(text, { style: "note", inQuote: false });
        assert.equal(letters(md.render(text, { style: "note", inQuote: false })), letters(before));
      }),
      { numRuns: 300 },
    );
  });
});

describe("citationShape and the locale's punctuation-in-quote", () => {
  it("tells a footnote marker alone from a citation with text", () => {
    assert.deepEqual(citationShape(marker(3)), { kind: "marker" });
    assert.deepEqual(citationShape(`<span class="citation"><a href="#ref-a">Acme Inc.</a>${marker(3)}</span>`), { kind: "author", text: "Acme Inc." });
    assert.deepEqual(citationShape(`<span class="citation">(<a href="#ref-a">Doe, 2005</a>)</span>`), { kind: "text", text: "(Doe, 2005)" });
  });

  it("reads punctuation-in-quote from a CSL locale", () => {
    assert.equal(localePunctuationInQuote('<locale><style-options punctuation-in-quote="true"/></locale>'), true);
    assert.equal(localePunctuationInQuote('<locale><style-options punctuation-in-quote="false"/></locale>'), false);
    assert.equal(localePunctuationInQuote("<locale><terms/></locale>"), false, "CSL's default");
  });

  it("chatpost's markdown takes it from the site's citation locale: a name, or a locale file", () => {
    const chatpost = createMarkdown();
    registerLocale("en-GB", readFileSync(path.join(PROJECT, "locales/locales-en-GB.xml"), "utf8"));
    const render = (locale?: string) =>
      chatpost.renderInline('a "quote" [@a]. b', { announcement: { citations: [marker(1)] }, ...(locale ? { site: { citations: { locale } } } : {}) }).replace(/<span.*<\/span>/, "^1");
    assert.equal(render(), "a “quote.”^1 b", "en-US by default");
    assert.equal(render("en-US"), "a “quote.”^1 b");
    assert.equal(render("de-DE"), "a “quote”.^1 b");
    assert.equal(render("locales/locales-en-GB.xml"), "a “quote”.^1 b");
  });
});
