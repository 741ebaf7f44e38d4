// An old time-zone name (US/Eastern in the site settings, Asia/Calcutta in a post) is a
// warning in every command's report, printed as a post's warnings are, and never stops
// anything; what is built names the zones by their current names.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import { copySiteWith, FIXTURE_SITE, listFiles, runScript, type BuildResult } from "../helpers/build-site.ts";
import { startPreview } from "../helpers/preview-server.ts";

const POST = "content/posts/2026-11-22-kolkata.md";
const SETTINGS_WARNING =
  /^content\/_data\/site\.yaml:\d+:3 {2}chat\.zone {2}warning: "US\/Eastern" is an old alias, not a current IANA zone name: the tz database now calls it America\/New_York → write zone: America\/New_York \(the current name of US\/Eastern\)$/m;
const POST_WARNING =
  /^content\/posts\/2026-11-22-kolkata\.md:6:3 {2}chat\.zone {2}warning: "Asia\/Calcutta" is an old alias, not a current IANA zone name: the tz database now calls it Asia\/Kolkata → write zone: Asia\/Kolkata \(the current name of Asia\/Calcutta\)$/m;

/** The report's warning lines and its count line. */
const report = (output: string) => output.split("\n").filter((line) => line.includes("warning:") || /^\d+ warnings?\.$/.test(line));

function siteWithOldNames(): string {
  return copySiteWith(FIXTURE_SITE, {
    settings: (yaml) => yaml.replace(/^ {2}zone: America\/New_York/m, "  zone: US/Eastern"),
    files: {
      [POST]: "---\ntitle: A chat hosted in Kolkata\ndate: 2026-11-22\nchat:\n  start: 2026-12-03T20:30\n  zone: Asia/Calcutta\n---\nBody.\n",
    },
  });
}

describe("old zone names: npm run check and npm run build", () => {
  const root = siteWithOldNames();
  const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "chatpost-sz-cache-")) };
  const out = mkdtempSync(path.join(tmpdir(), "chatpost-sz-out-"));
  const runs: Record<string, BuildResult> = {};

  before(async () => {
    runs.check = await runScript("check", root, [], env);
    runs.checkFromRecords = await runScript("check", root, [], env);
    runs.build = await runScript("build", root, ["--output", out, "--quiet"], env);
    runs.upToDate = await runScript("build", root, ["--output", out], env);
    // The build wrote the settings' record (lib/corpus.ts): a check from it still has the warning.
    runs.checkAfterBuild = await runScript("check", root, [], env);
  });

  it("check: both warnings, in the posts' format, and no errors", () => {
    const { code, stdout, stderr } = runs.check!;
    assert.equal(code, 0, stderr);
    assert.match(stderr, SETTINGS_WARNING);
    assert.match(stderr, POST_WARNING);
    assert.deepEqual(report(stderr).slice(-1), ["2 warnings."]);
    assert.match(stdout, /posts checked: no errors\./);
  });

  it("check from its records says the same, also after a build", () => {
    for (const name of ["checkFromRecords", "checkAfterBuild"]) {
      assert.equal(runs[name]!.code, 0, name);
      assert.equal(runs[name]!.stderr, runs.check!.stderr, name);
    }
  });

  it("build: the same warnings, and the site is built; an up-to-date build prints them again", () => {
    assert.equal(runs.build!.code, 0, runs.build!.stderr);
    assert.deepEqual(report(runs.build!.stderr), report(runs.check!.stderr));
    assert.equal(runs.upToDate!.code, 0, runs.upToDate!.stderr);
    assert.match(runs.upToDate!.stdout, /is up to date/);
    assert.deepEqual(report(runs.upToDate!.stderr), report(runs.check!.stderr));
  });

  it("the calendars, feeds and pages name the zones by their current names", () => {
    const read = (rel: string) => readFileSync(path.join(out, rel), "utf8");
    const ics = read("calendar.ics");
    assert.match(ics, /\r\nTZID:America\/New_York\r\n/);
    assert.match(ics, /\r\nTZID:Asia\/Kolkata\r\n/);
    assert.match(read("posts/kolkata/chat.ics"), /\r\nDTSTART;TZID=Asia\/Kolkata:20261203T203000\r\n/);
    // Pages carry a map from ICU's old names to the current ones for the reader's own zone
    // (layouts/partials/local-time-script.njk), so Asia/Calcutta may be written there; US/Eastern nowhere.
    const textFiles = listFiles(out).filter((f) => /\.(html|xml|json|ics|txt)$/.test(f));
    for (const file of textFiles) {
      const text = read(file);
      assert.ok(!text.includes("US/Eastern") && !text.includes("US%2FEastern"), `${file} names US/Eastern`);
      if (!file.endsWith(".html")) assert.ok(!text.includes("Asia/Calcutta") && !text.includes("Asia%2FCalcutta"), `${file} names Asia/Calcutta`);
    }
    assert.match(read("posts/kolkata/index.html"), /Asia%2FKolkata/);
  });
});

describe("old zone names: npm start", () => {
  it("prints both warnings in the posts' format and keeps serving", async () => {
    const root = siteWithOldNames();
    let log = "";
    const { server, port } = await startPreview(root, (chunk) => (log += chunk), { args: ["--output", mkdtempSync(path.join(tmpdir(), "chatpost-sz-preview-"))], env: { CHATPOST_CACHE_DIR: "off" } });
    try {
      const until = Date.now() + 120_000;
      let page = "";
      while (Date.now() < until && !(report(log).includes("2 warnings.") && page.includes("A chat hosted in Kolkata"))) {
        await new Promise((r) => setTimeout(r, 250));
        page = await fetch(`http://localhost:${port}/posts/kolkata/`).then((res) => res.text(), () => "");
      }
      assert.match(log, SETTINGS_WARNING);
      assert.match(log, POST_WARNING);
      assert.ok(report(log).includes("2 warnings."), log);
      assert.match(page, /A chat hosted in Kolkata/);
      assert.equal(server.exitCode, null, "the server stopped");
    } finally {
      server.kill();
    }
  });
});
