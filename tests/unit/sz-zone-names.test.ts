// Old time-zone names (the tz database's "backward" links, e.g. US/Eastern, GB, Europe/Kiev):
// a warning naming the current zone, in the site settings as in a post, and the current
// name in everything made from them (the chat's zone, calendars, calendar links).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { IANAZone } from "luxon";
import { checkZone, currentZoneName, zoneWarning } from "../../lib/chat-time.ts";
import { calendarText, chatEvent } from "../../lib/calendar.ts";
import { chatLinks } from "../../lib/calendar-links.ts";
import { formatDiagnostic, formatReport } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const FIXTURE_SETTINGS = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const SETTINGS_ZONE_LINE = FIXTURE_SETTINGS.split("\n").findIndex((line) => line.startsWith("  zone: ")) + 1;
const withZone = (zone: string) => FIXTURE_SETTINGS.replace(/^ {2}zone: America\/New_York/m, `  zone: ${zone}`);

describe("an old zone name in the site settings", () => {
  it("is a warning at its line, with the current name as the fix, and the settings use the current name", () => {
    const { settings, diagnostics } = parseSettings(withZone("US/Eastern"));
    assert.ok(settings, "a warning does not stop the site");
    assert.equal(settings.chat.zone, "America/New_York");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `content/_data/site.yaml:${SETTINGS_ZONE_LINE}:3  chat.zone  warning: "US/Eastern" is an old alias, not a current IANA zone name: the tz database now calls it America/New_York → write zone: America/New_York (the current name of US/Eastern)`,
    ]);
    // Printed as a post's warnings are: a count, and no "fix the errors" ending.
    assert.match(formatReport(diagnostics), /\n\n1 warning\.$/);
  });

  it("a renamed zone too (it was silent before)", () => {
    for (const [old, current] of [["Europe/Kiev", "Europe/Kyiv"], ["Asia/Calcutta", "Asia/Kolkata"]]) {
      const { settings, diagnostics } = parseSettings(withZone(old!));
      assert.equal(settings!.chat.zone, current);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0]!.severity, "warning");
      assert.equal(diagnostics[0]!.fix, `write zone: ${current} (the current name of ${old})`);
    }
  });

  it("is reported with the other problems, and the errors still stop the settings", () => {
    const { settings, diagnostics } = parseSettings(withZone("GB").replace('time: "20:30"', 'time: "8:30pm"'));
    assert.equal(settings, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.field, d.severity]).sort(), [["chat.time", "error"], ["chat.zone", "warning"]]);
  });

  it("a current name, or an unknown one, is as before", () => {
    assert.deepEqual(parseSettings(FIXTURE_SETTINGS).diagnostics, []);
    const unknown = parseSettings(withZone("AST"));
    assert.equal(unknown.settings, undefined);
    assert.deepEqual(unknown.diagnostics.map((d) => [d.field, d.severity]), [["chat.zone", "error"]]);
  });
});

