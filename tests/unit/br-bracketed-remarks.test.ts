// Remarks in brackets after `chat.start`: letters that come with a time of their own are that
// time's zone, not the start's ("20:30 (noon PT)" is 20:30 where the post is, and noon in Los
// Angeles), and a run of brackets is read once. The long runs are sized so that the old reading,
// which read the rest of the value again at each bracket (2^k), would never return: a return of
// it shows as a test that times out. Time itself is not asserted (as in pa-pathological-input).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { resolveChatStart, type Problem, type StartOptions } from "../../lib/chat-time.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

// The fixture site's weekly slot: Tuesdays 20:30 in America/New_York. 1 December 2026 is a Tuesday.
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const SITE_ZONE = "America/New_York";
const POST_DATE = "2026-11-20";
const SLOW = { timeout: 60_000 };

/** A post dated POST_DATE whose `chat:` holds these lines (start on line 5, the next on 6). */
function post(...chatLines: string[]): string {
  return `---\ntitle: T\ndate: ${POST_DATE}\nchat:\n${chatLines.map((line) => `  ${line}\n`).join("")}---\nBody\n`;
}

/** The problem of `start` as the loader asks for it: the post's date, the weekly time in the site's zone, the `zone:` line (line 6) if any. */
function problemOf(start: string, zone?: string): Problem {
  const options: StartOptions = {
    postDate: POST_DATE,
    ...(zone === undefined ? { slotTime: "20:30" } : { zoneAt: { line: 6, column: 3 } }),
  };
  const result = resolveChatStart(start, zone ?? SITE_ZONE, options);
  if (result.ok) assert.fail(`expected ${start} to be rejected`);
  assert.equal(result.field, "start");
  return result.problem;
}

/** Every `start: …` value a fix offers, in its order. */
function offeredStarts(fix: string): string[] {
  return [...fix.matchAll(/start: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/g)].map((m) => m[1]!);
}

/** Loads the post and asserts it checks clean, starting at `utc`. */
function assertClean(text: string, utc: string): void {
  const result = loadPost("content/posts/t.md", text, ctx);
  assert.deepEqual(result.diagnostics.map((d) => `${d.line}: ${d.message} → ${d.fix}`), []);
  assert.equal(new Date(result.post!.chat!.startMillis).toISOString(), utc);
}

