// A writer's slips in `chat:` and the exact value each fix gives: a start not written as
// YYYY-MM-DDTHH:mm, a zone by its city or common name, a length with its unit, a hashtag
// without its #, and a start 12 hours from the weekly time.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkZone, resolveChatStart, type Problem } from "../../lib/chat-time.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

// The fixture site's weekly slot: Tuesdays 20:30 in America/New_York.
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2026-11-20-listening.md";

function startProblem(start: string, slotTime?: string): Problem {
  const result = resolveChatStart(start, "America/New_York", slotTime ? { slotTime } : {});
  if (result.ok) assert.fail(`expected ${start} to be rejected`);
  assert.equal(result.field, "start");
  return result.problem;
}

/** The problems of a post whose `chat:` holds these lines, formatted as `npm run check` prints them. */
function chatProblems(...lines: string[]): string[] {
  const text = `---\ntitle: T\ndate: 2026-11-20\nchat:\n${lines.map((l) => `  ${l}\n`).join("")}---\nBody\n`;
  return loadPost(FILE, text, ctx).diagnostics.map((d) => formatDiagnostic(d).replace(`${FILE}:`, ""));
}

describe("a start not written as YYYY-MM-DDTHH:mm: the fix gives the value when it can be read", () => {
  const exact: Array<[string, string]> = [
    ["2026-12-01 8:00 PM", "start: 2026-12-01T20:00"],
    ["2026-12-01 8pm", "start: 2026-12-01T20:00"],
    ["Dec 1, 2026 8pm", "start: 2026-12-01T20:00"],
    ["December 1 2026 20:00", "start: 2026-12-01T20:00"],
    ["2026-12-01 20.30", "start: 2026-12-01T20:30"],
    ["Tuesday, December 1st, 2026 at 8:30 p.m.", "start: 2026-12-01T20:30"],
    ["1 Dec 2026 20h30", "start: 2026-12-01T20:30"],
    ["13/12/2026 20:30", "start: 2026-12-13T20:30"],
  ];
  for (const [written, value] of exact) {
    it(`${written} → ${value}`, () => {
      assert.deepEqual(startProblem(written, "20:30"), {
        message: `"${written}" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock)`,
        fix: `write ${value}`,
      });
    });
  }

  it("a date without a time: the weekly time, or HH:mm for a chat outside the site's zone", () => {
    assert.deepEqual(startProblem("2026-12-01", "20:30"), {
      message: '"2026-12-01" has a date but no time',
      fix: "add the time, e.g. the weekly time: start: 2026-12-01T20:30 (HH:mm on the 24-hour clock)",
    });
    assert.equal(
      startProblem("2026-12-01").fix,
      "add the time on the 24-hour clock where the chat is hosted: start: 2026-12-01THH:mm, e.g. start: 2026-12-01T20:30 for 8:30 PM",
    );
  });

  it("an hour of the 12-hour clock without am or pm: both values, the one nearer the weekly time first", () => {
    assert.deepEqual(startProblem("2026-12-01 8:00", "20:30"), {
      message: '"2026-12-01 8:00" does not say whether 8:00 is in the morning or the evening',
      fix: "write the time on the 24-hour clock: start: 2026-12-01T20:00 for 8:00 PM, or start: 2026-12-01T08:00 for 8:00 AM",
    });
    assert.equal(startProblem("2026-12-01T8:30", "09:00").fix, "write the time on the 24-hour clock: start: 2026-12-01T08:30 for 8:30 AM, or start: 2026-12-01T20:30 for 8:30 PM");
    assert.match(startProblem("2026-12-01 12.30").fix, /start: 2026-12-01T00:30 for 12:30 AM, or start: 2026-12-01T12:30 for 12:30 PM$/);
  });

  it("24:00 is 00:00 of the next day", () => {
    assert.deepEqual(startProblem("2026-12-01T24:00"), {
      message: '"2026-12-01T24:00": 24:00 is not a time on the clock; midnight at the end of 1 December 2026 is 00:00 on the next day',
      fix: "write start: 2026-12-02T00:00",
    });
    assert.equal(startProblem("2026-12-31 24:00").fix, "write start: 2027-01-01T00:00");
  });

  it("a date that reads either way (12/01/2026): both dates, never one guessed", () => {
    assert.deepEqual(startProblem("12/01/2026 8pm"), {
      message: '"12/01/2026 8pm": the date could be 1 December 2026 or 12 January 2026',
      fix: "write the date as YYYY-MM-DD: start: 2026-12-01T20:00 for 1 December, or start: 2026-01-12T20:00 for 12 January",
    });
  });

  it("a weekday that does not match the date is named", () => {
    assert.equal(startProblem("Tuesday, December 2, 2026 8pm").fix, "write start: 2026-12-02T20:00 (check the date: 2 December 2026 is a Wednesday)");
  });

  it("a zone written after the time goes in `zone:`", () => {
    assert.equal(startProblem("2026-12-01T20:30 EST").fix, "write start: 2026-12-01T20:30 (without EST: the zone is America/New_York already)");
    // PST is Los Angeles's or Manila's: the moment in the chat's zone for each, then the places with the time as written.
    assert.deepEqual(startProblem("2026-12-01 8:30pm PST"), {
      message: '"2026-12-01 8:30pm PST" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock), and 20:30 PST on 1 December is 20:30 in Los Angeles (UTC−8) or 20:30 in Manila (UTC+8), and America/New_York is at UTC−5 then',
      fix: "to keep America/New_York, write the moment written in its time: start: 2026-12-01T23:30 for 20:30 PST in Los Angeles, or start: 2026-12-01T07:30 for 20:30 PST in Manila; or write start: 2026-12-01T20:30 and, on its own line in `chat:`, zone: America/Los_Angeles, or zone: Asia/Manila, if the chat is hosted there",
    });
  });

  it("what cannot be read gets the form, with an example", () => {
    assert.deepEqual(startProblem("next tuesday", "20:30"), {
      message: '"next tuesday" is not a date and time written as YYYY-MM-DDTHH:mm',
      fix: "write the date and the time on the 24-hour clock where the chat is hosted, as YYYY-MM-DDTHH:mm, e.g. start: 2026-12-01T20:30",
    });
    assert.equal(startProblem("2026-12-01 13pm").message, '"2026-12-01 13pm": 13pm is not a time on the clock');
  });
});

