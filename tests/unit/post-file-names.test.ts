// A post file whose name is not a web address: the error names the file to rename it to,
// keeping its date and folder, and loses nothing of the title's words.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { suggestedPostFile } from "../../lib/content-paths.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };

describe("suggestedPostFile", () => {
  it("keeps the date and the folder, and writes the rest in lower case with dashes", () => {
    assert.equal(suggestedPostFile("content/posts/2026-11-24 Night Shift.md"), "content/posts/2026-11-24-night-shift.md");
    assert.equal(suggestedPostFile("content/posts/2026/2026-11-24_night_shift.md"), "content/posts/2026/2026-11-24-night-shift.md");
    assert.equal(suggestedPostFile("content/posts/2026_11_24 Santé & Soins.md"), "content/posts/2026-11-24-sante-and-soins.md");
    assert.equal(suggestedPostFile("content/posts/20261124-Night-Shift.md"), "content/posts/2026-11-24-night-shift.md");
  });
  it("does not invent a date for a name without one, and keeps a name with nothing readable", () => {
    assert.equal(suggestedPostFile("content/posts/Night Shift.md"), "content/posts/night-shift.md");
    assert.equal(suggestedPostFile("content/posts/2026-11-24 🩺.md"), "content/posts/2026-11-24-title.md");
  });
});

describe("a post file whose name is not a web address", () => {
  it("is an error naming the file to rename it to, with its date", () => {
    const file = "content/posts/2026-11-24 Night Shift.md";
    const result = loadPost(file, "---\ntitle: Night shift\ndate: 2026-11-24\n---\nBody.\n", ctx);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
      `${file}:1:1  the file name gives the web address "2026-11-24 Night Shift", which has characters other than a-z, 0-9 and - → rename the file to content/posts/2026-11-24-night-shift.md`,
    ]);
  });
});
