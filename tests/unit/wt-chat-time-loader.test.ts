// The loader gives chat-time what its fixes need (lib/post-loader.ts): the post's date, for a
// start written without its year or date, and the line of a written `zone:`, which a fix for
// another zone changes instead of adding a second `zone:` line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

// The fixture site's weekly slot: Tuesdays 20:30 in America/New_York.
const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/t.md";

function problems(date: string, ...chatLines: string[]): string[] {
  const text = `---\ntitle: T\ndate: ${date}\nchat:\n${chatLines.map((line) => `  ${line}\n`).join("")}---\nBody\n`;
  return loadPost(FILE, text, ctx).diagnostics.map((d) => formatDiagnostic(d).replace(`${FILE}:`, ""));
}

describe("the loader's part in chat-time's fixes", () => {
  it("a start without its year takes it from the post's date", () => {
    assert.deepEqual(problems("2025-11-20", "start: Wed 3 Dec 8pm"), [
      "5:3  chat.start  \"Wed 3 Dec 8pm\" is not written as YYYY-MM-DDTHH:mm (the date, T, the time on the 24-hour clock) → write start: 2025-12-03T20:00 (3 December 2025, the first 3 December on or after the post's date, 20 November 2025, is a Wednesday)",
    ]);
  });

  it("a `zone:` line the letters contradict is named, with the line to write in its place", () => {
    const [start] = problems("2027-01-05", "start: 2027-01-07 8pm ET", "zone: Europe/London");
    assert.match(start!, /the zone on line 6, Europe\/London, is at UTC then → to keep zone: Europe\/London \(line 6\), .* and change line 6 \(`zone:`\) to `  zone: America\/New_York`, if the chat is hosted there$/);
  });
});
