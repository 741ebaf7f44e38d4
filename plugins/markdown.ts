// Wires chatpost's markdown-it and front-matter parser into Eleventy.
import { createMarkdown } from "../lib/markdown.ts";
import { parseYamlForEngine } from "../lib/front-matter.ts";
import citationsPlugin from "./citations.ts";

export default function markdownPlugin(eleventyConfig: any): void {
  eleventyConfig.setLibrary("md", createMarkdown());
  // Citations in bodies are part of the markdown; their style and bibliography files are watched.
  eleventyConfig.addPlugin(citationsPlugin);
  // The same YAML reader the validator uses, so Eleventy sees exactly what was checked.
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: parseYamlForEngine } });
}
