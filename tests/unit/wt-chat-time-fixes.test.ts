// Fixes for `chat.start` that must work when applied literally: the line a fix gives, put in
// place of the written one, makes a post that checks clean, at the instant the writer meant.
// The writer's own date and time are used, never a placeholder or another post's example.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { resolveChatStart, type Problem, type StartOptions } from "../../lib/chat-time.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

// The fixture site's weekly slot: Tuesdays 20:30 in America/New_York.
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const SITE_ZONE = "America/New_York";

/** A post dated `date` whose `chat:` holds these lines (start on line 5, the next on 6). */
function post(date: string, ...chatLines: string[]): string {
  return `---\ntitle: T\ndate: ${date}\nchat:\n${chatLines.map((line) => `  ${line}\n`).join("")}---\nBody\n`;
}

/** The problem of `start` as the loader asks for it: with the post's date, the weekly time in the site's zone, the `zone:` line if any. */
function problemOf(start: string, postDate: string, zone?: string): Problem {
  const options: StartOptions = {
    postDate,
    ...(zone === undefined || zone === SITE_ZONE ? { slotTime: "20:30" } : {}),
    ...(zone === undefined ? {} : { zoneAt: { line: 6, column: 3 } }),
  };
  const result = resolveChatStart(start, zone ?? SITE_ZONE, options);
  if (result.ok) assert.fail(`expected ${start} to be rejected`);
  assert.equal(result.field, "start");
  return result.problem;
}

/** Every `start: …` value a fix offers, in its order. */
function offeredStarts(fix: string): string[] {
  return [...fix.matchAll(/start: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:\d{2})?)/g)].map((m) => m[1]!);
}

/** Loads the post with its lines as given and asserts it checks clean, starting at `utc`. */
function assertClean(text: string, utc: string): void {
  const result = loadPost("content/posts/t.md", text, ctx);
  assert.deepEqual(result.diagnostics.map((d) => `${d.line}: ${d.message} → ${d.fix}`), []);
  assert.equal(new Date(result.post!.chat!.startMillis).toISOString(), utc);
}

describe("a date that reads both ways with an hour that does too: the time written is in every line", () => {
  it("01/07/2027 8:00 → both dates, each with 20:00 (nearer the weekly 20:30) and 08:00", () => {
    const problem = problemOf("01/07/2027 8:00", "2027-01-01");
    assert.deepEqual(problem, {
      message: '"01/07/2027 8:00": the date could be 7 January 2027 or 1 July 2027, and it does not say whether 8:00 is in the morning or the evening',
      fix: "write the date as YYYY-MM-DD and the time on the 24-hour clock: for 7 January, start: 2027-01-07T20:00 for 8:00 PM or start: 2027-01-07T08:00 for 8:00 AM; for 1 July, start: 2027-07-01T20:00 for 8:00 PM or start: 2027-07-01T08:00 for 8:00 AM",
    });
    assert.doesNotMatch(problem.fix, /HH:mm/);
    const utc = ["2027-01-08T01:00:00.000Z", "2027-01-07T13:00:00.000Z", "2027-07-02T00:00:00.000Z", "2027-07-01T12:00:00.000Z"];
    offeredStarts(problem.fix).forEach((value, i) => assertClean(post("2027-01-01", `start: ${value}`), utc[i]!));
  });

  it("01/07/2027 08:00 (the 24-hour clock) → both dates at 08:00", () => {
    assert.equal(problemOf("01/07/2027 08:00", "2027-01-01").fix, "write the date as YYYY-MM-DD: start: 2027-01-07T08:00 for 7 January, or start: 2027-07-01T08:00 for 1 July");
  });
});

