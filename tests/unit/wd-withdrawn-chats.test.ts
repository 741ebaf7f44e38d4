// Which published chats the site no longer publishes (lib/chat-revisions.ts withdrawnChats):
// only chats not yet over and not cancelled, never a post whose file is there but could not
// be read (its own errors come first), and a rename only until a build publishes the new address.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withdrawnChats, type ChatOfPost, type ChatRevisions } from "../../lib/chat-revisions.ts";
import { crossFileProblems, type CrossFilePost } from "../../lib/cross-file-checks.ts";

const START = Date.parse("2026-12-02T01:30:00Z"); // 2026-12-01 20:30 in New York
const HOUR = 3_600_000;
const TODAY = "2026-11-24";
const NOW = Date.parse("2026-11-24T17:00:00Z");
const recorded: ChatRevisions = { "/posts/upcoming/": { start: START, end: START + HOUR, revision: null, date: "2026-11-20" } };
const post = (changes: Partial<ChatOfPost> = {}): ChatOfPost => ({
  file: "content/posts/2026-11-20-upcoming.md", url: "/posts/upcoming/", date: "2026-11-20", draft: false,
  chat: { startMillis: START, endMillis: START + HOUR },
  ...changes,
});
const urls = (...names: string[]) => new Set(names.map((n) => `/posts/${n}/`));
const why = (posts: ChatOfPost[], present = urls("upcoming"), record = recorded, now = NOW) => withdrawnChats(record, posts, present, TODAY, now).map((w) => [w.url, w.why, w.file]);

describe("withdrawnChats", () => {
  it("tells a draft, a date ahead and a post without its chat, at that post", () => {
    assert.deepEqual(why([post({ draft: true })]), [["/posts/upcoming/", "draft", "content/posts/2026-11-20-upcoming.md"]]);
    assert.deepEqual(why([post({ date: "2026-11-25" })]), [["/posts/upcoming/", "date", "content/posts/2026-11-20-upcoming.md"]]);
    const { chat: _chat, ...withoutChat } = post();
    assert.deepEqual(why([withoutChat]), [["/posts/upcoming/", "chat", "content/posts/2026-11-20-upcoming.md"]]);
  });

  it("tells nothing of a chat still published, over, or cancelled", () => {
    assert.deepEqual(why([post()]), []);
    assert.deepEqual(why([post({ draft: true })], urls("upcoming"), recorded, START + HOUR), []);
    assert.deepEqual(why([post({ draft: true })], urls("upcoming"), { "/posts/upcoming/": { ...recorded["/posts/upcoming/"]!, status: "cancelled" } }), []);
    assert.deepEqual(withdrawnChats(undefined, [post({ draft: true })], urls("upcoming"), TODAY, NOW), []);
  });

  it("leaves out a chat a build whose clock was ahead published (CHATPOST_NOW): not out yet today", () => {
    const ahead: ChatRevisions = { "/posts/upcoming/": { ...recorded["/posts/upcoming/"]!, date: "2026-11-25" } };
    assert.deepEqual(why([post({ date: "2026-11-25" })], urls("upcoming"), ahead), []);
    assert.deepEqual(why([], urls(), ahead), []);
    // A record that does not say when (written before it kept the date): a date ahead is not told.
    const { date: _date, ...undated } = recorded["/posts/upcoming/"]!;
    assert.deepEqual(why([post({ date: "2026-11-25" })], urls("upcoming"), { "/posts/upcoming/": undated }), []);
    // Published by today, it is told.
    const out: ChatRevisions = { "/posts/upcoming/": { ...recorded["/posts/upcoming/"]!, date: "2026-11-20" } };
    assert.deepEqual(why([post({ date: "2026-11-25" })], urls("upcoming"), out), [["/posts/upcoming/", "date", "content/posts/2026-11-20-upcoming.md"]]);
  });

  it("leaves a post whose file is there but could not be read to its own errors", () => {
    assert.deepEqual(why([], urls("upcoming")), []);
    assert.deepEqual(why([], urls()), [["/posts/upcoming/", "gone", undefined]]);
  });

  it("tells a renamed post at its new file until a build has published the new address", () => {
    const renamed = post({ file: "content/posts/2026-11-20-next.md", url: "/posts/next/" });
    assert.deepEqual(why([renamed], urls("next")), [["/posts/upcoming/", "renamed", "content/posts/2026-11-20-next.md"]]);
    const both: ChatRevisions = { ...recorded, "/posts/next/": recorded["/posts/upcoming/"]! };
    assert.deepEqual(why([renamed], urls("next"), both), []);
    // Renamed, built, then moved: the chat is still published at its new address.
    const moved = { ...renamed, chat: { startMillis: START + 86_400_000, endMillis: START + 86_400_000 + HOUR } };
    assert.deepEqual(why([moved], urls("next"), both), []);
    // A draft at the new name is no rename: the chat is gone.
    assert.deepEqual(why([{ ...renamed, draft: true }], urls("next")), [["/posts/upcoming/", "gone", undefined]]);
  });
});

describe("a post copied with another's questions", () => {
  const WEEK = 7 * 24 * HOUR;
  const chat = (file: string, start: number, extra: Partial<NonNullable<CrossFilePost["chat"]>> = {}): CrossFilePost => ({
    file, url: `/posts/${file}/`, date: "2026-11-20", draft: false, postLinks: [], topics: ["Who joins?", "What helps?"],
    chat: { startMillis: start, endMillis: start + HOUR, zone: "America/New_York", ...extra },
  });
  const told = (posts: CrossFilePost[]) => crossFileProblems(posts, { today: TODAY }).filter((d) => d.field === "topics").map((d) => d.file);

  it("is told on the later chat only, within eight weeks", () => {
    assert.deepEqual(told([chat("b", START + WEEK), chat("a", START)]), ["b"]);
    assert.deepEqual(told([chat("a", START), chat("b", START + 8 * WEEK)]), []);
  });

  it("is not told of a chat held in place of a cancelled one, nor of an edition for another zone", () => {
    assert.deepEqual(told([chat("a", START, { status: "cancelled" }), chat("b", START + WEEK)]), []);
    assert.deepEqual(told([chat("a", START), chat("b", START + HOUR * 20, { zone: "Australia/Sydney" })]), []);
    // A copy that kept the cancellation too is told.
    assert.deepEqual(told([chat("a", START, { status: "cancelled" }), chat("b", START + WEEK, { status: "cancelled" })]), ["b"]);
  });
});
