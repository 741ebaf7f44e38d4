// Letters after a time mean a moment on the date written (EST: UTC−5; Central: Chicago's offset
// that day). Each fix, applied literally, gives that moment, or the message says which other
// one it gives and why (fz9 audit, findings 1 to 7).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkZone, resolveChatStart } from "../../lib/chat-time.ts";
import { chatProblemsOf, instant, problem } from "../helpers/chat-time-fixes.ts";

const chatProblems = chatProblemsOf("content/posts/2026-01-10-probe.md", "2026-01-10", "topics:\n  - Probe?\n");

/** Each `start:` of a fix with the zone it is read in: the `zone:` lines after it, else the chat's. */
function lines(fix: string, chatZone: string): Array<{ start: string; zone: string }> {
  const found = [...fix.matchAll(/start: (\d{4}-\d{2}-\d{2}T[\d:]+(?:[+-]\d{2}:\d{2})?)/g)];
  return found.flatMap((m, i) => {
    const rest = fix.slice(m.index! + m[0].length, found[i + 1]?.index ?? fix.length);
    const zones = /^`? and, on its own line/.test(rest) ? [...rest.matchAll(/zone: ([A-Za-z_/]+)/g)].map((z) => z[1]!) : [chatZone];
    return zones.map((zone) => ({ start: m[1]!, zone }));
  });
}

/** The instants the fix's lines give, first line first. */
function instants(fix: string, chatZone: string): string[] {
  return lines(fix, chatZone).map(({ start, zone }) => instant(start, zone));
}

describe("finding 1: a region's time (Central, ET, MT, PT) is its place's offset that day, never both seasons'", () => {
  // [start, chat zone, the moment the letters mean in UTC, the place that keeps them]
  const cases: Array<[string, string, string, string]> = [
    ["2026-01-13 8pm Central", "America/New_York", "2026-01-14T02:00", "America/Chicago"],
    ["2026-01-14 8pm CT", "America/New_York", "2026-01-15T02:00", "America/Chicago"],
    ["2026-07-14 8pm ET", "America/Chicago", "2026-07-15T00:00", "America/New_York"],
    ["2026-07-14 8pm Eastern", "America/Chicago", "2026-07-15T00:00", "America/New_York"],
    ["2026-01-14 8pm ET", "America/Halifax", "2026-01-15T01:00", "America/New_York"],
    ["2026-01-14 8pm Mountain", "America/Chicago", "2026-01-15T03:00", "America/Denver"],
    ["2026-07-14 8pm CT", "America/Denver", "2026-07-15T01:00", "America/Chicago"],
    ["2026-01-14 8pm PT", "America/Phoenix", "2026-01-15T04:00", "America/Los_Angeles"],
    ["2026-01-14 8pm Central", "America/Havana", "2026-01-15T02:00", "America/Chicago"],
  ];
  for (const [start, zone, meant, place] of cases) {
    it(`${start} with zone ${zone}`, () => {
      const { message, fix } = problem(start, zone);
      assert.doesNotMatch(fix, /already/);
      assert.match(message, new RegExp(`is 20:00 in ${place.slice(place.indexOf("/") + 1).replace("_", " ")} \\(UTC−\\d\\), and ${zone} is at UTC−\\d then$`));
      // The first line keeps the chat's zone and the moment; the other is the place with the time as written.
      const read = lines(fix, zone);
      assert.deepEqual(read[0]!.zone, zone);
      assert.deepEqual(read.slice(1), [{ start: `${start.slice(0, 10)}T20:00`, zone: place }]);
      assert.deepEqual(instants(fix, zone), [meant, meant]);
    });
  }

  it("the finding's post, end to end: the fix applied checks clean at 20:00 CST", () => {
    const [error] = chatProblems("start: 2026-01-13 8pm Central");
    assert.match(error!, /chat\.start {2}"2026-01-13 8pm Central" is not written as YYYY-MM-DDTHH:mm .*, and 20:00 Central on 13 January is 20:00 in Chicago \(UTC−6\), and America\/New_York is at UTC−5 then → to keep America\/New_York, write the moment written in its time: start: 2026-01-13T21:00; /);
    assert.deepEqual(chatProblems("start: 2026-01-13T21:00"), []);
    assert.equal(instant("2026-01-13T21:00", "America/New_York"), "2026-01-14T02:00");
    assert.deepEqual(chatProblems("start: 2026-01-13T20:00", "zone: America/Chicago"), []);
  });

  it("the same region's time in its own zone, or one on its clock, is the zone already", () => {
    for (const [start, zone] of [["2026-01-14 8pm Central", "America/Chicago"], ["2026-07-14 8pm ET", "America/Toronto"], ["2026-07-14 8pm MT", "America/Phoenix"]] as const) {
      assert.equal(problem(start, zone).fix, `write ${start.slice(0, 10).replace(/^/, "start: ")}T20:00 (without ${start.split(" ").at(-1)}: the zone is ${zone} already)`);
    }
  });

  it("letters of one season at the zone's offset that day are no move, and the message says both offsets", () => {
    // 20:00 EST in July is 20:00 CDT: both UTC−5.
    assert.equal(problem("2026-07-14 20:00 EST", "America/Chicago").fix, "write start: 2026-07-14T20:00 (without EST: 20:00 EST is 20:00 in America/Chicago on 14 July, both UTC−5)");
    assert.equal(instant("2026-07-14T20:00", "America/Chicago"), "2026-07-15T01:00");
  });
});

describe("finding 2: a season is said only of letters the zone keeps, and never as the zone's when it is another place's", () => {
  it("EST in July with New York or Toronto: the time kept, said to be EDT, the letters' moment as the other line", () => {
    for (const zone of ["America/New_York", "America/Toronto"]) {
      const { fix } = problem("2026-07-14 20:00 EST", zone);
      assert.match(fix, /keeps EDT, UTC−4.*EST, UTC−5, is (its|New York's) winter time\. If 20:00 EST was meant, that is 21:00 EDT: write start: 2026-07-14T21:00\)$/);
      assert.deepEqual(instants(fix, zone), ["2026-07-15T00:00", "2026-07-15T01:00"]);
    }
  });

  it("never 'Central is New York's winter time', 'EST is Chicago's summer time' or the like", () => {
    const cases: Array<[string, string]> = [
      ["2026-07-14 20:00 Central", "America/New_York"], ["2026-01-14 20:00 EST", "America/Chicago"], ["2026-01-14 20:00 ET", "America/Chicago"],
      ["2026-07-14 20:00 EDT", "America/Halifax"], ["2026-07-14 20:00 CST", "America/New_York"], ["2026-07-14 20:00 PET", "America/New_York"],
      ["2026-07-14 20:00 AST", "America/New_York"], ["2026-01-14 20:00 WAT", "Europe/Berlin"], ["2026-07-14 20:00 BST", "Europe/Berlin"],
      ["2026-01-14 20:00 SAST", "Europe/Berlin"], ["2026-01-14 20:00 MSK", "Asia/Jerusalem"], ["2026-01-14 20:00 IST", "Europe/London"],
    ];
    for (const [start, zone] of cases) {
      const { message, fix } = problem(start, zone);
      const city = zone.slice(zone.indexOf("/") + 1).replace("_", " ");
      assert.doesNotMatch(`${message} ${fix}`, new RegExp(`${city}'s (summer|winter) time|is its (summer|winter) time|already`), start);
      // The first line is the letters' moment in the chat's zone.
      const [first] = lines(fix, zone);
      assert.equal(first!.zone, zone, start);
    }
  });

  it("Central on a New York site in July: 20:00 CDT, an hour after 20:00 EDT", () => {
    const { fix } = problem("2026-07-14 20:00 Central", "America/New_York");
    assert.deepEqual(instants(fix, "America/New_York"), ["2026-07-15T01:00", "2026-07-15T01:00"]);
  });

  it("CST in July on a New York site: each moment CST can mean, then Chicago's 20:00 said to be CDT, before Shanghai's", () => {
    const { fix } = problem("2026-07-14 20:00 CST", "America/New_York");
    assert.deepEqual(instants(fix, "America/New_York").slice(0, 3), ["2026-07-15T02:00", "2026-07-14T12:00", "2026-07-15T01:00"]);
    assert.deepEqual(lines(fix, "America/New_York").slice(3).map((line) => line.zone), ["America/Chicago", "Asia/Shanghai", "America/Havana"]);
    assert.match(fix, /or if the chat is at 20:00 in Chicago, whose time on 14 July is CDT \(UTC−5\), not CST, write start: 2026-07-14T20:00/);
  });

  it("EST in January on a Chicago site: 19:00 in Chicago, or New York with 20:00", () => {
    const { fix } = problem("2026-01-14 20:00 EST", "America/Chicago");
    assert.equal(fix, "to keep America/Chicago, write the moment written in its time: start: 2026-01-14T19:00; or write start: 2026-01-14T20:00 and, on its own line in `chat:`, zone: America/New_York, if the chat is hosted there");
    assert.deepEqual(instants(fix, "America/Chicago"), ["2026-01-15T01:00", "2026-01-15T01:00"]);
  });

  it("a place's own letters of one season in another place's zone: a line for the place's time, saying it is not the letters'", () => {
    const { fix } = problem("2026-07-14 20:00 EST", "Europe/Berlin");
    assert.equal(fix, "to keep Europe/Berlin, write the moment written in its time: start: 2026-07-15T03:00; or if the chat is at 20:00 in New York, whose time on 14 July is EDT (UTC−4), not EST, write start: 2026-07-14T20:00 and, on its own line in `chat:`, zone: America/New_York");
    assert.equal(instant("2026-07-15T03:00", "Europe/Berlin"), "2026-07-15T01:00");
  });
});

