// Files a post links to (slides, handouts, data) live next to it like its images: the
// page links to the site's copy, under the path prefix and absolute in the feeds. A
// link to a missing file, to one of a kind the site does not publish, or a web address
// written without https:// fails the check and the build at its line.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const SLIDES = path.join(FIXTURE_SITE, "content/posts/meetup-slides.pdf");

describe("files linked from a post", () => {
  let site: BuiltSite;
  let prefixed: BuiltSite;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    mkdirSync(path.join(root, "content/files"));
    copyFileSync(SLIDES, path.join(root, "content/posts/hand out.pdf"));
    writeFileSync(path.join(root, "content/files/survey.csv"), "week,replies\n1,40\n");
    // Notes beside a post are never published, linked or not.
    writeFileSync(path.join(root, "content/posts/notes.txt"), "Ideas for next week\n");
    writeFileSync(
      path.join(root, "content/posts/2019-04-02-handouts.md"),
      post(
        "Handouts",
        "2019-04-02",
        "Read [the handout](hand%20out.pdf#page=1) and [the survey](/files/survey.csv) before the chat.\n\n" +
          '<p>Or the <a class="plain" href="meetup-slides.pdf">slides</a>.</p>\n\n[Last week](/posts/online-communities/) and [the calendar](/calendar.ics) stay as written.',
      ),
    );
    [site, prefixed] = await Promise.all([buildSite(root), buildSite(root, { args: ["--path-prefix", "/chat/"] })]);
  });

  const links = (built: BuiltSite) => [...dom(built.read("posts/handouts/index.html")).querySelectorAll(".post-body a")].map((a) => a.getAttribute("href"));

  it("lead to the site's copy of each file, which is published", () => {
    assert.deepEqual(links(site), ["/posts/hand%20out.pdf#page=1", "/files/survey.csv", "/posts/meetup-slides.pdf", "/posts/online-communities/", "/calendar.ics"]);
    assert.ok(site.exists("posts/hand out.pdf") && site.exists("files/survey.csv") && site.exists("posts/meetup-slides.pdf"));
    assert.equal(site.read("files/survey.csv"), "week,replies\n1,40\n");
  });

  it("are under the path prefix, and absolute in the feed", () => {
    assert.deepEqual(links(prefixed), ["/chat/posts/hand%20out.pdf#page=1", "/chat/files/survey.csv", "/chat/posts/meetup-slides.pdf", "/chat/posts/online-communities/", "/chat/calendar.ics"]);
    assert.match(prefixed.read("feed.xml"), /<a href="https:\/\/[^"/]+\/chat\/files\/survey\.csv">the survey<\/a>/);
  });

  it("do not publish a writer's notes kept beside the posts", () => {
    assert.equal(site.exists("posts/notes.txt"), false);
  });
});

describe("a link to a file that is missing or not published", () => {
  it("fails the check and the build, each at its line, all at once, with no stack trace", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/posts/notes.txt"), "Ideas\n");
    const file = "content/posts/2019-04-03-broken-files.md";
    writeFileSync(
      path.join(root, file),
      post(
        "Broken files", //                                         line 2
        "2019-04-03",
        "Intro.\n\n[The slides](meetup-slide.pdf) are here.\n\n[Our notes](notes.txt).\n\n<a href=\"/files/missing.csv\">data</a>\n\n[The study](www.nature.com/articles/s41586-020)",
      ),
    );
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      assert.equal(result.code, 1);
      const out = result.stderr + result.stdout;
      assert.match(out, new RegExp(`${file}:7:14  the link to meetup-slide\\.pdf leads to no file \\(looked for content/posts/meetup-slide\\.pdf\\) → check the file name`));
      assert.match(out, new RegExp(`${file}:9:13  the link to notes\\.txt leads to a file the site does not publish: it copies files ending in .*\\.pdf.* → save the file as PDF`));
      assert.match(out, new RegExp(`${file}:11:10  the link to /files/missing\\.csv leads to no file \\(looked for content/files/missing\\.csv\\)`));
      assert.match(out, new RegExp(`${file}:13:13  the link to www\\.nature\\.com/articles/s41586-020 leads to no file .* → write the web address with https:// in front: https://www\\.nature\\.com/articles/s41586-020`));
      assert.match(out, /4 errors/);
      assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)?\n/);
    }
  });
});
