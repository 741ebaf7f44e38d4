// Where the files a post names are: resolved from the post's file, made site-absolute for its page.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { linkTarget, looksLikeHost, rawAddresses, rawImages, resolveLocalPath, rewriteRawAddresses, srcsetCandidates } from "../../lib/local-paths.ts";

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
  it("are read with their src and alt, their line and their name as written", () => {
    assert.deepEqual(rawImages('<p>\n<img alt="a > b" src=x.png>\n<IMG SRC="y.png">'), [
      { src: "x.png", alt: "a > b", lineOffset: 1, written: "<img" },
      { src: "y.png", lineOffset: 2, written: "<IMG" },
    ]);
  });

  it("get a new src, quoted; every other byte stays, and a src= inside another attribute is not taken", () => {
    const up = (src: string) => (src.startsWith("http") ? src : `/posts/${src}`);
    const same = (href: string) => href;
    assert.equal(rewriteRawAddresses('<img alt="see src=no.png" src=\'a.png\' class="w">', up, same), '<img alt="see src=no.png" src="/posts/a.png" class="w">');
    assert.equal(rewriteRawAddresses("<p><img src=b.png alt=B> and <img src=https://e.org/c.png></p>", up, same), '<p><img src="/posts/b.png" alt=B> and <img src=https://e.org/c.png></p>');
    assert.equal(rewriteRawAddresses("<p>no image</p>", up, same), "<p>no image</p>");
  });
});

describe("raw <a> tags", () => {
  it("are read with their href and line; an <abbr> or <area> is not one", () => {
    assert.deepEqual(rawAddresses('<p><abbr title="x">X</abbr>\n<a class=k href="slides.pdf">s</a> <A NAME=top>\n<area href="no.pdf"></p>'), [{ kind: "link", address: "slides.pdf", lineOffset: 1 }]);
  });

  it("get a new href, and only the href; images keep their own rule", () => {
    const img = (src: string) => `/img/${src}`;
    const link = (href: string) => `/files/${href}`;
    assert.equal(rewriteRawAddresses('<a title="href=x" href=\'s.pdf\'><img src=a.png alt=A></a>', img, link), '<a title="href=x" href="/files/s.pdf"><img src="/img/a.png" alt=A></a>');
    assert.equal(rewriteRawAddresses("<abbr title=a.pdf>A</abbr>", img, link), "<abbr title=a.pdf>A</abbr>");
  });
});

describe("linkTarget", () => {
  it("leads a link to a post's file to the post's page, with the fragment", () => {
    const page = (file: string, url: string) => ({ kind: "page", file, url });
    assert.deepEqual(linkTarget(POST, "2017-05-07-listening.md"), page("content/posts/2017-05-07-listening.md", "/posts/listening/"));
    assert.deepEqual(linkTarget(POST, "./2017-05-07-listening.md#topics"), page("content/posts/2017-05-07-listening.md", "/posts/listening/#topics"));
    assert.deepEqual(linkTarget("content/posts/2019/2019-01-01-x.md", "../2017/2017-05-07-listening.md"), page("content/posts/2017/2017-05-07-listening.md", "/posts/listening/"));
    assert.deepEqual(linkTarget(POST, "/posts/2017-05-07-listening.md"), page("content/posts/2017-05-07-listening.md", "/posts/listening/"));
  });

  it("leads a link to another page's file to that page, and one outside content/ nowhere", () => {
    assert.deepEqual(linkTarget(POST, "../about.md"), { kind: "page", file: "content/about.md", url: "/about/" });
    assert.deepEqual(linkTarget(POST, "../../README.md"), { kind: "page", file: "README.md" });
  });

  it("leads a link to a file next to the post, or under content/, to the site's copy", () => {
    assert.deepEqual(linkTarget(POST, "slides.pdf"), { kind: "file", file: "content/posts/slides.pdf", url: "/posts/slides.pdf" });
    assert.deepEqual(linkTarget(POST, "hand%20out.pdf#page=2"), { kind: "file", file: "content/posts/hand out.pdf", url: "/posts/hand%20out.pdf#page=2" });
    assert.deepEqual(linkTarget(POST, "/files/survey.csv"), { kind: "file", file: "content/files/survey.csv", url: "/files/survey.csv" });
    assert.deepEqual(linkTarget(POST, "notes.MD"), { kind: "file", file: "content/posts/notes.MD", url: "/posts/notes.MD" });
    assert.deepEqual(linkTarget(POST, "../../package.json"), { kind: "file", file: "package.json" });
  });

  it("takes a relative link that starts like a host name as a file, since it would lead nowhere", () => {
    assert.deepEqual(linkTarget(POST, "www.nature.com/articles/x"), { kind: "file", file: "content/posts/www.nature.com/articles/x", url: "/posts/www.nature.com/articles/x" });
    assert.deepEqual(linkTarget(POST, "example.org"), { kind: "file", file: "content/posts/example.org", url: "/posts/example.org" });
    assert.equal(looksLikeHost("www.example.org"), true);
    assert.equal(looksLikeHost("pubmed.ncbi.nlm.nih.gov/123/"), true);
    assert.equal(looksLikeHost("slides.pdf"), false);
    assert.equal(looksLikeHost("../images/x.png"), false);
  });

  it("leaves the site's own addresses and every other link alone", () => {
    for (const href of ["https://example.org/notes.md", "/posts/listening/", "/calendar.ics", "/feed.xml", "/robots.txt", "/posts/listening/index.html", "#t2", "mailto:hosts@example.org", "listening", "../"]) {
      assert.equal(linkTarget(POST, href), undefined, href);
    }
  });
});