describe("finding 3: `moved_from:` and `updated:` never get a `zone:` line, which would move `start:` too", () => {
  it("GST in a moved_from: the moment in the chat's zone only", () => {
    const { fix } = problem("2026-07-13 20:00 (GST)", "America/New_York", { zoneFixed: true });
    assert.equal(fix, "to keep America/New_York, write the moment written in its time: start: 2026-07-13T12:00");
    assert.doesNotMatch(fix, /zone:/);
    assert.equal(instant("2026-07-13T12:00", "America/New_York"), "2026-07-13T16:00");
    // For start: itself, Dubai with the time as written is a line too.
    assert.match(problem("2026-07-13 20:00 (GST)", "America/New_York").fix, /; or write start: 2026-07-13T20:00 and, on its own line in `chat:`, zone: Asia\/Dubai, if the chat is hosted there$/);
  });

  it("in a post: the moved_from: fix names moved_from:, with no zone: line", () => {
    const problems = chatProblems("start: 2026-07-21T20:00", "moved_from: 2026-07-14 20:00 (GST)");
    const moved = problems.filter((p) => p.includes("chat.moved_from"));
    assert.equal(moved.length, 1, problems.join("\n"));
    assert.match(moved[0]!, /moved_from: 2026-07-14T12:00/);
    assert.doesNotMatch(moved[0]!, /zone:|start:/);
  });

  it("no zone line with letters of several places, with a season's letters, without a date, or with a zone in brackets", () => {
    for (const written of ["2026-12-01 8:30pm PST", "2026-07-14 20:00 EST", "20:00 EST", "2026-07-14T20:00:00+01:00[Europe/London]"]) {
      assert.doesNotMatch(problem(written, "Europe/Berlin", { zoneFixed: true }).fix, /zone:/, written);
    }
  });
});

