// The chat's time joins its date and time as each locale does (not with a Latin ", "
// everywhere), and writes the UTC offset in the locale's digits; American English is as it was.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeChatTime, formatOffset, resolveChatStart } from "../../lib/chat-time.ts";

function at(start: string, zone: string, locale: string) {
  const resolved = resolveChatStart(start, zone);
  assert.ok(resolved.ok, `${start} ${zone}`);
  return describeChatTime(resolved.instant, locale);
}

describe("describeChatTime in other locales", () => {
  it("keeps American English as it was", () => {
    const text = at("2026-12-01T20:30", "America/New_York", "en-US");
    assert.equal(text.host, "Tuesday, December 1, 2026, 8:30 PM EST (UTC−5)");
    assert.equal(text.utc, "Wednesday, December 2, 2026, 01:30 UTC");
    assert.equal(at("2017-05-02T20:30", "Asia/Kathmandu", "en-US").host, "Tuesday, May 2, 2017, 8:30 PM Nepal Time (UTC+5:45)");
    assert.equal(at("2017-05-02T20:30", "UTC", "en-US").host, "Tuesday, May 2, 2017, 8:30 PM UTC");
    assert.equal(at("2017-05-02T20:30", "UTC", "en-US").utc, "Tuesday, May 2, 2017, 20:30 UTC");
  });

  it("joins a Japanese date and time with a space, as Japanese does", () => {
    const text = at("2026-12-01T20:30", "Asia/Tokyo", "ja-JP");
    assert.match(text.host, /^2026年12月1日火曜日 20:30 /);
    assert.match(text.utc, /^2026年12月1日火曜日 11:30 UTC$/);
    assert.doesNotMatch(`${text.host} ${text.utc}`, /,/);
  });

  it("joins an Arabic date and time with the Arabic comma, and writes the offset in Arabic-Indic digits", () => {
    const text = at("2026-12-01T20:30", "Asia/Kathmandu", "ar-EG");
    assert.doesNotMatch(`${text.host} ${text.utc}`, /[,0-9]/, "no Latin comma, no Latin digit");
    assert.match(text.host, /٢٠٢٦، ٨:٣٠/);
    assert.match(text.host, /\(UTC\+٥:٤٥\)$/);
    assert.match(text.utc, /٢٠٢٦، ١٤:٤٥ UTC$/);
    // The offset field, for machines, keeps Latin digits.
    assert.equal(text.offset, "UTC+5:45");
  });

  it("puts the time first where the locale does, and its zone with it", () => {
    const text = at("2026-12-01T20:30", "Asia/Ho_Chi_Minh", "vi-VN");
    assert.match(text.host, /^20:30 .*\(UTC\+7\) .*2026$/);
  });

  it("writes a locale's own joining words", () => {
    assert.match(at("2026-12-01T20:30", "Europe/Helsinki", "fi-FI").host, /2026 klo 20\.30 /);
    assert.match(at("2026-12-01T20:30", "Europe/Berlin", "de-DE").host, /^Dienstag, 1\. Dezember 2026, 20:30 /);
  });

  it("formats the offset in a locale's digits only when asked", () => {
    assert.equal(formatOffset(330), "UTC+5:30");
    assert.equal(formatOffset(-300, "en-US"), "UTC−5");
    assert.equal(formatOffset(345, "ar-EG"), "UTC+٥:٤٥");
    assert.equal(formatOffset(-570, "fa-IR"), "UTC−۹:۳۰");
    assert.equal(formatOffset(0, "ar-EG"), "UTC");
  });
});
