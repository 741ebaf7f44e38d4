// Under `npm start`, a broken page that is not a post (a markdown page's front matter, a
// Nunjucks page's syntax or filter) shows its problems at its own address while every other
// page keeps updating; and the address a renamed or deleted post's page left says where the
// post went, in the preview only.
import assert from "node:assert/strict";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

/** A line as a problems page shows it: HTML-escaped, and on a Nunjucks page with its braces as entities. */
const asHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/\{/g, "&#123;")
    .replace(/\}/g, "&#125;");

async function until(test: () => boolean, what: () => string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!test() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  assert.ok(test(), what());
}

/** Fetch `url` until its status and text pass `test`; the last status and text. */
async function fetchUntil(url: string, test: (status: number, text: string) => boolean, seconds = 60): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + seconds * 1000;
  let last = { status: 0, text: "" };
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      last = { status: res.status, text: await res.text() };
      if (test(last.status, last.text)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${url} never matched; last (${last.status}):\n${last.text.slice(0, 2000)}`);
}

const count = (text: string, line: string) => text.split("\n").filter((l) => l === line).length;

const ABOUT = "content/about.md";
const SUBSCRIBE = "content/subscribe.njk";
const INDEX = "content/index.njk";
const POST = "content/posts/2017-11-03-after-dst.md";
const ABOUT_LINE = "content/about.md:2:8  title  the value contains ': ', which YAML reads as the start of another field → put the value in double quotes: title: \"About: the chat\"";

describe("npm start with a broken page that is not a post", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));
  const original = new Map<string, string>();
  const file = (rel: string) => path.join(preview.root, rel);

  before(async () => {
    await waitFor(`${preview.base}/about/`, (html) => html.includes("About the chat"));
    for (const rel of [ABOUT, SUBSCRIBE, INDEX, POST]) original.set(rel, readFileSync(file(rel), "utf8"));
  });

  it("shows each broken page's problems at its address, escaped, prints them once, keeps the rest updating, and recovers on the fix", async () => {
    // A markdown page's front matter.
    let from = preview.log.length;
    writeFileSync(file(ABOUT), original.get(ABOUT)!.replace(/^title: About$/m, "title: About: the chat"));
    const about = await waitFor(`${preview.base}/about/`, (html) => html.includes("chatpost-problems"));
    assert.match(about, /<h1>This page cannot be published yet<\/h1>/);
    assert.ok(about.includes(`<code>${asHtml(ABOUT_LINE)}</code>`), about);
    await until(() => /the preview shows these problems/.test(preview.log.slice(from)), () => preview.log.slice(from));
    assert.equal(count(preview.log.slice(from), ABOUT_LINE), 1, preview.log.slice(from));
    assert.doesNotMatch(preview.log.slice(from), /the preview was not updated|internal error|^\s+at /m);

    // A Nunjucks page's unknown filter, and another's `{% if %}` never closed, while the first is still broken.
    const subscribe = original.get(SUBSCRIBE)!.split("\n");
    const filterLine = subscribe.findIndex((l) => l.includes("{{ '/feed.xml' | fullUrl }}")) + 1;
    const filterColumn = subscribe[filterLine - 1]!.indexOf("fullUrl") + 1;
    writeFileSync(file(SUBSCRIBE), original.get(SUBSCRIBE)!.replace("{{ '/feed.xml' | fullUrl }}", "{{ '/feed.xml' | fulUrl }}"));
    const filterPage = await waitFor(`${preview.base}/subscribe/`, (html) => html.includes("chatpost-problems"));
    const filterText = `content/subscribe.njk:${filterLine}:${filterColumn}  there is no filter \`fulUrl\`; close ones that exist: \`fullUrl\` → write \`| fullUrl\` instead of \`| fulUrl\``;
    assert.ok(filterPage.includes(`<code>${asHtml(filterText)}</code>`), filterPage);

    from = preview.log.length;
    const ifLine = original.get(INDEX)!.split("\n").findIndex((l) => l.startsWith("{%- if upcoming.length %}")) + 1;
    const unclosed = original.get(INDEX)!.replace("<p>{{ site.description }}</p>\n{%- endif %}\n", "<p>{{ site.description }}</p>\n");
    assert.notEqual(unclosed, original.get(INDEX), "the home page's {% endif %} to remove is still where this test looks");
    writeFileSync(file(INDEX), unclosed);
    const home = await waitFor(`${preview.base}/`, (html) => html.includes("chatpost-problems"));
    const ifText = `content/index.njk:${ifLine}:1  \`{% if upcoming.length %}\` is never closed: the page ends without \`{% endif %}\` → add \`{% endif %}\` where the if should end`;
    // The quoted tags are shown, not run: their braces are entities.
    assert.ok(home.includes(`<code>${asHtml(ifText)}</code>`), home);
    await until(() => preview.log.slice(from).includes(ifText), () => preview.log.slice(from));
    for (const line of [ABOUT_LINE, filterText, ifText]) assert.equal(count(preview.log.slice(from), line), 1, preview.log.slice(from));

    // Every other page keeps updating: a post saved now is previewed.
    writeFileSync(file(POST), original.get(POST)!.replace(/^title: .*$/m, "title: Saved while pages are broken"));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>Saved while pages are broken"));
    // The broken pages still say what is wrong.
    assert.match(await (await fetch(`${preview.base}/about/`)).text(), /This page cannot be published yet/);

    // Fixed, each page comes back without a restart; the home page lists the post saved meanwhile.
    for (const rel of [ABOUT, SUBSCRIBE, INDEX]) writeFileSync(file(rel), original.get(rel)!);
    const fixedAbout = await waitFor(`${preview.base}/about/`, (html) => html.includes("About the chat"));
    assert.doesNotMatch(fixedAbout, /chatpost-problems/);
    await waitFor(`${preview.base}/subscribe/`, (html) => html.includes("<h1>Subscribe</h1>") && !html.includes("chatpost-problems"));
    await waitFor(`${preview.base}/`, (html) => html.includes("Saved while pages are broken") && !html.includes("chatpost-problems"));
    writeFileSync(file(POST), original.get(POST)!);
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>After the clocks change"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });
});

