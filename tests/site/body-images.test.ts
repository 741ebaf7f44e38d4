// Images in a post's body: one without alt text or a file stops the build, naming file
// and line; one next to the post is shown on its page, under the path prefix and in feeds.
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySite, FIXTURE_SITE, runScript, type BuildResult, type BuiltSite } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const FILE = "content/posts/2019-01-01-images.md";
let result: BuildResult;

before(async () => {
  const root = copySite(FIXTURE_SITE);
  writeFileSync(
    path.join(root, FILE),
    [
      "---", //                                                   1
      "title: Images",
      "date: 2019-01-01",
      "---",
      "A picture of the meetup:", //                              5
      "",
      "![](../posts/meetup.png)", //                              7
      "",
      '<p><img src="/posts/meetup.png" width="10"></p>', //       9
      "",
      "![Two hosts at the meetup](meetup.png) is fine.",
      "",
      "![[@ventola2014, p. 2]](meetup.png)", //                  13
      "",
      "![A chart of replies](chart.png)", //                     15
      "",
      'The recording: <iframe src="https://video.example/embed/7"></iframe>', // 17
      "",
      '<video controls src="meetup.mp4"></video>', //            19
      "",
    ].join("\n"),
  );
  result = await runScript("build", root, ["--output", path.join(root, "_out"), "--quiet"]);
});

describe("images without alt text or a file in the body", () => {
  it("fail the build", () => {
    assert.equal(result.code, 1);
  });

  it("name the file, the line and the fix, with no stack trace", () => {
    const out = result.stderr + result.stdout;
    assert.match(out, new RegExp(`${FILE}:7:1  the image \\.\\./posts/meetup\\.png has no alt text → describe what it shows`));
    assert.match(out, new RegExp(`${FILE}:9:4  the <img> of /posts/meetup\\.png has no alt attribute → add alt=`));
    // A citation names a source, not what the image shows.
    assert.match(out, new RegExp(`${FILE}:13:1  the alt text of the image meetup\\.png is only a citation \\(\\[@ventola2014, p\\. 2\\]\\).* → describe the image before the citation: !\\[Chart of weekly chat participants \\[@ventola2014, p\\. 2\\]\\]\\(meetup\\.png\\)`));
    assert.match(out, new RegExp(`${FILE}:15:23  the image file chart\\.png was not found \\(looked for content/posts/chart\\.png\\) → check the file name`));
    // Media for every reader: a frame needs a title; a video without captions is only a warning.
    assert.match(out, new RegExp(`${FILE}:17:16  the embedded frame of https://video\\.example/embed/7 has no title.* → add title="what it shows" to the <iframe> tag`));
    assert.match(out, new RegExp(`${FILE}:19:1  warning: the video meetup\\.mp4 has no captions.* → add captions inside the <video>: <track kind="captions" src="meetup\\.vtt"`));
    assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe("images next to the post, in its body", () => {
  let plain: BuiltSite;
  let prefixed: BuiltSite;
  before(async () => {
    const root = copySite(FIXTURE_SITE);
    writeFileSync(
      path.join(root, "content/posts/2019-01-01-images.md"),
      [
        ...["---", "title: Images", "date: 2019-01-01", "---", "![Two hosts at the meetup](meetup.png)", "", '<figure><img src="./meetup.png" alt="The meetup again"></figure>', ""],
        // Raw pictures and media: every file a browser may load is the site's copy too.
        '<picture><source srcset="meetup@2x.png 2x" type="image/png"><img src="meetup.png" srcset="meetup.png 1x, meetup@2x.png 2x" alt="The meetup, sharper"></picture>',
        "",
        '<video controls poster="meetup.png"><source src="clip.mp4" type="video/mp4"><track kind="captions" src="clip.vtt" srclang="en" label="English"></video>',
        "",
        '<video controls src="clip.mp4"></video>', // line 13: no captions, a warning only
        "",
        '<iframe title="Video: the meetup" src="https://video.example/embed/7"></iframe>',
        "",
      ].join("\n"),
    );
    copyFileSync(path.join(root, "content/posts/meetup.png"), path.join(root, "content/posts/meetup@2x.png"));
    writeFileSync(path.join(root, "content/posts/clip.mp4"), "not really a video: only its address is tested");
    writeFileSync(path.join(root, "content/posts/clip.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
    [plain, prefixed] = await Promise.all([buildSite(root), buildSite(root, { args: ["--path-prefix", "/chat/"] })]);
  });

  const sources = (site: BuiltSite) => [...dom(site.read("posts/images/index.html")).querySelectorAll(".post-body img")].map((img) => img.getAttribute("src"));

  it("publish a video without captions with a warning naming its line", () => {
    assert.match(plain.stdout + plain.stderr, /content\/posts\/2019-01-01-images\.md:13:1  warning: the video clip\.mp4 has no captions/);
    assert.equal(dom(plain.read("posts/images/index.html")).querySelectorAll(".post-body video").length, 2);
    assert.equal(dom(plain.read("posts/images/index.html")).querySelector(".post-body iframe")?.getAttribute("title"), "Video: the meetup");
  });

  it("are shown from the site's copy of the file, not from the post's own address", () => {
    assert.deepEqual(sources(plain), ["/posts/meetup.png", "/posts/meetup.png", "/posts/meetup.png"]);
    assert.ok(plain.exists("posts/meetup.png"));
  });

  /** Every address of a raw picture or media element of the post's body, srcset candidates one by one. */
  const mediaAddresses = (site: BuiltSite) =>
    [...dom(site.read("posts/images/index.html")).querySelectorAll(".post-body picture source, .post-body picture img, .post-body video, .post-body video source, .post-body video track")].flatMap((el) => [
      ...["src", "poster"].map((a) => el.getAttribute(a)).filter((v): v is string => v !== null),
      ...(el.getAttribute("srcset") ?? "").split(",").map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean),
    ]);

  it("lead from raw pictures and media (srcset candidates, poster, video and captions) to the site's copies", () => {
    const addresses = mediaAddresses(plain);
    assert.deepEqual(
      [...new Set(addresses)].sort(),
      ["/posts/clip.mp4", "/posts/clip.vtt", "/posts/meetup%402x.png", "/posts/meetup.png"],
    );
    for (const address of addresses) assert.ok(plain.exists(decodeURIComponent(address.slice(1))), address);
    assert.ok(mediaAddresses(prefixed).every((a) => a.startsWith("/chat/posts/")), mediaAddresses(prefixed).join(" "));
  });

  it("are under the path prefix, and absolute in the feed", () => {
    assert.deepEqual(sources(prefixed), ["/chat/posts/meetup.png", "/chat/posts/meetup.png", "/chat/posts/meetup.png"]);
    const feed = prefixed.read("feed.xml");
    assert.match(feed, /<img src="https:\/\/[^"/]+\/chat\/posts\/meetup\.png" alt="Two hosts at the meetup">/);
    assert.match(feed, /srcset="https:\/\/[^"/]+\/chat\/posts\/meetup\.png 1x, https:\/\/[^"/]+\/chat\/posts\/meetup%402x\.png 2x"/);
    assert.match(feed, /<track kind="captions" src="https:\/\/[^"/]+\/chat\/posts\/clip\.vtt"/);
  });
});
