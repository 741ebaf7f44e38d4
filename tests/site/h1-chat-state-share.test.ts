// A cancelled or postponed chat's page, as a link to it is shared after the change: its
// <title>, its Open Graph and Twitter titles and image description, its share links and its
// share card say "Cancelled" / "Postponed". The card cached while the chat was on is not
// served once it is called off: two builds sharing one cache give two different images.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, FIXTURE_SITE, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

// The fixture's upcoming chat (Tuesday, December 1, 2026) is called off on November 24.
const UPCOMING = "content/posts/2026-11-20-upcoming.md";
const upcoming = readFileSync(path.join(FIXTURE_SITE, UPCOMING), "utf8");
const cancelledText = upcoming.replace("date: 2026-11-20\n", "date: 2026-11-20\nupdated: 2026-11-24\n").replace("  start: 2026-12-01T20:30\n", "  start: 2026-12-01T20:30\n  cancelled: true\n");
const POSTPONED = "content/posts/2026-11-22-postponed.md";
const postponedText = ["---", "title: The postponed chat", "date: 2026-11-22", "updated: 2026-11-23", "chat:", "  start: 2026-12-08T20:30", "  postponed: true", "---", "Postponed body.", ""].join("\n");

const env = { CHATPOST_NOW: "2026-11-24T12:00:00Z", CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "h1-cache-")) };
let on: BuiltSite;
let off: BuiltSite;
before(async () => {
  // One after the other, with one cache: the second build finds the first one's cards.
  on = await buildSite(FIXTURE_SITE, { env });
  off = await buildSite(copySiteWith(FIXTURE_SITE, { files: { [UPCOMING]: cancelledText, [POSTPONED]: postponedText } }), { env });
});

const page = (site: BuiltSite, slug: string) => dom(site.read(`posts/${slug}/index.html`));
const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
const shareHref = (doc: Document, service: string) => decodeURIComponent(doc.querySelector(`.share a.share-${service}`)!.getAttribute("href")!);

describe("the page of a cancelled chat, as shared", () => {
  it("is titled Cancelled: in the browser's tab and in link previews", () => {
    const doc = page(off, "upcoming");
    assert.equal(text(doc.querySelector("title")), "Cancelled: The upcoming chat · Fixture Chat");
    assert.equal(meta(doc, "og:title"), "Cancelled: The upcoming chat");
    assert.equal(meta(doc, "twitter:title"), "Cancelled: The upcoming chat");
    assert.equal(meta(doc, "og:image:alt"), "Cancelled: The upcoming chat: Tuesday, December 1, 2026, 8:30 PM EST (UTC−5), #fixchat");
    assert.equal(meta(doc, "twitter:image:alt"), meta(doc, "og:image:alt"));
  });

  it("is shared with Cancelled: first in the text and the email's subject", () => {
    const doc = page(off, "upcoming");
    assert.equal(shareHref(doc, "bluesky"), "https://bsky.app/intent/compose?text=Cancelled: The upcoming chat #fixchat https://careleaders.example/posts/upcoming/");
    assert.match(shareHref(doc, "mastodon"), /\?text=Cancelled: The upcoming chat #fixchat https:/);
    assert.match(shareHref(doc, "email"), /^mailto:\?subject=Cancelled: The upcoming chat&body=Cancelled: The upcoming chat #fixchat\n\nhttps:/);
  });

  it("has a share card of its own: the one drawn while it was on is not served", () => {
    const card = (site: BuiltSite, slug: string) => readFileSync(path.join(site.out, "posts", slug, "share.png"));
    assert.notDeepEqual(card(off, "upcoming"), card(on, "upcoming"));
    // A chat whose state did not change keeps its card.
    assert.deepEqual(card(off, "online-communities"), card(on, "online-communities"));
  });
});

describe("the page of a postponed chat, as shared", () => {
  it("says Postponed: in its titles and share text", () => {
    const doc = page(off, "postponed");
    assert.equal(text(doc.querySelector("title")), "Postponed: The postponed chat · Fixture Chat");
    assert.equal(meta(doc, "og:title"), "Postponed: The postponed chat");
    assert.match(shareHref(doc, "bluesky"), /\?text=Postponed: The postponed chat #fixchat https:/);
  });
});

describe("the page of a chat that takes place", () => {
  it("is titled and shared as before", () => {
    const doc = page(on, "upcoming");
    assert.equal(text(doc.querySelector("title")), "The upcoming chat · Fixture Chat");
    assert.equal(meta(doc, "og:title"), "The upcoming chat");
    assert.match(shareHref(doc, "bluesky"), /\?text=The upcoming chat #fixchat https:/);
  });
});