describe("am and pm with the hours 0, 12 and 13–23", () => {
  it("00:30am is 00:30, said as half past midnight at the start of the day", () => {
    const problem = problemOf("2027-01-09 00:30am", "2027-01-02");
    assert.deepEqual(problem, {
      message: '"2027-01-09 00:30am" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock)',
      fix: "write start: 2027-01-09T00:30 (00:30am is 00:30, half past midnight at the start of 9 January)",
    });
    assert.deepEqual(offeredStarts(problem.fix), ["2027-01-09T00:30"]);
    assertClean(post("2027-01-02", "start: 2027-01-09T00:30"), "2027-01-09T05:30:00.000Z");
  });

  it("12:30am: at the start of the day or in the night after it, as midnight", () => {
    const problem = problemOf("2027-01-09 12:30am", "2027-01-02");
    assert.deepEqual(problem, {
      message: '"2027-01-09 12:30am": 12:30am (00:30, half past midnight) could be at the start of 9 January 2027 or in the night after it, on the next day',
      fix: "write start: 2027-01-10T00:30 for the night after 9 January, or start: 2027-01-09T00:30 for the night before it",
    });
    const [after, before] = offeredStarts(problem.fix);
    assertClean(post("2027-01-02", `start: ${after}`), "2027-01-10T05:30:00.000Z");
    assertClean(post("2027-01-02", `start: ${before}`), "2027-01-09T05:30:00.000Z");
  });

  it("0:30 pm contradicts itself: 12:30 or 00:30, asked", () => {
    const problem = problemOf("2027-01-09 0:30 pm", "2027-01-02");
    assert.deepEqual(problem, {
      message: '"2027-01-09 0:30 pm": 0:30 pm is not a time on the clock',
      fix: "write the time on the 24-hour clock (0:30 is half past midnight on the 24-hour clock, and pm the afternoon): start: 2027-01-09T12:30 for 12:30 PM, or start: 2027-01-09T00:30 for 00:30, half past midnight at the start of 9 January",
    });
    const [noon, night] = offeredStarts(problem.fix);
    assertClean(post("2027-01-02", `start: ${noon}`), "2027-01-09T17:30:00.000Z");
    assertClean(post("2027-01-02", `start: ${night}`), "2027-01-09T05:30:00.000Z");
  });

  it("13:00pm: the 24-hour clock's hour, pm dropped; 13:00am and 20:30am: both readings", () => {
    const pm = problemOf("2027-01-09 13:00pm", "2027-01-02");
    assert.deepEqual(pm, {
      message: '"2027-01-09 13:00pm": 13:00pm is not a time on the clock',
      fix: "write the time on the 24-hour clock (13 is an hour of the 24-hour clock, which has no am or pm): start: 2027-01-09T13:00 for 1:00 PM",
    });
    assertClean(post("2027-01-02", `start: ${offeredStarts(pm.fix)[0]}`), "2027-01-09T18:00:00.000Z");
    assert.equal(
      problemOf("2027-01-09 13:00am", "2027-01-02").fix,
      "write the time on the 24-hour clock (13:00 is 1:00 PM on the 24-hour clock, and am the morning): start: 2027-01-09T13:00 for 1:00 PM, or start: 2027-01-09T01:00 for 1:00 AM",
    );
    assert.deepEqual(offeredStarts(problemOf("2027-01-09 20:30am", "2027-01-02").fix), ["2027-01-09T20:30", "2027-01-09T08:30"]);
    // Still impossible: an hour past 23, minutes past 59.
    assert.match(problemOf("2027-01-09 25pm", "2027-01-02").fix, /00:00 to 23:59: start: 2027-01-09THH:mm$/);
  });
});

describe("12am is treated as midnight is: both nights", () => {
  for (const written of ["2027-01-06 12am", "2027-01-06 12:00 AM", "6 January 2027 12 a.m."]) {
    it(written, () => {
      const problem = problemOf(written, "2027-01-04");
      assert.deepEqual(problem, {
        message: `"${written}": ${written.slice(written.lastIndexOf(" 12") + 1)}, midnight, could be the start of 6 January 2027 or its end, 00:00 on the next day`,
        fix: "write start: 2027-01-07T00:00 for the night after 6 January, or start: 2027-01-06T00:00 for the night before it",
      });
      const [after, before] = offeredStarts(problem.fix);
      assertClean(post("2027-01-04", `start: ${after}`), "2027-01-07T05:00:00.000Z");
      assertClean(post("2027-01-04", `start: ${before}`), "2027-01-06T05:00:00.000Z");
    });
  }

  it("midnight with a date that reads both ways: both nights of both dates, not the weekly time", () => {
    assert.deepEqual(offeredStarts(problemOf("12/01/2026 midnight", "2026-01-01").fix), ["2026-12-02T00:00", "2026-12-01T00:00", "2026-01-13T00:00", "2026-01-12T00:00"]);
  });
});

