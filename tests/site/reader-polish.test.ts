// What a reader audit found, in the built HTML: the subscribe page's help per calendar
// app; the interface's English words marked lang="en" on a site in another language (and
// nothing added on an English one); the structured data's image and description; the
// home page's preview title.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const ORIGIN = "https://careleaders.example";

let english: BuiltSite;
let german: BuiltSite;
let sample: BuiltSite;
before(async () => {
  const germanRoot = copySiteWith(FIXTURE_SITE, {
    settings: (yaml) => yaml.replace(/^language: en-US/m, "language: de-DE"),
    // A corrected post: "Updated" and its date.
    files: { "content/posts/2017-05-05-corrected.md": "---\ntitle: Berichtigt\ndate: 2017-05-05\nupdated: 2017-05-08\n---\nEin Beitrag.\n" },
  });
  [english, german, sample] = await Promise.all([buildSite(), buildSite(germanRoot), buildSite(PROJECT)]);
});

const html = (site: BuiltSite) => site.files().filter((f) => f.endsWith(".html"));
const meta = (doc: Document, key: string): string | null =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
/** The language an element is read in: its own lang or its nearest ancestor's. */
const langOf = (el: Element | null): string | null => el?.closest("[lang]")?.getAttribute("lang") ?? null;

/** Every text node of the body outside scripts, with its words collapsed, and the element holding it. */
function texts(doc: Document): Array<{ words: string; parent: Element }> {
  const found: Array<{ words: string; parent: Element }> = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const words = (child.textContent ?? "").replace(/\s+/g, " ").trim();
        if (words) found.push({ words, parent: child.parentNode as Element });
      } else if (child.nodeType === 1 && !["SCRIPT", "STYLE"].includes((child as Element).tagName)) walk(child);
    }
  };
  walk(doc.body);
  return found;
}

describe("the subscribe page", () => {
  for (const name of ["sample", "fixture"] as const) {
    it(`gives each calendar app's own steps and when updates come (${name} site)`, () => {
      const site = name === "sample" ? sample : english;
      const doc = dom(site.read("subscribe/index.html"));
      const main = text(doc.querySelector("main"));
      // The webcal: link is offered to the apps that answer it, and Google is not one of them.
      const webcal = doc.querySelector('main a[href^="webcal:"]')!;
      const webcalPara = text(webcal.closest("p"));
      assert.match(webcalPara, /Apple Calendar/);
      assert.match(webcalPara, /Outlook/);
      assert.doesNotMatch(webcalPara, /Google/);
      assert.doesNotMatch(main, /every few hours/);
      assert.doesNotMatch(main, /Every announcement has/);
      // Google: on a computer, Other calendars → + → From URL; the phone app cannot add one.
      const items = [...doc.querySelectorAll("main li")].map((li) => text(li));
      const google = items.find((t) => t.startsWith("Google Calendar"))!;
      assert.match(google, /on a computer/);
      assert.match(google, /Other calendars/);
      assert.match(google, /From URL/);
      assert.match(google, /phone app cannot/);
      assert.match(items.find((t) => t.startsWith("Outlook.com"))!, /Add calendar.*Subscribe from web/);
      assert.match(items.find((t) => t.startsWith("Thunderbird"))!, /New Calendar.*On the Network/);
      assert.match(main, /within a few hours/);
      assert.match(main, /Google Calendar in about a day/);
      // The address to paste, in full, with a copy button (shown by the script).
      const address = doc.querySelector(".calendar-address code");
      assert.equal(text(address), `${ORIGIN}/calendar.ics`);
      const copy = doc.querySelector(".calendar-address button.copy-topic");
      assert.equal(copy?.getAttribute("data-copy"), `${ORIGIN}/calendar.ics`);
      assert.ok(doc.querySelector('script[src="/assets/copy-topic.js"]'));
      // One chat's links are on announcements of chats still to come only.
      assert.match(main, /chat still to come/);
    });
  }

  it("is the same page on the sample and the fixture site", () => {
    const read = (root: string) => readFileSync(path.join(root, "content/subscribe.njk"), "utf8");
    assert.equal(read(FIXTURE_SITE), read(PROJECT));
  });
});

