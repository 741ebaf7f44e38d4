// The record of the chats as published (lib/chat-revisions.ts): how it is kept, how a build
// changes it, and the warning for a published chat whose time changed without a new `updated:`.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { ContentCache } from "../../lib/content-cache.ts";
import { crossFileProblems } from "../../lib/cross-file-checks.ts";
import {
  chatRevisionsAsBuilt, chatRevisionsKey, isLaterRevision, nextChatRevisions, nextDayStart, parseChatRevisions, readChatRevisions, revisionOf,
  mustStayAhead, revisionToWrite, unrevisedMoves, unrevisedMoveWarning, writeChatRevisions, writeChatRevisionsAsBuilt, writtenTime, type ChatOfPost, type ChatRevisions,
} from "../../lib/chat-revisions.ts";

const work = mkdtempSync(path.join(tmpdir(), "mv-chat-revisions-"));
after(() => rmSync(work, { recursive: true, force: true }));

const ZONE = "America/New_York";
// 2026-12-01T20:30 in New York (EST, UTC−5), and an hour of chat.
const START = Date.parse("2026-12-02T01:30:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TODAY = "2026-11-24";
const NOW = new Date("2026-11-24T17:00:00Z"); // 12:00 in New York

function post(changes: Partial<ChatOfPost> & { start?: number; minutes?: number } = {}): ChatOfPost {
  const { start = START, minutes = 60, ...rest } = changes;
  return {
    file: "content/posts/2026-11-20-upcoming.md", url: "/posts/upcoming/", date: "2026-11-20", draft: false,
    chat: { startMillis: start, endMillis: start + minutes * 60_000, zone: ZONE },
    ...rest,
  };
}
const published: ChatRevisions = { "/posts/upcoming/": { start: START, end: START + HOUR, revision: null } };
// Where the fields are written in the post above (`where` of the check and the build).
const lines: Record<string, number> = { "chat.start": 5, "chat.duration": 6 };
const where = (_file: string, field: readonly string[]) => (lines[field.join(".")] ? { line: lines[field.join(".")]!, column: 3 } : {});
const options = { today: TODAY, now: NOW, where };

describe("the record in the content cache", () => {
  const cache = new ContentCache(path.join(work, "cache"));
  const key = chatRevisionsKey("/site", "https://careleaders.example/")!;

  it("is kept by the host of the calendar UIDs and the site's folder", () => {
    assert.equal(chatRevisionsKey("/site", "https://careleaders.example/chat/"), key, "the UIDs have the host only");
    assert.notEqual(chatRevisionsKey("/site", "https://other.example/"), key);
    assert.notEqual(chatRevisionsKey("/copy-of-site", "https://careleaders.example/"), key);
    assert.equal(chatRevisionsKey("/site", "not an address"), undefined);
  });

  it("gives back what was written", () => {
    assert.equal(readChatRevisions(cache, key), undefined);
    const chats: ChatRevisions = { "/posts/b/": { start: 2, end: 3, revision: "2026-11-24T14:30" }, "/posts/a/": { start: 0, end: 1, revision: null } };
    writeChatRevisions(cache, key, chats);
    assert.deepEqual(readChatRevisions(new ContentCache(cache.dir), key), chats);
  });

  it("is ignored when damaged or of another shape, never trusted", () => {
    for (const text of ["{", "null", "[]", '{"chats":[]}', '{"chats":{"/posts/a/":{"start":"x","end":1,"revision":null}}}', '{"chats":{"/posts/a/":{"start":0,"end":1,"revision":"soon"}}}', '{"chats":{"/posts/a/":{"start":0,"end":1}}}']) {
      assert.equal(parseChatRevisions(text), undefined, text);
    }
    // A file cut short on disk: the cache finds its hash wrong and reads nothing.
    writeFileSync(cache.fileFor(key), "chatpost-cache/1 999 0000\n{\"chats\":{}}");
    assert.equal(readChatRevisions(new ContentCache(cache.dir), key), undefined);
  });

  it("tells a build whether it is still as the last build of a folder left it", () => {
    const fresh = new ContentCache(path.join(work, "as-built"));
    assert.equal(chatRevisionsAsBuilt(fresh, "/out"), false, "no build known");
    writeChatRevisions(fresh, key, published);
    writeChatRevisionsAsBuilt(fresh, "/out", key);
    assert.equal(chatRevisionsAsBuilt(new ContentCache(fresh.dir), "/out"), true);
    assert.equal(chatRevisionsAsBuilt(fresh, "/other-out"), false);
    writeChatRevisions(fresh, key, { ...published, "/posts/b/": { start: 0, end: 1, revision: null } });
    assert.equal(chatRevisionsAsBuilt(fresh, "/out"), false, "another build changed it");
    writeChatRevisionsAsBuilt(fresh, "/out", key);
    writeFileSync(fresh.fileFor(key), "damaged");
    assert.equal(chatRevisionsAsBuilt(new ContentCache(fresh.dir), "/out"), false, "damaged since");
  });
});

describe("revisions", () => {
  it("are `updated:` as written, a day alone counting from its midnight", () => {
    assert.equal(revisionOf({}), null);
    assert.equal(revisionOf({ updated: "2026-11-24" }), "2026-11-24");
    assert.equal(revisionOf({ updated: "2026-11-24", updatedAt: "2026-11-24T14:30-05:00" }), "2026-11-24T14:30");
    assert.equal(isLaterRevision("2026-11-24", null), true);
    assert.equal(isLaterRevision(null, null), false);
    assert.equal(isLaterRevision("2026-11-24T00:01", "2026-11-24"), true);
    assert.equal(isLaterRevision("2026-11-24", "2026-11-24T00:00"), false);
    assert.equal(isLaterRevision("2026-11-23T23:59", "2026-11-24"), false);
  });
});

describe("what a build records", () => {
  it("enters a published chat as it is, and leaves out drafts, posts not yet published and posts without a chat", () => {
    const next = nextChatRevisions(undefined, [
      post(),
      post({ file: "d.md", url: "/posts/draft/", draft: true }),
      post({ file: "f.md", url: "/posts/future/", date: "2026-11-25" }),
      { file: "n.md", url: "/posts/notice/", date: "2026-11-01" },
    ], TODAY);
    // With the post's publish date, so that a build whose clock was ahead is known as such.
    assert.deepEqual(next, { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, date: "2026-11-20" } });
  });

  it("keeps the old time of a chat moved without a later revision, so the warning stays", () => {
    assert.deepEqual(nextChatRevisions(published, [post({ start: START + DAY })], TODAY), published);
    const revised = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-23" } };
    assert.deepEqual(nextChatRevisions(revised, [post({ start: START + DAY, updated: "2026-11-23" })], TODAY), revised);
    assert.deepEqual(nextChatRevisions(revised, [post({ start: START + DAY, updated: "2026-11-22" })], TODAY), revised);
  });

  it("takes the new time with a later revision, or the time recorded written back", () => {
    assert.deepEqual(nextChatRevisions(published, [post({ start: START + DAY, updated: TODAY })], TODAY), { "/posts/upcoming/": { start: START + DAY, end: START + DAY + HOUR, revision: TODAY, date: "2026-11-20" } });
    assert.deepEqual(nextChatRevisions(published, [post({ updated: TODAY })], TODAY), { "/posts/upcoming/": { start: START, end: START + HOUR, revision: TODAY, date: "2026-11-20" } });
    // An `updated:` lowered with the time unchanged: calendars keep the highest revision they were given.
    const revised = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: TODAY } };
    assert.deepEqual(nextChatRevisions(revised, [post({ updated: "2026-11-21" })], TODAY), { "/posts/upcoming/": { ...revised["/posts/upcoming/"], date: "2026-11-20" } });
  });

  it("keeps the chats of posts no longer there", () => {
    assert.deepEqual(nextChatRevisions(published, [], TODAY), published);
  });
});

