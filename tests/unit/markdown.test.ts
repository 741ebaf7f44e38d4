// The markdown of post bodies: what is and is not a link, and where a post's own files lead.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createMarkdown } from "../../lib/markdown.ts";

const md = createMarkdown();
const env = { post: { file: "content/posts/2017-11-03-after-dst.md" } };

describe("links found in the text", () => {
  it("are made of web addresses, not of file names ending in .md", () => {
    assert.equal(
      md.renderInline("Edit notes.md or 2017-04-30-online-communities.md; see https://example.org/a and www.example.org."),
      'Edit notes.md or 2017-04-30-online-communities.md; see <a href="https://example.org/a" class="bare-address">https://example.org/a</a> and <a href="http://www.example.org" class="bare-address">www.example.org</a>.',
    );
    // An address that is its own text is marked, so that print does not write it out twice; a link with words is not.
    assert.equal(md.renderInline("<https://example.org/b>"), '<a href="https://example.org/b" class="bare-address">https://example.org/b</a>');
    assert.equal(md.renderInline("[the slides](https://example.org/c)"), '<a href="https://example.org/c">the slides</a>');
    // Written as a link, a .md file is one (to the post's page, below).
    assert.equal(md.renderInline("[notes](notes.md)"), '<a href="notes.md">notes</a>');
  });
});

describe("a post's own files", () => {
  it("lead to the site's copy of an image and to a linked post's page", () => {
    assert.equal(
      md.render("![Hosts](meetup.png) [April](2017-04-30-online-communities.md#t2) [site](https://example.org/x.md)\n\n<img src=\"./meetup.png\" alt=\"Hosts\">\n", env),
      '<p><img src="/posts/meetup.png" alt="Hosts"> <a href="/posts/online-communities/#t2">April</a> <a href="https://example.org/x.md">site</a></p>\n<img src="/posts/meetup.png" alt="Hosts">\n',
    );
  });

  it("lead to the site's copies from raw pictures and media: every srcset candidate, a poster, a video and its captions", () => {
    const body = [
      "<picture>",
      '<source srcset="wide.avif 2x, https://cdn.example/a.avif 1x" type="image/avif">',
      '<img src="meetup.png" srcset="meetup.png 1x, meetup@2x.png 2x" alt="Hosts">',
      "</picture>",
      "",
      'Watch <video controls poster="still.png"><source src="clip.mp4" type="video/mp4"><track src="clip.vtt" kind="captions"></video> now.',
    ].join("\n");
    const html = md.render(body, env);
    assert.match(html, /<source srcset="\/posts\/wide\.avif 2x, https:\/\/cdn\.example\/a\.avif 1x" type="image\/avif">/);
    assert.match(html, /<img src="\/posts\/meetup\.png" srcset="\/posts\/meetup\.png 1x, \/posts\/meetup%402x\.png 2x" alt="Hosts">/);
    assert.match(html, /<video controls poster="\/posts\/still\.png"><source src="\/posts\/clip\.mp4" type="video\/mp4"><track src="\/posts\/clip\.vtt" kind="captions"><\/video>/);
  });

  it("are read from another page's file too, as Eleventy names it", () => {
    assert.equal(md.renderInline("![Team](images/team.png) [first chat](posts/2017-04-30-online-communities.md)", { page: { inputPath: "./content/about.md" } }), '<img src="/images/team.png" alt="Team"> <a href="/posts/online-communities/">first chat</a>');
  });

  it("are left as written outside a site's page (no post or page in the data)", () => {
    assert.equal(md.renderInline("![Hosts](meetup.png)"), '<img src="meetup.png" alt="Hosts">');
  });
});

describe("headings", () => {
  it("get an id from their text, unique in the body and never one of the layout's", () => {
    const html = md.render("# Café & *Co*\n\n## Café & Co\n\n<p id=\"notes\">x</p>\n\n## Notes\n\n## References heading\n\n## T2\n\nSetext\n------\n\n## 🩺\n");
    assert.deepEqual([...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]), ["cafe-and-co", "cafe-and-co-2", "notes-2", "references-heading-2", "t2-2", "setext", "section"]);
  });

  it("keep an id given in raw HTML, and a body without headings is left alone", () => {
    assert.equal(md.render('<h2 id="own">Own</h2>\n'), '<h2 id="own">Own</h2>\n');
    assert.equal(md.render("Text.\n"), "<p>Text.</p>\n");
  });
});