describe("finding 4: an offset or UTC in the hour the clocks go back gives the moment written first", () => {
  const cases: Array<[string, string, string, string]> = [
    // [written, zone, the fix's last line (the moment), its instant]
    ["2026-11-01T01:30Z", "America/New_York", "2026-10-31T21:30", "2026-11-01T01:30"],
    ["2026-11-01 01:30 UTC", "America/New_York", "2026-10-31T21:30", "2026-11-01T01:30"],
    ["2026-11-01T01:30:00.000Z", "America/New_York", "2026-10-31T21:30", "2026-11-01T01:30"],
    ["2026-11-01T01:30+05:30", "America/New_York", "2026-10-31T16:00", "2026-10-31T20:00"],
    ["2026-11-01T01:30-06:00", "America/New_York", "2026-11-01T02:30", "2026-11-01T07:30"],
    ["2026-10-25T01:30+02:00", "Europe/London", "2026-10-25T00:30", "2026-10-24T23:30"],
    ["2026-10-25T02:30-04:00", "Europe/Berlin", "2026-10-25T07:30", "2026-10-25T06:30"],
    // The moment is itself in the repeated hour: written with its offset.
    ["2026-11-01T06:30Z", "America/New_York", "2026-11-01T01:30-05:00", "2026-11-01T06:30"],
  ];
  for (const [written, zone, moment, utc] of cases) {
    it(`${written} in ${zone}`, () => {
      const { fix } = problem(written, zone);
      assert.match(fix, new RegExp(`^write the moment in the time of ${zone}, .*: \`start: ${moment.replace("+", "\\+")}\`$`));
      assert.equal(instant(moment, zone), utc);
    });
  }

  it("the time as written is the other line, one for each occurrence that night", () => {
    const { fix } = problem("2026-11-01T01:30Z", "America/New_York");
    assert.equal(fix, "write the moment in the time of America/New_York, 21:30 on 31 October (or, if 01:30 is the time there, which happens twice that night, write `start: 2026-11-01T01:30-04:00` for the first or `start: 2026-11-01T01:30-05:00` for the second): `start: 2026-10-31T21:30`");
  });
});

