// Links to the site's own addresses (`/about/`, `../archive/`) and to places in pages
// (`#t2`) are checked on what the build wrote: one that leads nowhere stops the build
// at its file and line, and the site already published stays as it was.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, listFiles, postText, runScript } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const FILE = "content/posts/2019-05-01-linking.md";
const post = (body: string) => postText("Linking", "2019-05-01", body);
const GOOD =
  "Intro.\n\n" +
  "See [T1](#t1) below, [about us](/about/), [the 2017 chats](/archive/#year-2017), [the feed](/feed.xml),\n" + // line 7
  "[April's chat](2017-04-30-online-communities.md#t1), [its calendar](/posts/online-communities/chat.ics) and\n" + // line 8
  '<a href="/search/?q=community">a search</a>.'; // line 9

describe("links to the site's own addresses", () => {
  it("that lead to a page, file or place the site has build, and are given the path prefix", async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(path.join(root, FILE), post(GOOD).replace("---\nIntro", "topics:\n  - One\n---\nIntro").replace("title: Linking\n", "title: Linking\nchat:\n  start: 2019-05-01T13:00:00-04:00\n"));
    const out = path.join(root, "out");
    const result = await runScript("build", root, ["--output", out, "--quiet", "--path-prefix", "/chat/"]);
    assert.equal(result.code, 0, result.stderr + result.stdout);
    const page = dom(readFileSync(path.join(out, "posts/linking/index.html"), "utf8"));
    assert.deepEqual(
      [...page.querySelectorAll(".post-body a")].map((a) => a.getAttribute("href")),
      ["#t1", "/chat/about/", "/chat/archive/#year-2017", "/chat/feed.xml", "/chat/posts/online-communities/#t1", "/chat/posts/online-communities/chat.ics", "/chat/search/?q=community"],
    );
  });

  it("that lead nowhere stop the build, each at its file and line, and leave the published site as it was", async () => {
    const root = copySite(FIXTURE_SITE);
    const out = path.join(root, "out");
    const first = await runScript("build", root, ["--output", out, "--quiet"]);
    assert.equal(first.code, 0, first.stderr);
    const before = new Map(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))]));

    writeFileSync(
      path.join(root, FILE),
      post("Intro.\n\nSee [the team](/abuot/) and\n[about us](../about/), [T2](#t2),\n[April's T5](2017-04-30-online-communities.md#t5) and [the top](#mian)."),
    );
    const about = path.join(root, "content/about.md");
    writeFileSync(about, `${readFileSync(about, "utf8")}\nRead [every chat](archive/).\n`);
    const aboutLine = readFileSync(about, "utf8").trimEnd().split("\n").length;
    const result = await runScript("build", root, ["--output", out, "--quiet"]);
    assert.equal(result.code, 1);
    const text = result.stderr + result.stdout;
    const expected = [
      `${FILE}:7:16  the link to /abuot/ leads to no page or file of the site → did you mean /about/?`,
      `${FILE}:8:12  the link to ../about/ leads to no page or file of the site (from this page's address, /posts/linking/, it leads to /posts/about/) → did you mean /about/?`,
      `${FILE}:8:29  the link to #t2 leads to no place on this page: nothing on it has the id "t2" → this page has no topics: link to it without "#t2"`,
      `${FILE}:9:14  the link to 2017-04-30-online-communities.md#t5 leads to /posts/online-communities/, which has no place "t5": nothing on it has that id → /posts/online-communities/ has the topics #t1 to #t2`,
      `${FILE}:9:65  the link to #mian leads to no place on this page: nothing on it has the id "mian" → did you mean #main?`,
      `content/about.md:${aboutLine}:19  the link to archive/ leads to no page or file of the site (from this page's address, /about/, it leads to /about/archive/) → did you mean /archive/?`,
    ];
    for (const line of expected) assert.ok(text.includes(line), `missing:\n${line}\nin:\n${text}`);
    assert.match(text, /6 errors: nothing was built/);
    assert.equal(text.match(/leads to \/posts\/about\//g)?.length, 1, "each problem is reported once");
    assert.doesNotMatch(text, /internal error|^\s+at /m);
    // Nor does it say first that Eleventy wrote files: with --quiet only the problems are printed.
    assert.doesNotMatch(text, /\[11ty\]/);
    // The site built before is untouched, and no staging folder is left behind.
    assert.deepEqual(new Map(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))])), before);
    assert.deepEqual(listFiles(root).filter((f) => f.includes(".build-")), []);
  });

  it("written in full, with the site's own address, are checked as the addresses from its root", async () => {
    const root = copySite(FIXTURE_SITE);
    const out = path.join(root, "out");
    writeFileSync(
      path.join(root, FILE),
      post("Intro.\n\nSee [the team](https://careleaders.example/abuot/), [about us](https://careleaders.example/about/) and\nlast time: https://careleaders.example/posts/online-community/"),
    );
    const check = await runScript("check", root);
    assert.equal(check.code, 1);
    const postError = `${FILE}:8:12  the link to https://careleaders.example/posts/online-community/ leads to no post: no post has the address /posts/online-community/ → did you mean /posts/online-communities/?`;
    assert.ok(check.stderr.includes(postError), check.stderr);
    const build = await runScript("build", root, ["--output", out, "--quiet"]);
    assert.equal(build.code, 1);
    assert.ok(build.stderr.includes(postError), build.stderr);

    // Once the post's address is right, the build checks the other pages' addresses on what it wrote.
    writeFileSync(path.join(root, FILE), readFileSync(path.join(root, FILE), "utf8").replace("online-community/", "online-communities/"));
    const second = await runScript("build", root, ["--output", out, "--quiet"]);
    assert.equal(second.code, 1);
    assert.ok(second.stderr.includes(`${FILE}:7:16  the link to https://careleaders.example/abuot/ leads to no page or file of the site → did you mean /about/?`), second.stderr);
    assert.match(second.stderr, /1 error: nothing was built/);
  });
});
