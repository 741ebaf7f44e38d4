// Which files are posts: every .md file in content/posts/, folders included (a folder
// per year is fine); markdown saved under another name is an error, never skipped quietly.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";


describe("a post in a folder of content/posts/", () => {
  let site: BuiltSite;
  let prefixed: BuiltSite;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    mkdirSync(path.join(root, "content/posts/2019"));
    writeFileSync(
      path.join(root, "content/posts/2019/2019-03-05-in-a-folder.md"),
      post("Filed by year", "2019-03-05", "![The hosts](hosts.png)\n\nAs [we asked before](../2017-04-30-online-communities.md#t2), and [about us](/about.md)."),
    );
    copyFileSync(path.join(root, "content/posts/meetup.png"), path.join(root, "content/posts/2019/hosts.png"));
    [site, prefixed] = await Promise.all([buildSite(root), buildSite(root, { args: ["--path-prefix", "/chat/"] })]);
  });

  it("is published at /posts/<name>/ like any other, with the image next to it", () => {
    const doc = dom(site.read("posts/in-a-folder/index.html"));
    assert.equal(doc.querySelector("h1")?.textContent, "Filed by year");
    assert.equal(doc.querySelector(".post-body img")?.getAttribute("src"), "/posts/2019/hosts.png");
    assert.ok(site.exists("posts/2019/hosts.png"));
  });

  it("links to another post or page by its file, leading to its address (under the prefix too)", () => {
    const links = (built: BuiltSite) => [...dom(built.read("posts/in-a-folder/index.html")).querySelectorAll(".post-body a")].map((a) => a.getAttribute("href"));
    assert.deepEqual(links(site), ["/posts/online-communities/#t2", "/about/"]);
    assert.deepEqual(links(prefixed), ["/chat/posts/online-communities/#t2", "/chat/about/"]);
    assert.ok(site.exists("posts/online-communities/index.html") && site.exists("about/index.html"));
    assert.ok(dom(site.read("posts/online-communities/index.html")).getElementById("t2"), "the fragment is on the page");
  });

  it("is listed on the home page and in the feeds and the sitemap", () => {
    assert.ok(dom(site.read("index.html")).querySelector('a[href="/posts/in-a-folder/"]'));
    assert.match(site.read("feed.xml"), /posts\/in-a-folder\//);
    assert.ok((JSON.parse(site.read("feed.json")) as { items: { url: string }[] }).items.some((i) => i.url.endsWith("/posts/in-a-folder/")));
    assert.match(site.read("sitemap.xml"), /posts\/in-a-folder\//);
  });

  it("is checked by npm run check, and two posts with the same name in different folders clash", async () => {
    const root = copySite(FIXTURE_SITE);
    mkdirSync(path.join(root, "content/posts/2019"));
    writeFileSync(path.join(root, "content/posts/2019/2019-13-01-bad-date.md"), post("Bad", "2019-13-01"));
    writeFileSync(path.join(root, "content/posts/2019/2017-04-30-online-communities.md"), post("Again", "2019-01-02"));
    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    const out = result.stderr + result.stdout;
    assert.match(out, /content\/posts\/2019\/2019-13-01-bad-date\.md:3:1  date  "2019-13-01" is not a date/);
    assert.match(out, /content\/posts\/2019\/2017-04-30-online-communities\.md:1:1  this post and content\/posts\/2017-04-30-online-communities\.md both get the address/);
  });

  it("may not link to a post file that is not there", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/posts/2019-03-05-links.md"), post("Links", "2019-03-05", "Intro.\n\nAs [we asked before](2017-04-30-online-community.md)."));
    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    assert.match(result.stderr + result.stdout, /content\/posts\/2019-03-05-links\.md:7:22  the link to 2017-04-30-online-community\.md leads to no post \(looked for content\/posts\/2017-04-30-online-community\.md\) → check the file name/);
  });
});

describe("markdown saved under another name in content/posts/", () => {
  it("is an error naming the file and the name to give it, in the check and the build; other files are left alone", async () => {
    const root = copySite(FIXTURE_SITE);
    const dir = path.join(root, "content/posts");
    writeFileSync(path.join(dir, "2019-02-02-upper.MD"), post("Upper", "2019-02-02"));
    writeFileSync(path.join(dir, "2019-02-03-long.markdown"), post("Long", "2019-02-03"));
    writeFileSync(path.join(dir, "2019-02-04-notepad.md.txt"), post("Notepad", "2019-02-04"));
    writeFileSync(path.join(dir, "ideas.txt"), "Topics for next year\n");
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      const renames: Record<string, string> = { "2019-02-02-upper.MD": "2019-02-02-upper.md", "2019-02-03-long.markdown": "2019-02-03-long.md", "2019-02-04-notepad.md.txt": "2019-02-04-notepad.md" };
      for (const [file, name] of Object.entries(renames)) {
        assert.match(out, new RegExp(`content/posts/${file.replace(/\./g, "\\.")}:1:1  only files whose names end in \\.md \\(in lower case\\) are posts, so this one is not published → rename it to ${name.replace(/\./g, "\\.")}`));
      }
      assert.doesNotMatch(out, /ideas\.txt/);
      assert.match(out, /3 errors/);
    }
  });
});

describe("a link (symlink) in content/ whose file is gone", () => {
  it("is an error naming the link and its missing target in the check and the build, with no stack trace; a working link is a post", async () => {
    const root = copySite(FIXTURE_SITE);
    const dir = path.join(root, "content/posts");
    writeFileSync(path.join(root, "drafts-elsewhere.md"), post("Linked in", "2019-02-05"));
    symlinkSync("../../drafts-elsewhere.md", path.join(dir, "2019-02-05-linked.md"));
    symlinkSync("../../drafts/gone.md", path.join(dir, "2019-02-06-gone.md"));
    symlinkSync("/nowhere/at/all.md", path.join(root, "content/lost.md"));
    const output = path.join(root, "out");
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", output, "--quiet"])]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      assert.match(out, /content\/posts\/2019-02-06-gone\.md:1:1  this is a link to drafts\/gone\.md, which does not exist, so the file cannot be read → put the file back at drafts\/gone\.md, or delete the link 2019-02-06-gone\.md/);
      assert.match(out, /content\/lost\.md:1:1  this is a link to \/nowhere\/at\/all\.md, which does not exist/);
      assert.match(out, /2 errors/);
      assert.doesNotMatch(out, /internal error|ENOENT|at .*\.ts:\d+/);
    }
    unlinkSync(path.join(dir, "2019-02-06-gone.md"));
    unlinkSync(path.join(root, "content/lost.md"));
    const site = await buildSite(root);
    assert.equal(dom(site.read("posts/linked/index.html")).querySelector("h1")?.textContent, "Linked in");
  });
});
