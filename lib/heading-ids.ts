// Each heading of a post's or page's body gets an id from its text, so that a section
// can be linked to, from the page itself or from elsewhere: `## What we learned` →
// #what-we-learned. The id never repeats one the page already has: an earlier
// heading's (then -2, -3…), one the writer gave in raw HTML, or one of the layout's
// (LAYOUT_IDS), known by their form. Eleventy's IdAttributePlugin sees the whole page
// instead, but puts every page of the site through an HTML parser: about 1.5 ms a page,
// a second and a half more for each build of 1,000 posts.
import type MarkdownIt from "markdown-it";
import { baseSlug } from "./slug.ts";
import { placesInHtml } from "./site-links.ts";

/**
 * The ids chatpost's layouts and citations give (#main, the topics #t1…, every
 * "…-heading", the references #ref-… and the notes #cite-note-N, #cite-ref-N): a
 * heading of a body never takes one. tests/site/heading-ids.test.ts checks that every
 * id on a built page is of this form or a body heading's.
 */
export const LAYOUT_IDS = /^(?:main|t\d+|.+-heading|ref-.+|cite-(?:note|ref)-\d+)$/;

type Token = ReturnType<MarkdownIt["parse"]>[number];

export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("chatpost_heading_ids", (state) => {
    const tokens = state.tokens;
    if (!tokens.some((t) => t.type === "heading_open")) return;
    const taken = new Set<string>();
    for (const token of tokens) {
      if (token.type === "html_block") for (const id of placesInHtml(token.content)) taken.add(id);
      for (const child of token.children ?? []) if (child.type === "html_inline") for (const id of placesInHtml(child.content)) taken.add(id);
    }
    tokens.forEach((token, i) => {
      if (token.type !== "heading_open" || token.attrGet("id") !== null) return;
      const base = baseSlug(textOf(tokens[i + 1])) || "section";
      let id = base;
      for (let n = 2; taken.has(id) || LAYOUT_IDS.test(id); n++) id = `${base}-${n}`;
      taken.add(id);
      token.attrSet("id", id);
    });
  });
}

/** The text of a heading's inline content, as a reader sees it. */
function textOf(inline: Token | undefined): string {
  return (inline?.children ?? []).map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : "")).join("");
}