describe("a published chat whose time changed", () => {
  it("is found when its start or end differs and its revision is not later", () => {
    assert.equal(unrevisedMoves(published, [post({ start: START + DAY })], TODAY, ZONE).length, 1);
    assert.equal(unrevisedMoves(published, [post({ minutes: 90 })], TODAY, ZONE).length, 1);
    const revised = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-23" } };
    assert.equal(unrevisedMoves(revised, [post({ start: START + DAY, updated: "2026-11-23" })], TODAY, ZONE).length, 1);
    assert.equal(unrevisedMoves(revised, [post({ start: START + DAY, updated: "2026-11-22" })], TODAY, ZONE).length, 1);
  });

  it("is not told without a record, with a later revision, with its time unchanged, or when not published", () => {
    assert.deepEqual(unrevisedMoves(undefined, [post({ start: START + DAY })], TODAY, ZONE), []);
    assert.deepEqual(unrevisedMoves(published, [post()], TODAY, ZONE), []);
    assert.deepEqual(unrevisedMoves(published, [post({ start: START + DAY, updated: TODAY })], TODAY, ZONE), []);
    assert.deepEqual(unrevisedMoves(published, [post({ start: START + DAY, draft: true })], TODAY, ZONE), []);
    assert.deepEqual(unrevisedMoves(published, [post({ start: START + DAY, date: "2026-11-25" })], TODAY, ZONE), []);
    assert.deepEqual(unrevisedMoves(published, [post({ url: "/posts/renamed/", start: START + DAY })], TODAY, ZONE), [], "another UID");
  });

  it("is left to the errors when cancelled, postponed, or moved with `moved_from:` and no `updated:` at all", () => {
    for (const status of ["cancelled", "postponed"] as const) {
      const p = post({ start: START + DAY });
      p.chat!.status = status;
      assert.deepEqual(unrevisedMoves(published, [p], TODAY, ZONE), [], status);
    }
    const moved = post({ start: START + DAY });
    moved.chat!.movedFrom = { startMillis: START };
    assert.deepEqual(unrevisedMoves(published, [moved], TODAY, ZONE), []);
  });

  it("is found when cancelled, postponed or on again with the revision calendars have", () => {
    const revised = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-20" } };
    for (const status of ["cancelled", "postponed"] as const) {
      const p = post({ updated: "2026-11-20" });
      p.chat!.status = status;
      assert.equal(unrevisedMoves(revised, [p], TODAY, ZONE).length, 1, status);
      // Recorded so, it stays quiet; on again without a later `updated:`, it is told.
      const recorded = nextChatRevisions(revised, [p], "2026-11-20");
      assert.equal(recorded["/posts/upcoming/"]!.status, undefined, "a record entry is replaced only by a later revision");
      const cancelledRecord = { "/posts/upcoming/": { ...revised["/posts/upcoming/"]!, status } };
      assert.deepEqual(unrevisedMoves(cancelledRecord, [p], TODAY, ZONE), []);
      assert.equal(unrevisedMoves(cancelledRecord, [post({ updated: "2026-11-20" })], TODAY, ZONE).length, 1);
      assert.deepEqual(unrevisedMoves(cancelledRecord, [post({ updated: TODAY })], TODAY, ZONE), []);
    }
  });

  it("is not told once the chat is over, as recorded and as it is: a past event misleads no one", () => {
    const after = Date.parse("2026-12-03T00:00:00Z");
    assert.deepEqual(unrevisedMoves(published, [post({ minutes: 90 })], TODAY, ZONE, after), []);
    assert.equal(unrevisedMoves(published, [post({ start: START + 2 * DAY })], TODAY, ZONE, after).length, 1, "moved to after now");
  });
});

