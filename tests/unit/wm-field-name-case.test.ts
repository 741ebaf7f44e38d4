// A field name in other capitals (`Title:`, a phone's autocorrect) or a near miss (`titel:`)
// for a field the post must have: one message, the unknown field's, with the line to write;
// never also "`title` is missing → add a line", which would have the writer write it twice.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { normaliseItem } from "../../lib/csl-normalise.ts";
import { referenceProblems } from "../../lib/schema-messages.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const FILE = "content/posts/2026-11-20-nurses.md";

const post = (lines: readonly string[]) => `---\n${lines.join("\n")}\n---\nBody.\n`;
/** `line:column  field  message → fix`, without the file name. */
const messages = (lines: readonly string[]) => loadPost(FILE, post(lines), ctx).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));

describe("field names in other capitals", () => {
  it("the audit's post: one message per field, with the line renamed, and no \"is missing\"", () => {
    assert.deepEqual(messages(["Title: Nurses and night shifts", "date: 2026-11-20", "chat:", "  Start: 2026-12-30T20:00", "  zone: America/New_York"]), [
      "5:3  chat.Start  unknown field `Start`: field names are written in small letters → write the line as `start: 2026-12-30T20:00`",
      "2:1  Title  unknown field `Title`: field names are written in small letters → write the line as `title: Nurses and night shifts`",
    ]);
  });

  it("the fixes, applied as written, give a post with no problem", () => {
    const result = loadPost(FILE, post(["title: Nurses and night shifts", "date: 2026-11-20", "chat:", "  start: 2026-12-30T20:00", "  zone: America/New_York"]), ctx);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
    assert.equal(result.post?.title, "Nurses and night shifts");
  });

  it("`Date:`, the value as written (not the date YAML made of it); `DRAFT:`; a quoted `\"Tags\":`", () => {
    assert.deepEqual(messages(["title: T", "Date: 2026-11-20", "DRAFT: true", '"Tags": [a, b]']), [
      "3:1  Date  unknown field `Date`: field names are written in small letters → write the line as `date: 2026-11-20`",
      "4:1  DRAFT  unknown field `DRAFT`: field names are written in small letters → write the line as `draft: true`",
      "5:1  Tags  unknown field `Tags`: field names are written in small letters → write the line as `tags: [a, b]`",
    ]);
  });

  it("`Title:` beside `title:`: which line to keep, not a rename that would write it twice", () => {
    assert.deepEqual(messages(["Title: Nurses", "title: Nurses and night shifts", "date: 2026-11-20"]), [
      "2:1  Title  unknown field `Title`: field names are written in small letters, and `title:` is written too (line 3) → keep one of the two lines: remove this one, or, if its value is the one you want, remove line 3 and write this one as `title: Nurses`",
    ]);
  });

  it("a group written `Chat:`: its name, not each of its fields", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", "Chat:", "  start: 2026-12-30T20:00"]), [
      "4:1  Chat  unknown field `Chat`: field names are written in small letters → write the line as `chat:`",
    ]);
  });
});

describe("a near miss of a missing field", () => {
  it("`titel:` without `title:`: did you mean, with the line; no \"is missing\"", () => {
    assert.deepEqual(messages(["titel: Nurses and night shifts", "date: 2026-11-20"]), [
      "2:1  titel  unknown field `titel` → did you mean `title`? write the line as `title: Nurses and night shifts`",
    ]);
  });

  it("`strat:` under `chat:`, without `start:`", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", "chat:", "  strat: 2026-12-30T20:00"]), [
      "5:3  chat.strat  unknown field `strat` → did you mean `start`? write the line as `start: 2026-12-30T20:00`",
    ]);
  });

  it("`titel:` beside `title:` is told as before, without a line (the field is written)", () => {
    assert.deepEqual(messages(["title: T", "date: 2026-11-20", "titel: U"]), ["4:1  titel  unknown field `titel` → did you mean `title`?"]);
  });

  it("a missing field no unknown field stands for is still told", () => {
    assert.deepEqual(messages(["date: 2026-11-20", "colour: red"]).map((m) => m.split("  ").slice(0, 2).join("  ")), ["2:1  title", "3:1  colour"]);
    assert.match(messages(["date: 2026-11-20"])[0]!, /^2:1 {2}title {2}`title` is missing → add a line `title: …`/);
  });
});

describe("in a reference", () => {
  it("`Title:` is read as `title:` (capitals do not matter in a reference's field names, as in pandoc)", () => {
    const result = loadPost(FILE, `${post(["title: T", "date: 2026-11-20", "references:", "  - id: doe2020", "    Title: A book", "    Type: book"]).replace("Body.", "Body [@doe2020].")}`, ctx);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === "error"), []);
  });

  it("`titel:` without `title:`: \"has no title\" is not told beside the unknown field that gives the line", () => {
    const entry = { id: "doe2020", titel: "A book", tpye: "book" };
    const { problems } = normaliseItem(entry);
    // csl-normalise.ts tells both; as the writer meant the item, only the renames are left.
    assert.ok(problems.some((p) => p.message === "the reference has no title"));
    const kept = referenceProblems(entry, problems, { data: { references: [entry] }, body: "", locate: () => ({}) });
    assert.deepEqual(kept.map((p) => `${p.path.join(".")}  ${p.message} → ${p.fix}`), [
      "titel  unknown field `titel`: it would be left out of the reference → did you mean `title`? Write it as `title: A book`",
      "tpye  unknown field `tpye`: it would be left out of the reference → did you mean `type`? Write it as `type: book`",
    ]);
  });

  it("\"has no title\" stays when no unknown field stands for it", () => {
    const entry = { id: "doe2020", type: "book", colour: "red" };
    const { problems } = normaliseItem(entry);
    const kept = referenceProblems(entry, problems, { data: { references: [entry] }, body: "", locate: () => ({}) });
    assert.ok(kept.some((p) => p.message === "the reference has no title"), JSON.stringify(kept));
  });
});