describe("interface words on a site in another language", () => {
  // The interface's own words, as text nodes; each must be read in English.
  const INTERFACE = new Set([
    "Skip to content", "Chats", "About", "Archive", "Tags", "Subscribe", "Search", "Next chat:", "Join the chat",
    "The chat", "Topics", "References", "Share this chat", "Share this post", "Copy", "That is", "Your time:", "Hashtag", "Length",
    "Where", "This chat has ended.", "Subscribe to every chat", "Subscribe to the chat calendar", ".ics file",
    "All posts", "All years", "All tags", "By", "Updated", "See the time in other zones", "Calendar file (.ics)",
    "Google Calendar", "Outlook", "Outlook.com", "Outlook (work or school)", "Mastodon", "LinkedIn", "Email", "Chats tagged", "Image:", "1 hour",
    "Chats of 2017", "#fixchat on Bluesky", "not announced yet",
    "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is coming.",
  ]);
  const PAGES = ["index.html", "posts/online-communities/index.html", "posts/after-dst/index.html", "posts/upcoming/index.html", "posts/corrected/index.html", "archive/index.html", "archive/2017/index.html", "tags/index.html", "subscribe/index.html"];

  it("keeps the page's language on <html>", () => {
    for (const file of PAGES) assert.equal(dom(german.read(file)).documentElement.getAttribute("lang"), "de-DE", file);
  });

  it("marks every element holding only interface words lang=\"en\"", () => {
    const seen = new Set<string>();
    const files = [...PAGES, html(german).find((f) => /^tags\/[^/]+\/index\.html$/.test(f))!];
    for (const file of files) {
      for (const { words, parent } of texts(dom(german.read(file)))) {
        if (!INTERFACE.has(words) && !/^Online at /.test(words)) continue;
        seen.add(words);
        assert.equal(langOf(parent), "en", `${file}: "${words}" in <${parent.tagName.toLowerCase()} class="${parent.getAttribute("class") ?? ""}">`);
      }
    }
    // The test looked at them all.
    const missing = [...INTERFACE].filter((w) => !seen.has(w));
    assert.deepEqual(missing, []);
  });

  it("leaves the site's own words (dates, times, titles, topics) in the site's language", () => {
    const post = dom(german.read("posts/online-communities/index.html"));
    for (const selector of [".post-date", ".chat-when time", ".chat-utc time", ".topic-text", "h1", ".chat-hashtag", ".post-author"]) {
      const el = post.querySelector(selector);
      assert.ok(el, selector);
      assert.equal(langOf(el), "de-DE", selector);
    }
    assert.match(text(post.querySelector(".post-date")), /April 2017/);
    const corrected = dom(german.read("posts/corrected/index.html"));
    assert.equal(langOf(corrected.querySelector(".post-updated")), "de-DE");
    assert.equal(text(corrected.querySelector(".post-updated")), "8. Mai 2017");
    const home = dom(german.read("index.html"));
    assert.equal(langOf(home.querySelector(".next-chat h1 a")), "de-DE");
    assert.equal(langOf(home.querySelector(".next-chat .chat-when time")), "de-DE");
    for (const time of home.querySelectorAll(".posts time")) assert.equal(langOf(time), "de-DE");
    const tag = dom(german.read(html(german).find((f) => /^tags\/[^/]+\/index\.html$/.test(f))!));
    // "Chats tagged" is English; the tag is the site's.
    const heading = tag.querySelector("h1")!;
    assert.equal(langOf(heading), "de-DE");
    assert.equal(heading.querySelector("span")?.getAttribute("lang"), "en");
  });

  it("marks the English words of the feeds' entries too", () => {
    const feed = JSON.parse(german.read("feed.json")) as { items: Array<{ content_html: string }> };
    const withTopics = feed.items.find((i) => i.content_html.includes("Topics"))!;
    assert.match(withTopics.content_html, /<h2 lang="en">Topics<\/h2>/);
    assert.match(withTopics.content_html, /<strong lang="en">Chat:<\/strong>/);
  });

  it("adds no lang attribute to an English site", () => {
    for (const site of [english, sample]) {
      for (const file of html(site)) {
        const doc = dom(site.read(file));
        assert.match(doc.documentElement.getAttribute("lang") ?? "", /^en/, file);
        assert.equal(doc.body.querySelectorAll("[lang]").length, 0, file);
      }
    }
  });
});

describe("structured data", () => {
  const graph = (site: BuiltSite, file: string) =>
    (JSON.parse(dom(site.read(file)).querySelector('script[type="application/ld+json"]')!.textContent!)["@graph"] as Array<Record<string, any>>);

  it("gives a post without an image of its own its share image, as og:image and the JSON Feed do", () => {
    const file = "posts/after-dst/index.html";
    const doc = dom(english.read(file));
    const shareImage = meta(doc, "og:image");
    assert.equal(shareImage, `${ORIGIN}/posts/after-dst/share.png`);
    const feed = JSON.parse(english.read("feed.json")) as { items: Array<{ url: string; image: string }> };
    assert.equal(feed.items.find((i) => i.url === `${ORIGIN}/posts/after-dst/`)?.image, shareImage);
    for (const node of graph(english, file)) assert.deepEqual(node.image, [shareImage], node["@type"]);
    assert.ok(english.exists("posts/after-dst/share.png"));
  });

  it("keeps a post's own image first choice", () => {
    for (const node of graph(english, "posts/online-communities/index.html")) assert.deepEqual(node.image, [`${ORIGIN}/posts/meetup.png`], node["@type"]);
  });

  it("describes the BlogPosting with the page's meta description when the post gives none", () => {
    for (const site of [english, sample]) {
      for (const file of html(site).filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))) {
        const doc = dom(site.read(file));
        const posting = graph(site, file).find((n) => n["@type"] === "BlogPosting")!;
        assert.equal(posting.description, meta(doc, "description"), file);
        assert.ok(posting.description, file);
      }
    }
  });
});

describe("the home page's preview", () => {
  it("is titled with the site's title", () => {
    for (const [site, title] of [[english, "Fixture Chat"], [sample, "Care Leaders Chat"]] as const) {
      const doc = dom(site.read("index.html"));
      assert.equal(text(doc.querySelector("title")), title);
      assert.equal(meta(doc, "og:title"), title);
      assert.equal(meta(doc, "twitter:title"), title);
    }
  });
});
