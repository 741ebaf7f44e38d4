// `- ## How do rotas work?` without quotes: YAML reads the heading's marks and the words after
// them as a comment, and the topic is empty. The fix is the text without the marks (in quotes,
// they would be shown as typed, and warned of); a value that is a note or a hashtag is not one.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

process.env.CHATPOST_CACHE_DIR = "off";
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2026-12-06-health-online.md";

const post = (title: string, topics: string[]) =>
  `---\ntitle: ${title}\ndate: 2026-12-06\nauthor: Dana Whitfield\nchat:\n  start: 2026-12-08T20:30\ntopics:\n${topics.map((t) => `  ${t}\n`).join("")}---\nText.\n`;
const told = (text: string) => loadPost(FILE, text, ctx).diagnostics.map(formatDiagnostic);

describe("a markdown heading written without quotes, read as a comment", () => {
  it("a topic `- ## How do rotas work?`: the fix is the topic without the ##, and it checks clean", () => {
    assert.deepEqual(told(post("Health online", ["- ## How do rotas work?  # ask first", "- Next?"])), [
      `${FILE}:8:5  topics[0]  topic T1 is empty: YAML reads everything after # as a comment (and front matter is not markdown: ## makes no heading there) → write it without the ##: - How do rotas work?  # ask first`,
    ]);
    assert.deepEqual(told(post("Health online", ["- How do rotas work?  # ask first", "- Next?"])), []);
  });

  it("a title `## Health online`: the same", () => {
    assert.deepEqual(told(post("## Health online", ["- Next?"])), [
      `${FILE}:2:1  title  \`title\` is empty: YAML reads everything after # as a comment (and front matter is not markdown: ## makes no heading there) → write it without the ##: title: Health online`,
    ]);
  });

  it("a hashtag or a single # keeps the messages it had", () => {
    assert.match(told(post("Health online", ["- #hcldr tonight", "- Next?"]))[0]!, /put the value in quotes: - "#hcldr tonight"/);
    assert.match(told(post("Health online", ["- # ask first", "- Next?"]))[0]!, /the text after # is a note/);
  });
});
