// Links from one post to another that readers of the site could not follow: to an
// address no post has (an error), to a draft, or to a post published after the linking
// one (warnings: the page is built, the writer is told).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, postText, runScript } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const FILE = "content/posts/2019-05-01-linking.md";
const post = (body: string) => postText("Linking", "2019-05-01", body);

describe("a link to a draft or to a post still to come", () => {
  it("is a warning at its line in the check and the build; the page is built and the warning repeated when nothing changed", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(
      path.join(root, FILE),
      post("Intro.\n\nSee [the draft](2017-11-10-draft.md) and\n[the future](/posts/scheduled/#topics)."), //  lines 7, 8
    );
    const out = path.join(root, "out");
    const check = await runScript("check", root);
    const build = await runScript("build", root, ["--output", out]);
    const again = await runScript("build", root, ["--output", out]);
    for (const result of [check, build, again]) {
      assert.equal(result.code, 0, result.stderr);
      const text = result.stderr + result.stdout;
      assert.match(text, new RegExp(`${FILE}:7:17  warning: the link to 2017-11-10-draft\\.md leads to a draft \\(content/posts/2017-11-10-draft\\.md\\), which is not published: on the site the link leads nowhere → publish that post first`));
      assert.match(text, new RegExp(`${FILE}:8:14  warning: the link to /posts/scheduled/#topics leads to a post dated 2030-01-01 \\(content/posts/2030-01-01-scheduled\\.md\\), published after this one \\(2019-05-01\\): until then the link leads nowhere → date this post 2030-01-01 or later`));
      // Once: the build validates again inside Eleventy, which must not print them a second time.
      assert.equal(text.split(`${FILE}:7:17  warning:`).length - 1, 1, text);
      assert.equal(text.split(/^2 warnings\./m).length - 1, 1, text);
    }
    const page = dom(readFileSync(path.join(out, "posts/linking/index.html"), "utf8"));
    assert.deepEqual([...page.querySelectorAll(".post-body a")].map((a) => a.getAttribute("href")), ["/posts/draft/", "/posts/scheduled/#topics"]);
  });

  it("is no warning once that post is published", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, FILE), post("See [the future](2030-01-01-scheduled.md)."));
    const result = await runScript("check", root, [], { CHATPOST_NOW: "2030-01-02T00:00:00Z" });
    assert.equal(result.code, 0);
    assert.doesNotMatch(result.stderr + result.stdout, /warning/);
  });
});

describe("a link to an address no post has", () => {
  it("is an error at its line, with the nearest address, in the check and the build", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, FILE), post("Intro.\n\nAs [in April](/posts/online-community/#t2)."));
    for (const result of [await runScript("check", root), await runScript("build", root, ["--output", path.join(root, "out"), "--quiet"])]) {
      assert.equal(result.code, 1);
      assert.match(
        result.stderr + result.stdout,
        new RegExp(`${FILE}:7:15  the link to /posts/online-community/#t2 leads to no post: no post has the address /posts/online-community/ → did you mean /posts/online-communities/\\?`),
      );
    }
  });
});

describe("a post with errors of its own", () => {
  it("still has its links checked against the other posts, and its body when its YAML is broken: every problem at once", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, FILE), post("Intro.\n\n[The slides](slide.pdf) and\n[April](/posts/online-community/)."));
    writeFileSync(path.join(root, "content/posts/2019-05-02-yaml.md"), ["---", 'title: "Unclosed', "date: 2019-05-02", "---", "![](chart.png) and [notes](gone.pdf)", "[April](/posts/online-community/)", ""].join("\n"));
    const result = await runScript("check", root);
    assert.equal(result.code, 1);
    const out = result.stderr + result.stdout;
    assert.match(out, new RegExp(`${FILE}:7:14  the link to slide\\.pdf leads to no file`));
    assert.match(out, new RegExp(`${FILE}:8:9  the link to /posts/online-community/ leads to no post`));
    assert.match(out, /content\/posts\/2019-05-02-yaml\.md:2:8  title  the quote " opened on this line is never closed/);
    assert.match(out, /content\/posts\/2019-05-02-yaml\.md:5:1  the image chart\.png has no alt text/);
    assert.match(out, /content\/posts\/2019-05-02-yaml\.md:5:28  the link to gone\.pdf leads to no file/);
    assert.match(out, /content\/posts\/2019-05-02-yaml\.md:6:9  the link to \/posts\/online-community\/ leads to no post/);
    assert.match(out, /7 errors/);
  });
});