describe("finding 5: `zone:` letters of several places say which keep clock changes; GMT offers UTC first", () => {
  it("PST: Los Angeles keeps PDT in summer, Manila UTC+8 all year", () => {
    assert.deepEqual(checkZone("PST"), {
      message: '"PST" is an abbreviation, not a time zone: the letters name more than one place',
      fix: "write zone: America/Los_Angeles (PST in winter, PDT in summer) or zone: Asia/Manila (UTC+8 all year)",
    });
  });

  it("GMT: UTC for a time that never changes with the seasons, then the places, each with its times", () => {
    const { fix } = checkZone("GMT")!;
    assert.equal(fix, "write zone: UTC if the chat is at the same time all year, whatever the season; or the zone of the place where it is hosted: zone: Europe/London (GMT in winter, BST in summer), zone: Europe/Dublin (GMT in winter, IST in summer) or zone: Africa/Accra (GMT all year)");
    // Applied: UTC keeps a July chat at 20:00 UTC; London is at BST, as the fix says.
    assert.equal(instant("2026-07-14T20:00", "UTC"), "2026-07-14T20:00");
    assert.equal(instant("2026-07-14T20:00", "Europe/London"), "2026-07-14T19:00");
  });

  it("Mountain is a name, not letters; EST. and E.S.T. are the letters", () => {
    assert.equal(checkZone("Mountain")!.message, '"Mountain" is the name of a region\'s time, not of a time zone: it names more than one place');
    for (const zone of ["EST.", "E.S.T."]) assert.match(checkZone(zone)!.fix, /^write zone: America\/New_York \(the zone of E\.?S\.?T\.?\/Eastern, with its clock changes\)$/);
  });
});

