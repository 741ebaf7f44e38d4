// Every broken Nunjucks page of content/ is reported in one run, by `npm run check` (which
// never loads Eleventy), by the build before Eleventy renders anything, and under
// `npm start`: each with its own line, an unknown include or filter named. The names
// `npm run check` knows (plugins/template-names.ts) are Eleventy's.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { checkTemplatePages, templatePages } from "../../lib/template-check.ts";
import { eleventyTemplateLanguage } from "../../plugins/page-templates.ts";
import { CHATPOST_FILTERS, ELEVENTY_FILTERS, siteTemplateLanguage } from "../../plugins/template-names.ts";
import { findContentError, interceptEleventyErrors } from "../../scripts/run-step.ts";
import { copySite, copySiteWith, FIXTURE_SITE, listFiles, PROJECT, runScript, type BuildResult } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

const page = (title: string, body: string) => `---\ntitle: ${title}\nlayout: base.njk\npermalink: /${title.toLowerCase()}/\n---\n${body}`;

/** Two pages Nunjucks cannot compile, one including a file that is not there, one using a filter that does not exist. */
const BROKEN = {
  "content/one.njk": page("One", "<p>{{ title }}</p>\n{% if title %}\n<p>never closed</p>\n"),
  "content/two.njk": page("Two", "<h1>{{ site.title </h1>\n"),
  "content/three.njk": page("Three", '<p>{{ title }}</p>\n{% include "partials/nxt-chat.njk" %}\n'),
  "content/four.njk": page("Four", "<p>{{ title }}</p>\n\n<a href=\"{{ '/feed.xml' | fulUrl }}\">feed</a>\n"),
};

/** One line per broken page, each at its own line and column. */
const EXPECTED = [
  /^content\/one\.njk:7:1 {2}`\{% if title %\}` is never closed: the page ends without `\{% endif %\}` → add `\{% endif %\}` where the if should end$/m,
  /^content\/two\.njk:6:5 {2}`\{\{` is never closed with `\}\}` → /m,
  /^content\/three\.njk:7:13 {2}there is no file `partials\/nxt-chat\.njk` in the layouts to include; the files are .* → write "partials\/next-chat\.njk" instead of "partials\/nxt-chat\.njk"$/m,
  /^content\/four\.njk:8:27 {2}there is no filter `fulUrl`; close ones that exist: `fullUrl` → write `\| fullUrl` instead of `\| fulUrl`$/m,
];

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, createHash("sha256").update(readFileSync(path.join(dir, rel))).digest("hex")]));
}

function assertAllReported(result: BuildResult, errors: number, ending: RegExp): void {
  assert.equal(result.code, 1, result.stderr);
  for (const line of EXPECTED) assert.match(result.stderr, line);
  assert.match(result.stderr, new RegExp(`\\n\\n${errors} errors: ${ending.source}\\n?$`));
  assert.doesNotMatch(result.stderr, /internal error|^\s+at |Template render error/m);
}

describe("every broken Nunjucks page in one run", () => {
  let root: string;
  let siteBefore: Map<string, string>;
  let check: BuildResult;
  let build: BuildResult;

  before(async () => {
    root = copySite(FIXTURE_SITE);
    const first = await runScript("build", root, ["--quiet"]);
    assert.equal(first.code, 0, first.stderr);
    siteBefore = hashes(path.join(root, "_site"));
    for (const [file, text] of Object.entries(BROKEN)) writeFileSync(path.join(root, file), text);
    // A post's mistake comes in the same report.
    const post = path.join(root, "content/posts/2017-04-30-online-communities.md");
    writeFileSync(post, readFileSync(post, "utf8").replace(/^title: .*$/m, "title: Online communities\ntopic: [x]"));
    check = await runScript("check", root);
    build = await runScript("build", root, ["--quiet"]);
  });

  it("`npm run check` reports each page's mistake, with the post's", () => {
    assertAllReported(check, 5, /fix the errors above and run `npm run check` again\./);
    assert.match(check.stderr, /^content\/posts\/2017-04-30-online-communities\.md:\d+:1 {2}topic {2}unknown field `topic`/m);
  });

  it("one build reports the same, stops before Eleventy and leaves the site as it was", () => {
    assertAllReported(build, 5, /nothing was built\. Fix the errors above and run again\./);
    assert.deepEqual(hashes(path.join(root, "_site")), siteBefore);
  });

  it("the sample site and the test site are clean", async () => {
    for (const site of [PROJECT, FIXTURE_SITE]) {
      const result = await runScript("check", site);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, "");
      assert.match(result.stdout, /checked: no errors\./);
    }
  });

  it("a page using every filter of the build and Eleventy's tags passes the check and the build", async () => {
    const filters = [...ELEVENTY_FILTERS, ...CHATPOST_FILTERS];
    // Inside an `{% if %}` that never holds: the filters are named, not run on made-up values.
    const uses = `{% if false %}${filters.map((name) => `{{ x | ${name} }}`).join("\n")}{% setAsync 'y' %}z{% endsetAsync %}{% getBundle 'css' %}{% endif %}`;
    const clean = copySiteWith(FIXTURE_SITE, { files: { "content/extra.njk": page("Extra", `${uses}\n<a href="{{ '/feed.xml' | fullUrl }}">{{ 'x' | textDirection }}</a>\n`) } });
    const checked = await runScript("check", clean);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(checked.stderr, "");
    const out = mkdtempSync(path.join(tmpdir(), "nj2-out-"));
    const built = await runScript("build", clean, ["--quiet", "--output", out]);
    assert.equal(built.code, 0, built.stderr);
    assert.match(readFileSync(path.join(out, "extra/index.html"), "utf8"), /<a href="https?:\/\/[^"]+\/feed\.xml">ltr<\/a>/);
  });
});