describe("an `updated:` dated ahead that calendars were given", () => {
  // A typo a build published (2027-11-24 for 2026-11-24): calendars take no lower revision now.
  const AHEAD = "2027-11-24";
  const typoPublished: ChatRevisions = { "/posts/upcoming/": { start: START, end: START + HOUR, revision: AHEAD } };
  const aheadWarnings = (p: ChatOfPost, recorded: ChatRevisions | undefined) =>
    crossFileProblems([{ ...p, draft: p.draft ?? false, postLinks: [] }], { today: TODAY, mustStayAhead: mustStayAhead(recorded, [p], TODAY, NOW.getTime()) }).filter((d) => d.field === "updated");

  it("must stay ahead once the chat changed: the warning on the move asks for a later one, and the date ahead is not told", () => {
    for (const p of [post({ start: START + DAY, updated: AHEAD }), post({ start: START + DAY, updated: `${AHEAD}T00:01` }), post({ minutes: 90, updated: AHEAD })]) {
      assert.deepEqual([...mustStayAhead(typoPublished, [p], TODAY, NOW.getTime()).keys()], [p.file]);
      assert.deepEqual(aheadWarnings(p, typoPublished), []);
    }
    const cancelled = post({ updated: AHEAD });
    cancelled.chat!.status = "cancelled";
    assert.deepEqual(aheadWarnings(cancelled, typoPublished), []);
    // What the warning on the move gives to write is later than the date calendars have.
    const move = unrevisedMoves(typoPublished, [post({ start: START + DAY, updated: AHEAD })], TODAY, ZONE)[0]!;
    const written = unrevisedMoveWarning(move, options).fix!;
    assert.match(written, /`updated: 2027-11-24T00:01` \(a minute after 2027-11-24: calendars were given that date ahead, and take only a later one\)/);
    assert.equal(mustStayAhead(typoPublished, [post({ start: START + DAY, updated: AHEAD })], TODAY, NOW.getTime()).get("content/posts/2026-11-20-upcoming.md"), "2027-11-24T00:01");
    assert.deepEqual(aheadWarnings(post({ start: START + DAY, updated: "2027-11-24T00:01" }), typoPublished), []);
  });

  it("is told when further ahead than the change needs, with the revision it needs", () => {
    for (const updated of ["2028-11-24", "2037-11-24T09:00"]) {
      const [warning, ...more] = aheadWarnings(post({ start: START + DAY, updated }), typoPublished);
      assert.equal(more.length, 0);
      assert.match(warning!.message, new RegExp(`^the post is said to be changed on ${updated.slice(0, 10)}: calendars were given a date ahead for this chat by an earlier build, so its change needs a later one, but ${updated.slice(0, 10)} is further ahead than that`));
      assert.equal(warning!.fix, "write `updated: 2027-11-24T00:01`, a minute after the date calendars have");
    }
    // A day later than needed is no slip: the chat's own zone may already be there.
    assert.deepEqual(aheadWarnings(post({ start: START + DAY, updated: "2027-11-25" }), typoPublished), []);
  });

  it("is told as a slip while the chat is as calendars have it: today's date then only corrects what readers see", () => {
    const kept = post({ updated: AHEAD });
    assert.deepEqual([...mustStayAhead(typoPublished, [kept], TODAY, NOW.getTime()).keys()], []);
    const [warning] = aheadWarnings(kept, typoPublished);
    assert.equal(warning?.fix, `write the day you changed the post: updated: ${TODAY}`);
    // Written back, the time is the one recorded: no warning on a move either.
    assert.deepEqual(unrevisedMoves(typoPublished, [post({ updated: TODAY })], TODAY, ZONE), []);
  });

  it("is told as a slip when calendars were given no date ahead, the chat is over, or nothing was recorded", () => {
    const moved = post({ start: START + DAY, updated: AHEAD });
    assert.equal(aheadWarnings(moved, published).length, 1, "the date ahead is the writer's new typo");
    assert.equal(aheadWarnings(moved, undefined).length, 1);
    assert.deepEqual([...mustStayAhead(typoPublished, [moved], TODAY, START + 3 * DAY).keys()], [], "over");
    assert.deepEqual([...mustStayAhead(typoPublished, [post({ start: START + DAY, updated: AHEAD, draft: true })], TODAY, NOW.getTime()).keys()], []);
  });
});