const OLD = "content/posts/2017-11-03-after-dst.md";
const RENAMED = "content/posts/2017-11-03-clocks-change.md";

describe("npm start: the address a renamed or deleted post's page left", () => {
  const preview = usePreview(() => copySite(FIXTURE_SITE));
  const file = (rel: string) => path.join(preview.root, rel);

  before(async () => {
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>After the clocks change"));
  });

  it("says the post moved and links to its new address; then, deleted, says so", async () => {
    renameSync(file(OLD), file(RENAMED));
    await waitFor(`${preview.base}/posts/clocks-change/`, (html) => html.includes("<h1>After the clocks change"));
    const moved = await fetchUntil(`${preview.base}/posts/after-dst/`, (_, text) => text.includes("This post has moved"));
    // Not found, as the published site answers there: a link to it is still broken.
    assert.equal(moved.status, 404);
    assert.match(moved.text, /<code>content\/posts\/2017-11-03-after-dst\.md<\/code> is now <code>content\/posts\/2017-11-03-clocks-change\.md<\/code>/);
    assert.match(moved.text, /<a href="\.\.\/clocks-change\/">\/posts\/clocks-change\/<\/a>/);
    assert.match(moved.text, /Preview only/);
    // Any other missing address still gets the site's own 404 page.
    const other = await fetch(`${preview.base}/posts/no-such-post/`);
    assert.equal(other.status, 404);
    const otherText = await other.text();
    assert.match(otherText, /Page not found/);
    assert.doesNotMatch(otherText, /has moved|was deleted/);

    rmSync(file(RENAMED));
    const deleted = await fetchUntil(`${preview.base}/posts/clocks-change/`, (_, text) => text.includes("This post was deleted"));
    assert.equal(deleted.status, 404);
    assert.match(deleted.text, /<code>content\/posts\/2017-11-03-clocks-change\.md<\/code> is no longer there/);
    const first = await fetchUntil(`${preview.base}/posts/after-dst/`, (_, text) => text.includes("This post was deleted"));
    assert.doesNotMatch(first.text, /clocks-change\//);

    // Put back under its first name: its page is there again, not the note.
    writeFileSync(file(OLD), readFileSync(path.join(FIXTURE_SITE, OLD), "utf8"));
    await waitFor(`${preview.base}/posts/after-dst/`, (html) => html.includes("<h1>After the clocks change"));
    assert.equal(preview.server.exitCode, null, "the server stopped");
  });
});

describe("a build of a site whose post was renamed", () => {
  it("has none of the preview's notes: its 404 page is the site's, and no page says a post moved", async () => {
    const root = copySite(FIXTURE_SITE);
    renameSync(path.join(root, OLD), path.join(root, RENAMED));
    const site = await buildSite(root);
    assert.match(site.read("404.html"), /Page not found/);
    assert.equal(site.exists("posts/after-dst/index.html"), false);
    assert.equal(site.exists("posts/clocks-change/index.html"), true);
    for (const rel of site.files().filter((f) => /\.(html|xml|json|txt)$/.test(f))) assert.doesNotMatch(site.read(rel), /has moved|was deleted|Preview only|chatpost-problems/, rel);
  });
});