describe("the names `npm run check` knows and the check inside Eleventy", () => {
  it("are Eleventy's; and Eleventy reports every broken page before rendering one", async () => {
    const root = copySiteWith(FIXTURE_SITE, { files: BROKEN });
    const out = path.join(root, "_out");
    process.env.CHATPOST_NOW ??= "2026-11-24T12:00:00Z";
    process.chdir(root);
    const { default: Eleventy } = await import("@11ty/eleventy");
    const eleventy = new Eleventy("content", out, { configPath: path.join(PROJECT, ".eleventy.ts"), quietMode: true });
    await eleventy.init();
    const config = (eleventy as unknown as { eleventyConfig: { userConfig: unknown } }).eleventyConfig.userConfig;
    const actual = eleventyTemplateLanguage(config);
    const known = siteTemplateLanguage(root);
    const sorted = (names: readonly string[]) => [...new Set(names)].sort();
    assert.deepEqual(sorted(known.filters), sorted(actual.filters), "plugins/template-names.ts lists every filter Eleventy has, and only those");
    assert.deepEqual(sorted(known.tags.map((t) => `${t.name}:${t.paired}`)), sorted(actual.tags.map((t) => `${t.name}:${t.paired}`)));
    assert.deepEqual(Object.keys(actual.extensions ?? {}), []);
    assert.deepEqual(actual.includeFolders, known.includeFolders);
    assert.deepEqual(actual.options, known.options);
    // Same answers with either.
    assert.deepEqual(checkTemplatePages(root, templatePages(root), actual), checkTemplatePages(root, templatePages(root), known));

    const printed: string[] = [];
    const print = console.error;
    console.error = (...args: unknown[]) => void printed.push(args.join(" "));
    let failure: unknown;
    try {
      interceptEleventyErrors(eleventy as never, "silent");
      await eleventy.write();
    } catch (error) {
      failure = error;
    } finally {
      console.error = print;
    }
    const problems = findContentError(failure)?.diagnostics.map((d) => `${d.file}:${d.line}`);
    assert.deepEqual(problems?.sort(), ["content/four.njk:8", "content/one.njk:7", "content/three.njk:7", "content/two.njk:6"]);
    assert.ok(!existsSync(out) || listFiles(out).every((f) => !f.endsWith(".html")), "no page was rendered");
    for (const line of EXPECTED) assert.match(printed.join("\n"), line);
  });
});

describe("npm start with broken Nunjucks pages", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));

  it("prints every broken page on a rebuild, not only the one saved", async () => {
    const { root, base } = preview;
    await waitFor(`${base}/subscribe/`, (html) => html.includes("<h1>Subscribe</h1>"));
    const until = async (pattern: RegExp, from: number) => {
      const deadline = Date.now() + 90_000;
      while (!pattern.test(preview.log.slice(from)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      return preview.log.slice(from);
    };
    let from = preview.log.length;
    writeFileSync(path.join(root, "content/one.njk"), BROKEN["content/one.njk"]);
    await until(/until they are fixed/, from);
    from = preview.log.length;
    writeFileSync(path.join(root, "content/two.njk"), BROKEN["content/two.njk"]);
    const printed = await until(/until they are fixed/, from);
    assert.match(printed, EXPECTED[0]!);
    assert.match(printed, EXPECTED[1]!);
    assert.match(printed, /2 errors: the preview shows these problems/);
    assert.doesNotMatch(printed, /internal error|^\s+at /m);
    assert.equal(preview.server.exitCode, null, "the server stopped");
    // Each broken page shows its own mistake at its address; the others are served as they are.
    await waitFor(`${base}/one/`, (html) => html.includes("content/one.njk:7:1"));
    await waitFor(`${base}/two/`, (html) => html.includes("content/two.njk:6:5"));
    await waitFor(`${base}/subscribe/`, (html) => html.includes("<h1>Subscribe</h1>"));
  });
});