describe("letters in brackets with a time of their own are that time's zone, not the start's", () => {
  it("2026-12-01T20:30 (noon PT) on a New York site: 20:30 as written, or noon in Los Angeles, 15:00 in New York", () => {
    const diagnostics = loadPost("content/posts/t.md", post("start: 2026-12-01T20:30 (noon PT)"), ctx).diagnostics;
    assert.deepEqual(diagnostics.map(({ line, column, field, message, fix }) => ({ line, column, field, message, fix })), [
      {
        line: 5,
        column: 3,
        field: "chat.start",
        message: '"2026-12-01T20:30 (noon PT)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say noon PT (15:00 in America/New_York) where the start says 20:30',
        fix: "write start: 2026-12-01T20:30; or, if the chat is at noon PT as the brackets say, to keep America/New_York, write the moment written in its time: start: 2026-12-01T15:00; or write start: 2026-12-01T12:00 and, on its own line in `chat:`, zone: America/Los_Angeles, if the chat is hosted there",
      },
    ]);
    // Nothing says the writer wrote 20:30 PT, and 20:30 is not moved to 23:30.
    const { message, fix = "" } = diagnostics[0]!;
    assert.doesNotMatch(message, /20:30 PT/);
    assert.doesNotMatch(fix, /23:30/);
    const [asWritten, noonHere, noonThere] = offeredStarts(fix);
    assertClean(post(`start: ${asWritten}`), "2026-12-02T01:30:00.000Z");
    assertClean(post(`start: ${noonHere}`), "2026-12-01T20:00:00.000Z");
    assertClean(post(`start: ${noonThere}`, "zone: America/Los_Angeles"), "2026-12-01T20:00:00.000Z");
  });

  it("the same on a post whose zone is Los Angeles: noon PT is 12:00 there", () => {
    const problem = problemOf("2026-12-01T20:30 (noon PT)", "America/Los_Angeles");
    assert.deepEqual(problem, {
      message: '"2026-12-01T20:30 (noon PT)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say noon PT (12:00) where the start says 20:30',
      fix: "write start: 2026-12-01T20:30; or, if the chat is at noon PT as the brackets say, write start: 2026-12-01T12:00 (without PT: the zone is America/Los_Angeles already)",
    });
    const [asWritten, noon] = offeredStarts(problem.fix);
    assertClean(post(`start: ${asWritten}`, "zone: America/Los_Angeles"), "2026-12-02T04:30:00.000Z");
    assertClean(post(`start: ${noon}`, "zone: America/Los_Angeles"), "2026-12-01T20:00:00.000Z");
  });

  it("a start in another form keeps its own reading: 1 Dec 2026 8pm (noon PT)", () => {
    assert.deepEqual(problemOf("1 Dec 2026 8pm (noon PT)"), {
      message: '"1 Dec 2026 8pm (noon PT)" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock); the brackets are no part of a start, and they say noon PT (15:00 in America/New_York) where the start says 20:00',
      fix: "write start: 2026-12-01T20:00; or, if the chat is at noon PT as the brackets say, to keep America/New_York, write the moment written in its time: start: 2026-12-01T15:00; or write start: 2026-12-01T12:00 and, on its own line in `chat:`, zone: America/Los_Angeles, if the chat is hosted there",
    });
  });

  it("another zone's time on the day after the start's is read on that day: (02:30 GMT) is 21:30 in New York on 1 December", () => {
    const problem = problemOf("2026-12-01T20:30 (02:30 GMT)");
    assert.deepEqual(problem, {
      message: '"2026-12-01T20:30 (02:30 GMT)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say 02:30 GMT (21:30 in America/New_York) where the start says 20:30',
      fix: "write start: 2026-12-01T20:30; or, if the chat is at 02:30 GMT as the brackets say, to keep America/New_York, write the moment written in its time: start: 2026-12-01T21:30; or write start: 2026-12-02T02:30 and, on its own line in `chat:`, zone: Europe/London, or zone: Europe/Dublin, or zone: Africa/Accra, or zone: UTC, if the chat is hosted there",
    });
    const [, here, london] = offeredStarts(problem.fix);
    assertClean(post(`start: ${here}`), "2026-12-02T02:30:00.000Z");
    assertClean(post(`start: ${london}`, "zone: Europe/London"), "2026-12-02T02:30:00.000Z");
  });

  it("a time without letters is handled as before: (9pm)", () => {
    assert.deepEqual(problemOf("2026-12-01T20:30 (9pm)"), {
      message: '"2026-12-01T20:30 (9pm)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say 9pm (21:00) where the start says 20:30',
      fix: "write start: 2026-12-01T20:30; or, if the chat is at 9pm as the brackets say, write start: 2026-12-01T21:00",
    });
  });

  it("the same moment in another zone is a conversion for readers, in any bracket", () => {
    const conversion = {
      message: '"2026-12-01T20:30 (17:30 PT)" is not written as YYYY-MM-DDTHH:mm: the brackets are no part of it (they give the same moment in PT, which the page shows each reader in their own time)',
      fix: "write start: 2026-12-01T20:30",
    };
    assert.deepEqual(problemOf("2026-12-01T20:30 (17:30 PT)"), conversion);
    assert.deepEqual(problemOf("2026-12-01T20:30 (17:30 PT) (01:30 GMT)"), {
      message: '"2026-12-01T20:30 (17:30 PT) (01:30 GMT)" is not written as YYYY-MM-DDTHH:mm: the brackets are no part of it (they give the same moment in PT or GMT, which the page shows each reader in their own time)',
      fix: "write start: 2026-12-01T20:30",
    });
  });
});

describe("letters in brackets with no time of their own are still the start's zone", () => {
  // 20:30 PT on 1 December is 23:30 in New York: the start is read in PT, whichever bracket says so.
  const inPacific = "to keep America/New_York, write the moment written in its time: start: 2026-12-01T23:30; or write start: 2026-12-01T20:30 and, on its own line in `chat:`, zone: America/Los_Angeles, if the chat is hosted there";
  for (const start of ["2026-12-01T20:30 (tentative, PT)", "2026-12-01T20:30 (tentative) (PT)", "2026-12-01T20:30 (PT) (tentative)", "2026-12-01T20:30 PT (tentative)"]) {
    it(start, () => {
      const problem = problemOf(start);
      assert.equal(problem.fix, inPacific);
      assert.equal(
        problem.message,
        `"${start}" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock), and 20:30 PT on 1 December is 20:30 in Los Angeles (UTC−8), and America/New_York is at UTC−5 then; the brackets are no part of a start (a remark goes in the post's text)`,
      );
    });
  }

  it("(PT) alone is a zone after the time, as before", () => {
    assert.equal(problemOf("2026-12-01T20:30 (PT)").fix, inPacific);
  });
});

