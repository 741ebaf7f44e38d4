// The local-time script's countdown text for every whole minute of the last ten days:
// it never steps back, never repeats a unit's top ("60 minutes", "48 hours"), changes
// only at whole minutes of the time left, and is never far from the truth. The
// function is taken from the script's own bytes (layouts/partials/local-time-script.njk);
// tests/browser/local-time.test.ts checks the page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

const SCRIPT = readFileSync(new URL("../../layouts/partials/local-time-script.njk", import.meta.url), "utf8");

/** The script's `starts(left)`, with `words` its RelativeTimeFormat (null for English). */
function starts(words: Intl.RelativeTimeFormat | null = null): (left: number) => string {
  const source = /^function starts\(left\) \{\n[\s\S]*?\n\}$/m.exec(SCRIPT)?.[0];
  assert.ok(source, "the script has `function starts(left) { … }`");
  return new Function("words", `${source}\nreturn starts;`)(words) as (left: number) => string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT: Record<string, number> = { minute: MINUTE, minutes: MINUTE, hour: HOUR, hours: HOUR, day: DAY, days: DAY };

/** "Starts in 3 hours" → 3 hours in milliseconds. */
function said(text: string): number {
  const m = /^Starts in (\d+) (minutes?|hours?|days?)$/.exec(text);
  assert.ok(m, text);
  assert.equal(m[1] === "1", !m[2]!.endsWith("s"), `${text}: singular for 1 only`);
  return Number(m[1]) * UNIT[m[2]!]!;
}

describe("the countdown", () => {
  const text = starts();

  it("says what the audit found wrong rightly", () => {
    assert.equal(text(47 * HOUR + 59 * MINUTE), "Starts in 2 days");
    assert.equal(text(6 * DAY + 22 * HOUR), "Starts in 7 days");
    assert.equal(text(59.5 * MINUTE), "Starts in 1 hour");
    assert.equal(text(61 * MINUTE), "Starts in 1 hour");
    assert.equal(text(59 * MINUTE), "Starts in 59 minutes");
    assert.equal(text(29 * HOUR), "Starts in 29 hours");
    assert.equal(text(1), "Starts in 1 minute");
  });

  it("over ten days: never steps back, changes only at whole minutes, and is near the truth", () => {
    let before = Infinity;
    for (let minutes = 10 * 1440; minutes >= 1; minutes--) {
      const left = minutes * MINUTE;
      const now = text(left);
      // The same text for the whole minute up to here: (left − 1 min, left].
      assert.equal(text(left - MINUTE + 1), now, `${minutes} min`);
      assert.equal(text(left - MINUTE / 2), now, `${minutes} min`);
      const value = said(now);
      assert.ok(value <= before, `${minutes} min: ${now} after a smaller one`);
      before = value;
      assert.doesNotMatch(now, /\b(0 \w+|60 minutes|4[89] hours|1 day)$/, `${minutes} min`);
      // Minutes rounded up; hours within half an hour; days within half a day.
      if (value < HOUR) assert.ok(value >= left && value - left < MINUTE, `${minutes} min: ${now}`);
      else if (value < DAY * 2) assert.ok(Math.abs(value - left) <= HOUR / 2, `${minutes} min: ${now}`);
      else assert.ok(Math.abs(value - left) <= DAY / 2, `${minutes} min: ${now}`);
    }
  });

  it("in another language, is Intl.RelativeTimeFormat's with the same numbers", () => {
    const de = starts(new Intl.RelativeTimeFormat("de", { numeric: "always" }));
    assert.equal(de(47 * HOUR + 59 * MINUTE), "in 2 Tagen");
    assert.equal(de(29 * HOUR), "in 29 Stunden");
    assert.equal(de(59.5 * MINUTE), "in 1 Stunde");
    assert.equal(de(30_000), "in 1 Minute");
  });
});
