// Under `npm start`, a post with errors stays in the lists where it would be (the home page,
// the archive, the pages of tags other posts have), labelled "(Has errors)" inside its link,
// which goes to the page that shows its problems; fixed, it is listed as itself again. It is
// in no feed, calendar or tag count, and a build carries no trace of the label.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySite, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { usePreview, waitFor } from "../helpers/preview-server.ts";

const POST = "content/posts/2017-04-30-online-communities.md";
const OTHER = "content/posts/2017-11-03-after-dst.md";
const TITLE = "Online Communities";
/** The link text of a post with errors: its title (or what stands for it), then the label. */
const withErrors = (title: string) => new RegExp(`^${title.replace(/[.]/g, "\\.")} <span class="chatpost-preview-label"[^>]*>\\(Has errors\\)</span>$`);

/**
 * The fixture site, with "community" a tag of another post too, so that its page stays while
 * the post with errors is broken.
 */
function siteForLists(): string {
  const root = copySite(FIXTURE_SITE);
  const edit = (file: string, change: (text: string) => string) => {
    const full = path.join(root, file);
    writeFileSync(full, change(readFileSync(full, "utf8")));
  };
  edit(OTHER, (text) => text.replace(/^date: .*$/m, "$&\ntags: [community]"));
  return root;
}

/** The page's lists of posts (the archive has one a year), not the home page's "Next chat". */
function postList(page: string): string {
  const start = page.indexOf('<ol class="posts"');
  assert.ok(start >= 0, "the page has no list of posts");
  return page.slice(start, page.lastIndexOf("</ol>"));
}

/** The text of the list's link to `slug`, up to </a>; undefined when the list has none. */
function linkText(page: string, slug: string): string | undefined {
  return postList(page).match(new RegExp(`<a href="/posts/${slug}/"[^>]*>(.*?)</a>`, "s"))?.[1];
}

