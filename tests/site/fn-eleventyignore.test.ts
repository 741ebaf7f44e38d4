// An .eleventyignore (in the site's folder or in content/) has no effect: the build
// publishes what the check checks, every pattern shape Eleventy reads notwithstanding,
// and the check warns about the file, naming it, its first pattern's line and what to do.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { listPageFiles, listPostFiles, slugFromFile } from "../../lib/content-paths.ts";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript, type BuiltSite } from "../helpers/build-site.ts";

describe(".eleventyignore in the site's folder and in content/", () => {
  let root: string;
  let site: BuiltSite;
  let check: { code: number; out: string };
  before(async () => {
    root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    mkdirSync(path.join(posts, "old"));
    mkdirSync(path.join(posts, "older"));
    writeFileSync(path.join(posts, "2026-11-21-by-name.md"), post("By name", "2026-11-21"));
    writeFileSync(path.join(posts, "old/2026-11-22-in-folder.md"), post("In folder", "2026-11-22"));
    writeFileSync(path.join(posts, "older/2026-11-22-in-slashed-folder.md"), post("In slashed folder", "2026-11-22"));
    writeFileSync(path.join(posts, "2026-11-23-wip-glob.md"), post("Wip glob", "2026-11-23"));
    writeFileSync(path.join(posts, "2026-11-19-leading-slash.md"), post("Leading slash", "2026-11-19"));
    writeFileSync(path.join(posts, "2026-11-18-dot-slash.md"), post("Dot slash", "2026-11-18"));
    writeFileSync(path.join(root, "content/ignored-page.md"), "---\ntitle: Ignored page\nlayout: base.njk\n---\nText\n");
    // Windows line ends, a comment, a blank line, a `!` line (Eleventy passes over the last three).
    writeFileSync(path.join(root, ".eleventyignore"), "# kept out\r\n\r\ncontent/posts/2026-11-21-by-name.md\r\ncontent/posts/old\r\ncontent/**/*-wip-*.md\r\n!content/posts/x.md\r\n./content/posts/2026-11-18-dot-slash.md\r\n");
    writeFileSync(path.join(root, "content/.eleventyignore"), "ignored-page.md\n/posts/2026-11-19-leading-slash.md\nposts/older/\n**/*.png\n");
    const result = await runScript("check", root);
    check = { code: result.code, out: result.stdout + result.stderr };
    site = await buildSite(root);
  });

  it("warns about each file at its first pattern, naming what to do instead; nothing else", () => {
    assert.equal(check.code, 0);
    assert.match(check.out, /^\.eleventyignore:3:1  warning: chatpost does not use \.eleventyignore: what it lists \(`content\/posts\/2026-11-21-by-name\.md`, `content\/posts\/old`, `content\/\*\*\/\*-wip-\*\.md` and 1 more\) is checked and published like every other file of content\/ → delete this file; to keep a post off the site, add `draft: true` to its front matter; a page, `permalink: false`; any other file, move it out of content\/$/m);
    assert.match(check.out, /^content\/\.eleventyignore:1:1  warning: chatpost does not use \.eleventyignore: what it lists \(`ignored-page\.md`, `\/posts\/2026-11-19-leading-slash\.md`, `posts\/older\/` and 1 more\)/m);
    assert.equal(check.out.match(/ warning: /g)?.length, 2);
    assert.match(check.out, /no errors/);
  });

  it("leaves out nothing the check reads: every post and page is built", () => {
    const posts = listPostFiles(root).filter((f) => !/draft|scheduled/.test(f));
    assert.ok(posts.length >= 9);
    for (const file of posts) assert.ok(site.exists(`posts/${slugFromFile(file)}/index.html`), `${file} is built`);
    for (const file of listPageFiles(root).filter((f) => f.endsWith(".md"))) {
      const name = path.posix.basename(file, ".md");
      if (name !== "404") assert.ok(site.exists(`${name}/index.html`), `${file} is built`);
    }
    assert.match(site.read("ignored-page/index.html"), /Ignored page/);
    // Passthrough copies never took the ignores; still copied.
    assert.ok(site.exists("posts/meetup.png"));
  });
});