describe("noon, midnight, and a time without a date", () => {
  it("noon and midday are 12:00", () => {
    for (const written of ["2026-12-09 noon", "2026-12-09 12 noon", "Dec 9 2026 midday"]) {
      assert.equal(startProblem(written).fix, "write start: 2026-12-09T12:00", written);
    }
  });

  it("midnight could begin the day or end it: both, named", () => {
    for (const written of ["2026-12-09 midnight", "9 December 2026 at midnight", "2026-12-09 12:00 midnight"]) {
      assert.deepEqual(startProblem(written), {
        message: `"${written}": midnight could be the start of 9 December 2026 or its end, 00:00 on the next day`,
        fix: "write start: 2026-12-10T00:00 for the night after 9 December, or start: 2026-12-09T00:00 for the night before it",
      });
    }
    // 12am is midnight to most, with the same two readings (tests/unit/wt-chat-time-fixes.test.ts).
    assert.equal(startProblem("2026-12-01 12:00 AM").fix, "write start: 2026-12-02T00:00 for the night after 1 December, or start: 2026-12-01T00:00 for the night before it");
    // The end of a month and of a year.
    assert.match(startProblem("2026-12-31 midnight").fix, /^write start: 2027-01-01T00:00 for the night after 31 December, or start: 2026-12-31T00:00/);
  });

  it("a time alone, or with a weekday, asks for the date, with the time kept", () => {
    assert.deepEqual(startProblem("20:00 EST"), {
      message: '"20:00 EST" has a time but no date',
      // No date: New York keeps EST in winter only, and which time it keeps is said once the date is written.
      fix: "write the chat's date before the time, as YYYY-MM-DD: start: YYYY-MM-DDT20:00 (without EST if the time is America/New_York's that day: it keeps EST as its winter time only)",
    });
    assert.deepEqual(startProblem("Tuesday 8pm"), {
      message: '"Tuesday 8pm" has a time but no date: a weekday does not say which week',
      fix: "write the chat's date before the time, as YYYY-MM-DD: start: YYYY-MM-DDT20:00",
    });
    assert.equal(startProblem("8:30").fix, "write the chat's date before the time, as YYYY-MM-DD: start: YYYY-MM-DDT08:30 in the morning, start: YYYY-MM-DDT20:30 in the evening");
    // Words alone are not a time.
    assert.match(startProblem("Tuesday").message, /is not a date and time written as YYYY-MM-DDTHH:mm/);
  });
});