/** The addresses the list links to, in its order. */
const listed = (page: string) => [...postList(page).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe("npm start: a post with errors stays in the lists, labelled", () => {
  const preview = usePreview(siteForLists);
  const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
  /** Each list page's addresses, in order, before the post is broken. */
  const orderBefore = new Map<string, (string | undefined)[]>();
  const LISTS = ["/", "/archive/", "/archive/2017/", "/tags/community/"];

  before(async () => {
    for (const url of LISTS) {
      const page = await waitFor(`${preview.base}${url}`, (html) => linkText(html, "online-communities") === TITLE && linkText(html, "after-dst") !== undefined);
      orderBefore.set(url, listed(page));
    }
  });

  it("lists a post with an unknown field where it was, with its title and the label, linking to its problems; feeds and tag counts leave it out", async () => {
    const file = path.join(preview.root, POST);
    const original = readFileSync(file, "utf8");
    for (const url of ["/feed.xml", "/feed.json"]) assert.match(await (await fetch(`${preview.base}${url}`)).text(), /Online Communities/, url);
    try {
      writeFileSync(file, original.replace(/^date: .*$/m, "$&\ncolour: blue"));
      const problems = await waitFor(`${preview.base}/posts/online-communities/`, (html) => html.includes("This post cannot be published yet"));
      assert.match(problems, /2017-04-30-online-communities\.md:4:1 {2}colour/);
      for (const url of LISTS) {
        const page = await waitFor(`${preview.base}${url}`, (html) => /Has errors/.test(linkText(html, "online-communities") ?? ""));
        assert.match(linkText(page, "online-communities")!, withErrors(TITLE), url);
        // Where it was, among the others, whose links are plain.
        assert.deepEqual(listed(page), orderBefore.get(url), url);
        assert.equal(linkText(page, "after-dst"), "After the clocks change", url);
        assert.equal(postList(page).split("(Has errors)").length - 1, 1, `${url}: one post with errors`);
      }
      // Not published: not in the feeds, and not counted on the list of tags (nor is a tag only it has).
      for (const url of ["/feed.xml", "/feed.json"]) assert.doesNotMatch(await (await fetch(`${preview.base}${url}`)).text(), /Online Communities|Has errors/, url);
      const tags = await (await fetch(`${preview.base}/tags/`)).text();
      assert.match(tags, /<a href="\/tags\/community\/">community<\/a> <span class="tag-count">\(1\)<\/span>/);
      assert.doesNotMatch(tags, /sponsorship|Has errors/);
      // The lists with the label are valid HTML (their style="…" aside, which keeps the preview's look out of site.css).
      const out: string[] = [];
      for (const url of LISTS) {
        const report = await validator.validateString(await (await fetch(`${preview.base}${url}`)).text(), url);
        for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2 && m.ruleId !== "no-inline-style") out.push(`${url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      assert.deepEqual(out, []);

      // Front matter YAML cannot read: the file's name stands for the title, its date still places it.
      writeFileSync(file, original.replace(/^title: .*$/m, "title: Online: Communities"));
      const home = await waitFor(`${preview.base}/`, (html) => /2017-04-30-online-communities\.md/.test(linkText(html, "online-communities") ?? ""));
      assert.match(linkText(home, "online-communities")!, withErrors("2017-04-30-online-communities.md"));
      assert.deepEqual(listed(home), orderBefore.get("/"));
      const year = await waitFor(`${preview.base}/archive/2017/`, (html) => /2017-04-30-online-communities\.md/.test(linkText(html, "online-communities") ?? ""));
      assert.match(linkText(year, "online-communities")!, withErrors("2017-04-30-online-communities.md"));
    } finally {
      writeFileSync(file, original);
    }
    // Fixed: listed as itself again, everywhere.
    for (const url of LISTS) {
      const page = await waitFor(`${preview.base}${url}`, (html) => linkText(html, "online-communities") === TITLE);
      assert.deepEqual(listed(page), orderBefore.get(url), url);
      assert.doesNotMatch(postList(page), /Has errors/, url);
    }
    assert.match(await (await fetch(`${preview.base}/feed.xml`)).text(), /Online Communities/);
  });

  it("lists a post with errors and no date anywhere first on the home page, saying so, and in no year", async () => {
    const file = path.join(preview.root, "content/posts/notes.md");
    writeFileSync(file, "---\ntitle: Notes without a date\ncolour: blue\n---\nText.\n");
    try {
      const home = await waitFor(`${preview.base}/`, (html) => linkText(html, "notes") !== undefined);
      assert.match(linkText(home, "notes")!, withErrors("Notes without a date"));
      assert.equal(listed(home)[0], "/posts/notes/");
      // No <time> around "no date": there is no date to give it.
      assert.match(postList(home), /Notes without a date <span[^>]*>\(Has errors\)<\/span><\/a>\s*<span class="post-list-when"[^>]*>no date</);
      const archive = await (await fetch(`${preview.base}/archive/`)).text();
      assert.equal(linkText(archive, "notes"), undefined);
    } finally {
      // Deleting a post rebuilds the whole preview.
      rmSync(file);
    }
    await waitFor(`${preview.base}/`, (html) => linkText(html, "notes") === undefined);
    assert.equal(preview.server.exitCode, null, `the server stopped:\n${preview.log}`);
  });
});

describe("a build of the same site", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildSite(siteForLists());
  });

  it("has no preview label in any page, feed or calendar, and lists the post plainly", () => {
    const textFiles = site.files().filter((f) => /\.(html|xml|json|ics|txt|js)$/.test(f));
    assert.ok(textFiles.includes("index.html") && textFiles.includes("archive/2017/index.html") && textFiles.includes("tags/community/index.html"));
    for (const file of textFiles) assert.doesNotMatch(site.read(file), /chatpost-preview-label|Has errors/, file);
    for (const page of ["index.html", "archive/index.html", "archive/2017/index.html", "tags/community/index.html"]) assert.equal(linkText(site.read(page), "online-communities"), TITLE, page);
  });
});
