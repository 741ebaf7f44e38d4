// Under `npm start`, a draft and a post dated later say so: a "Preview only" note on the post's
// page (what publishes it, with the date as the site writes dates) and a label inside its link
// in the lists. A build publishes neither post and carries none of it.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySite, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

const DRAFT = "content/posts/2017-11-10-draft.md";
const SCHEDULED = "content/posts/2030-01-01-scheduled.md";
const DRAFT_TITLE = "A draft that must not be published";
const SCHEDULED_TITLE = "A scheduled post from the future";
/** Everything the markers write, any of which in a built page is a leak. */
const MARKER_TEXT = [/chatpost-preview/, /Preview only/, /this post is a draft/, /\(Draft\)/, /\(Scheduled /, /scheduled for/i];

/**
 * The fixture site, with both unpublished posts tagged, so that a tag page lists them.
 */
function siteWithMarkers(): string {
  const root = copySite(FIXTURE_SITE);
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, file);
    const text = readFileSync(full, "utf8");
    const changed = change(text);
    writeFileSync(full, changed);
    return changed;
  };
  assert.match(readFileSync(path.join(root, "content/index.njk"), "utf8"), /preview-label\.njk/);
  for (const file of [DRAFT, SCHEDULED]) edit(file, (text) => text.replace(/^date: .*$/m, "$&\ntags: [notyet]"));
  return root;
}

/** The link to `slug` in the page's list of posts (not the home page's "Next chat"), as the page writes it: its text up to </a>. */
function linkText(page: string, slug: string): string {
  const start = page.indexOf('<ol class="posts"');
  assert.ok(start >= 0, "the page has no list of posts");
  const html = page.slice(start);
  const found = html.match(new RegExp(`<a href="/posts/${slug}/"[^>]*>(.*?)</a>`, "s"));
  assert.ok(found, `no link to /posts/${slug}/`);
  return found[1]!;
}

const DRAFT_LABEL = /^A draft that must not be published <span class="chatpost-preview-label"[^>]*>\(Draft\)<\/span>$/;
const SCHEDULED_LABEL = /^A scheduled post from the future <span class="chatpost-preview-label"[^>]*>\(Scheduled <time datetime="2030-01-01">January 1, 2030<\/time>\)<\/span>$/;

describe("a build of a site with a draft and a post dated later", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite(siteWithMarkers());
  });

  it("publishes neither, as before", () => {
    assert.ok(site.exists("posts/online-communities/index.html"), "the published post is there");
    for (const slug of ["draft", "scheduled"]) assert.equal(site.files().some((f) => f.startsWith(`posts/${slug}/`)), false, slug);
    assert.equal(site.exists("tags/notyet/index.html"), false, "a tag only unpublished posts have has a page");
  });

  it("writes no marker, label or their words into any page, feed or calendar", () => {
    const textFiles = site.files().filter((f) => /\.(html|xml|json|ics|txt)$/.test(f));
    assert.ok(textFiles.includes("index.html") && textFiles.includes("archive/2017/index.html"));
    for (const file of textFiles) {
      const text = site.read(file);
      for (const marker of MARKER_TEXT) assert.doesNotMatch(text, marker, file);
      assert.ok(!text.includes(DRAFT_TITLE) && !text.includes(SCHEDULED_TITLE), `${file} names an unpublished post`);
    }
    // The lists are there, their links plain.
    assert.equal(linkText(site.read("index.html"), "online-communities"), "Online Communities");
    assert.equal(linkText(site.read("archive/2017/index.html"), "online-communities"), "Online Communities");
  });
});

