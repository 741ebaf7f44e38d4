// A post's chat on a platform of its own (`chat.platform`, `chat.url`): what the loader
// makes of them beside the site's, and the writer-facing messages when they are wrong.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

// The fixture site follows #fixchat on Bluesky at https://bsky.app/hashtag/fixchat.
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-guest.md";

/** The post with these lines in its `chat:` (each indented by two spaces), below `start:` (line 5): the first on line 6. */
function load(...chatLines: string[]) {
  const chat = ["start: 2017-05-02T20:30", ...chatLines].map((l) => `  ${l}`).join("\n");
  return loadPost(FILE, `---\ntitle: T\ndate: 2017-04-30\nchat:\n${chat}\n---\nBody\n`, ctx);
}

const errors = (...chatLines: string[]) => load(...chatLines).diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic);

describe("a chat's platform and address", () => {
  it("are the site's when the post gives neither, with the post's hashtag in the site's address", () => {
    assert.deepEqual([load().post!.chat!.platform, load().post!.chat!.url], ["Bluesky", "https://bsky.app/hashtag/fixchat"]);
    const tagged = load('hashtag: "#nursechat"').post!.chat!;
    assert.deepEqual([tagged.platform, tagged.url], ["Bluesky", "https://bsky.app/hashtag/nursechat"]);
  });

  it("are the post's own when it gives them; its address is taken as written, hashtag or not", () => {
    const guest = load("platform: Mastodon", "url: https://mastodon.social/tags/nursechat", 'hashtag: "#nursechat"');
    assert.deepEqual(guest.diagnostics, []);
    assert.deepEqual([guest.post!.chat!.platform, guest.post!.chat!.url, guest.post!.chat!.hashtag], ["Mastodon", "https://mastodon.social/tags/nursechat", "#nursechat"]);
    const room = load('platform: "  Q&A <Room>  "', "url: https://meet.example/j/123?pwd=a&b=2").post!.chat!;
    assert.deepEqual([room.platform, room.url], ["Q&A <Room>", "https://meet.example/j/123?pwd=a&b=2"]);
  });

  it("keeps the site's platform for an address of the post's own on it (a custom feed, a thread)", () => {
    const feed = load("url: https://bsky.app/profile/care.example/feed/night-shift").post!.chat!;
    assert.deepEqual([feed.platform, feed.url], ["Bluesky", "https://bsky.app/profile/care.example/feed/night-shift"]);
  });

  it("asks for the address of a chat on another platform: the site's page would send readers to the wrong place", () => {
    const result = load("platform: Mastodon");
    assert.equal(result.post, undefined);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
      `${FILE}:6:3  chat.platform  the chat is on Mastodon, but has no \`url:\`: its link would lead to the site's Bluesky page, https://bsky.app/hashtag/fixchat → below \`platform:\`, add the address where readers follow or join this chat on Mastodon, indented like it: url: https://… (or remove \`platform:\` if the chat is on Bluesky)`,
    ]);
    // The site's own platform, in any capitals, needs no address of its own.
    assert.deepEqual(load("platform: bluesky").diagnostics, []);
    assert.equal(load("platform: bluesky").post!.chat!.url, "https://bsky.app/hashtag/fixchat");
  });

  it("does not ask for an address already written but wrong, nor for a platform already reported", () => {
    assert.deepEqual(errors("platform: Mastodon", "url: 12").map((l) => l.split("  ")[1]), ["chat.url"]);
    assert.deepEqual(errors("platform: https://zoom.us/j/1").map((l) => l.split("  ")[1]), ["chat.platform"]);
  });
});

