// lib/intl-formats.ts: kept Intl formatters must format exactly as new ones would.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateTimeFormat } from "../../lib/intl-formats.ts";

describe("kept Intl date formatters", () => {
  it("gives the same formatter for the same locale and options, and another for others", () => {
    const options = { timeZone: "America/St_Johns", timeZoneName: "short" } as const;
    assert.equal(dateTimeFormat("en-US", options), dateTimeFormat("en-US", { ...options }));
    assert.notEqual(dateTimeFormat("en-US", options), dateTimeFormat("en-US", { ...options, timeZoneName: "long" }));
    assert.notEqual(dateTimeFormat("en-US", options), dateTimeFormat("fr-CA", options));
  });

  it("formats as a new formatter does, across zones, locales and daylight saving", () => {
    const instants = [Date.UTC(2017, 4, 3, 0, 30), Date.UTC(2024, 0, 15, 12), Date.UTC(2024, 9, 6, 16)];
    for (const locale of ["en-US", "fr-CA", "de-DE", "ja-JP"]) {
      for (const timeZone of ["America/New_York", "Australia/Adelaide", "Asia/Kathmandu", "UTC"]) {
        for (const options of [{ timeZone, timeZoneName: "short" }, { timeZone, weekday: "long", year: "numeric", month: "long", day: "numeric" }] as Intl.DateTimeFormatOptions[]) {
          for (const millis of instants) {
            assert.deepEqual(dateTimeFormat(locale, options).formatToParts(millis), new Intl.DateTimeFormat(locale, options).formatToParts(millis), `${locale} ${JSON.stringify(options)} ${millis}`);
          }
        }
      }
    }
  });
});
