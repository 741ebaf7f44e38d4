// Two chats on one hashtag in the hour the clocks go back can read the same ("01:45
// Australia/Lord_Howe" twice) and still be different moments: the clash error then gives
// each its UTC offset. Whether they clash is decided by the moments, not the clock times.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveChatStart } from "../../lib/chat-time.ts";
import { crossFileProblems, type CrossFilePost } from "../../lib/cross-file-checks.ts";

/** A post whose chat starts at `start` in `zone`, resolved as the loader does. */
function chatPost(name: string, start: string, zone: string, minutes = 60): CrossFilePost {
  const resolved = resolveChatStart(start, zone);
  assert.ok(resolved.ok, `${start} ${zone}`);
  const { startMillis, wallClock, zone: current } = resolved.instant;
  return {
    file: `content/posts/2017-01-01-${name}.md`, url: `/posts/${name}/`, date: "2017-01-01", draft: false, postLinks: [],
    chat: { startMillis, endMillis: startMillis + minutes * 60_000, hashtag: "#fixchat", wallClock, zone: current },
  };
}
const messages = (posts: CrossFilePost[]) => crossFileProblems(posts, { today: "2030-01-01", where: () => ({ line: 5, column: 3 }) }).map((d) => [d.file, d.line, d.field, d.message]);

describe("chats that read the same but are different moments", () => {
  it("Lord Howe's repeated half hour: 30 minutes apart, so 60-minute chats clash; each is named with its offset", () => {
    const a = chatPost("a", "2027-04-04T01:45+11:00", "Australia/Lord_Howe");
    const b = chatPost("b", "2027-04-04T01:45+10:30", "Australia/Lord_Howe");
    assert.equal(b.chat!.startMillis - a.chat!.startMillis, 30 * 60_000);
    assert.deepEqual(messages([b, a]), [
      [a.file, 5, "chat.start", `this chat (2027-04-04 01:45 UTC+11, Australia/Lord_Howe) and the chat in ${b.file} (2027-04-04 01:45 UTC+10:30, Australia/Lord_Howe) are both on #fixchat at once: one starts before the other ends`],
      [b.file, 5, "chat.start", `this chat (2027-04-04 01:45 UTC+10:30, Australia/Lord_Howe) and the chat in ${a.file} (2027-04-04 01:45 UTC+11, Australia/Lord_Howe) are both on #fixchat at once: one starts before the other ends`],
    ]);
  });

  it("New York's repeated hour: 60-minute chats an hour apart follow each other; 90-minute ones clash, named with their offsets", () => {
    assert.deepEqual(messages([chatPost("a", "2017-11-05T01:30-04:00", "America/New_York"), chatPost("b", "2017-11-05T01:30-05:00", "America/New_York")]), []);
    const a = chatPost("a", "2017-11-05T01:30-04:00", "America/New_York", 90);
    const b = chatPost("b", "2017-11-05T01:30-05:00", "America/New_York");
    assert.deepEqual(messages([a, b]).map((m) => m[3]), [
      `this chat (2017-11-05 01:30 UTC−4, America/New_York) and the chat in ${b.file} (2017-11-05 01:30 UTC−5, America/New_York) are both on #fixchat at once: one starts before the other ends`,
      `this chat (2017-11-05 01:30 UTC−5, America/New_York) and the chat in ${a.file} (2017-11-05 01:30 UTC−4, America/New_York) are both on #fixchat at once: one starts before the other ends`,
    ]);
  });

  it("a start written without its offset (the first 01:30 is taken) is told apart from one written with the second", () => {
    const a = chatPost("a", "2017-11-05T01:30", "America/New_York", 90);
    const b = chatPost("b", "2017-11-05T01:30-05:00", "America/New_York");
    assert.match(String(messages([a, b])[0]![3]), /^this chat \(2017-11-05 01:30 UTC−4, America\/New_York\) and the chat in \S+ \(2017-11-05 01:30 UTC−5, America\/New_York\)/);
  });

  it("only the times that read alike get an offset; others in the same message are as written", () => {
    const a = chatPost("a", "2017-11-05T01:30-04:00", "America/New_York", 120);
    const b = chatPost("b", "2017-11-05T01:30-05:00", "America/New_York");
    const c = chatPost("c", "2017-11-05T01:45-05:00", "America/New_York");
    assert.equal(
      messages([a, b, c])[0]![3],
      `this chat (2017-11-05 01:30 UTC−4, America/New_York) and the chat in ${b.file} (2017-11-05 01:30 UTC−5, America/New_York) and ${c.file} (2017-11-05 01:45 America/New_York) are both on #fixchat at once: one starts before the other ends`,
    );
  });

  it("the same moment written alike is named as written, without offsets", () => {
    const a = chatPost("a", "2017-11-05T01:30-05:00", "America/New_York");
    const b = chatPost("b", "2017-11-05T01:30-05:00", "America/New_York");
    assert.equal(messages([a, b])[0]![3], `this chat starts at the same moment (2017-11-05 01:30 America/New_York) as the chat in ${b.file} (2017-11-05 01:30 America/New_York)`);
  });
});
