// The benchmark works end to end on a tiny site: it generates the site, runs every
// measure once and prints a result line for each measure and a verdict for each
// target. How fast is never asserted here; that is the benchmark's own job.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { PROJECT } from "../helpers/build-site.ts";

const run = promisify(execFile);

describe("npm run bench (smoke: 20 posts, one run each)", () => {
  let output = "";
  before(async () => {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", path.join(PROJECT, "scripts/bench.ts"), "--n", "20", "--refs", "5", "--runs", "1", "--pandoc-sample", "2"],
      { cwd: PROJECT, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 },
    );
    output = stdout;
  });

  it("describes the machine and the site", () => {
    assert.match(output, /^machine: \d+ cores .* Node v\d+/m);
    assert.match(output, /^site: 20 posts, 100 references/m);
  });

  it("prints a median, a ratio to bare Eleventy and a peak RSS for each measure", () => {
    for (const label of ["bare Eleventy", "chatpost cold", "chatpost warm (nothing changed)", "chatpost warm, --force", "chatpost, one post edited", "npm run check"]) {
      const line = output.split("\n").find((l) => l.startsWith(label));
      assert.ok(line, `a result line for ${label}`);
      assert.match(line, /\d+\.\d+ s\s+\d+\.\d+\s+\d+ MB/, `median, ratio and RSS for ${label}`);
    }
    assert.match(output, /^bare Eleventy.*\s1\.00\s/m, "bare Eleventy is the unit of every ratio");
    assert.match(output, /^npm start: edit → page rewritten\s+(\d+\.\d+ s|n\/a)/m);
  });

  it("prints the formatting throughput and the pandoc comparison", () => {
    assert.match(output, /^reference entries formatted: \d+\/s by citation-js alone .* \d+\/s over a whole cold build/m);
    assert.match(output, /^pandoc --citeproc: (\d+ ms per post|pandoc is not installed)/m);
  });

  it("gives one verdict per target", () => {
    const verdicts = output.split("\n").filter((l) => /^\s+(PASS|MISS|N\/A)\s/.test(l));
    const targets = ["warm full build", "cold full build", "faster than pandoc", "under npm start", "npm run check", "peak RSS", "10,000 posts warm"];
    for (const target of targets) assert.equal(verdicts.filter((l) => l.includes(target)).length, 1, `one verdict for "${target}"`);
    assert.equal(verdicts.length, targets.length);
  });
});
