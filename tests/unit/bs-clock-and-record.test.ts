// The clock takes only an instant, the same on every machine; the build record sees the
// locale variables; a command notices when whoever started it has gone.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { inputFingerprint, outputEnvironment } from "../../lib/build-record.ts";
import { checkClock, ClockError, clockProblem, now } from "../../lib/clock.ts";

describe("CHATPOST_NOW", () => {
  it("takes an instant ending in Z or an offset", () => {
    for (const value of ["2026-12-02T03:00:00Z", "2026-12-02T03:00Z", "2026-12-02T05:00:00+02:00", "2026-12-01T22:00-0500", "2026-12-02T05:00+02"]) {
      assert.equal(clockProblem(value), undefined, value);
    }
  });

  it("reads the same instant whatever the offset it is written with", () => {
    const saved = process.env.CHATPOST_NOW;
    try {
      process.env.CHATPOST_NOW = "2026-12-02T05:00:00+02:00";
      assert.equal(now().toISOString(), "2026-12-02T03:00:00.000Z");
      process.env.CHATPOST_NOW = "2026-12-01T22:00-0500";
      assert.equal(now().toISOString(), "2026-12-02T03:00:00.000Z");
    } finally {
      if (saved === undefined) delete process.env.CHATPOST_NOW;
      else process.env.CHATPOST_NOW = saved;
    }
  });

  it("refuses a time without a zone, naming the variable, the value and the same time in UTC", () => {
    const problem = clockProblem("2026-12-02T03:00");
    assert.ok(problem);
    assert.match(problem, /^CHATPOST_NOW="2026-12-02T03:00" has no time zone/);
    assert.match(problem, /e\.g\. CHATPOST_NOW=2026-12-02T03:00:00Z$/);
    assert.doesNotMatch(problem, /\n/);
  });

  it("refuses what is not a date-time, and a date alone, with an example", () => {
    assert.match(clockProblem("garbage")!, /^CHATPOST_NOW="garbage" is not an ISO date-time: .* e\.g\. CHATPOST_NOW=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(clockProblem("2026-13-02T03:00Z")!, /is not an ISO date-time/);
    assert.match(clockProblem("2026-12-02")!, /^CHATPOST_NOW="2026-12-02" is a date without a time: .* CHATPOST_NOW=2026-12-02T00:00:00Z$/);
  });

  it("checkClock throws a ClockError (a usage error, not a bug); now() too", () => {
    assert.throws(() => checkClock({ CHATPOST_NOW: "2026-12-02T03:00" }), ClockError);
    assert.doesNotThrow(() => checkClock({}));
    const saved = process.env.CHATPOST_NOW;
    try {
      process.env.CHATPOST_NOW = "garbage";
      assert.throws(() => now(), ClockError);
    } finally {
      if (saved === undefined) delete process.env.CHATPOST_NOW;
      else process.env.CHATPOST_NOW = saved;
    }
  });
});

describe("the environment a build record holds", () => {
  it("has the variables the default locale comes from, and not those it does not", () => {
    const env = { LANG: "de_DE.UTF-8", LC_ALL: "fr_FR.UTF-8", LC_MESSAGES: "C", LC_TIME: "de_DE.UTF-8", HOME: "/root", TZ: "UTC" };
    assert.deepEqual(outputEnvironment(env), { LANG: "de_DE.UTF-8", LC_ALL: "fr_FR.UTF-8", LC_MESSAGES: "C", TZ: "UTC" });
  });

  it("a build under another LANG is not up to date with one under the first", () => {
    const root = mkdtempSync(path.join(tmpdir(), "bs-record-"));
    writeFileSync(path.join(root, "a.md"), "x");
    const appDir = mkdtempSync(path.join(tmpdir(), "bs-app-"));
    const fingerprint = (LANG: string) => inputFingerprint({ root, appDir, output: path.join(root, "_site"), env: { LANG } });
    assert.equal(fingerprint("C.UTF-8"), fingerprint("C.UTF-8"));
    assert.notEqual(fingerprint("C.UTF-8"), fingerprint("de_DE.UTF-8"));
  });
});

describe("whenOrphaned", () => {
  it("stops a command once the process that started it has ended", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bs-orphan-"));
    const marker = path.join(dir, "stopped");
    const runStep = path.resolve(import.meta.dirname, "../../scripts/run-step.ts");
    // The command: waits (up to 20 s) and writes the marker when it notices it is orphaned.
    const command = path.join(dir, "command.ts");
    writeFileSync(
      command,
      `import { writeFileSync } from "node:fs";\nimport { whenOrphaned } from ${JSON.stringify(runStep)};\nwhenOrphaned(() => { writeFileSync(${JSON.stringify(marker)}, "orphaned"); process.exit(0); }, 50);\nsetTimeout(() => {}, 20_000);\nconsole.log("started");\n`,
    );
    // The parent: starts it, waits for it to start, and ends without waiting for it (as a shell killed by npm).
    const parent = spawn(
      process.execPath,
      ["-e", `const c = require("node:child_process").spawn(process.execPath, ["--import", "tsx", ${JSON.stringify(command)}], { stdio: ["ignore", "pipe", "inherit"] }); c.stdout.once("data", () => process.exit(0));`],
      { cwd: path.resolve(import.meta.dirname, "../.."), stdio: "inherit" },
    );
    await new Promise((resolve) => parent.once("exit", resolve));
    for (let i = 0; i < 200 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(existsSync(marker) && readFileSync(marker, "utf8"), "orphaned");
  });
});