describe("npm start: drafts and posts dated later are marked", () => {
  const preview = usePreview(siteWithMarkers);
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));

  before(async () => {
    await waitFor(`${preview.base}/posts/draft/`, (html) => html.includes(DRAFT_TITLE));
  });

  it("says on a draft's page, above the post, that it is a draft and which line to remove", async () => {
    const page = await waitFor(`${preview.base}/posts/draft/`, (html) => html.includes("chatpost-preview-status"));
    assert.match(page, /<strong>Preview only: this post is a draft<\/strong>/);
    assert.match(page, /It will not be published until you remove the line <code>draft: true<\/code> \(line 5 of <code>content\/posts\/2017-11-10-draft\.md<\/code>\)\. The next build of the site then publishes it\./);
    assert.ok(page.indexOf("chatpost-preview-status") < page.indexOf("<h1>"), "the note comes after the title");
    // Text, named for screen readers by its first line.
    assert.match(page, /<section class="chatpost-preview-status" aria-labelledby="preview-status-heading"/);
    assert.match(page, /<p id="preview-status-heading"/);
  });

  it("says on a scheduled post's page when, and what, publishes it, with the date as the site writes dates", async () => {
    const page = await waitFor(`${preview.base}/posts/scheduled/`, (html) => html.includes("chatpost-preview-status"));
    assert.match(page, /<strong>Preview only: scheduled for <time datetime="2030-01-01">January 1, 2030<\/time><\/strong>/);
    assert.match(page, /It will be published on <time datetime="2030-01-01">January 1, 2030<\/time>: the first build of the site from midnight that day where the chat is hosted \(America\/New_York\) publishes it/);
    assert.doesNotMatch(page, /this post is a draft/);
  });

  it("marks nothing on a published post's page", async () => {
    const page = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("<h1>Online Communities"));
    assert.doesNotMatch(page, /chatpost-preview/);
  });

  it("labels both inside their links on the home page, the archive and a tag page; published posts' links are plain", async () => {
    for (const url of ["/", "/archive/", "/archive/2017/", "/tags/notyet/"]) {
      const html = await waitFor(`${preview.base}${url}`, (text) => text.includes("/posts/draft/"));
      assert.match(linkText(html, "draft"), DRAFT_LABEL, url);
      if (url !== "/archive/2017/") assert.match(linkText(html, "scheduled"), SCHEDULED_LABEL, url);
      if (url !== "/tags/notyet/") assert.equal(linkText(html, "online-communities"), "Online Communities", url);
    }
    assert.match(linkText(await waitFor(`${preview.base}/archive/2030/`, (text) => text.includes("/posts/scheduled/")), "scheduled"), SCHEDULED_LABEL);
  });

  it("gives pages with the notes and labels valid HTML", async () => {
    const out: string[] = [];
    for (const url of ["/posts/draft/", "/posts/scheduled/", "/", "/archive/", "/tags/notyet/"]) {
      const html = await (await fetch(`${preview.base}${url}`)).text();
      assert.match(html, /chatpost-preview/, url);
      const report = await validator.validateString(html, url);
      // Their style="…" is allowed: it keeps the preview's look out of site.css and so out of
      // readers' pages; the rule is there for the published pages' Content-Security-Policy.
      for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2 && m.ruleId !== "no-inline-style") out.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(out, []);
  });

  it("drops the draft's note and label when `draft: true` is removed, and shows them again when it is back", async () => {
    const file = path.join(preview.root, DRAFT);
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original.replace(/^draft: true\n/m, ""));
      await waitFor(`${preview.base}/posts/draft/`, (html) => html.includes(DRAFT_TITLE) && !html.includes("chatpost-preview"));
      await waitFor(`${preview.base}/`, (html) => linkText(html, "draft") === DRAFT_TITLE);
      await waitFor(`${preview.base}/tags/notyet/`, (html) => linkText(html, "draft") === DRAFT_TITLE);
    } finally {
      writeFileSync(file, original);
    }
    await waitFor(`${preview.base}/posts/draft/`, (html) => html.includes("this post is a draft"));
    await waitFor(`${preview.base}/`, (html) => DRAFT_LABEL.test(linkText(html, "draft")));
  });

  it("on a draft dated later, says both, and labels it a draft", async () => {
    const file = path.join(preview.root, SCHEDULED);
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original.replace(/^date: .*$/m, "$&\ndraft: true"));
      const page = await waitFor(`${preview.base}/posts/scheduled/`, (html) => html.includes("this post is a draft"));
      assert.match(page, /remove the line <code>draft: true<\/code> \(line 4 of <code>content\/posts\/2030-01-01-scheduled\.md<\/code>\)\. Its publish date, <time datetime="2030-01-01">January 1, 2030<\/time>, is still to come: the first build of the site from midnight that day where the chat is hosted \(America\/New_York\) then publishes it\./);
      await waitFor(`${preview.base}/`, (html) => /\(Draft\)<\/span>$/.test(linkText(html, "scheduled")));
    } finally {
      writeFileSync(file, original);
    }
    await waitFor(`${preview.base}/posts/scheduled/`, (html) => html.includes("Preview only: scheduled for"));
  });

  it("on a site in another language, writes the date in it and marks the English words as English", async () => {
    const file = path.join(preview.root, "content/_data/site.yaml");
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, original.replace(/^language: en-US\b/m, "language: de"));
      const page = await waitFor(`${preview.base}/posts/scheduled/`, (html) => html.includes("1. Januar 2030"));
      assert.match(page, /<section class="chatpost-preview-status" aria-labelledby="preview-status-heading" lang="en"/);
      assert.match(page, /scheduled for <time datetime="2030-01-01" lang="de">1\. Januar 2030<\/time>/);
      const home = await waitFor(`${preview.base}/`, (html) => html.includes("1. Januar 2030"));
      assert.match(linkText(home, "scheduled"), /<span class="chatpost-preview-label" lang="en"[^>]*>\(Scheduled <time datetime="2030-01-01" lang="de">1\. Januar 2030<\/time>\)<\/span>$/);
    } finally {
      writeFileSync(file, original);
    }
    await waitFor(`${preview.base}/posts/scheduled/`, (html) => html.includes("January 1, 2030"));
    assert.equal(preview.server.exitCode, null, `the server stopped:\n${preview.log}`);
  });
});
