// A picture and a page whose names a Mac stored decomposed (NFD: `cafe` + U+0301), linked
// in another post as usually typed (NFC): on Linux, byte-exact, the links would find
// nothing, so the check and the build stop alike at the files; renamed as the fix says,
// both pass and the built links lead to built files.
import assert from "node:assert/strict";
import { copyFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, postText as post, runScript } from "../helpers/build-site.ts";

const NFD = "cafe\u0301";
const NFC = "caf\u00e9";

describe("names stored decomposed, linked as usually typed", { skip: process.platform === "darwin" && "a Mac's disk gives names in either form" }, () => {
  it("stop the check and the build with the same errors; after the renames both pass and the links lead to built files", async () => {
    const root = copySite(FIXTURE_SITE);
    const posts = path.join(root, "content/posts");
    copyFileSync(path.join(posts, "meetup.png"), path.join(posts, `${NFD}.png`));
    writeFileSync(path.join(root, `content/${NFD}.md`), "---\ntitle: Cafe\nlayout: base.njk\n---\nHello\n");
    writeFileSync(path.join(posts, "2026-11-21-links.md"), post("Links", "2026-11-21", `![A cafe](${NFC}.png)\n\n[the cafe page](/${NFC}/)\n`));
    const output = path.join(root, "out");
    const check = await runScript("check", root);
    const build = await runScript("build", root, ["--output", output, "--quiet"]);
    for (const result of [check, build]) {
      const out = result.stdout + result.stderr;
      assert.equal(result.code, 1);
      assert.ok(out.includes(`content/${NFD}.md:1:1  the accents of this name are stored apart from their letters (Unicode NFD, as a Mac saves some names): a link or picture that writes /${NFC}/ as usually typed does not find it on the web server, as in a post here → rename it to content/cafe.md, and keep its address with the line \`permalink: /${NFC}/\` in its front matter`), out);
      assert.ok(out.includes(`content/posts/${NFD}.png:1:1  the accents of this name are stored apart`), out);
      assert.ok(out.includes(`→ rename it to content/posts/cafe.png, and write the new name in the posts and pages that link to it`), out);
      assert.match(out, /2 errors/);
    }

    // The fixes, as written.
    renameSync(path.join(posts, `${NFD}.png`), path.join(posts, "cafe.png"));
    renameSync(path.join(root, `content/${NFD}.md`), path.join(root, "content/cafe.md"));
    writeFileSync(path.join(root, "content/cafe.md"), `---\ntitle: Cafe\nlayout: base.njk\npermalink: /${NFC}/\n---\nHello\n`);
    writeFileSync(path.join(posts, "2026-11-21-links.md"), post("Links", "2026-11-21", `![A cafe](cafe.png)\n\n[the cafe page](/${NFC}/)\n`));
    const fixed = await runScript("check", root);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.match(fixed.stdout + fixed.stderr, /no errors/);
    const site = await buildSite(root);
    assert.ok(site.exists("posts/cafe.png"));
    assert.ok(site.files().includes(`${NFC}/index.html`), site.files().filter((f) => f.startsWith("caf")).join(", "));
    const html = site.read("posts/links/index.html");
    assert.match(html, /src="[^"]*\/posts\/cafe\.png"/);
    assert.match(html, new RegExp(`href="[^"]*/(?:${NFC}|caf%C3%A9)/"`));
  });
});