describe("a zone by its city or common name: the tz database name in the fix", () => {
  const meant: Array<[string, string]> = [
    ["New York", "America/New_York"],
    ["Sydney", "Australia/Sydney"],
    ["London", "Europe/London"],
    ["Paris", "Europe/Paris"],
    ["São Paulo", "America/Sao_Paulo"],
    ["Kolkata", "Asia/Kolkata"],
    ["Eastern Time", "America/New_York"],
    ["Central Time", "America/Chicago"],
    ["Mountain Time", "America/Denver"],
    ["Pacific Time", "America/Los_Angeles"],
    ["Eastern Time (US & Canada)", "America/New_York"],
    ["Central European Time", "Europe/Paris"],
    // Not "Japan": a tz database name (a link to Asia/Tokyo), accepted with a warning (tests/unit/chat-time.test.ts).
    ["Tokyo", "Asia/Tokyo"],
    ["Washington, D.C.", "America/New_York"],
    ["Washington DC", "America/New_York"],
    ["Europe/Pariss", "Europe/Paris"],
    // By the tz database's current names, which have an area between (Intl gives the old ones).
    ["Buenos Aires", "America/Argentina/Buenos_Aires"],
    ["Indianapolis", "America/Indiana/Indianapolis"],
    ["Kiev", "Europe/Kyiv"],
  ];
  for (const [zone, iana] of meant) {
    it(`${zone} → ${iana}`, () => {
      assert.deepEqual(checkZone(zone), { message: `"${zone}" is not an IANA time zone`, fix: `write zone: ${iana}` });
    });
  }

  it("a space for _ is named as the slip", () => {
    assert.deepEqual(checkZone("America/New York"), {
      message: '"America/New York" is not an IANA time zone as written: tz database names write a space as _',
      fix: "write zone: America/New_York",
    });
  });

  it("no guess for a name that matches nothing; abbreviations and spaces around a valid name as before", () => {
    // A city and its region are not guessed at: "Paris, Texas" is not Europe/Paris.
    for (const zone of ["Mars/Olympus_Mons", "Home", "Europe/Foo", "Paris, Texas", "Washington"]) assert.match(checkZone(zone)!.fix, /^write Area\/City as in the tz database/);
    assert.equal(checkZone("EST")!.fix, "write zone: America/New_York (the zone of EST/Eastern, with its clock changes)");
    assert.equal(checkZone("Europe/Paris "), undefined);
  });
});

describe("a wrong zone and a wrong start: both in one run", () => {
  it("resolveChatStart gives the start's problem with the zone's", () => {
    const result = resolveChatStart("2026-12-01 8pm", "New York");
    assert.ok(!result.ok);
    assert.equal(result.field, "zone");
    assert.equal(result.problem.fix, "write zone: America/New_York");
    assert.equal(result.startProblem?.fix, "write start: 2026-12-01T20:00");
    // The start alone is checked, not against the zone it cannot know: no second word about the zone.
    const fine = resolveChatStart("2026-12-01T20:30-05:00", "EST");
    assert.ok(!fine.ok && fine.startProblem === undefined);
  });

  it("the post gets both errors, each at its line", () => {
    assert.deepEqual(chatProblems("start: 2026-12-01", "zone: Sydney"), [
      '6:3  chat.zone  "Sydney" is not an IANA time zone → write zone: Australia/Sydney',
      '5:3  chat.start  "2026-12-01" has a date but no time → add the time on the 24-hour clock where the chat is hosted: start: 2026-12-01THH:mm, e.g. start: 2026-12-01T20:30 for 8:30 PM',
    ]);
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", "zone: Pacific Time"), ['6:3  chat.zone  "Pacific Time" is not an IANA time zone → write zone: America/Los_Angeles']);
  });
});

