// The announcement page, built from the fixture site, shows everything issue #2 promises.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildSite, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

let site: BuiltSite;
before(async () => {
  site = await buildSite();
});

describe("announcement page", () => {
  it("shows title, author, publish date and body", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    assert.equal(text(doc.querySelector("h1")), "Online Communities");
    assert.equal(text(doc.querySelector(".post-author")), "Colin Hung");
    assert.equal(doc.querySelector(".post-date")?.getAttribute("datetime"), "2017-04-30");
    assert.equal(text(doc.querySelector(".post-date")), "April 30, 2017");
    assert.equal(text(doc.querySelector(".post-body strong")), "markdown");
    assert.match(text(doc.querySelector("title")), /^Online Communities · Fixture Chat$/);
  });

  it("shows the image with its alt text and credit, and copies the file", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    const img = doc.querySelector(".post-image img");
    assert.equal(img?.getAttribute("alt"), "Two chat hosts at a conference meetup");
    assert.equal(img?.getAttribute("src"), "/posts/meetup.png");
    assert.ok(site.exists("posts/meetup.png"));
    assert.equal(text(doc.querySelector(".post-image figcaption")), "Image: Colin Hung");
  });

  it("gives the chat time in the host zone with abbreviation and the offset in force (EDT in May)", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    // "EDT" is shown, and screen readers are told "Eastern Daylight Time" in its place.
    assert.equal(text(doc.querySelector(".chat-when time")), "Tuesday, May 2, 2017, 8:30 PM EDT Eastern Daylight Time (UTC−4)");
    assert.equal(text(doc.querySelector('.chat-when time [aria-hidden="true"]')), "EDT");
    assert.equal(text(doc.querySelector(".chat-when time .visually-hidden")), "Eastern Daylight Time");
    assert.equal(doc.querySelector(".chat-when time")?.getAttribute("datetime"), "2017-05-02T20:30:00-04:00");
    assert.equal(doc.querySelector(".chat-utc time")?.getAttribute("datetime"), "2017-05-03T00:30:00Z");
    assert.equal(text(doc.querySelector(".chat-hashtag")), "#hcldr");
    assert.equal(text(doc.querySelector(".chat-duration")), "1 hour");
  });

  it("links readers to the live page of the chat's own hashtag, the site's for the site's hashtag", () => {
    // The site follows #fixchat at https://bsky.app/hashtag/fixchat; this post's chat is #hcldr.
    const own = dom(site.read("posts/online-communities/index.html"));
    assert.equal(own.querySelector(".chat-follow")?.getAttribute("href"), "https://bsky.app/hashtag/hcldr");
    assert.equal(text(own.querySelector(".chat-follow")), "Bluesky");
    const copies = [...own.querySelectorAll(".topic-list .copy-topic")].map((b) => b.getAttribute("data-copy"));
    assert.equal(copies[0], "T1 Should healthcare vendors join online communities or stay clear? #hcldr");
    const siteTag = dom(site.read("posts/after-dst/index.html"));
    assert.equal(siteTag.querySelector(".chat-follow")?.getAttribute("href"), "https://bsky.app/hashtag/fixchat");
  });

  it("says where a chat on a platform of its own happens and links its address; the footer stays the site's", () => {
    const html = site.read("posts/escaping/index.html");
    const where = dom(html).querySelector(".chat-follow")!;
    assert.equal(text(where), "Q&A <Room>, Zoom");
    assert.equal(where.getAttribute("href"), "https://meet.example/j/123?pwd=a&b=2");
    assert.match(html, /<a class="chat-follow" href="https:\/\/meet\.example\/j\/123\?pwd=a&amp;b=2">Q&amp;A &lt;Room&gt;, Zoom<\/a>/);
    const footer = [...dom(html).querySelectorAll("footer a")].find((a) => text(a) === "#fixchat on Bluesky");
    assert.equal(footer?.getAttribute("href"), "https://bsky.app/hashtag/fixchat");
  });

  it("uses the other offset after the DST change, with the site's default zone and hashtag", () => {
    const doc = dom(site.read("posts/after-dst/index.html"));
    assert.equal(text(doc.querySelector(".chat-when time")), "Tuesday, November 7, 2017, 8:30 PM EST Eastern Standard Time (UTC−5)");
    assert.equal(doc.querySelector(".chat-utc time")?.getAttribute("datetime"), "2017-11-08T01:30:00Z");
    assert.equal(text(doc.querySelector(".chat-hashtag")), "#fixchat");
  });

  it("handles a southern-hemisphere zone on daylight time and a custom duration", () => {
    const doc = dom(site.read("posts/escaping/index.html"));
    assert.equal(doc.querySelector(".chat-when time")?.getAttribute("datetime"), "2018-02-14T12:30:00+11:00");
    assert.match(text(doc.querySelector(".chat-when time")), /\(UTC\+11\)$/);
    assert.equal(text(doc.querySelector(".chat-duration")), "45 minutes");
  });

  it("lists topics T1…Tn, each with its own anchor", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    const items = [...doc.querySelectorAll(".topic-list > li")];
    assert.deepEqual(items.map((li) => li.id), ["t1", "t2"]);
    assert.deepEqual(items.map((li) => text(li.querySelector(".topic-label"))), ["T1", "T2"]);
    assert.equal(text(items[0]!.querySelector(".topic-text")), "Should healthcare vendors join online communities or stay clear?");
  });

  it("formats references in APA with DOI and URL links, sorted by author", () => {
    const doc = dom(site.read("posts/online-communities/index.html"));
    const entries = [...doc.querySelectorAll(".references > li")];
    assert.deepEqual(entries.map((e) => e.id), ["ref-smailhodzic2016", "ref-vartabedian2017", "ref-ventola2014"]);
    const first = text(entries[0]);
    assert.match(first, /^Smailhodzic, E\., & Hooijsma, W\. \(2016\)\. Social media use in healthcare/);
    assert.match(first, /BMC Health Services Research, 16, 442\./);
    assert.equal(entries[0]!.querySelector("a")?.getAttribute("href"), "https://doi.org/10.1186/s12913-016-1691-0");
    assert.match(text(entries[2]), /Pharmacy and Therapeutics, 39\(7\), 491–520\./);
    assert.equal(entries[1]!.querySelector("a")?.getAttribute("href"), "https://33charts.com/disclosure-doctors-social-media/");
    assert.doesNotMatch(doc.querySelector(".references")!.innerHTML, /n\.d\./);
  });

  it("escapes every front-matter string", () => {
    const html = site.read("posts/escaping/index.html");
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<Bold>/);
    assert.doesNotMatch(html, /<script>tag/);
    assert.doesNotMatch(html, /<Sons>|<Co>|<Room>/);
    const doc = dom(html);
    assert.equal(text(doc.querySelector("h1")), `Quotes " & <script>alert('title')</script>`);
  });
});

