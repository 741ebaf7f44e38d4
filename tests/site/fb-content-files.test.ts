// The check and the build read the same files of content/: hidden files and folders and
// Word's lock files are neither checked nor published; a note without front matter stops both.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript, type BuiltSite } from "../helpers/build-site.ts";

describe("hidden files and folders, AppleDouble copies and Word's lock files in content/", () => {
  let site: BuiltSite;
  let check: string;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    mkdirSync(path.join(posts, ".trash"));
    // Kept after the original was marked draft, and one broken: neither is read.
    writeFileSync(path.join(posts, ".trash/2026-11-21-trashed.md"), post("Trashed", "2026-11-21"));
    writeFileSync(path.join(posts, ".trash/2026-11-22-broken.md"), "---\ntitle: [broken\n---\n");
    writeFileSync(path.join(posts, ".trash/old-slides.pdf"), "%PDF");
    writeFileSync(path.join(posts, "._2017-04-30-online-communities.md"), "\0\u0005\u0016\u0007AppleDouble");
    writeFileSync(path.join(posts, "._meetup-slides.pdf"), "\0\u0005\u0016\u0007");
    writeFileSync(path.join(root, "content/._about.md"), "\0\u0005\u0016\u0007");
    writeFileSync(path.join(posts, "~$etup-slides.pdf"), "Ada Lovelace");
    writeFileSync(path.join(posts, "~$26-12-01-next-chat.docx"), "Ada Lovelace");
    // Eleventy's data folder: a list or a picture there is read by nothing, and is not published either.
    writeFileSync(path.join(root, "content/_data/members.csv"), "name,email\nAda,ada@example.org\n");
    mkdirSync(path.join(root, "content/_data/pictures"));
    writeFileSync(path.join(root, "content/_data/pictures/team.png"), "PNG");
    check = (await runScript("check", root)).stdout;
    site = await buildSite(root);
  });

  it("are not checked: the check says no errors", () => {
    assert.match(check, /no errors|0 errors/);
    assert.doesNotMatch(check, /trash|\._|~\$/);
  });

  it("are not published as pages or posts", () => {
    const files = site.files();
    assert.ok(site.exists("posts/online-communities/index.html"));
    assert.deepEqual(files.filter((f) => f.endsWith(".html") && /trashed|broken|about\/|\._|~\$/.test(f)), ["about/index.html"]);
    assert.doesNotMatch(site.read("sitemap.xml"), /trashed|_about/);
  });

  it("are not copied as downloads", () => {
    // Needs plugins/site.ts to copy contentFilesGlobs(…) (lib/content-paths.ts).
    assert.ok(site.exists("posts/meetup-slides.pdf"));
    assert.deepEqual(site.files().filter((f) => /\.trash|old-slides|\._|~\$|_data|members|team\.png/.test(f)), []);
  });
});

describe("a markdown note in content/ without front matter, a post in a drafts folder, a loose date, a folder linked into itself", () => {
  it("stop the check and the build alike, naming the note; nothing is built", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, "content/notes.md"), "ideas: TBD\n");
    writeFileSync(path.join(root, "content/README.md"), "# How this site works\n");
    mkdirSync(path.join(root, "content/posts/drafts"));
    writeFileSync(path.join(root, "content/posts/drafts/2026-11-23-not-yet.md"), post("Not yet", "2026-11-23"));
    writeFileSync(path.join(root, "content/posts/26-11-22-short-date.md"), post("Short date", "2026-11-22"));
    // Once a build stopped with a stack trace (DuplicatePermalinkOutputError) on such a link.
    symlinkSync(".", path.join(root, "content/posts/loop"));
    const output = path.join(root, "out");
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", output, "--quiet"])]) {
      const out = result.stdout + result.stderr;
      assert.equal(result.code, 1);
      assert.match(out, /^content\/notes\.md:1:1  the file has no front matter, so it would be published as the page \/notes\/, with no title .* → if it is a note to yourself, keep it outside content\/ \(or rename it to notes\.txt, which is not published\); if it is a page, start it with front matter: a line ---, then title: Notes, then a line ---$/m);
      assert.match(out, /^content\/README\.md:1:1  the file has no front matter, so it would be published as the page \/README\//m);
      assert.match(out, /^content\/posts\/drafts\/2026-11-23-not-yet\.md:1:1  warning: this post is in the folder content\/posts\/drafts\/, but folders do not keep posts off the site: it is published at \/posts\/not-yet\/ → to keep it unpublished, add `draft: true`/m);
      assert.match(out, /^content\/posts\/26-11-22-short-date\.md:1:1  the date at the start of the file name \(26-11-22\) is not written YYYY-MM-DD.* → rename the file to content\/posts\/2026-11-22-short-date\.md/m);
      assert.match(out, /^content\/posts\/loop:1:1  this is a link to the folder content\/posts, which holds this link: a folder inside itself, without end → delete the link loop$/m);
      assert.match(out, /4 errors, 1 warning/);
      assert.doesNotMatch(out, /internal error|\n\s+at .*:\d+:\d+/);
    }
    assert.equal(existsSync(path.join(output, "index.html")), false);
  });
});

