// A writer's mistake in a Nunjucks page (content/index.njk, content/subscribe.njk) or in a
// page's `layout:` is a writer's error in `npm run build` and `npm start`: file, line, what
// is wrong and the fix, no stack trace, not blamed on chatpost; the last good site stays.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, listFiles, runScript, type BuildResult } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, createHash("sha256").update(readFileSync(path.join(dir, rel))).digest("hex")]));
}

/** Builds `root` with `file` changed by `change`, then puts the file back. */
async function buildWith(root: string, file: string, change: (text: string) => string): Promise<BuildResult> {
  const full = path.join(root, file);
  const original = readFileSync(full, "utf8");
  writeFileSync(full, change(original));
  try {
    return await runScript("build", root, ["--quiet"]);
  } finally {
    writeFileSync(full, original);
  }
}

/** A writer's error: exit 1, no stack trace, not chatpost's, and nothing else printed but the report. */
function assertWritersError(result: BuildResult, line: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, line);
  assert.doesNotMatch(result.stderr, /internal error|^\s+at |ENOENT/m);
  assert.match(result.stderr, /\n\n1 error: nothing was built\. Fix the errors above and run again\.\n?$/);
}

describe("npm run build with a broken Nunjucks page or layout name", () => {
  let root: string;
  let siteBefore: Map<string, string>;
  const results: Record<string, BuildResult> = {};

  before(async () => {
    root = copySite(FIXTURE_SITE);
    const first = await runScript("build", root, ["--quiet"]);
    assert.equal(first.code, 0, first.stderr);
    siteBefore = hashes(path.join(root, "_site"));
    // One after the other: each build must stop on its own mistake.
    results.filter = await buildWith(root, "content/subscribe.njk", (t) => t.replace("{{ '/feed.xml' | fullUrl }}", "{{ '/feed.xml' | fulUrl }}"));
    results.unclosedIf = await buildWith(root, "content/index.njk", (t) => t.replace("<p>{{ site.description }}</p>\n{%- endif %}\n", "<p>{{ site.description }}</p>\n"));
    results.tag = await buildWith(root, "content/index.njk", (t) => t.replace("{%- set upcoming", "{%- sett upcoming"));
    results.include = await buildWith(root, "content/index.njk", (t) => t.replace("partials/next-chat.njk", "partials/nxt-chat.njk"));
    results.braces = await buildWith(root, "content/subscribe.njk", (t) => t.replace("<h1>Subscribe</h1>", "<h1>{{ site.title </h1>"));
    results.layout = await buildWith(root, "content/about.md", (t) => t.replace("layout: base.njk", "layout: bse.njk"));
  });

  it("an unknown filter: the file, line and column, and the filter meant", () => {
    const text = readFileSync(path.join(FIXTURE_SITE, "content/subscribe.njk"), "utf8").split("\n");
    const line = text.findIndex((l) => l.includes("{{ '/feed.xml' | fullUrl }}")) + 1;
    const column = text[line - 1]!.indexOf("fullUrl") + 1;
    assertWritersError(results.filter!, new RegExp(`^content/subscribe\\.njk:${line}:${column} {2}there is no filter \`fulUrl\`; close ones that exist: \`fullUrl\` → write \`\\| fullUrl\` instead of \`\\| fulUrl\`$`, "m"));
  });

  it("an `{% if %}` never closed: its line, and the `{% endif %}` that is missing", () => {
    const line = readFileSync(path.join(FIXTURE_SITE, "content/index.njk"), "utf8").split("\n").findIndex((l) => l.startsWith("{%- if upcoming.length %}")) + 1;
    assertWritersError(results.unclosedIf!, new RegExp(`^content/index\\.njk:${line}:1 {2}\`\\{% if upcoming\\.length %\\}\` is never closed: the page ends without \`\\{% endif %\\}\` → add \`\\{% endif %\\}\``, "m"));
  });

  it("an unknown tag: named, with the tag meant", () => {
    assertWritersError(results.tag!, /^content\/index\.njk:\d+:\d+ {2}there is no tag `\{% sett %\}` in Nunjucks → write `\{% set … %\}` instead$/m);
  });

  it("a misspelt include: the name, the files there are and the one meant", () => {
    assertWritersError(results.include!, /^content\/index\.njk:\d+:\d+ {2}there is no file `partials\/nxt-chat\.njk` in the layouts to include; the files are [^\n]*`partials\/next-chat\.njk`[^\n]* → write "partials\/next-chat\.njk" instead of "partials\/nxt-chat\.njk"$/m);
  });

  it("a `{{` without `}}`: where it opens", () => {
    const line = readFileSync(path.join(FIXTURE_SITE, "content/subscribe.njk"), "utf8").split("\n").findIndex((l) => l.includes("<h1>Subscribe</h1>")) + 1;
    assertWritersError(results.braces!, new RegExp(`^content/subscribe\\.njk:${line}:5 {2}\`\\{\\{\` is never closed with \`\\}\\}\``, "m"));
  });

  it("a markdown page naming a layout that does not exist: its `layout:` line and the layout meant", () => {
    const line = readFileSync(path.join(FIXTURE_SITE, "content/about.md"), "utf8").split("\n").indexOf("layout: base.njk") + 1;
    assertWritersError(results.layout!, new RegExp(`^content/about\\.md:${line}:1 {2}layout {2}there is no layout \`bse\\.njk\`; a page uses \`base\\.njk\` → write \`layout: base\\.njk\`$`, "m"));
  });

  it("leaves the last good site byte-identical and no temporary folder behind", () => {
    assert.deepEqual(hashes(path.join(root, "_site")), siteBefore);
    assert.deepEqual(readdirSync(root).filter((n) => /\.build-|\.previous-/.test(n)), []);
  });
});

describe("npm start with a broken Nunjucks page", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));

  it("prints the writer's error, shows it at the page's address, and recovers once the file is fixed", async () => {
    await waitFor(`${preview.base}/subscribe/`, (html) => html.includes("<h1>Subscribe</h1>"));
    const file = path.join(preview.root, "content/subscribe.njk");
    const original = readFileSync(file, "utf8");
    const before = preview.log.length;
    writeFileSync(file, original.replace("<h1>Subscribe</h1>", "<h1>Subscribe</h1>{% if calendarFeed %}"));
    const deadline = Date.now() + 60_000;
    while (!/until they are fixed/.test(preview.log.slice(before)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const printed = preview.log.slice(before);
    assert.match(printed, /content\/subscribe\.njk:\d+:\d+ {2}`\{% if calendarFeed %\}` is never closed: the page ends without `\{% endif %\}`/);
    assert.match(printed, /1 error: the preview shows these problems/);
    assert.doesNotMatch(printed, /internal error|^\s+at /m);
    assert.equal(preview.server.exitCode, null, "the server stopped");
    // The page's address shows the mistake (its braces as entities, so the quoted tag is not run).
    const shown = await waitFor(`${preview.base}/subscribe/`, (html) => html.includes("chatpost-problems"));
    assert.match(shown, /content\/subscribe\.njk:\d+:\d+ {2}`&#123;% if calendarFeed %&#125;` is never closed/);

    writeFileSync(file, original.replace("<h1>Subscribe</h1>", "<h1>Subscribe to the chat</h1>"));
    await waitFor(`${preview.base}/subscribe/`, (html) => html.includes("<h1>Subscribe to the chat</h1>"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });
});
