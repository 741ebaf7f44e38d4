// Links from a post's body to another post by its file, `[last week](2017-04-30-online-communities.md)`:
// the page links to that post's address (lib/markdown.ts), and a file that is not there
// is a writer's mistake, reported at its line before it becomes a broken link.
import type MarkdownIt from "markdown-it";
import type { Diagnostic } from "./diagnostics.ts";
import { postLinkTarget } from "./local-paths.ts";
import { createMarkdown } from "./markdown.ts";

let markdown: MarkdownIt | undefined;

/** Every link of `body` to a markdown file that does not exist, as errors at their lines. */
export function postLinkProblems(body: string, file: string, bodyLine: number, fileExists: (relativePath: string) => boolean): Diagnostic[] {
  // Most posts link to no file of the site: skip the parse for them.
  if (!/\.md\b/i.test(body)) return [];
  markdown ??= createMarkdown();
  const problems: Diagnostic[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type !== "inline") continue;
    let offset = 0;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") offset++;
      if (child.type !== "link_open") continue;
      const href = child.attrGet("href") ?? "";
      const target = postLinkTarget(file, href);
      if (!target || (target.url && fileExists(target.file))) continue;
      problems.push({
        severity: "error", file, line: bodyLine + (token.map?.[0] ?? 0) + offset, field: "",
        message: `the link to ${decodeURI(href)} leads to no post (looked for ${target.file})`,
        fix: "check the file name: link to another post by its file name, e.g. [last week](2017-04-30-online-communities.md)",
      });
    }
  }
  return problems;
}