describe("a start 12 hours from the weekly time (am/pm)", () => {
  const warning =
    "5:3  chat.start  warning: the chat starts at 08:30 (8:30 AM), 12 hours from the weekly time 20:30 (8:30 PM): the 24-hour clock was probably meant → if it is at 8:30 PM, write start: 2026-12-01T20:30; if 8:30 AM is right, leave it as it is";

  it("warns in the site's zone, whether or not the post names it", () => {
    assert.deepEqual(chatProblems("start: 2026-12-01T08:30"), [warning]);
    assert.deepEqual(chatProblems("start: 2026-12-01T08:30", "zone: America/New_York"), [warning]);
  });

  it("not for a chat hosted in another zone, nor at other hours or on another weekday", () => {
    assert.deepEqual(chatProblems("start: 2026-12-01T08:30", "zone: Europe/London"), []);
    assert.deepEqual(chatProblems("start: 2026-12-01T09:30"), []);
    assert.deepEqual(chatProblems("start: 2026-12-03T20:30"), []);
  });

  it("a date alone in the site's zone is given the weekly time", () => {
    assert.deepEqual(chatProblems("start: 2026-12-01"), [
      '5:3  chat.start  "2026-12-01" has a date but no time → add the time, e.g. the weekly time: start: 2026-12-01T20:30 (HH:mm on the 24-hour clock)',
    ]);
  });
});

describe("duration and hashtag: the writer's own value in the fix", () => {
  for (const [written, minutes] of [["90 minutes", 90], ["90 min", 90], ["1 hour", 60], ["1.5 hours", 90], ["1h30", 90], ["2 hrs", 120], ["1 hour 30 minutes", 90]] as const) {
    it(`duration: ${written} → duration: ${minutes}`, () => {
      assert.deepEqual(chatProblems("start: 2026-12-01T20:30", `duration: ${written}`), [
        `6:3  chat.duration  expected the length of the chat in minutes, without a unit, found text → write duration: ${minutes}`,
      ]);
    });
  }

  it("a length that cannot be read, or is too long, keeps the general fix", () => {
    for (const written of ["long", "30 hours"]) {
      assert.deepEqual(chatProblems("start: 2026-12-01T20:30", `duration: ${written}`), [
        "6:3  chat.duration  expected the length of the chat in minutes, e.g. 60, found text → write a plain number, without quotes or units, e.g. duration: 60",
      ]);
    }
  });

  it("a hashtag without its #, with a space or a second #: quotes asked for only where they are missing", () => {
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", "hashtag: nursechat"), [
      '6:3  chat.hashtag  a hashtag is # followed by letters, digits or _ (the # is missing) → write it in quotes: hashtag: "#nursechat"',
    ]);
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", 'hashtag: "#nurse chat"'), [
      '6:3  chat.hashtag  a hashtag is # followed by letters, digits or _ (no spaces) → write hashtag: "#nursechat"',
    ]);
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", 'hashtag: "##nursechat"'), [
      '6:3  chat.hashtag  a hashtag is # followed by letters, digits or _ (one # only) → write hashtag: "#nursechat"',
    ]);
    assert.deepEqual(chatProblems("start: 2026-12-01T20:30", 'hashtag: "#nurse-chat!"'), [
      '6:3  chat.hashtag  a hashtag is # followed by letters, digits or _ (no spaces, no other signs) → write it without them, e.g. hashtag: "#nursechat"',
    ]);
  });
});
