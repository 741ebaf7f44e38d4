// Links to the site's own addresses and to places in its pages, checked against what a
// build wrote: resolved from the linking page's address as a browser resolves them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { placesInHtml, siteLinkProblems, type BuiltSite, type SiteLink } from "../../lib/site-links.ts";

const FILE = "content/posts/2017-05-07-listening.md";
const URL = "/posts/listening/";
const PAGES: Record<string, string> = {
  "/index.html": '<main id="main"></main>',
  "/about/index.html": '<h2 id="contact">Contact</h2>',
  "/archive/index.html": '<h2 id="year-2017">2017</h2><h2 id="year-2018">2018</h2>',
  "/posts/listening/index.html": '<h2 id="topics-heading"></h2><li id="t1"></li><li id="t2"></li><li id="t3"></li><h2 id="references-heading"></h2>',
  "/posts/online-communities/index.html": '<li id="t1"></li><h2 id="references-heading"></h2>',
  "/posts/no-chat/index.html": '<h2 id="references-heading"></h2>',
  "/tags/caf\u00e9/index.html": "<h1 id=\"tag\"></h1>",
};
const OTHER_FILES = new Set(["/feed.xml", "/calendar.ics", "/posts/listening/chat.ics"]);
const site: BuiltSite = {
  hasFile: (file) => file in PAGES || OTHER_FILES.has(file),
  placesIn: (file) => placesInHtml(PAGES[file] ?? ""),
  addresses: () => Object.keys(PAGES).map((f) => f.slice(0, -"index.html".length)),
};
const link = (href: string, address = href, line = 12): SiteLink => ({ href, line, address });
const problems = (...links: SiteLink[]) => siteLinkProblems([{ file: FILE, url: URL, links }], site);

describe("siteLinkProblems", () => {
  it("accepts pages, files and places that the site has, however the address is written", () => {
    assert.deepEqual(
      problems(
        link("/about/"), link("/about"), link("/about/#contact"), link("/feed.xml"), link("/calendar.ics?x=1"), link("chat.ics"),
        link("#t3"), link("#references-heading"), link("../online-communities/#t1"), link("/tags/caf%C3%A9/"), link("/archive/?y=2017#year-2018"),
        link("?q=chat"), link("/"), link("2017-04-30-online-communities.md#t1", "/posts/online-communities/#t1"),
      ),
      [],
    );
  });

  it("reports an address of the site with no page or file, at its line, with the nearest address", () => {
    const [missing, file] = problems(link("/abuot/", "/abuot/", 7), link("/nothing-like-it.html", undefined, 9));
    assert.deepEqual([missing!.file, missing!.line, missing!.severity], [FILE, 7, "error"]);
    assert.equal(missing!.message, "the link to /abuot/ leads to no page or file of the site");
    assert.match(missing!.fix ?? "", /^did you mean \/about\/\? Write an address of the site from its root, starting with "\/"/);
    assert.equal(file!.message, "the link to /nothing-like-it.html leads to no page or file of the site");
    assert.match(file!.fix ?? "", /^Write an address of the site from its root/);
  });

  it("resolves a relative address from the page's address, says where it leads, and suggests it from the site's root", () => {
    const [up] = problems(link("../about/"));
    assert.equal(up!.message, "the link to ../about/ leads to no page or file of the site (from this page's address, /posts/listening/, it leads to /posts/about/)");
    assert.match(up!.fix ?? "", /^did you mean \/about\/\?/);
    const [archive] = problems(link("archive/#year-2017"));
    assert.match(archive!.message, /it leads to \/posts\/listening\/archive\/\)$/);
    assert.match(archive!.fix ?? "", /^did you mean \/archive\/#year-2017\?/);
  });

  it("leaves a post's address written as one to the checks between posts: a draft or a post still to come is not built", () => {
    assert.deepEqual(problems(link("/posts/draft/"), link("/posts/scheduled/#t1"), link("2030-01-01-scheduled.md#t1", "/posts/scheduled/#t1")), []);
  });

  it("reports a place a page does not have: a topic with the page's topics, anything else with the nearest id", () => {
    const [topic, heading, other, none, elsewhere] = problems(
      link("#t9"), link("#reference-heading"), link("/posts/online-communities/#t4"), link("/posts/no-chat/#t1"), link("/archive/#2017"),
    );
    assert.equal(topic!.message, 'the link to #t9 leads to no place on this page: nothing on it has the id "t9"');
    assert.equal(topic!.fix, "this page has the topics #t1 to #t3");
    assert.equal(heading!.fix, "did you mean #references-heading?");
    assert.equal(other!.message, 'the link to /posts/online-communities/#t4 leads to /posts/online-communities/, which has no place "t4": nothing on it has that id');
    assert.equal(other!.fix, "/posts/online-communities/ has one topic, #t1");
    assert.equal(none!.fix, '/posts/no-chat/ has no topics: link to it without "#t1"');
    assert.equal(elsewhere!.fix, 'link to /archive/ without "#2017"');
  });

  it("decodes the place as the browser does, and ignores places in files that are not pages", () => {
    const pages: Record<string, string> = { ...PAGES, "/posts/listening/index.html": '<h2 id="café">x</h2>' };
    const decoded: BuiltSite = { ...site, placesIn: (file) => placesInHtml(pages[file] ?? "") };
    assert.deepEqual(siteLinkProblems([{ file: FILE, url: URL, links: [link("#caf%C3%A9"), link("/feed.xml#x")] }], decoded), []);
  });

  it("reports every broken link of every page", () => {
    const found = siteLinkProblems(
      [
        { file: FILE, url: URL, links: [link("/a/", "/a/", 3), link("#t7", "#t7", 4)] },
        { file: "content/about.md", url: "/about/", links: [link("posts/", "posts/", 5)] },
      ],
      site,
    );
    assert.deepEqual(found.map((p) => [p.file, p.line]), [[FILE, 3], [FILE, 4], ["content/about.md", 5]]);
    assert.match(found[2]!.message, /from this page's address, \/about\/, it leads to \/about\/posts\//);
  });
});

describe("placesInHtml", () => {
  it("finds every id, however quoted, and the names of <a name> anchors, decoded", () => {
    const html = `<h2 id="a">A</h2><p class="x" id='b'>B</p><div data-x=">" id=c></div><a name="old"></a><input name="q"><span data-id="no"></span><h3 id="caf&eacute;&amp;co"></h3>`;
    assert.deepEqual([...placesInHtml(html)].sort(), ["a", "b", "c", "café&co", "old"]);
  });
});