describe("messages for a chat's address", () => {
  const url = (value: string) => errors(`url: ${value}`);

  it("gives the writer's own address back with the https:// it lacks", () => {
    for (const written of ["mastodon.social/tags/hcldr", "https//mastodon.social/tags/hcldr", "//mastodon.social/tags/hcldr"]) {
      assert.deepEqual(url(written), [`${FILE}:6:3  chat.url  "${written}" has no https:// at the start → write url: https://mastodon.social/tags/hcldr`]);
    }
    assert.match(url("zoom.us/j/123?pwd=x")[0]!, /→ write url: https:\/\/zoom\.us\/j\/123\?pwd=x$/);
  });

  it("says what an email address, a phone number or an app's link is, and what to write instead", () => {
    assert.deepEqual(url("mailto:hosts@example.org"), [
      `${FILE}:6:3  chat.url  "mailto:hosts@example.org" is an email address: readers need a page to open → write the address of the page where readers follow or join this chat, starting with https://, e.g. url: https://mastodon.social/tags/hcldr`,
    ]);
    assert.match(url("tel:+15551234")[0]!, /"tel:\+15551234" is a phone number: readers need a page to open → write the address of the page/);
    assert.match(url("zoommtg://zoom.us/join?confno=1")[0]!, /is an address starting with zoommtg:, not a web page: readers need a page to open → write the address of the page .*starting with https:\/\//);
  });

  it("asks for all of an address given in part, and for an address in place of a name", () => {
    assert.deepEqual(url("/rooms/live/"), [
      `${FILE}:6:3  chat.url  "/rooms/live/" is only part of an address: calendars and search engines need all of it → write the whole address, starting with https://, as your browser shows it`,
    ]);
    assert.match(url("Mastodon")[0]!, /chat\.url {2}"Mastodon" is not a web address → write the address of the page .*\(the platform's name goes in `platform:`\)$/);
    assert.match(url('"Zoom: room 3"')[0]!, /"Zoom: room 3" is not a web address →/);
  });

  it("reports an address that is no complete address, and one that is empty or not text", () => {
    assert.match(url("https://exa mple.org/")[0]!, /"https:\/\/exa mple\.org\/" is not a complete web address → copy the address of the page .* from your browser's address bar/);
    assert.match(url("https://")[0]!, /is not a complete web address/);
    assert.match(url('""')[0]!, /chat\.url {2}the address is empty → .*or remove `url:` to use the site's$/);
    assert.match(url("")[0]!, /chat\.url {2}`chat\.url` is empty → write a value after `url:`/);
    assert.match(url("[https://x.org]")[0]!, /chat\.url {2}expected the address of the page where readers follow or join this chat, found a list → write it in full, starting with https:\/\//);
  });

  it("accepts http and https addresses, as a browser writes them", () => {
    assert.equal(load("url: http://chat.example/room").post!.chat!.url, "http://chat.example/room");
    assert.equal(load("url: https://Chat.Example").post!.chat!.url, "https://chat.example/");
  });
});

describe("messages for a chat's platform", () => {
  it("asks for the name, not an address, and for text", () => {
    assert.deepEqual(errors("platform: https://zoom.us/j/1"), [
      `${FILE}:6:3  chat.platform  "https://zoom.us/j/1" is an address, not the name of a platform → write the name in \`platform:\`, e.g. platform: Zoom, and the address on its own line below it: url: https://zoom.us/j/1`,
    ]);
    assert.match(errors("platform: www.zoom.us")[0]!, /"www\.zoom\.us" is an address, not the name of a platform → .* url: https:\/\/…$/);
    assert.match(errors('platform: ""')[0]!, /chat\.platform {2}the platform is empty → write where the chat happens, e.g\. platform: Mastodon, or remove `platform:` to use the site's$/);
    assert.match(errors("platform: [Mastodon]")[0]!, /chat\.platform {2}expected the name of the platform where the chat happens, found a list → write it as text, e.g\. platform: Mastodon$/);
  });

  it("takes a name with a colon in it as a name", () => {
    assert.equal(load('platform: "Zoom: room 3"', "url: https://zoom.us/j/1").post!.chat!.platform, "Zoom: room 3");
  });
});

describe("a platform without its address, beside a wrong start", () => {
  it("both are told in the same run", () => {
    const found = loadPost(FILE, "---\ntitle: T\ndate: 2017-04-30\nchat:\n  start: next tuesday\n  platform: Mastodon\n---\nBody\n", ctx).diagnostics.map((d) => `${d.line} ${d.field}`);
    assert.deepEqual(found.sort(), ["5 chat.start", "6 chat.platform"]);
  });
});
