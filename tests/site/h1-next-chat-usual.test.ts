// The home page between a chat's end and the next announcement, as built (what a reader
// without JavaScript gets): "Next chat: not announced yet" and when chats usually are, from
// the settings' weekly slot (Tuesdays 20:30 in America/New_York). With a chat upcoming the
// same words are in the page, hidden, for the script to show once that chat has ended.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildSite, FIXTURE_SITE } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const USUAL = "Chats are usually on Tuesdays at 8:30 PM EST; the next announcement is coming.";

describe("the home page with no chat announced", () => {
  it("says the next is not announced yet and when chats usually are, visible without JavaScript", async () => {
    // Wednesday, December 2, 2026, 03:00 UT: the fixture's chat of December 1 (20:30–21:30 EST) has ended.
    const site = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2026-12-02T03:00:00Z" } });
    const doc = dom(site.read("index.html"));
    const section = doc.querySelector("section.next-chat")!;
    assert.equal(text(section.querySelector("h1")), "Next chat: not announced yet");
    assert.equal(section.querySelector("h1 a"), null);
    const usual = section.querySelector("p.chat-usual")!;
    assert.equal(text(usual), USUAL);
    for (const el of section.querySelectorAll("[data-chat-none]")) assert.equal(el.hasAttribute("hidden"), false);
    // The site's description stays below it.
    assert.match(text(doc.querySelector("main")), /Chats are usually on Tuesdays.*A weekly online chat about leading change in healthcare/);
  });

  it("says EDT in summer: the zone as the next weekly chat has it", async () => {
    const site = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2027-06-02T12:00:00Z" } });
    assert.equal(text(dom(site.read("index.html")).querySelector(".next-chat p.chat-usual")), "Chats are usually on Tuesdays at 8:30 PM EDT; the next announcement is coming.");
  });
});

describe("the home page with a chat upcoming", () => {
  it("shows the chat and holds when chats usually are, hidden, for when it has ended", async () => {
    const site = await buildSite(FIXTURE_SITE, { env: { CHATPOST_NOW: "2026-11-24T12:00:00Z" } });
    const section = dom(site.read("index.html")).querySelector("section.next-chat")!;
    assert.equal(text(section.querySelector("h1 a")), "The upcoming chat");
    const none = [...section.querySelectorAll("[data-chat-none]")];
    assert.deepEqual(none.map((el) => [text(el), el.hasAttribute("hidden")]), [["not announced yet", true], [USUAL, true]]);
  });
});