describe("a date without its year, or a weekday alone: the post's date tells which", () => {
  it("Wed 3 Dec 8pm, posted 25 November 2026 (3 December 2026 is a Thursday): both days, with the years it is a Wednesday", () => {
    const problem = problemOf("Wed 3 Dec 8pm", "2026-11-25");
    assert.deepEqual(problem, {
      message:
        '"Wed 3 Dec 8pm": it has no year, and 3 December 2026, the first 3 December on or after the post\'s date, 25 November 2026, is a Thursday, not a Wednesday (3 December is a Wednesday in 2025 and 2031)',
      fix: "write the date as YYYY-MM-DD: start: 2026-12-03T20:00 for Thursday 3 December, or start: 2026-12-02T20:00 for Wednesday 2 December",
    });
    assert.doesNotMatch(problem.fix, /2026-12-01/);
    const [thursday, wednesday] = offeredStarts(problem.fix);
    assertClean(post("2026-11-25", `start: ${thursday}`), "2026-12-04T01:00:00.000Z");
    assertClean(post("2026-11-25", `start: ${wednesday}`), "2026-12-03T01:00:00.000Z");
  });

  it("Wed 3 Dec 8pm, posted 20 November 2025: the year it is a Wednesday, alone", () => {
    const problem = problemOf("Wed 3 Dec 8pm", "2025-11-20");
    assert.equal(problem.fix, "write start: 2025-12-03T20:00 (3 December 2025, the first 3 December on or after the post's date, 20 November 2025, is a Wednesday)");
    assertClean(post("2025-11-20", "start: 2025-12-03T20:00"), "2025-12-04T01:00:00.000Z");
  });

  it("December 3rd 8:30 PM and Tuesday 8pm: the first such day on or after the post's date", () => {
    assert.deepEqual(offeredStarts(problemOf("December 3rd 8:30 PM", "2026-11-25").fix), ["2026-12-03T20:30"]);
    const tuesday = problemOf("Tuesday 8pm", "2026-11-25");
    assert.equal(tuesday.fix, "write start: 2026-12-01T20:00 (1 December 2026, the first Tuesday on or after the post's date, 25 November 2026)");
    assertClean(post("2026-11-25", `start: ${offeredStarts(tuesday.fix)[0]}`), "2026-12-02T01:00:00.000Z");
  });

  it("without the post's date (moved_from:, updated:) the year is asked for, with the day and time written", () => {
    const result = resolveChatStart("Wed 3 Dec 8pm", SITE_ZONE);
    assert.ok(!result.ok);
    assert.deepEqual(result.problem, { message: '"Wed 3 Dec 8pm" has no year', fix: "write the date with its year, as YYYY-MM-DD: start: YYYY-12-03T20:00" });
  });
});

