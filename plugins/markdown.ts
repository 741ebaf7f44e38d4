// Wires chatpost's markdown-it and front-matter parser into Eleventy.
import { createMarkdown } from "../lib/markdown.ts";
import { parseYamlForEngine } from "../lib/front-matter.ts";

export default function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.setLibrary("md", createMarkdown());
  // The same YAML reader the validator uses, so Eleventy sees exactly what was checked.
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseYamlForEngine } });
}
