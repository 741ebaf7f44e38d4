// The home page of a site whose title holds characters HTML escapes (`Nurses' Health & Care
// <Chat>`): its title, as the tab and link previews show it, escaped once; and its "next chat",
// whose zone abbreviation a screen reader hears as the zone's name, as on the post's page.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const TITLE = `Nurses' Health & Care <Chat> "weekly"`;
let site: BuiltSite;
before(async () => {
  site = await buildSite(copySiteWith(FIXTURE_SITE, { settings: (yaml) => yaml.replace(/^title: .*$/m, `title: '${TITLE.replace(/'/g, "''")}'`) }));
});

describe("a site title with characters HTML escapes", () => {
  it("is the home page's title, escaped once, not followed by itself again", () => {
    const html = site.read("index.html");
    const doc = dom(html);
    assert.equal(doc.title, TITLE);
    assert.equal(doc.querySelector('meta[property="og:title"]')!.getAttribute("content"), TITLE);
    assert.equal(doc.querySelector('meta[name="twitter:title"]')!.getAttribute("content"), TITLE);
    assert.doesNotMatch(html, /&amp;#39;|&amp;amp;|&amp;lt;/);
  });

  it("follows each other page's title once", () => {
    const about = dom(site.read("about/index.html"));
    assert.match(about.title, new RegExp(` · ${TITLE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    assert.doesNotMatch(site.read("about/index.html"), /&amp;#39;|&amp;amp;/);
  });
});

describe("the home page's next chat", () => {
  it("hides the zone's letters from screen readers and says its name, as the post's page does", () => {
    const when = dom(site.read("index.html")).querySelector(".next-chat .chat-when time")!;
    assert.equal(when.querySelector('[aria-hidden="true"]')?.textContent, "EST");
    assert.equal(when.querySelector(".visually-hidden")?.textContent, " Eastern Standard Time");
    assert.match(text(when), /^Tuesday, December 1, 2026, 8:30 PM EST Eastern Standard Time \(UTC−5\)$/);
    const onPost = dom(site.read("posts/upcoming/index.html")).querySelector(".chat-block .chat-when time")!;
    assert.equal(when.innerHTML, onPost.innerHTML);
  });
});
