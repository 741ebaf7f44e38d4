// Where the files a post names are: resolved from the post's file, made site-absolute for its page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { postLinkTarget, rawImages, resolveLocalPath, rewriteRawImageSources } from "../../lib/local-paths.ts";

const POST = "content/posts/2017-04-30-online-communities.md";

describe("resolveLocalPath", () => {
  it("reads a relative path from the post's folder and an absolute one from content/", () => {
    assert.deepEqual(resolveLocalPath(POST, "meetup.png"), { kind: "local", file: "content/posts/meetup.png", url: "/posts/meetup.png" });
    assert.deepEqual(resolveLocalPath(POST, "./img/../meetup.png"), { kind: "local", file: "content/posts/meetup.png", url: "/posts/meetup.png" });
    assert.deepEqual(resolveLocalPath(POST, "../images/logo.svg"), { kind: "local", file: "content/images/logo.svg", url: "/images/logo.svg" });
    assert.deepEqual(resolveLocalPath(POST, "/images/logo.svg"), { kind: "local", file: "content/images/logo.svg", url: "/images/logo.svg" });
    assert.deepEqual(resolveLocalPath("content/posts/2019/2019-01-01-x.md", "chart.png"), { kind: "local", file: "content/posts/2019/chart.png", url: "/posts/2019/chart.png" });
  });

  it("names the file without percent-encoding and keeps the address encoded, with its query and fragment", () => {
    assert.deepEqual(resolveLocalPath(POST, "my%20photo.png?v=2#top"), { kind: "local", file: "content/posts/my photo.png", url: "/posts/my%20photo.png?v=2#top" });
    assert.deepEqual(resolveLocalPath(POST, "100%.png"), { kind: "local", file: "content/posts/100%.png", url: "/posts/100%25.png" });
  });

  it("leaves other sites' images, data: URIs and anchors alone, and flags a path out of content/", () => {
    for (const src of ["https://example.org/a.png", "HTTP://example.org/a.png", "//cdn.example.org/a.png", "data:image/png;base64,AAAA", "#figure", ""]) {
      assert.deepEqual(resolveLocalPath(POST, src), { kind: "remote" }, src);
    }
    assert.deepEqual(resolveLocalPath(POST, "../../package.json"), { kind: "outside", file: "package.json" });
    assert.deepEqual(resolveLocalPath(POST, "../../../../etc/passwd"), { kind: "outside", file: "../../etc/passwd" });
  });
});

describe("raw <img> tags", () => {
  it("are read with their src and alt, and their line", () => {
    assert.deepEqual(rawImages('<p>\n<img alt="a > b" src=x.png>\n<IMG SRC="y.png">'), [
      { src: "x.png", alt: "a > b", lineOffset: 1 },
      { src: "y.png", lineOffset: 2 },
    ]);
  });

  it("get a new src, quoted; every other byte stays, and a src= inside another attribute is not taken", () => {
    const up = (src: string) => (src.startsWith("http") ? src : `/posts/${src}`);
    assert.equal(rewriteRawImageSources('<img alt="see src=no.png" src=\'a.png\' class="w">', up), '<img alt="see src=no.png" src="/posts/a.png" class="w">');
    assert.equal(rewriteRawImageSources("<p><img src=b.png alt=B> and <img src=https://e.org/c.png></p>", up), '<p><img src="/posts/b.png" alt=B> and <img src=https://e.org/c.png></p>');
    assert.equal(rewriteRawImageSources("<p>no image</p>", up), "<p>no image</p>");
  });
});

describe("postLinkTarget", () => {
  it("leads a link to a post's file to the post's page, with the fragment", () => {
    assert.deepEqual(postLinkTarget(POST, "2017-05-07-listening.md"), { file: "content/posts/2017-05-07-listening.md", url: "/posts/listening/" });
    assert.deepEqual(postLinkTarget(POST, "./2017-05-07-listening.md#topics"), { file: "content/posts/2017-05-07-listening.md", url: "/posts/listening/#topics" });
    assert.deepEqual(postLinkTarget("content/posts/2019/2019-01-01-x.md", "../2017/2017-05-07-listening.md"), { file: "content/posts/2017/2017-05-07-listening.md", url: "/posts/listening/" });
    assert.deepEqual(postLinkTarget(POST, "/posts/2017-05-07-listening.md"), { file: "content/posts/2017-05-07-listening.md", url: "/posts/listening/" });
  });

  it("leads a link to another page's file to that page, and one outside content/ nowhere", () => {
    assert.deepEqual(postLinkTarget(POST, "../about.md"), { file: "content/about.md", url: "/about/" });
    assert.deepEqual(postLinkTarget(POST, "../../README.md"), { file: "README.md" });
  });

  it("leaves every other link alone", () => {
    for (const href of ["https://example.org/notes.md", "/posts/listening/", "#t2", "mailto:hosts@example.org", "slides.pdf", "notes.MD"]) {
      assert.equal(postLinkTarget(POST, href), undefined, href);
    }
  });
});