describe("a run of brackets is read once", () => {
  const one = problemOf("2026-12-01T20:30 (9pm ET)");

  it("2026-12-01T20:30 (9pm ET): told once", () => {
    assert.deepEqual(one, {
      message: '"2026-12-01T20:30 (9pm ET)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say 9pm ET (21:00) where the start says 20:30',
      fix: "write start: 2026-12-01T20:30; or, if the chat is at 9pm ET as the brackets say, write start: 2026-12-01T21:00 (without ET: the zone is America/New_York already)",
    });
  });

  it("the same remark 200 times is told as once, each line said once", SLOW, () => {
    for (const k of [2, 12, 200]) {
      const start = `2026-12-01T20:30${" (9pm ET)".repeat(k)}`;
      assert.deepEqual(problemOf(start), { message: one.message.replace('"2026-12-01T20:30 (9pm ET)"', `"${start}"`), fix: one.fix }, String(k));
    }
  });

  it("200 brackets of remarks, letters and times mixed: each kind told once", SLOW, () => {
    const start = `2026-12-01T20:30${" (9pm ET) (tentative) (noon PT)".repeat(200)}`;
    assert.deepEqual(problemOf(start), {
      message: `"${start}" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start (a remark goes in the post's text), and they say 9pm ET (21:00) and noon PT (15:00 in America/New_York) where the start says 20:30`,
      fix: "write start: 2026-12-01T20:30; or, if the chat is at 9pm ET as the brackets say, write start: 2026-12-01T21:00 (without ET: the zone is America/New_York already); or, if the chat is at noon PT as the brackets say, to keep America/New_York, write the moment written in its time: start: 2026-12-01T15:00; or write start: 2026-12-01T12:00 and, on its own line in `chat:`, zone: America/Los_Angeles, if the chat is hosted there",
    });
  });

  // Read after a space, "11:30 PT" asked for am or pm and lost its letters: both lines were New York times.
  it("a time in brackets with letters and no am/pm: both readings, each in the letters' zone", () => {
    const { fix } = problemOf("2026-12-01T20:30 (11:30 PT)");
    assert.deepEqual(offeredStarts(fix), ["2026-12-01T20:30", "2026-12-01T14:30", "2026-12-01T11:30", "2026-12-02T02:30", "2026-12-01T23:30"]);
    assert.match(fix, /for 11:30 AM, to keep America\/New_York, write the moment written in its time: start: 2026-12-01T14:30; or write start: 2026-12-01T11:30 and, on its own line in `chat:`, zone: America\/Los_Angeles/);
    assert.match(fix, /for 11:30 PM, to keep America\/New_York, write the moment written in its time: start: 2026-12-02T02:30/);
    assert.deepEqual(offeredStarts(problemOf("2026-12-01T20:30 (09:30 PT)").fix), ["2026-12-01T20:30", "2026-12-01T12:30", "2026-12-01T09:30"]);
  });

  it("20,000 empty or unclosed brackets return, told as a start the brackets are no part of", SLOW, () => {
    assert.match(problemOf(`2026-12-01T20:30${" ()".repeat(20_000)}`).fix, /^write start: 2026-12-01T20:30$/);
    assert.match(problemOf(`2026-12-01T20:30 ${"(".repeat(20_000)}9pm)`).message, /the brackets are no part of a start$/);
  });

  // Each "(x)." took one more level of reading (a stack overflow, a stack trace, at 1,000).
  it("20,000 brackets with a full stop or comma after each: the start, read once", SLOW, () => {
    for (const tail of ["(x).", "(x). ", "(x), ", "(x);"]) {
      assert.match(problemOf(`2026-12-01T20:30 ${tail.repeat(20_000)}`).fix, /^write start: 2026-12-01T20:30$/, tail);
    }
  });
});
