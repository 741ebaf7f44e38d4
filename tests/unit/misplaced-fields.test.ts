// A field written at the wrong level: `chat:`'s fields not indented, `timezone:` for the
// chat's `zone:`, an image's `alt:` beside `image:`. Each is named as the field it is,
// with the indentation to give it, instead of "unknown field, remove it", which would lose it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settingsText = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const settings = parseSettings(settingsText).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** The messages of a post whose front matter is `lines`, from line 2. */
function messages(...lines: string[]): string[] {
  return loadPost(FILE, `---\n${lines.join("\n")}\n---\nBody.\n`, ctx).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
}

describe("fields written at the wrong level", () => {
  it("names the chat's fields written without indentation below `chat:`, and why `chat` is empty", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "chat:", "start: 2017-05-02T20:30", "duration: 90"), [
      "4:1  chat  `chat` is empty: `start` and `duration` are not indented below it, so they are read as fields of their own, not of `chat` → indent `start:` and `duration:` by two spaces, below `chat:`",
      "5:1  start  `start` is a field of `chat`, but it is not indented below `chat:` → indent it by two spaces, below `chat:`",
      "6:1  duration  `duration` is a field of `chat`, but it is not indented below `chat:` → indent it by two spaces, below `chat:`",
    ]);
  });

  it("names one field left unindented after others that are", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "hashtag: \"#hcldr\""), [
      "6:1  hashtag  `hashtag` is a field of `chat`, but it is not indented below `chat:` → indent it by two spaces, below `chat:`",
    ]);
  });

  it("says where to put a chat field when there is no `chat:` line", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "zone: Europe/London"), [
      "4:1  zone  `zone` is a field of `chat`, but it is not indented below `chat:` (there is no `chat:` line) → write `chat:` on the line above it and indent it by two spaces below that",
    ]);
  });

  it("gives the chat's `zone` for `timezone`, at the top or inside `chat:`", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "timezone: America/New_York", "chat:", "  start: 2017-05-02T20:30"), [
      "4:1  timezone  the front matter has no field `timezone`; `chat` has `zone` → write it as `zone:` and indent it by two spaces, below `chat:`",
    ]);
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", "  timezone: America/New_York"), [
      "6:3  chat.timezone  unknown field `timezone` → did you mean `zone`?",
    ]);
  });

  it("names an image's `alt` written beside `image:`", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "image:", "  src: ./meetup.png", "alt: Two hosts"), [
      "6:1  alt  `alt` is a field of `image`, but it is not indented below `image:` → indent it by two spaces, below `image:`",
    ]);
  });

  it("keeps \"did you mean\" and the list of fields for a field that belongs nowhere", () => {
    assert.deepEqual(messages("title: T", "date: 2017-04-30", "titel: U"), ["4:1  titel  unknown field `titel` → did you mean `title`?"]);
    assert.match(messages("title: T", "date: 2017-04-30", "colour: red")[0]!, /unknown field `colour` → remove it; the fields here are `title`, `date`/);
  });

  it("words a site settings file as a file, not a post's front matter", () => {
    const { settings: none, diagnostics } = parseSettings(`${settingsText}\ntimezone: Europe/London\n`);
    assert.equal(none, undefined);
    const timezone = diagnostics.find((d) => d.field === "timezone");
    assert.ok(timezone, JSON.stringify(diagnostics));
    assert.match(timezone.message, /^this file has no field `timezone`; `chat` has `zone`$/);
  });
});

describe("a chat's length written in hours", () => {
  it("gives the minutes for 1, 1.5 or 2 hours, and rounds other fractions", () => {
    const at = (duration: string) => messages("title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30", `  duration: ${duration}`);
    assert.deepEqual(at("1.5"), ["6:3  chat.duration  a chat lasts at least 5 minutes: the length is in minutes, not hours → write duration: 90 for 1.5 hours"]);
    assert.deepEqual(at("1"), ["6:3  chat.duration  a chat lasts at least 5 minutes: the length is in minutes, not hours → write duration: 60 for 1 hour"]);
    assert.deepEqual(at("45.5"), ["6:3  chat.duration  expected whole minutes → round it: duration: 46"]);
    assert.deepEqual(at("0"), ["6:3  chat.duration  a chat lasts at least 5 minutes → write the length in minutes, e.g. duration: 60"]);
    assert.deepEqual(at("90"), []);
  });
});
