// A list written for a text field (`author: [Dana Whitfield, Priya Raman]`, two hosts) and a
// chat start whose offset is not its zone's (copied from a post before the clocks changed):
// each fix is the writer's own line, and the post reads back clean once it is put in place.
// A field that holds one thing (a hashtag) keeps the general advice: its items cannot all be kept.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveChatStart } from "../../lib/chat-time.ts";
import { applyLineFix, setLine } from "../helpers/line-fixes.ts";
import { loadLines, post, shown, slipContext } from "../helpers/slip-post.ts";

const messages = (lines: string[], ctx = slipContext()) => loadLines(lines, ctx).diagnostics.map(shown);

/** The post's one diagnostic, and the post with the line its fix gives put in place: read back clean. */
function fixedClean(lines: string[], ctx = slipContext()): string {
  const ds = loadLines(lines, ctx).diagnostics;
  assert.equal(ds.length, 1, ds.map(shown).join("\n"));
  const fixed = applyLineFix(lines.join("\n"), ds[0]!, { orLast: true }).split("\n");
  assert.deepEqual(messages(fixed, ctx), [], `after the fix:\n${fixed.join("\n")}`);
  return fixed.join("\n");
}

describe("a list written for a text field", () => {
  it("gives two hosts' names as one line: `author: Dana Whitfield and Priya Raman`", () => {
    const lines = post({}, ["author: [Dana Whitfield, Priya Raman]"]);
    assert.deepEqual(messages(lines), [
      "8:1  author  expected the author's name as text, found a list → write the names as one text on the line of `author:`, in place of the list: `author: Dana Whitfield and Priya Raman`",
    ]);
    assert.match(fixedClean(lines), /^author: Dana Whitfield and Priya Raman$/m);
  });

  it("joins three names as `A, B and C`, and one as itself", () => {
    const three = post({}, ["author: [Dana Whitfield, Priya Raman, Sam Okoro]"]);
    assert.match(loadLines(three).diagnostics[0]!.fix!, /: `author: Dana Whitfield, Priya Raman and Sam Okoro`$/);
    fixedClean(three);
    const one = post({}, ["author: [Dana Whitfield]"]);
    assert.match(loadLines(one).diagnostics[0]!.fix!, /: `author: Dana Whitfield`$/);
    fixedClean(one);
  });

  it("gives a title written as a list its words as typed, with commas, quoted when YAML needs it", () => {
    const lines = post({ 2: "title: [Online communities, sponsorship]" });
    assert.deepEqual(messages(lines), [
      "2:1  title  expected the title as text, found a list → write the items as one text on the line of `title:`, in place of the list: `title: Online communities, sponsorship`",
    ]);
    fixedClean(lines);
    const colon = post({ 2: 'title: ["Vendors: friends?", sponsors]' });
    assert.match(loadLines(colon).diagnostics[0]!.fix!, /: `title: "Vendors: friends\?, sponsors"`$/);
    fixedClean(colon);
  });

  it("keeps a nested field's indentation in the line it gives (an image's credit)", () => {
    const ctx = slipContext(new Set(["content/posts/meetup.png"]));
    const lines = post({}, ["image:", "  src: meetup.png", "  alt: Two hosts at the meetup", "  credit: [Ana Ruiz, Ben Cole]"]);
    assert.deepEqual(messages(lines, ctx), [
      "11:3  image.credit  expected the image credit as text, found a list → write the names as one text on the line of `credit:`, in place of the list: `  credit: Ana Ruiz and Ben Cole`",
    ]);
    assert.match(fixedClean(lines, ctx), /^ {2}credit: Ana Ruiz and Ben Cole$/m);
  });

  it("keeps the general advice for a field that holds one thing, or a list of lists", () => {
    const ctx = slipContext(new Set(["content/posts/meetup.png", "content/posts/slides.png"]));
    assert.deepEqual(messages(post({}, ["image:", "  src: [meetup.png, slides.png]", "  alt: Two hosts at the meetup"]), ctx), [
      "9:3  image.src  expected the image file as text, found a list → write the text on the same line: src: your text",
    ]);
    assert.match(loadLines(post({}, ["author: [[Dana Whitfield], Priya Raman]"])).diagnostics[0]!.fix!, /: author: your text$/);
  });
});

describe("a chat start whose offset is not its zone's", () => {
  it("gives the line without the offset: the time where the chat is hosted, as a weekly chat keeps it", () => {
    const result = resolveChatStart("2027-03-16T20:30-05:00", "America/New_York");
    assert.ok(!result.ok);
    assert.deepEqual(result.problem, {
      message: "the offset -05:00 does not match America/New_York, which is at -04:00 (UTC−4) at that moment",
      fix: "write the time in America/New_York without the offset (chatpost gives it the one in force that day, -04:00): `start: 2027-03-16T20:30`",
    });
  });

  it("reads back clean once the line is put in place (kept under chat:, indented)", () => {
    const lines = post({ 5: "  start: 2017-05-02T20:30-05:00" });
    const [d, ...rest] = loadLines(lines).diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(shown(d!), "5:3  chat.start  the offset -05:00 does not match America/New_York, which is at -04:00 (UTC−4) at that moment → write the time in America/New_York without the offset (chatpost gives it the one in force that day, -04:00): `start: 2017-05-02T20:30`");
    const line = /: `(.*)`$/.exec(d!.fix!)![1]!;
    const fixed = setLine(lines.join("\n"), d!.line!, `  ${line}`).split("\n");
    assert.deepEqual(messages(fixed), []);
    const again = loadLines(fixed).diagnostics;
    assert.deepEqual(again, []);
  });

  it("gives the moment written in the zone's time for a UTC time, and the time written as the other choice", () => {
    const result = resolveChatStart("2017-05-02T20:30Z", "America/New_York");
    assert.ok(!result.ok);
    assert.equal(result.problem.fix, "write the moment in the time of America/New_York, 16:30 (or, if 20:30 is the time there, write `start: 2017-05-02T20:30`): `start: 2017-05-02T16:30`");
  });

  it("never gives a time that does not exist or happens twice without saying which", () => {
    const gap = resolveChatStart("2017-03-12T02:30-05:00", "America/New_York");
    assert.ok(!gap.ok);
    assert.equal(gap.problem.fix, "2017-03-12 02:30 does not exist in America/New_York (the clocks jump forward that night); the moment written is 2017-03-12 03:30 there: `start: 2017-03-12T03:30`");
    assert.ok(resolveChatStart("2017-03-12T03:30", "America/New_York").ok);
    const twice = resolveChatStart("2017-11-05T01:30-06:00", "America/New_York");
    assert.ok(!twice.ok);
    // -06:00 is no offset of New York's: the moment written first, then each of the two 01:30s.
    assert.equal(twice.problem.fix, "write the moment in the time of America/New_York, 02:30 (or, if 01:30 is the time there, which happens twice that night, write `start: 2017-11-05T01:30-04:00` for the first or `start: 2017-11-05T01:30-05:00` for the second): `start: 2017-11-05T02:30`");
    const moment = resolveChatStart("2017-11-05T02:30", "America/New_York");
    assert.ok(moment.ok && !moment.warning && moment.instant.startMillis === Date.parse("2017-11-05T01:30-06:00"));
    for (const written of ["2017-11-05T01:30-04:00", "2017-11-05T01:30-05:00"]) {
      const r = resolveChatStart(written, "America/New_York");
      assert.ok(r.ok && !r.warning, written);
    }
  });
});
