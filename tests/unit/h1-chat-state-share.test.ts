// A cancelled or postponed chat is shared as such: its share text and email subject start
// with "Cancelled: " / "Postponed: " (as the feeds and calendars say it), and its share card
// says the state, is drawn differently and has another cache key, so a card cached while
// the chat was on is never served after it is called off.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveChatStart } from "../../lib/chat-time.ts";
import { renderShareCard, shareCardKey, type ShareCard } from "../../lib/og-image.ts";
import type { Post } from "../../lib/post-loader.ts";
import { shareLinks, titleWithChatState } from "../../lib/share-links.ts";
import { shareCardFor } from "../../plugins/og-image.ts";

const input = { title: "Online communities", path: "/posts/online-communities/", siteUrl: "https://careleaders.example/", pathPrefix: "/", hashtag: "#hcldr" };
const link = (links: ReturnType<typeof shareLinks>, service: string) => decodeURIComponent(links.find((l) => l.service === service)!.href);

describe("the title a chat is shared with", () => {
  it("starts with Cancelled: or Postponed: for a chat called off or put off, and is the title otherwise", () => {
    assert.equal(titleWithChatState("Online communities", "cancelled"), "Cancelled: Online communities");
    assert.equal(titleWithChatState("Online communities", "postponed"), "Postponed: Online communities");
    assert.equal(titleWithChatState("Online communities"), "Online communities");
  });
});

describe("the share links of a chat", () => {
  it("say Cancelled: in the text posted to Bluesky and Mastodon and in the email's subject and body", () => {
    const links = shareLinks({ ...input, status: "cancelled" });
    const url = "https://careleaders.example/posts/online-communities/";
    assert.equal(link(links, "bluesky"), `https://bsky.app/intent/compose?text=Cancelled: Online communities #hcldr ${url}`);
    assert.equal(link(links, "mastodon"), `https://s2f.kytta.dev/?text=Cancelled: Online communities #hcldr ${url}`);
    assert.equal(link(links, "email"), `mailto:?subject=Cancelled: Online communities&body=Cancelled: Online communities #hcldr\n\n${url}`);
  });

  it("say Postponed: for a postponed chat, and nothing of the kind for one that takes place", () => {
    assert.match(link(shareLinks({ ...input, status: "postponed" }), "bluesky"), /text=Postponed: Online communities #hcldr /);
    const on = shareLinks(input);
    assert.match(link(on, "bluesky"), /text=Online communities #hcldr /);
    assert.match(link(on, "email"), /^mailto:\?subject=Online communities&/);
  });
});

describe("the share card of a chat called off", () => {
  const start = resolveChatStart("2026-12-01T20:30", "America/New_York");
  assert.ok(start.ok);
  const post = (status?: "cancelled" | "postponed") =>
    ({ title: "The upcoming chat", date: "2026-11-20", url: "/posts/upcoming/", chat: { ...start.instant, hashtag: "#fixchat", ...(status ? { status } : {}) } }) as unknown as Post;
  const site = { title: "Fixture Chat", language: "en-US" };

  it("says Cancelled or Postponed, with the time the chat was to have", () => {
    assert.deepEqual(shareCardFor(post("cancelled"), site), {
      title: "The upcoming chat",
      when: "Tuesday, December 1, 2026, 8:30 PM EST (UTC−5)",
      hashtag: "#fixchat",
      siteTitle: "Fixture Chat",
      state: "Cancelled",
    });
    assert.equal(shareCardFor(post("postponed"), site).state, "Postponed");
    assert.equal("state" in shareCardFor(post(), site), false);
  });

  it("has a cache key of its own for each state", () => {
    const keys = new Set([undefined, "cancelled", "postponed"].map((s) => shareCardKey(shareCardFor(post(s as "cancelled" | undefined), site))));
    assert.equal(keys.size, 3);
    // A card without a state keeps the key it had before states were drawn: the same text, the same key.
    const card: ShareCard = { title: "A", when: "B", hashtag: "#c", siteTitle: "D" };
    assert.equal(shareCardKey({ ...card }), shareCardKey(card));
  });

  it("is drawn differently from the card of the chat that takes place", async () => {
    const [on, off] = await Promise.all([renderShareCard(shareCardFor(post(), site)), renderShareCard(shareCardFor(post("cancelled"), site))]);
    assert.notDeepEqual(on, off);
  });
});
