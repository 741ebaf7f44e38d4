// The build publishes what the check passes, and the check says so: a file for readers
// with its extension in capitals (`Slides.PDF`, a camera's `IMG_0042.JPG`) is copied and
// its link works; a post listed in .gitignore is published, as the check reads it; a
// markdown page without `layout:` or `title:` gets the site's layout and its heading.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript, type BuiltSite, type BuildResult } from "../helpers/build-site.ts";

describe("upper-case extensions, .gitignore and pages without layout or title", () => {
  let site: BuiltSite;
  let check: BuildResult;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    writeFileSync(path.join(posts, "Slides.PDF"), "%PDF-1.4\n");
    writeFileSync(path.join(posts, "IMG_0042.JPG"), "\xff\xd8\xff");
    writeFileSync(path.join(posts, "2026-11-18-camera.md"), post("From the camera", "2026-11-18", "![Two hosts at the meetup](IMG_0042.JPG)\n\nThe [slides](Slides.PDF).\n"));
    // Committed all the same (uploaded on GitHub's website): Eleventy's default would skip them.
    writeFileSync(path.join(posts, "2026-11-19-ignored.md"), post("Listed in gitignore", "2026-11-19"));
    mkdirSync(path.join(root, "content/handouts"));
    writeFileSync(path.join(root, "content/handouts/agenda.md"), "---\ntitle: Agenda\n---\nThe agenda.\n");
    writeFileSync(path.join(root, ".gitignore"), "content/posts/2026-11-19-ignored.md\ncontent/handouts\n");
    writeFileSync(path.join(root, "content/conduct.md"), "---\npermalink: /conduct/\n---\n# Code of conduct\n\nBe kind.\n");
    writeFileSync(path.join(root, "content/untitled.md"), "---\ndescription: No title here.\n---\nJust text.\n");
    check = await runScript("check", root);
    site = await buildSite(root);
  });

  it("the check passes them, with one warning for the page that has neither title nor heading", () => {
    const out = check.stdout + check.stderr;
    assert.equal(check.code, 0, out);
    assert.deepEqual(out.split("\n").filter((l) => /warning|error/.test(l) && l.startsWith("content/")), [
      "content/untitled.md:1:1  title  warning: the page has no title and no heading: its browser tab, bookmarks, search results and what a screen reader announces on opening it would give only the site's name → add a line title: Untitled to its front matter (or start the page with a heading: # Untitled)",
    ]);
    assert.match(out, /1 warning/);
  });

  it("copies files whose extension is in capitals, and the post's links and image lead to them", () => {
    assert.ok(site.exists("posts/Slides.PDF"));
    assert.ok(site.exists("posts/IMG_0042.JPG"));
    const page = site.read("posts/camera/index.html");
    assert.match(page, /<img src="\/posts\/IMG_0042\.JPG" alt="Two hosts at the meetup"/);
    assert.match(page, /<a href="\/posts\/Slides\.PDF">slides<\/a>/);
  });

  it("publishes a post and a page listed in .gitignore, as the check read them", () => {
    assert.match(site.read("posts/ignored/index.html"), /Listed in gitignore/);
    assert.match(site.read("handouts/agenda/index.html"), /<title>Agenda · /);
  });

  it("gives a markdown page without layout the site's header, menu and styles, and its heading as title", () => {
    const conduct = site.read("conduct/index.html");
    assert.match(conduct, /<title>Code of conduct · [^<]+<\/title>/);
    assert.match(conduct, /class="site-title"/);
    assert.match(conduct, /<link rel="stylesheet" href="\/assets\/site\.css/);
    assert.match(conduct, /<meta property="og:title" content="Code of conduct">/);
    // Without a title or heading: the site's layout all the same, named by the site.
    assert.match(site.read("untitled/index.html"), /class="site-title"/);
  });
});
