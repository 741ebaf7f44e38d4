// Links to files of the site: a post by its file, or a file next to the post. One that
// is missing, or of a kind that is not published, is an error at its line.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bodyLinks } from "../../lib/body-links.ts";
import { ownSiteAddress } from "../../lib/site-url.ts";

const FILE = "content/posts/2017-05-07-listening.md";
const files = new Set(["content/posts/2017-04-30-online-communities.md", "content/about.md", "content/posts/slides.pdf", "content/files/survey.csv", "content/posts/notes.txt", "content/posts/deck.PDF"]);
// A body of the post FILE whose first line is line 10 of the file, next to `files`.
const linksIn = (body: string) => bodyLinks(body, FILE, 10, (rel) => files.has(rel));
const found = (body: string) => linksIn(body).problems;
const problems = (body: string) => found(body).map((p) => [p.line, p.message]);

describe("bodyLinks: problems", () => {
  it("accepts links to posts, pages and files that exist, and every other link", () => {
    assert.deepEqual(
      problems(
        "See [last week](2017-04-30-online-communities.md#t1), [about](../about.md), [slides](slides.pdf#page=3),\n" +
          "[the survey](/files/survey.csv), [a site](https://example.org/x.md), [a page](/posts/online-communities/),\n" +
          "[the calendar](/calendar.ics), www.example.org/x.pdf and <a href=\"slides.pdf\">raw</a>.",
      ),
      [],
    );
  });

  it("reports a link to a post that is not there, or outside content/, at its line", () => {
    assert.deepEqual(problems("Intro.\n\nSee [last week](2017-04-30-online-community.md)\nand [the README](../../README.md)."), [
      [12, "the link to 2017-04-30-online-community.md leads to no post (looked for content/posts/2017-04-30-online-community.md)"],
      [13, "the link to ../../README.md leads to no post (looked for README.md)"],
    ]);
  });

  it("reports a missing file, and a web address written without https://, with the fix", () => {
    const [slides, web] = found("[slides](slide.pdf)\n\n[the study](www.nature.com/articles/s41586)");
    assert.equal(slides!.line, 10);
    assert.equal(slides!.message, "the link to slide.pdf leads to no file (looked for content/posts/slide.pdf)");
    assert.match(slides!.fix ?? "", /check the file name/);
    assert.equal(web!.line, 12);
    assert.equal(web!.fix, "write the web address with https:// in front: https://www.nature.com/articles/s41586");
  });

  it("reports a file of a kind the site does not publish, and how to fix it; an upper-case ending is published", () => {
    const problems = found("[notes](notes.txt) and [deck](deck.PDF)");
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^the link to notes\.txt leads to a file the site does not publish: it copies files ending in .*\.pdf/);
    assert.match(problems[0]!.fix ?? "", /save the file as PDF/);
  });

  it("reads raw <a> tags at their lines, and no link in code", () => {
    assert.deepEqual(problems('Text\n\n<p>\n<a href="gone.pdf">x</a></p>\n\nand <a href="also-gone.pdf">y</a>'), [
      [13, "the link to gone.pdf leads to no file (looked for content/posts/gone.pdf)"],
      [15, "the link to also-gone.pdf leads to no file (looked for content/posts/also-gone.pdf)"],
    ]);
    assert.deepEqual(problems("`[x](missing.md)`\n\n    [y](missing.pdf)\n"), []);
  });

  it("reads reference-style links", () => {
    assert.deepEqual(problems("See [the slides][s].\n\n[s]: slide.pdf"), [[10, "the link to slide.pdf leads to no file (looked for content/posts/slide.pdf)"]]);
  });

  it("points at the column where each address is written", () => {
    const body =
      "[gone.pdf](gone.pdf), then [again](gone.pdf) and [x](<my notes.pdf>)\n" +
      "> - quoted in a list: [y](résumé.pdf) and <a href=\"raw.pdf\">z</a>\n" +
      '<p><a class="x"\n   href="late.pdf">tag over two lines</a></p>\n\n' +
      "See [the slides][s].\n\n[s]: slide.pdf";
    const at = found(body).map((p) => [p.line, p.column, body.split("\n")[p.line! - 10]!.slice(p.column! - 1, p.column! + 7)]);
    assert.deepEqual(at, [
      [10, 12, "gone.pdf"], // the address, not the link's text before it
      [10, 36, "gone.pdf"], // the same address again: its own column
      [10, 55, "my notes"],
      [11, 27, "résumé.p"],
      [11, 52, "raw.pdf\""],
      [13, 10, "late.pdf"], // the line of the attribute, not of the tag's start
      [15, undefined, ""], // a reference's address is on another line: the line alone
    ]);
  });
});

