// Nothing in content/_data/ is published (lib/content-paths.ts contentFilesGlobs): a link or an
// image naming a file there would lead nowhere on the site, so the check stops on it with the
// fix, and a picture or handout kept there is told to move.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, postText as post, runScript } from "../helpers/build-site.ts";

const POST = "content/posts/2026-11-21-handouts.md";

describe("a file in content/_data/ linked from a post", () => {
  it("is an error at the link and at the image, and the file a warning, in the check and the build", async () => {
    const root = copySite(FIXTURE_SITE);
    mkdirSync(path.join(root, "content/_data/files"));
    writeFileSync(path.join(root, "content/_data/files/slides.pdf"), "%PDF");
    writeFileSync(path.join(root, "content/_data/photo.png"), "PNG");
    writeFileSync(path.join(root, POST), post("Handouts", "2026-11-21", "See [the slides](/_data/files/slides.pdf) and [our settings](../_data/site.yaml) ([again](/_data/site.yaml)).\n\n![Two hosts](../_data/photo.png)\n"));
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      const said = result.stdout + result.stderr;
      assert.equal(result.code, 1, said);
      assert.match(said, /^content\/posts\/2026-11-21-handouts\.md:\d+:\d+ .*the link to \/_data\/files\/slides\.pdf leads to content\/_data\/files\/slides\.pdf, in the folder of the site's data, from which nothing is published → move the file next to the post and link to it by its name, e\.g\. \[slides\.pdf\]\(slides\.pdf\)$/m);
      assert.match(said, /^content\/posts\/2026-11-21-handouts\.md:\d+:\d+ .*the image file \.\.\/_data\/photo\.png is in content\/_data\/, the folder of the site's data, from which nothing is published → move it next to the post and write its file name, e\.g\. photo\.png$/m);
      // The settings are not to be moved next to a post.
      assert.match(said, /^content\/posts\/2026-11-21-handouts\.md:\d+:\d+ .*the link to \.\.\/_data\/site\.yaml leads to content\/_data\/site\.yaml, in the folder of the site's data, from which nothing is published → remove the link: the site's settings and data are never on the site itself$/m);
      assert.match(said, /^content\/posts\/2026-11-21-handouts\.md:\d+:\d+ .*the link to \/_data\/site\.yaml leads to content\/_data\/site\.yaml, in the folder of the site's data, from which nothing is published → remove the link/m);
      assert.match(said, /^content\/_data\/photo\.png:1:1 {2}warning: nothing reads this file, and it is not published: .* → if readers are to see it, move it next to the post that links to it \(content\/posts\/photo\.png\) or into content\/; if not, keep it outside content\/$/m);
      assert.match(said, /^content\/_data\/files\/slides\.pdf:1:1 {2}warning: nothing reads this file, and it is not published/m);
      assert.doesNotMatch(said, /internal error/);
    }
  });
});