describe("home and other pages", () => {
  it("shows the next upcoming chat first, then every published post newest first", () => {
    const doc = dom(site.read("index.html"));
    assert.equal(text(doc.querySelector(".next-chat h1 a")), "The upcoming chat");
    const titles = [...doc.querySelectorAll(".posts > li > a")].map((a) => text(a));
    assert.deepEqual(titles, [
      "The upcoming chat",
      `Quotes " & <script>alert('title')</script>`,
      "After the clocks change",
      "Online Communities",
    ]);
  });

  it("publishes neither drafts nor future-dated posts", () => {
    assert.ok(!site.exists("posts/draft/index.html"));
    assert.ok(!site.exists("posts/scheduled/index.html"));
    assert.doesNotMatch(site.read("index.html"), /draft that must not|scheduled post/);
  });

  it("publishes a scheduled post on its date", async () => {
    // Midnight in New York, where the fixture's chats are hosted.
    const later = await buildSite(undefined, { env: { CHATPOST_NOW: "2030-01-01T00:00:00-05:00" } });
    assert.ok(later.exists("posts/scheduled/index.html"));
    assert.ok(!later.exists("posts/draft/index.html"));
  });

  it("has an about page and a 404 page", () => {
    assert.match(text(dom(site.read("about/index.html")).querySelector("h1")), /About/);
    assert.match(text(dom(site.read("404.html")).querySelector("h1")), /not found/);
  });
});