describe("finding 6: letters with stops and long names keep the writer's date", () => {
  const cases: Array<[string, string, string]> = [
    // [written, chat zone, the moment meant in UTC]
    ["2026-07-14 20:00 EST.", "Asia/Shanghai", "2026-07-15T01:00"],
    ["2026-07-14 20:00 E.S.T.", "Asia/Shanghai", "2026-07-15T01:00"],
    ["2026-07-14 20:00 ET.", "Asia/Shanghai", "2026-07-15T00:00"],
    ["2026-07-14 8pm Eastern Time", "Asia/Shanghai", "2026-07-15T00:00"],
    ["2026-07-14 8 pm Pacific Standard Time", "America/New_York", "2026-07-15T04:00"],
    ["2026-07-14 8pm Pacific Time", "America/New_York", "2026-07-15T03:00"],
  ];
  for (const [written, zone, meant] of cases) {
    it(written, () => {
      const { fix } = problem(written, zone);
      assert.doesNotMatch(fix, /2026-12-01|e\.g\./);
      assert.equal(instants(fix, zone)[0], meant);
    });
  }

  it("in the zone that keeps them, the zone already", () => {
    assert.equal(problem("2026-07-14 8pm Eastern Time", "America/New_York").fix, "write start: 2026-07-14T20:00 (without Eastern Time: the zone is America/New_York already)");
    assert.equal(problem("2026-01-14 20:00 EST.", "America/New_York").fix, "write start: 2026-01-14T20:00 (without EST: the zone is America/New_York already)");
  });
});

describe("finding 7: letters no place keeps that day, and the clock-change nights", () => {
  it("CDT in January in London: both moments CDT can mean, each said", () => {
    const { message, fix } = problem("2026-01-14 20:00 CDT", "Europe/London");
    assert.match(message, /20:00 CDT on 14 January is UTC−5 \(Chicago's summer time, not kept there then\) or UTC−4 \(Havana's summer time, not kept there then\)/);
    assert.ok(fix.startsWith("to keep Europe/London, write the moment written in its time: start: 2026-01-15T01:00 for 20:00 UTC−5, or start: 2026-01-15T00:00 for 20:00 UTC−4; "), fix);
    assert.deepEqual(instants(fix, "Europe/London").slice(0, 2), ["2026-01-15T01:00", "2026-01-15T00:00"]);
    // The places' own 20:00 that day is a line only with its time said: not CDT.
    assert.match(fix, /or if the chat is at 20:00 in Chicago, whose time on 14 January is CST \(UTC−6\), not CDT, write start: 2026-01-14T20:00 and, on its own line in `chat:`, zone: America\/Chicago;/);
    assert.match(fix, /or if the chat is at 20:00 in Havana, whose time on 14 January is UTC−5, not CDT, write/);
  });

  it("02:30 EST on the night New York skips it: the moment, 03:30 EDT", () => {
    const { message, fix } = problem("2026-03-08 02:30 EST", "America/New_York");
    assert.match(message, /02:30 does not exist in America\/New_York that night: its clocks jump forward$/);
    assert.equal(fix, "to keep America/New_York, write the moment written in its time: start: 2026-03-08T03:30");
    assert.equal(instant("2026-03-08T03:30", "America/New_York"), "2026-03-08T07:30");
    assert.equal(instants(problem("2026-03-08 02:30 CST", "America/Chicago").fix, "America/Chicago")[0], "2026-03-08T08:30");
  });

  it("01:30 EST on the night New York's clocks go back is the second 01:30, with its offset", () => {
    const { message, fix } = problem("2026-11-01 01:30 EST", "America/New_York");
    assert.match(message, /01:30 happens twice in America\/New_York that night \(the clocks go back\), and 01:30 EST is the second$/);
    assert.doesNotMatch(`${message} ${fix}`, /winter time|keeps EDT/);
    assert.deepEqual(instants(fix, "America/New_York"), ["2026-11-01T06:30"]);
    assert.deepEqual(instants(problem("2026-11-01 01:30 EDT", "America/New_York").fix, "America/New_York"), ["2026-11-01T05:30"]);
  });

  it("01:30 (EDT) with Chicago: the moment in Chicago, and New York's first 01:30 with its offset", () => {
    const { fix } = problem("2026-11-01 01:30 (EDT)", "America/Chicago");
    assert.deepEqual(lines(fix, "America/Chicago"), [
      { start: "2026-11-01T00:30", zone: "America/Chicago" },
      { start: "2026-11-01T01:30-04:00", zone: "America/New_York" },
    ]);
    assert.deepEqual(instants(fix, "America/Chicago"), ["2026-11-01T05:30", "2026-11-01T05:30"]);
  });
});