describe("bodyLinks: links to other posts", () => {
  it("are kept with their lines, by file or by address, for the checks between posts", () => {
    const { posts } = linksIn(
      "See [last week](2017-04-30-online-communities.md#t1) and [again](/posts/online-communities/#t2),\n" +
        "<a href=\"/posts/caf%C3%A9\">raw</a>, [a missing one](2017-04-30-gone.md), [about](../about.md),\n[slides](slides.pdf) and [home](/).",
    );
    assert.deepEqual(posts, [
      { href: "2017-04-30-online-communities.md#t1", line: 10, column: 17, file: "content/posts/2017-04-30-online-communities.md" },
      { href: "/posts/online-communities/#t2", line: 10, column: 66, url: "/posts/online-communities/" },
      { href: "/posts/caf%C3%A9", line: 11, column: 10, url: "/posts/café/" },
    ]);
  });
});

describe("bodyLinks: links to the site's addresses and places in pages", () => {
  it("keeps, with their lines, the links only the built site can answer: its addresses, #places and a post's place by file", () => {
    const { site } = linksIn(
      "See [T2](#t2), [about](/about/), [up](../about/), [feed](/feed.xml)\n" +
        "[April's T1](2017-04-30-online-communities.md#t1), [search](?q=x) and <a href=\"/archive/#year-2017\">raw</a>.",
    );
    assert.deepEqual(site, [
      { href: "#t2", line: 10, column: 10, address: "#t2" },
      { href: "/about/", line: 10, column: 24, address: "/about/" },
      { href: "../about/", line: 10, column: 39, address: "../about/" },
      { href: "/feed.xml", line: 10, column: 58, address: "/feed.xml" },
      { href: "2017-04-30-online-communities.md#t1", line: 11, column: 14, address: "/posts/online-communities/#t1" },
      { href: "?q=x", line: 11, column: 61, address: "?q=x" },
      { href: "/archive/#year-2017", line: 11, column: 80, address: "/archive/#year-2017" },
    ]);
  });

  it("leaves out other sites, mail, files, posts by file without a place, an empty # and links with problems", () => {
    const { site } = linksIn(
      "[a](https://example.org/), [b](//cdn.example.org/x), [c](mailto:a@example.org), [d](#), [e](slides.pdf),\n" +
        "[f](/files/survey.csv), [g](2017-04-30-online-communities.md), [h](gone.pdf), [i](www.example.org/x) and https://example.org/y",
    );
    assert.deepEqual(site, []);
  });
});