describe("a remark in brackets after the start", () => {
  it("2027-01-10T12:30 (noon ET): the brackets go, the contradiction is told, both lines given", () => {
    const problem = problemOf("2027-01-10T12:30 (noon ET)", "2027-01-03");
    assert.deepEqual(problem, {
      message:
        '"2027-01-10T12:30 (noon ET)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say noon ET (12:00) where the start says 12:30',
      fix: "write start: 2027-01-10T12:30; or, if the chat is at noon ET as the brackets say, write start: 2027-01-10T12:00 (without ET: the zone is America/New_York already)",
    });
    const [asWritten, noon] = offeredStarts(problem.fix);
    assertClean(post("2027-01-03", `start: ${asWritten}`), "2027-01-10T17:30:00.000Z");
    assertClean(post("2027-01-03", `start: ${noon}`), "2027-01-10T17:00:00.000Z");
  });

  it("ET in brackets with a time of its own, on a post in another zone: the start is that zone's as written, noon ET a line of its own", () => {
    // ET is noon's zone, not 12:30's: 12:30 stays London's time, and noon ET is 17:00 in London.
    const problem = problemOf("2027-01-10T12:30 (noon ET)", "2027-01-03", "Europe/London");
    assert.deepEqual(problem, {
      message:
        '"2027-01-10T12:30 (noon ET)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start, and they say noon ET (17:00 in Europe/London) where the start says 12:30',
      fix: "write start: 2027-01-10T12:30; or, if the chat is at noon ET as the brackets say, to keep zone: Europe/London (line 6), write the moment written in its time: start: 2027-01-10T17:00; or write start: 2027-01-10T12:00 and change line 6 (`zone:`) to `  zone: America/New_York`, if the chat is hosted there",
    });
    const [asWritten, noonInLondon] = offeredStarts(problem.fix);
    assertClean(post("2027-01-03", `start: ${asWritten}`, "zone: Europe/London"), "2027-01-10T12:30:00.000Z");
    assertClean(post("2027-01-03", `start: ${noonInLondon}`, "zone: Europe/London"), "2027-01-10T17:00:00.000Z");
    // With no `zone:` line, the zone still goes on a line of its own.
    const result = resolveChatStart("2027-01-10T12:30 (noon ET)", "Europe/London", { postDate: "2027-01-03" });
    assert.ok(!result.ok);
    assert.match(result.problem.fix, /^write start: 2027-01-10T12:30; or, if the chat is at noon ET as the brackets say, to keep Europe\/London, write the moment written in its time: start: 2027-01-10T17:00; or write start: 2027-01-10T12:00 and, on its own line in `chat:`, zone: America\/New_York, if the chat is hosted there$/);
  });

  it("the same moment in another zone, or a remark: the start alone", () => {
    assert.deepEqual(problemOf("2027-01-10T20:30 (17:30 PT)", "2027-01-03"), {
      message: '"2027-01-10T20:30 (17:30 PT)" is not written as YYYY-MM-DDTHH:mm: the brackets are no part of it (they give the same moment in PT, which the page shows each reader in their own time)',
      fix: "write start: 2027-01-10T20:30",
    });
    assert.deepEqual(problemOf("2027-01-10T20:30 (tentative)", "2027-01-03"), {
      message: '"2027-01-10T20:30 (tentative)" is not written as YYYY-MM-DDTHH:mm; the brackets are no part of a start (a remark goes in the post\'s text)',
      fix: "write start: 2027-01-10T20:30",
    });
    assert.equal(problemOf("2027-01-10T20:30 (8:30pm)", "2027-01-03").fix, "write start: 2027-01-10T20:30");
    // "(ET)" alone is a zone after the time, as before.
    assert.equal(problemOf("2027-01-10T20:30 (ET)", "2027-01-03").fix, "write start: 2027-01-10T20:30 (without ET: the zone is America/New_York already)");
  });
});

describe("letters after the time that contradict a written `zone:` line: that line is changed, not doubled", () => {
  it("2027-01-07 8pm ET with zone: Europe/London on line 6", () => {
    const problem = problemOf("2027-01-07 8pm ET", "2027-01-05", "Europe/London");
    assert.deepEqual(problem, {
      message:
        '"2027-01-07 8pm ET" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock), and 20:00 ET on 7 January is 20:00 in New York (UTC−5), and the zone on line 6, Europe/London, is at UTC then',
      fix: "to keep zone: Europe/London (line 6), write the moment written in its time: start: 2027-01-08T01:00; or write start: 2027-01-07T20:00 and change line 6 (`zone:`) to `  zone: America/New_York`, if the chat is hosted there",
    });
    assert.doesNotMatch(problem.fix, /own line/);
    const [london, newYork] = offeredStarts(problem.fix);
    assertClean(post("2027-01-05", `start: ${london}`, "zone: Europe/London"), "2027-01-08T01:00:00.000Z");
    // Done literally: line 5 replaced, line 6 replaced with the line in backticks.
    const newZoneLine = /change line 6 \(`zone:`\) to `([^`]+)`/.exec(problem.fix)![1]!;
    const lines = post("2027-01-05", "start: 2027-01-07 8pm ET", "zone: Europe/London").split("\n");
    lines[4] = `  start: ${newYork}`;
    lines[5] = newZoneLine;
    assertClean(lines.join("\n"), "2027-01-08T01:00:00.000Z");
  });

  it("with no `zone:` line, the zone still goes on a line of its own", () => {
    const result = resolveChatStart("2027-01-07 8pm ET", "Europe/London", { postDate: "2027-01-05" });
    assert.ok(!result.ok);
    assert.match(result.problem.fix, /and, on its own line in `chat:`, zone: America\/New_York, if the chat is hosted there$/);
  });
});
