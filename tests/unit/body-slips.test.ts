// Writers' slips in a body that used to pass without a word: a post linked by its title
// (shown as typed), a post's file name without `.md` or with `.html` (found by the build
// only, with no "did you mean"), pasted HTML that runs a script or restyles the page, and
// markdown inside an HTML block (shown with its asterisks). Each at its line and column,
// with a fix that works as written; code is never reported.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { bodyHtmlProblems } from "../../lib/body-html.ts";
import { bodyLinks, likelyPost, sitePostsIn, type SitePost } from "../../lib/body-links.ts";
import { createMarkdown } from "../../lib/markdown.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FILE = "content/posts/2017-05-07-listening.md";
const POSTS: SitePost[] = [
  { file: "content/posts/2017-04-30-online-communities.md", title: "Vendors, sponsors and the online health community" },
  { file: "content/posts/2017-11-03-after-dst.md", title: "After the clocks change" },
  { file: "content/posts/2018/2018-02-09-guest-host.md", title: "Guest host from Sydney: nurses online" },
  { file: FILE, title: "Listening" },
];
const files = new Set([...POSTS.map((p) => p.file), "content/about.md", "content/posts/slides.pdf"]);
const exists = (rel: string) => files.has(rel);
// A body of FILE starting on line 10, with the site's posts known (as the loaders give them) or not.
const links = (body: string, posts: readonly SitePost[] | null = POSTS, file = FILE) => bodyLinks(body, file, 10, exists, undefined, posts ? () => posts : undefined).problems;
const brief = (body: string, posts: readonly SitePost[] | null = POSTS) => links(body, posts).map((p) => [p.severity, p.line, p.column, p.fix]);
const html = (body: string) => bodyHtmlProblems(body, FILE, 1);
const at = (body: string) => html(body).map((p) => [p.severity, p.line, p.column]);

describe("a link to another post by its title, shown as typed", () => {
  it("is an error at the link naming the post its words most likely mean, with the link to write", () => {
    // What it guards against: markdown shows the brackets.
    assert.equal(createMarkdown().render("[last week](Online Communities)").trim(), "<p>[last week](Online Communities)</p>");
    const [p, ...rest] = links("Intro.\nAs [last week](Vendors sponsors and the online health community) showed.");
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column, p!.field], ["error", 11, 4, ""]);
    assert.equal(
      p!.message,
      'the link [last week](Vendors sponsors and the online health community) is shown as typed, not as a link: a link\'s address cannot have spaces, and a post is linked by its file name (this looks like the post "Vendors, sponsors and the online health community", content/posts/2017-04-30-online-communities.md)',
    );
    assert.equal(p!.fix, "write [last week](2017-04-30-online-communities.md)");
  });

  it("matches the post's address name or file name, a near spelling, or the only title holding the words", () => {
    assert.deepEqual(
      brief("[that chat](Online Communities), [a](2017-11-03 after dst), [b](after the clock change)\n[c](Guest host from Sydney nurses online) and [d](online health community)"),
      [
        ["error", 10, 1, "write [that chat](2017-04-30-online-communities.md)"],
        ["error", 10, 34, "write [a](2017-11-03-after-dst.md)"],
        ["error", 10, 61, "write [b](2017-11-03-after-dst.md)"],
        ["error", 11, 1, "write [c](2018/2018-02-09-guest-host.md)"],
        ["error", 11, 47, "write [d](2017-04-30-online-communities.md)"],
      ],
    );
  });

  it("gives the address from the linking file's folder: another page, or a post in a year's folder", () => {
    assert.deepEqual(links("See [our first chat](Online Communities).", POSTS, "content/about.md").map((p) => p.fix), ["write [our first chat](posts/2017-04-30-online-communities.md)"]);
    assert.deepEqual(links("[back](Online Communities)", POSTS, "content/posts/2018/2018-02-09-guest-host.md").map((p) => p.fix), ["write [back](../2017-04-30-online-communities.md)"]);
  });

  it("is a warning when no post is like it, saying how to link a post or a page, or to show it as typed", () => {
    const [p, ...rest] = links("As noted [1](see below).");
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["warning", 10, 10]);
    assert.equal(p!.message, 'the link [1](see below) is shown as typed, not as a link: a link\'s address cannot have spaces, and no post of the site has a title or file name like "see below"');
    assert.equal(p!.fix, "link another post by its file name, e.g. [1](2017-04-30-online-communities.md), or a web page by its full address: [1](https://…); to show the brackets as typed, write \\[1](see below)");
    // Without the site's posts (a caller that does not give them): the same slip, with no claim about the posts.
    assert.deepEqual(brief("[that chat](Online Communities)", null).map((p) => p[0]), ["warning"]);
    // Not knowing the site's posts, the example is a pattern, never a post another site has.
    assert.match(links("[x](a b)", null)[0]!.fix!, /e\.g\. \[x\]\(YYYY-MM-DD-title\.md\), with the name of that post's file in content\/posts\//);
  });

  it("leaves alone a space before the (, escaped brackets, code, links with a title, angle brackets and pictures", () => {
    const body = [
      "He said [sic] (see below), \\[1](see below) and `[x](Online Communities)`.",
      '[the slides](slides.pdf "The slides") and [a site](https://example.org "Example site") and [ok](<Online Communities>)',
      "![a chart](chart of the week)",
      "",
      "```",
      "[x](Online Communities)",
      "```",
      "",
      "    [y](Online Communities)",
    ].join("\n");
    assert.deepEqual(brief(body), []);
  });

  it("likelyPost: nothing for words no post is near, or too few words to tell one title", () => {
    assert.equal(likelyPost("see below", POSTS), undefined);
    assert.equal(likelyPost("online", POSTS), undefined);
    assert.equal(likelyPost("!!", POSTS), undefined);
    assert.equal(likelyPost("online-communities.html", POSTS)?.file, "content/posts/2017-04-30-online-communities.md");
  });

  it("sitePostsIn: the posts of a site with their titles as readers see them", () => {
    const posts = sitePostsIn(new URL("../fixtures/site/", import.meta.url).pathname);
    assert.deepEqual(posts.find((p) => p.file.endsWith("online-communities.md")), { file: "content/posts/2017-04-30-online-communities.md", title: "Online Communities" });
    assert.equal(posts.find((p) => p.file.endsWith("escaping.md"))?.title, "Quotes \" & <script>alert('title')</script>");
    assert.deepEqual(sitePostsIn("/nowhere"), []);
  });
});

