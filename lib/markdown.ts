// The markdown-it instance every body is rendered with.
import MarkdownIt from "markdown-it";

export function createMarkdown(): MarkdownIt {
  // Raw HTML is the writer's own, as in Eleventy's default; typographer gives real quotes and dashes.
  return new MarkdownIt({ html: true, linkify: true, typographer: true });
}