describe("raw pictures and media", () => {
  it("name every file a browser may load: src, each srcset candidate, a poster, media and captions", () => {
    const html = [
      "<picture>",
      '  <source srcset="wide.avif 1200w, narrow.avif 600w" type="image/avif">',
      '  <img src="meetup.jpg" srcset="meetup.jpg 1x, meetup@2x.jpg 2x" alt="Hosts" sizes="(min-width: 40em) 50vw, 100vw">',
      "</picture>",
      '<video controls poster="still.png" src="clip.mp4"><source src=clip.webm type=video/webm><track kind=captions src="clip.vtt" srclang=en></video>',
      '<audio src="episode.mp3"></audio> <span data-src="not.png"></span>',
    ].join("\n");
    assert.deepEqual(
      rawAddresses(html).map((a) => [a.kind, a.address, a.lineOffset]),
      [
        ["image", "wide.avif", 1], ["image", "narrow.avif", 1],
        ["image", "meetup.jpg", 2], ["image", "meetup.jpg", 2], ["image", "meetup@2x.jpg", 2],
        ["image", "still.png", 4], ["file", "clip.mp4", 4], ["file", "clip.webm", 4], ["file", "clip.vtt", 4],
        ["file", "episode.mp3", 5],
      ],
    );
  });

  it("give the line of each address, not of its tag's start, when a tag spans lines", () => {
    const html = '<img alt="Hosts"\n     src="meetup.jpg"\n     srcset="meetup.jpg 1x,\n             meetup@2x.jpg 2x">\n<a\nhref="slides.pdf">s</a>';
    assert.deepEqual(
      rawAddresses(html).map((a) => [a.address, a.lineOffset]),
      [["meetup.jpg", 1], ["meetup.jpg", 2], ["meetup@2x.jpg", 3], ["slides.pdf", 5]],
    );
  });

  it("read a srcset as the HTML standard does", () => {
    assert.deepEqual(srcsetCandidates("a.png"), [{ url: "a.png", descriptors: "" }]);
    assert.deepEqual(srcsetCandidates("  a.png 1x ,b.png   2x,  "), [{ url: "a.png", descriptors: "1x" }, { url: "b.png", descriptors: "2x" }]);
    // A URL runs to the next space: a comma at its end ends the candidate, one inside it is part of it.
    assert.deepEqual(srcsetCandidates("a.png, b.png 2x"), [{ url: "a.png", descriptors: "" }, { url: "b.png", descriptors: "2x" }]);
    assert.deepEqual(srcsetCandidates("img,v2.png 480w, big.png 1080w"), [{ url: "img,v2.png", descriptors: "480w" }, { url: "big.png", descriptors: "1080w" }]);
    assert.deepEqual(srcsetCandidates(""), []);
  });

  it("get every local address rewritten, each candidate of a srcset with its descriptor, other attributes untouched", () => {
    const file = (src: string) => (/^https?:/.test(src) ? src : `/posts/${src}`);
    const link = (href: string) => href;
    assert.equal(
      rewriteRawAddresses('<img src="a.png" alt="A, b" srcset="a.png 1x, a@2x.png 2x" sizes="50vw">', file, link),
      '<img src="/posts/a.png" alt="A, b" srcset="/posts/a.png 1x, /posts/a@2x.png 2x" sizes="50vw">',
    );
    assert.equal(
      rewriteRawAddresses('<video poster=still.png controls><source src="clip.mp4" type="video/mp4"><track src=c.vtt></video>', file, link),
      '<video poster="/posts/still.png" controls><source src="/posts/clip.mp4" type="video/mp4"><track src="/posts/c.vtt"></video>',
    );
    // Nothing local: the tag is left byte for byte, spacing of the srcset included.
    const remote = '<img src="https://e.org/a.png" srcset="https://e.org/a.png  1x,https://e.org/b.png 2x" alt="A">';
    assert.equal(rewriteRawAddresses(remote, file, link), remote);
    // A rewritten address with a comma or space in it stays one candidate.
    assert.equal(rewriteRawAddresses('<img alt="" srcset="x.png 1x">', () => "/a b,c.png", link), '<img alt="" srcset="/a%20b%2Cc.png 1x">');
  });
});