describe("bodyLinks: this site's pages written as full addresses", () => {
  const BASE = "https://careleaders.example/chat/";
  const withBase = (body: string) => bodyLinks(body, FILE, 10, (rel) => files.has(rel), BASE);

  it("are links to the site: a post's address is checked as a post, the rest on the built site", () => {
    const { posts, site, problems } = withBase(
      "See [last week](https://careleaders.example/chat/posts/online-comunities/#t2) and [about](http://www.careleaders.example/chat/about/).\n" +
        "Pasted: https://careleaders.example/chat/posts/caf%C3%A9 and https://example.org/chat/posts/x/, [home](https://careleaders.example/chat).",
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(posts, [
      { href: "https://careleaders.example/chat/posts/online-comunities/#t2", line: 10, column: 17, url: "/posts/online-comunities/" },
      { href: "https://careleaders.example/chat/posts/caf%C3%A9", line: 11, column: 9, url: "/posts/café/" },
    ]);
    assert.deepEqual(site.map((l) => [l.line, l.address]), [
      [10, "/posts/online-comunities/#t2"],
      [10, "/about/"],
      [11, "/posts/caf%C3%A9"],
      [11, "/"],
    ]);
  });

  it("leave out the same host outside the site's prefix, other schemes, and any site without a base", () => {
    const body = "[a](https://careleaders.example/other/posts/x/), [b](ftp://careleaders.example/chat/x), [c](https://careleaders.example.org/chat/posts/x/)";
    assert.deepEqual(withBase(body).posts, []);
    assert.deepEqual(withBase(body).site, []);
    assert.deepEqual(linksIn("[a](https://careleaders.example/chat/posts/x/)").posts, []);
  });
});

describe("ownSiteAddress", () => {
  it("gives the address from the site's root, without the prefix, with its query and place", () => {
    assert.equal(ownSiteAddress("https://careleaders.example/posts/x/?a=1#t2", "https://careleaders.example/"), "/posts/x/?a=1#t2");
    assert.equal(ownSiteAddress("HTTP://WWW.careleaders.example/repo/feed.xml", "https://careleaders.example/repo/"), "/feed.xml");
    assert.equal(ownSiteAddress("https://careleaders.example/repo", "https://careleaders.example/repo/"), "/");
    assert.equal(ownSiteAddress("https://careleaders.example/repository/x", "https://careleaders.example/repo/"), undefined);
    assert.equal(ownSiteAddress("https://careleaders.example:8080/x", "https://careleaders.example/"), undefined);
    assert.equal(ownSiteAddress("/posts/x/", "https://careleaders.example/"), undefined);
    assert.equal(ownSiteAddress("https://[bad", "https://careleaders.example/"), undefined);
  });
});

describe("bodyLinks: an address with a space, which markdown shows as typed", () => {
  const spaced = new Set(["content/posts/meetup slides.pdf"]);
  const report = (body: string) => bodyLinks(body, FILE, 10, (rel) => spaced.has(rel)).problems.map((p) => [p.line, p.column, p.message, p.fix]);

  it("is an error at the link, giving the file renamed and the address in angle brackets", () => {
    assert.deepEqual(report("Intro.\nSee [the slides](meetup slides.pdf) today."), [
      [11, 5, "the link [the slides](meetup slides.pdf) is shown as typed, not as a link: its address has a space in it",
        "rename the file to meetup-slides.pdf and write [the slides](meetup-slides.pdf), or write the address in angle brackets: [the slides](<meetup slides.pdf>)"],
    ]);
  });

  it("names a picture as a picture, and a file that is not there", () => {
    assert.deepEqual(report("![Two hosts](my photo.png)"), [
      [10, 1, "the picture ![Two hosts](my photo.png) is shown as typed, not as a picture: its address has a space in it",
        "check the file name (no file content/posts/my photo.png is there), or write the address in angle brackets: ![Two hosts](<my photo.png>)"],
    ]);
  });

  it("gives a web address %20 for each space", () => {
    assert.deepEqual(report("[the report](https://example.org/annual report.pdf)").map((p) => p[3]), ["write %20 for each space: [the report](https://example.org/annual%20report.pdf)"]);
  });

  it("leaves alone prose in brackets and parentheses, code, and the address in angle brackets, which works", () => {
    // `[sic](as written)`, with no space before the "(", is a link to no post: tests/unit/body-slips.test.ts.
    assert.deepEqual(report("He said [sic] (as written) and \\[1](see the notes).\n\n`[x](a b.pdf)`\n\n    [x](a b.pdf)\n\n[ok](<meetup slides.pdf>)"), []);
  });
});

describe("bodyLinks: a web address ending in a sentence's punctuation", () => {
  const slips = (body: string) => found(body).map((p) => [p.severity, p.line, p.column, p.message, p.fix]);

  it("warns at the address, with the address to write instead", () => {
    assert.deepEqual(slips("Intro.\n\nRead [the study](https://example.org/page.) first."), [
      [
        "warning",
        12,
        18,
        'the address https://example.org/page. ends in ".", which is part of the link: it most likely belongs to the sentence, and the link may lead to a page that does not exist',
        'write the address without it: https://example.org/page (put the "." after the link if the sentence needs it)',
      ],
    ]);
  });

  it("warns for each of . , ; : ! an empty query's ? and an unmatched ), in links, autolinks and raw <a>", () => {
    const body = [
      "[a](https://example.org/a,) [b](https://example.org/b;) [c](https://example.org/c:)",
      "[d](https://example.org/d!) [e](https://example.org/e?) [f](<https://example.org/f)>)",
      '<https://example.org/g.> and <a href="http://example.org/h.">h</a>',
    ].join("\n");
    assert.deepEqual(
      found(body).map((p) => [p.severity, p.line, p.column, p.fix!.split(" (")[0]]),
      [
        ["warning", 10, 5, "write the address without it: https://example.org/a"],
        ["warning", 10, 33, "write the address without it: https://example.org/b"],
        ["warning", 10, 61, "write the address without it: https://example.org/c"],
        ["warning", 11, 5, "write the address without it: https://example.org/d"],
        ["warning", 11, 33, "write the address without it: https://example.org/e"],
        ["warning", 11, 62, "write the address without it: https://example.org/f"],
        ["warning", 12, 2, "write the address without it: https://example.org/g"],
        ["warning", 12, 39, "write the address without it: http://example.org/h"],
      ],
    );
  });

  it("points at a reference-style link's definition, once however often it is used", () => {
    assert.deepEqual(
      found("See [the study][s] and [again][s].\n\n[s]: https://example.org/study.").map((p) => [p.line, p.column]),
      [[12, 6]],
    );
  });

  it("leaves alone a ) of the address's own (, a ? with a query, other endings, local and mail addresses, bare addresses and code", () => {
    const body = [
      "[Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) [q](https://example.org/s?q=a?) [p](https://example.org/p)",
      "[slash](https://example.org/) [hash](https://example.org/#top) [mail](mailto:chat@example.org.) [local](/about/.)",
      "A bare https://example.org/bare. at the end, and `[x](https://example.org/code.)`.",
      "",
      "    [y](https://example.org/indented.)",
    ].join("\n");
    assert.deepEqual(slips(body), []);
  });
});
