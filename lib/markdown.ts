// The markdown-it instance every body is rendered with.
import MarkdownIt from "markdown-it";
import { citationSyntax } from "./citation-syntax.ts";

export function createMarkdown(): MarkdownIt {
  // Raw HTML is the writer's own, as in Eleventy's default; typographer gives real quotes and dashes.
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  // Pandoc's citations. A post's page data carries each cluster's formatted HTML
  // (lib/announcement.ts), in the same document order the parser numbers them.
  citationSyntax(md, { html: (env, index) => env?.announcement?.citations?.[index] });
  return md;
}