describe("the warning", () => {
  const warn = (p: ChatOfPost, recorded = published, opts = options) => unrevisedMoveWarning(unrevisedMoves(recorded, [p], opts.today, ZONE)[0]!, opts);

  it("of a start moved without `updated:` gives the times as written and the lines to add, today's date as for a moved chat", () => {
    assert.deepEqual(warn(post({ start: START + DAY })), {
      severity: "warning", file: "content/posts/2026-11-20-upcoming.md", line: 5, column: 3, field: "chat.start",
      message: "the chat was published starting at 2026-12-01T20:30 and now starts at 2026-12-02T20:30 (America/New_York time), but the post has no `updated:`: calendars that already have the chat keep the old time (they take a change only as a new revision), and feed readers do not show the change",
      fix: "add the line `updated: 2026-11-24` below `date:` (the day you changed the post, today), and add the line `moved_from: 2026-12-01T20:30` below `start:` so that the page says \"Moved from …\"; or, if the chat did not move, write `start: 2026-12-01T20:30` again",
    });
  });

  it("of a start moved again on the day of the last change asks for the time too, and a `moved_from:` changed", () => {
    const recorded = { "/posts/upcoming/": { start: START + DAY, end: START + DAY + HOUR, revision: TODAY } };
    const p = post({ start: START + 2 * DAY, updated: TODAY, updatedFieldAt: { line: 4, column: 1 } });
    p.chat!.movedFrom = { startMillis: START };
    const d = warn(p, recorded);
    assert.equal(d.message, "the chat was published starting at 2026-12-02T20:30 and now starts at 2026-12-03T20:30 (America/New_York time), but `updated:` is still 2026-11-24, the revision calendars have: calendars that already have the chat keep the old time (they take a change only as a new revision), and feed readers do not show the change");
    assert.equal(d.fix, "change `updated:` (line 4) to `updated: 2026-11-24T12:00` (the day and time you changed the post), and change `moved_from:` to `moved_from: 2026-12-02T20:30` so that the page says \"Moved from …\"; or, if the chat did not move, write `start: 2026-12-02T20:30` again");
  });

  it("of an `updated:` lowered says which revision calendars have", () => {
    const recorded = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-23" } };
    const d = warn(post({ start: START + DAY, updated: "2026-11-22" }), recorded);
    assert.match(d.message, /but `updated:` \(2026-11-22\) is not later than the one calendars have \(2026-11-23\):/);
    assert.match(d.fix!, /^change `updated:` to `updated: 2026-11-24` \(the day you changed the post\)/);
  });

  it("of a length changed is at `duration:` when it is written, else at `start:`", () => {
    const d = warn(post({ minutes: 90 }));
    assert.equal(d.field, "chat.duration");
    assert.equal(d.line, 6);
    assert.match(d.message, /^the chat was published ending at 2026-12-01T21:30 \(60 minutes\) and now ends at 2026-12-01T22:00 \(90 minutes, America\/New_York time\), but the post has no `updated:`/);
    assert.equal(d.fix, "add the line `updated: 2026-11-24` below `date:` (the day you changed the post, today); or, if its length did not change, write `duration: 60` again");
    const unwritten = warn(post({ minutes: 90 }), published, { ...options, where: (file, field) => (field.join(".") === "chat.start" ? { line: 5, column: 3 } : {}) });
    assert.equal(unwritten.field, "chat.start");
    assert.match(unwritten.fix!, /write `duration: 60` below `start:`$/);
  });

  it("of a chat cancelled, or on again, with the revision calendars have: the state, and the line to write back", () => {
    const revised = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-20" } };
    const cancelled = post({ updated: "2026-11-20", updatedFieldAt: { line: 4, column: 1 } });
    cancelled.chat!.status = "cancelled";
    const d = warn(cancelled, revised);
    assert.equal(d.message, "the chat was published as taking place and is now cancelled, but `updated:` is still 2026-11-20, the revision calendars have: calendars that already have the chat keep it as taking place (they take a change only as a new revision), and feed readers do not show the change");
    assert.equal(d.fix, "change `updated:` (line 4) to `updated: 2026-11-24` (the day you changed the post); or, if it takes place, remove `cancelled: true`");
    const onAgain = warn(post({ updated: "2026-11-20", updatedFieldAt: { line: 4, column: 1 } }), { "/posts/upcoming/": { ...revised["/posts/upcoming/"]!, status: "cancelled" } });
    assert.equal(onAgain.field, "chat.start");
    assert.match(onAgain.message, /^the chat was published as cancelled and is now taking place, but `updated:` is still 2026-11-20, the revision calendars have: calendars that already have the chat keep it cancelled /);
    assert.match(onAgain.fix!, /; or, if it is still cancelled, write `cancelled: true` again below `start:`$/);
  });

  it("of a length changed where `duration:` is not written: at `start:`, though the lookup falls back to the line of `chat:`", () => {
    const fallback = (_file: string, field: readonly string[]) => (field.join(".") === "chat.start" ? { line: 5, column: 3 } : { line: 4, column: 1 });
    const d = warn(post({ minutes: 90 }), published, { ...options, where: fallback });
    assert.equal(d.field, "chat.start");
    assert.equal(d.line, 5);
    assert.match(d.fix!, /write `duration: 60` below `start:`$/);
  });

  it("gives `updated:` by the date and clock where the chat is hosted, not the site's", () => {
    // 2026-11-24T17:00Z is the 25th, 04:00 in Sydney; calendars already have the 25th.
    const sydney = "Australia/Sydney";
    const p = post({ start: START + DAY, updated: "2026-11-25", updatedFieldAt: { line: 4, column: 1 } });
    p.chat!.zone = sydney;
    const recorded = { "/posts/upcoming/": { ...published["/posts/upcoming/"]!, revision: "2026-11-25" } };
    const d = unrevisedMoveWarning(unrevisedMoves(recorded, [p], TODAY, ZONE)[0]!, options);
    assert.match(d.fix!, /^change `updated:` \(line 4\) to `updated: 2026-11-25T04:00` \(the day and time you changed the post\)/);
  });

  it("says a chat's time in its own zone", () => {
    assert.equal(writtenTime(START, ZONE), "2026-12-01T20:30");
    assert.equal(writtenTime(START, "Australia/Sydney"), "2026-12-02T12:30");
    assert.equal(writtenTime(START + 15_000, ZONE), "2026-12-01T20:30:15");
    // The hour that happens twice when clocks go back: both with their offsets, as a writer must write them.
    assert.equal(writtenTime(Date.parse("2026-11-01T05:30:00Z"), ZONE), "2026-11-01T01:30-04:00");
    assert.equal(writtenTime(Date.parse("2026-11-01T06:30:00Z"), ZONE), "2026-11-01T01:30-05:00");
  });
});

describe("the `updated:` to write", () => {
  const move = { date: "2026-11-20", zone: ZONE, recorded: published["/posts/upcoming/"]!, current: published["/posts/upcoming/"]! };
  it("is today's date, with the clock time when today is taken, a minute later when even that is", () => {
    assert.equal(revisionToWrite(move, TODAY, NOW), TODAY);
    assert.equal(revisionToWrite({ ...move, recorded: { ...move.recorded, revision: TODAY } }, TODAY, NOW), "2026-11-24T12:00");
    assert.equal(revisionToWrite({ ...move, current: { ...move.current, revision: "2026-11-24T13:10" } }, TODAY, NOW), "2026-11-24T13:11");
    assert.equal(revisionToWrite({ ...move, recorded: { ...move.recorded, revision: "2026-11-24T23:59" } }, TODAY, NOW), "2026-11-25T00:00");
  });

  it("holds until the day after begins where the chats are hosted", () => {
    assert.equal(nextDayStart(TODAY, ZONE), Date.parse("2026-11-25T05:00:00Z"));
  });
});