describe("a post linked by its file name without .md, or with .html", () => {
  it("is an error naming the file to write, found without building the site", () => {
    const [p, ...rest] = links("Intro.\n\nSee [the post](2017-04-30-online-communities).", null);
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["error", 12, 16]);
    assert.equal(
      p!.message,
      "the link to 2017-04-30-online-communities leads to no page of the site (from this page's address, /posts/listening/, it leads to /posts/listening/2017-04-30-online-communities): a post is linked by its file name, ending in .md",
    );
    assert.equal(p!.fix, "write 2017-04-30-online-communities.md (content/posts/2017-04-30-online-communities.md, at /posts/online-communities/)");
  });

  it("keeps the place in the page, reads .html and a trailing /, and raw <a> too", () => {
    assert.deepEqual(
      brief('[a](2017-04-30-online-communities.html#t2) [b](2017-04-30-online-communities/) <a href="2017-11-03-after-dst.htm">c</a>', null),
      [
        ["error", 10, 5, "write 2017-04-30-online-communities.md#t2 (content/posts/2017-04-30-online-communities.md, at /posts/online-communities/)"],
        ["error", 10, 48, "write 2017-04-30-online-communities.md (content/posts/2017-04-30-online-communities.md, at /posts/online-communities/)"],
        ["error", 10, 89, "write 2017-11-03-after-dst.md (content/posts/2017-11-03-after-dst.md, at /posts/after-dst/)"],
      ],
    );
    assert.match(links("[a](2017-04-30-online-communities.html)", null)[0]!.message, /\(the site's pages have no \.html addresses\)/);
  });

  it("suggests the nearest post's file for a slip in a dated name, or a post's address name with .html", () => {
    assert.deepEqual(brief("[a](2017-04-30-online-comunities) and [b](/posts/after-dst.html)").map((p) => p[3]), [
      'did you mean 2017-04-30-online-communities.md? (the post "Vendors, sponsors and the online health community", content/posts/2017-04-30-online-communities.md, at /posts/online-communities/)',
      'did you mean 2017-11-03-after-dst.md? (the post "After the clocks change", content/posts/2017-11-03-after-dst.md, at /posts/after-dst/)',
    ]);
    assert.deepEqual(links("[a](2017-04-30-gone)", null).map((p) => [p.message, p.fix]), [
      ["the link to 2017-04-30-gone leads to no post (looked for content/posts/2017-04-30-gone.md)", "check the file name: link to another post by its file name, ending in .md, e.g. [last week](YYYY-MM-DD-title.md), with the name of that post's file in content/posts/"],
    ]);
  });

  it("leaves alone addresses that lead to the post or page as written, and other pages' names", () => {
    const { problems, site } = bodyLinks("[a](../online-communities/) [b](/about/) [c](../about/) [d](/archive/#year-2017) [e](#t2) [f](slides.pdf)", FILE, 10, exists, undefined, () => POSTS);
    assert.deepEqual(problems, []);
    // Left to the build, which checks them on the site it wrote.
    assert.deepEqual(site.map((l) => l.href), ["../online-communities/", "/about/", "../about/", "/archive/#year-2017", "#t2"]);
  });
});

describe("pasted HTML that runs a script or restyles the page", () => {
  it("a <style> is an error at its tag: it restyles the whole page on every host", () => {
    const [p, ...rest] = html("Intro.\n\n<style>body{display:none}</style>\n");
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column, p!.field], ["error", 3, 1, ""]);
    assert.match(p!.message, /^a <style> in a post restyles the whole page, not just this text: its rules reach the site's header, menus and footer too/);
    assert.equal(p!.fix, "remove the <style>…</style>; for emphasis use markdown (**bold**, _italics_); for a look the site does not have, ask the site's maintainer to add a class to the stylesheet");
    assert.deepEqual(at("Text <STYLE>p{color:red}</STYLE> inline."), [["error", 1, 6]]);
  });

  it("an event handler attribute is an error at the attribute, with what to keep", () => {
    const [p, q] = html('<p class="x" onclick="alert(1)">Hi <a href="https://example.org"\n   onMouseOver="track()">there</a></p>');
    assert.deepEqual([p!.severity, p!.line, p!.column], ["error", 1, 14]);
    assert.equal(p!.message, "the attribute onclick=\"alert(1)\" runs a script: on Netlify and Cloudflare Pages the published site's security policy blocks it, so it works in `npm start` but does nothing there; GitHub Pages runs it; feed readers drop it");
    assert.equal(p!.fix, "remove onclick=\"…\" from the <p>; a script the whole site needs belongs in the layouts (ask the site's maintainer)");
    assert.deepEqual([q!.severity, q!.line, q!.column], ["error", 2, 4]);
    assert.equal(q!.fix, "remove onmouseover=\"…\" from the <a> (a link needs only its address, href=\"https://…\"); a script the whole site needs belongs in the layouts (ask the site's maintainer)");
  });

  it("a javascript: address is an error at the address, also written with character references", () => {
    const found = html('See <a href="javascript:alert(1)">this</a>.\n\n<p><a href=" &#106;avascript:x">that</a><img src="x.png" alt="" srcset="JavaScript:y"></p>');
    assert.deepEqual(found.map((p) => [p.severity, p.line, p.column]), [["error", 1, 14], ["error", 3, 13], ["error", 3, 73]]);
    assert.equal(found[0]!.message, "the address javascript:alert(1) of href= runs a script instead of leading to a page: the published site's security policy (on Netlify and Cloudflare Pages) blocks it, GitHub Pages runs it, and feed readers remove it");
    assert.equal(found[0]!.fix, 'write the address of the page to open instead, e.g. href="https://…", or remove the <a>');
  });

  it("a style attribute is a warning: the site's policy then allows inline styles everywhere", () => {
    const [p, ...rest] = html('Text <span style="color:red">red</span>.');
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column], ["warning", 1, 12]);
    assert.equal(p!.message, "the attribute style=\"color:red\" makes the published site's security policy (on Netlify and Cloudflare Pages) allow inline styles on every page, not just this one, and many feed readers drop it (their readers see the text without it)");
    assert.equal(p!.fix, "remove style=\"…\" from the <span>; for emphasis use markdown (**bold**, _italics_); for colours or layout ask the site's maintainer for a class in the stylesheet");
  });

  it("is not reported in code, in comments, in a script's text, as text, or for harmless attributes", () => {
    const body = [
      'Write `<style>` and `<p onclick="x" style="y">`; onclick= and javascript: in prose are words.',
      "",
      "```html",
      '<style>p{}</style><p onclick="x" style="color:red"><a href="javascript:x">y</a></p>',
      "```",
      "",
      "    <style>indented</style>",
      "",
      '<!-- <p onclick="x" style="y"> --> <p class="note" title="onclick=x" data-on="1">ok</p>',
      "",
      "<p>javascript:void(0) is text here; so is style=\"x\"</p>",
    ].join("\n");
    assert.deepEqual(at(body), []);
    assert.deepEqual(at('<script>var s = "<b onclick=x style=y>";</script>'), [["warning", 1, 1]]);
  });

  it("keeps a post with a style attribute and refuses one with a <style>, at the file's lines", () => {
    const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
    const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
    const head = "---\ntitle: T\ndate: 2017-04-30\n---\n";
    const kept = loadPost("content/posts/2017-04-30-t.md", `${head}Some <span style="color:red">red</span>.\n`, ctx);
    assert.notEqual(kept.post, undefined);
    assert.deepEqual(kept.diagnostics.map((d) => [d.severity, d.line, d.column]), [["warning", 5, 12]]);
    const refused = loadPost("content/posts/2017-04-30-t.md", `${head}Text.\n\n<style>body{display:none}</style>\n`, ctx);
    assert.equal(refused.post, undefined);
    assert.deepEqual(refused.diagnostics.map((d) => [d.severity, d.line, d.column]), [["error", 7, 1]]);
  });
});