describe("an old zone name in a post", () => {
  const siteOnOldName = parseSettings(withZone("US/Eastern")).settings!;
  const ctx: LoadContext = { settings: siteOnOldName, root: "/nowhere", fileExists: () => false };
  const FILE = "content/posts/2017-04-30-zones.md";
  const load = (chat: string) => loadPost(FILE, `---\ntitle: Zones\ndate: 2017-04-30\nchat:\n${chat}\n---\nBody\n`, ctx);
  const site = { url: "https://careleaders.example/", pathPrefix: "/", title: "Fixture Chat", zone: "America/New_York" };

  it("gives the chat the current name, in its calendar file and calendar links", () => {
    const { post, diagnostics } = load("  start: 2017-05-02T20:30\n  zone: US/Pacific");
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      `${FILE}:6:3  chat.zone  warning: "US/Pacific" is an old alias, not a current IANA zone name: the tz database now calls it America/Los_Angeles → write zone: America/Los_Angeles (the current name of US/Pacific)`,
    ]);
    assert.equal(post!.chat!.zone, "America/Los_Angeles");
    // 20:30 PDT (UTC−7) on 2 May 2017 is 03:30 UT on 3 May.
    assert.equal(post!.chat!.startMillis, Date.UTC(2017, 4, 3, 3, 30));
    const pageUrl = "https://careleaders.example/posts/zones/";
    const ics = calendarText([chatEvent(post!, site, pageUrl)!], { name: "Fixture Chat" });
    assert.match(ics, /\r\nTZID:America\/Los_Angeles\r\n/);
    assert.match(ics, /\r\nDTSTART;TZID=America\/Los_Angeles:20170502T203000\r\n/);
    assert.doesNotMatch(ics, /US\/Pacific/);
    const links = chatLinks(post!, site, pageUrl)!;
    assert.doesNotMatch(JSON.stringify(links), /US(%2F|\/)Pacific/);
    assert.match(links.google, /ctz=America%2FLos_Angeles/);
  });

  it("a post in the site's zone under another of its names is in the site's zone (the weekly time is the likely one)", () => {
    const start = "  start: 2017-05-02 8:30";
    const fixOf = (zone: string) => load(`${start}${zone ? `\n  zone: ${zone}` : ""}`).diagnostics.find((d) => d.field === "chat.start")!.fix ?? "";
    assert.match(fixOf(""), /^write the time on the 24-hour clock: start: 2017-05-02T20:30 for 8:30 PM/);
    assert.equal(fixOf("US/Eastern"), fixOf(""));
    assert.equal(fixOf("America/New_York"), fixOf(""));
  });

  it("is told even when the start is wrong: every problem at once", () => {
    const { post, diagnostics } = load("  start: 2017-05-02T25:30\n  zone: Asia/Calcutta");
    assert.equal(post, undefined);
    assert.deepEqual(diagnostics.map((d) => [d.field, d.severity]), [["chat.start", "error"], ["chat.zone", "warning"]]);
  });

  it("a post without a zone in a site whose settings use an old name has the current one, and no warning of its own", () => {
    const { post, diagnostics } = load("  start: 2017-05-02T20:30");
    assert.deepEqual(diagnostics, []);
    assert.equal(post!.chat!.zone, "America/New_York");
  });
});

// Against the tz database this machine has (Debian's tzdata): every current name is
// accepted as written, and every backward link either warns with the zone Intl reads it
// as, or stays an error for a reason said in lib/chat-time.ts.
const ZONEINFO = "/usr/share/zoneinfo";
const noTzdata = ["zone.tab", "zone1970.tab", "tzdata.zi"].every((f) => existsSync(`${ZONEINFO}/${f}`)) ? false : `no tz database in ${ZONEINFO} (apt-get install tzdata)`;

describe("the tz database's names", { skip: noTzdata }, () => {
  const current = new Set<string>(["UTC"]);
  if (!noTzdata) {
    for (const file of ["zone.tab", "zone1970.tab"]) {
      for (const line of readFileSync(`${ZONEINFO}/${file}`, "utf8").split("\n")) if (line && !line.startsWith("#")) current.add(line.split("\t")[2]!);
    }
  }
  const links = noTzdata
    ? []
    : readFileSync(`${ZONEINFO}/tzdata.zi`, "utf8")
        .split("\n")
        .filter((line) => line.startsWith("L "))
        .map((line) => line.split(" ").slice(1, 3) as [string, string]);

  it("a current name is accepted as written, with no warning", () => {
    for (const zone of current) {
      assert.equal(checkZone(zone), undefined, zone);
      assert.equal(zoneWarning(zone), undefined, zone);
      assert.equal(currentZoneName(zone), zone);
    }
  });

  it("an old name gives the times of the zone it links to, and a warning naming a current zone", () => {
    // Abbreviations (EST is Panama's time, not New York's) and fixed offsets stay errors, as before.
    const errors = new Set(["GMT", "GMT+0", "GMT-0", "Etc/GMT+0", "Etc/GMT-0", "EST", "MST", "HST", "CET", "MET", "EET", "WET"]);
    const instants = [Date.UTC(2017, 0, 15, 12), Date.UTC(2017, 6, 15, 12), Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)];
    let warned = 0;
    for (const [target, link] of links) {
      if (errors.has(link)) {
        assert.ok(checkZone(link), link);
        continue;
      }
      assert.equal(checkZone(link), undefined, link);
      const now = currentZoneName(link)!;
      assert.ok(current.has(now), `${link} → ${now}, not a current name`);
      const { fix } = zoneWarning(link) ?? { fix: undefined };
      if (now !== link) {
        assert.equal(fix, `write zone: ${now} (the current name of ${link})`);
        warned++;
      }
      for (const at of instants) assert.equal(IANAZone.create(now).offset(at), IANAZone.create(target).offset(at), `${link} at ${new Date(at).toISOString()}`);
    }
    assert.ok(warned > 50, `only ${warned} old names warned`);
  });
});
