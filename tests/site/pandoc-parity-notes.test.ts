// Parity with pandoc for a note style: the same posts rendered by chatpost and by
// `pandoc --citeproc` with the same note style (tests/fixtures/citations/note-style.csl)
// and locale. Both turn each citation into a footnote; after normalising whitespace and
// markup, every footnote, every citation in the text (the author for `@key says`, and
// the note's number), every paragraph with its notes' numbers where they land (pandoc
// moves a number after the punctuation that follows its citation) and every
// bibliography entry must be equal. The positions are pandoc's: first in full, later
// short, "Ibid." after a note of the same work alone.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { bibliographyHtml, notesHtml, registerStyle } from "../../lib/citations.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { postCitations } from "../../lib/post-citations.ts";
import { loadPost } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { PROJECT } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

// The engines are compared, not the content cache.
process.env.CHATPOST_CACHE_DIR = "off";

const PANDOC = process.env.PANDOC ?? "/usr/bin/pandoc";
const STYLE = path.join(PROJECT, "tests/fixtures/citations/note-style.csl");
const LOCALE = "en-US";
// The footnote positions in a short post, and the 31 works of the in-text parity post.
const FIXTURES = ["tests/fixtures/citations/notes-parity.md", "tests/fixtures/citations/parity.md"];

interface Rendered {
  notes: string[];
  citations: string[];
  entries: string[];
  /** The text's paragraphs, each note number written [^n]. */
  paragraphs: string[];
}

/** Text with markup dropped, whitespace normalised (pandoc wraps lines) and the back-link arrow left out. */
const normalise = (el: Element) => (el.textContent ?? "").normalize("NFC").replace(/↩︎/g, "").replace(/\s+/g, " ").trim();

function read(html: string, selectors: { notes: string; entries: string }): Rendered {
  const doc = dom(`<div>${html}</div>`);
  const notes = [...doc.querySelectorAll(selectors.notes)].map(normalise);
  const citations = [...doc.querySelectorAll("span.citation")].map(normalise);
  const entries = [...doc.querySelectorAll(selectors.entries)].map(normalise);
  // Footnotes and references are not paragraphs of the text: only the wrapper's own <p>s.
  for (const ref of doc.querySelectorAll("a.footnote-ref")) ref.textContent = `[^${ref.textContent}]`;
  const paragraphs = [...doc.querySelector("div")!.children].filter((el) => el.tagName === "P").map(normalise);
  return { notes, citations, entries, paragraphs };
}

describe("parity with pandoc --citeproc for a note style", { skip: existsSync(PANDOC) ? false : `pandoc is not installed at ${PANDOC} (apt-get install pandoc, or set PANDOC)` }, () => {
  const rendered = new Map<string, { pandoc: Rendered; chatpost: Rendered }>();

  before(() => {
    registerStyle("test-notes-parity", readFileSync(STYLE, "utf8"));
    const settings = parseSettings(readFileSync(path.join(PROJECT, "tests/fixtures/site/content/_data/site.yaml"), "utf8")).settings!;
    for (const fixture of FIXTURES) {
      const source = path.join(PROJECT, fixture);
      const pandocHtml = execFileSync(PANDOC, ["--citeproc", "--csl", STYLE, "--metadata", `lang=${LOCALE}`, "--from", "markdown", "--to", "html", source], { encoding: "utf8" });
      const { post, diagnostics } = loadPost(`content/posts/${path.basename(fixture)}`, readFileSync(source, "utf8"), { settings, root: PROJECT, fileExists: () => false });
      assert.deepEqual(diagnostics.filter((d) => d.severity === "error"), []);
      const formatted = postCitations(post!, { style: "test-notes-parity", locale: LOCALE });
      const body = createMarkdown().render(post!.body, { announcement: { citations: formatted.citations } });
      rendered.set(fixture, {
        pandoc: read(pandocHtml, { notes: "section.footnotes li", entries: "#refs > .csl-entry" }),
        chatpost: read(`${body}${notesHtml(formatted.notes)}${bibliographyHtml(formatted.bibliography)}`, { notes: "ol.notes > li", entries: ".references > li" }),
      });
    }
  });

  it("the fixture has a citation before each punctuation mark, after a space, after a quote and inside one", () => {
    const { chatpost } = rendered.get(FIXTURES[0]!)!;
    const text = chatpost.paragraphs.join("\n");
    for (const mark of [".", ",", ";", ":", "?", "!", "?!", "—", ")"]) assert.ok(text.includes(`${mark}[^`), `a number after "${mark}"`);
    assert.match(text, /”\[\^\d+\]/, "a number after a closing quote");
    assert.match(text, /\.\[\^\d+\]”/, "a number inside a quote");
    assert.match(text, /\w\[\^\d+\] \[\^\d+\]/, "two citations in a row");
    assert.match(text, /^\[\^\d+\]\./m, "a paragraph that starts with a citation");
  });

  it("the fixture has every position a note style tells apart, and narrative citations", () => {
    const { chatpost } = rendered.get(FIXTURES[0]!)!;
    assert.ok(chatpost.notes.some((n) => n === "Ibid."), "Ibid.");
    assert.ok(chatpost.notes.some((n) => /^Ibid\., \d/.test(n)), "Ibid. with a new page");
    assert.ok(chatpost.notes.some((n) => /^Topol, “High-Performance Medicine/.test(n)), "a later note in short form");
    assert.ok(chatpost.notes.some((n) => /^See /.test(n)), "a note that starts with a prefix");
    assert.ok(chatpost.citations.some((c) => /^Eric J\. Topol\d+$/.test(c)) && chatpost.citations.some((c) => /^Topol\d+$/.test(c)), "the author in the text, in full then short");
    assert.ok(rendered.get(FIXTURES[1]!)!.chatpost.notes.length >= 20);
  });

  for (const fixture of FIXTURES) {
    it(`${path.basename(fixture)}: the same footnotes, in order`, () => {
      const { pandoc, chatpost } = rendered.get(fixture)!;
      assert.ok(pandoc.notes.length > 0);
      assert.deepEqual(chatpost.notes, pandoc.notes);
    });

    it(`${path.basename(fixture)}: the same citations in the text (author and note number)`, () => {
      const { pandoc, chatpost } = rendered.get(fixture)!;
      assert.deepEqual(chatpost.citations, pandoc.citations);
    });

    it(`${path.basename(fixture)}: the same paragraphs, each note's number after the punctuation as pandoc places it`, () => {
      const { pandoc, chatpost } = rendered.get(fixture)!;
      assert.ok(pandoc.paragraphs.length > 0);
      assert.deepEqual(chatpost.paragraphs, pandoc.paragraphs);
    });

    it(`${path.basename(fixture)}: the same bibliography`, () => {
      const { pandoc, chatpost } = rendered.get(fixture)!;
      assert.ok(pandoc.entries.length > 0);
      assert.deepEqual(chatpost.entries, pandoc.entries);
    });
  }
});