describe("markdown inside an HTML block, shown as typed", () => {
  it("is a warning at the first line that has it, with the HTML to write instead", () => {
    const body = "A table:\n\n<table>\n<tr><th>Who</th></tr>\n<tr><td>**Ann**</td></tr>\n<tr><td>_Bo_ and [site](https://example.org)</td></tr>\n</table>\n";
    // What it guards against: the asterisks reach the page.
    assert.match(createMarkdown().render(body), /<td>\*\*Ann\*\*<\/td>/);
    const [p, ...rest] = html(body);
    assert.deepEqual(rest, []);
    assert.deepEqual([p!.severity, p!.line, p!.column, p!.field], ["warning", 5, 9, ""]);
    assert.equal(p!.message, "markdown inside an HTML block is shown as typed: **Ann** appears with its asterisks (and on 1 more line of this block)");
    assert.equal(p!.fix, "write the table in markdown (| a | b |), or use HTML inside the HTML: <strong>Ann</strong>");
  });

  it("names emphasis and links, and outside a table the blank lines that make markdown read", () => {
    const [em] = html("<div>\n<p>An _important_ point</p>\n</div>");
    assert.deepEqual([em!.line, em!.column, em!.fix], [2, 7, "use HTML inside the HTML: <em>important</em>; or leave a blank line before and after the markdown, which is then read as markdown"]);
    assert.match(html("<div>see [the site](https://example.org)</div>")[0]!.fix!, /<a href="https:\/\/example\.org">the site<\/a>/);
    assert.match(html("<div>see [the site](https://example.org)</div>")[0]!.message, /appears with its brackets$/);
  });

  it("is not reported where markdown is read or the characters are meant: blank lines, code, attributes, snake_case, 2 * 3", () => {
    const body = [
      "<div>",
      "",
      "**read as markdown**",
      "",
      "</div>",
      "",
      '<div title="**x**"><code>**kept**</code> <pre>_kept_</pre> snake_case_name, 2 * 3 * 4, a*b <!-- **note** --></div>',
      "",
      "```html",
      "<td>**shown as code**</td>",
      "```",
      "",
      "Inline <span>**bold**</span> is markdown in a paragraph.",
    ].join("\n");
    assert.deepEqual(at(body), []);
  });
});
