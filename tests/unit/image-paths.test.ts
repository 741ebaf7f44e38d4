// Where a post's images are: resolved from the post's file, made site-absolute for its page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rawImages, resolveImagePath, rewriteRawImageSources } from "../../lib/image-paths.ts";

const POST = "content/posts/2017-04-30-online-communities.md";

describe("resolveImagePath", () => {
  it("reads a relative path from the post's folder and an absolute one from content/", () => {
    assert.deepEqual(resolveImagePath(POST, "meetup.png"), { kind: "local", file: "content/posts/meetup.png", url: "/posts/meetup.png" });
    assert.deepEqual(resolveImagePath(POST, "./img/../meetup.png"), { kind: "local", file: "content/posts/meetup.png", url: "/posts/meetup.png" });
    assert.deepEqual(resolveImagePath(POST, "../images/logo.svg"), { kind: "local", file: "content/images/logo.svg", url: "/images/logo.svg" });
    assert.deepEqual(resolveImagePath(POST, "/images/logo.svg"), { kind: "local", file: "content/images/logo.svg", url: "/images/logo.svg" });
    assert.deepEqual(resolveImagePath("content/posts/2019/2019-01-01-x.md", "chart.png"), { kind: "local", file: "content/posts/2019/chart.png", url: "/posts/2019/chart.png" });
  });

  it("names the file without percent-encoding and keeps the address encoded, with its query and fragment", () => {
    assert.deepEqual(resolveImagePath(POST, "my%20photo.png?v=2#top"), { kind: "local", file: "content/posts/my photo.png", url: "/posts/my%20photo.png?v=2#top" });
    assert.deepEqual(resolveImagePath(POST, "100%.png"), { kind: "local", file: "content/posts/100%.png", url: "/posts/100%25.png" });
  });

  it("leaves other sites' images, data: URIs and anchors alone, and flags a path out of content/", () => {
    for (const src of ["https://example.org/a.png", "HTTP://example.org/a.png", "//cdn.example.org/a.png", "data:image/png;base64,AAAA", "#figure", ""]) {
      assert.deepEqual(resolveImagePath(POST, src), { kind: "remote" }, src);
    }
    assert.deepEqual(resolveImagePath(POST, "../../package.json"), { kind: "outside", file: "package.json" });
    assert.deepEqual(resolveImagePath(POST, "../../../../etc/passwd"), { kind: "outside", file: "../../etc/passwd" });
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
