// Under `npm start`, a post's problems found by validating the whole site (a citation of a
// key nothing holds, a chat at the same time as another post's) are shown on its page while
// the rest of the preview keeps updating; its warnings are shown above it, in the preview only.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
const OTHER = "content/posts/2017-11-03-after-dst.md";
const UNKNOWN_KEY = /the citation \[@nosuchkey\] cites &quot;nosuchkey&quot;, which is neither in this post&#39;s references nor in the shared bibliography → add the work to `references:`/;
const WARNING_LINE = "content/posts/2017-11-03-after-dst.md:5:3  chat.start  warning: the chat (2017-11-07) is before the post's publish date (2017-11-09)";

/** The HTML of a line as the page shows it (escaped as Nunjucks and formatProblemsHtml escape it). */
const asHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

async function until(test: () => boolean, what: () => string, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.ok(test(), what());
}

describe("npm start: problems found between files and warnings on the post's page", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));

  before(async () => {
    await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("<h1>Online Communities"));
  });

  it("shows a mistyped citation key on the post's page, with the post's other mistakes, while other posts keep updating", async () => {
    const file = path.join(preview.root, POST);
    const original = readFileSync(file, "utf8");
    const line = original.trimEnd().split("\n").length + 2;
    const before = preview.log.length;
    writeFileSync(file, `${original.trimEnd()}\n\nAs [@nosuchkey] shows.\n`);
    const page = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("nosuchkey"));
    assert.match(page, /This post cannot be published yet/);
    assert.match(page, new RegExp(`content/posts/2017-04-30-online-communities\\.md:${line}:4 {2}`));
    assert.match(page, UNKNOWN_KEY);
    // Said once, with the ending that is true: the build did not stop.
    await until(() => /the preview shows these problems on the page of each file concerned/.test(preview.log.slice(before)), () => preview.log.slice(before));
    assert.equal(preview.log.slice(before).match(/cites "nosuchkey"/g)?.length, 1, preview.log.slice(before));
    assert.doesNotMatch(preview.log.slice(before), /the preview was not updated|internal error|^\s+at /m);

    // Another post saved afterwards is previewed.
    const other = path.join(preview.root, OTHER);
    const otherText = readFileSync(other, "utf8");
    writeFileSync(other, otherText.replace(/^title: .*$/m, "title: Edited while a key is mistyped"));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>Edited while a key is mistyped"));

    // A second mistake in the same post: the page lists both.
    writeFileSync(file, `${original.trimEnd().replace(/^date: .*$/m, "date: 2017-04-31")}\n\nAs [@nosuchkey] shows.\n`);
    const both = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("2017-04-31"));
    assert.match(both, /2017-04-30-online-communities\.md:3:1 {2}date {2}&quot;2017-04-31&quot; is not a date/);
    assert.match(both, UNKNOWN_KEY);

    writeFileSync(file, original);
    writeFileSync(other, otherText);
    const fixed = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("<h1>Online Communities"));
    assert.doesNotMatch(fixed, /cannot be published|nosuchkey|chatpost-problems/);
    await waitFor(`${preview.base}/`, (html) => html.includes("Online Communities"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });

  it("shows a post's warning above it, as the terminal prints it, until it is fixed", async () => {
    const file = path.join(preview.root, OTHER);
    const original = readFileSync(file, "utf8");
    const before = preview.log.length;
    writeFileSync(file, original.replace(/^date: .*$/m, "date: 2017-11-09"));
    const page = await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("chatpost-warnings"));
    assert.match(page, /Preview only: 1 warning in this post/);
    assert.ok(page.includes(asHtml(WARNING_LINE)), page);
    // The post itself is there below it.
    assert.match(page, /<h1>After the clocks change/);
    await until(() => preview.log.slice(before).includes(WARNING_LINE), () => preview.log.slice(before));
    const printed = preview.log.slice(before).split("\n").find((l) => l.startsWith(WARNING_LINE))!;
    assert.ok(page.includes(`<code>${asHtml(printed)}</code>`), "the page's line differs from the terminal's");

    writeFileSync(file, original);
    const fixed = await waitFor(`${preview.base}/posts/after-dst/`, (html) => !html.includes("chatpost-warnings"));
    assert.match(fixed, /<h1>After the clocks change/);
  });

  // Needs scripts/serve.ts to write the pages a rebuild left stale (whenPreviewPagesStale).
  it("shows a chat clash on both posts' pages, the one not saved too, and clears both on the fix", async () => {
    const file = path.join(preview.root, OTHER);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace(/^( {2}start: )2017-11-07T20:30/m, "$12017-05-02T20:30"));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => /this chat starts at the same moment/.test(html));
    const other = await waitFor(`${preview.base}/posts/online-communities/`, (html) => /this chat starts at the same moment/.test(html));
    assert.match(other, /2017-04-30-online-communities\.md:7:3 {2}chat\.start {2}this chat starts at the same moment/);
    writeFileSync(file, original);
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>After the clocks change"));
    await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("<h1>Online Communities"));
  });
});

describe("a build of a post with a warning", () => {
  it("has no preview box, and still refuses a mistyped citation key", async () => {
    const root = copySiteWith(FIXTURE_SITE, {});
    const file = path.join(root, OTHER);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^date: .*$/m, "date: 2017-11-09"));
    const site = await buildSite(root);
    assert.match(site.stdout + site.stderr, /chat\.start {2}warning: the chat \(2017-11-07\) is before the post's publish date/);
    const page = site.read("posts/after-dst/index.html");
    assert.match(page, /<h1>After the clocks change/);
    for (const rel of site.files().filter((f) => f.endsWith(".html"))) assert.doesNotMatch(site.read(rel), /chatpost-warnings|Preview only/, rel);

    const post = path.join(root, POST);
    writeFileSync(post, `${readFileSync(post, "utf8").trimEnd()}\n\nAs [@nosuchkey] shows.\n`);
    await assert.rejects(buildSite(root), /cites "nosuchkey"[\s\S]*nothing was built/);
  });
});
