// Fixes of schema messages that, applied literally, used to lose what the writer meant:
// a post's field indented under `chat:` ("unknown field `topics` → remove it" deleted the
// questions), a draft flag under another system's name (removing it published the post),
// and a number in a list in brackets (the `- "2026"` fix was not YAML inside brackets).
// Each fix here is applied as written, and the post then loads with what the writer meant.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { z } from "zod";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { readYamlDocument } from "../../lib/front-matter.ts";
import { loadPost, type LoadContext, type LoadResult } from "../../lib/post-loader.ts";
import { frontMatterSchema } from "../../lib/post-schema.ts";
import { higherLevelFieldOnLine, knownKeys, zodIssuesToDiagnostics } from "../../lib/schema-messages.ts";
import { parseSettings } from "../../lib/settings.ts";

const settingsText = readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8");
const settings = parseSettings(settingsText).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** The lines of a post's front matter (line 2 on) with a body. */
const post = (lines: readonly string[]) => `---\n${lines.join("\n")}\n---\nBody.\n`;
const load = (lines: readonly string[]): LoadResult => loadPost(FILE, post(lines), ctx);
/** `line:column  field  message → fix`, without the file name. */
const messages = (lines: readonly string[]) => load(lines).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
/** The front-matter line (file line `n`, line 1 being the opening ---) in `lines`. */
const at = (n: number) => n - 2;

/** The post after the fix, loaded: no problem left, and the post it is. */
function fixedPost(lines: readonly string[]) {
  const result = load(lines);
  assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  assert.ok(result.post);
  return result.post;
}

const CHAT = ["title: T", "date: 2017-04-30", "chat:", "  start: 2017-05-02T20:30"];

describe("a field of the post written under `chat:` (or another group)", () => {
  it("`topics` two spaces in: named as the post's field, at its line, and the fix keeps the questions", () => {
    const lines = [...CHAT, "  topics:", "    - Should vendors join?", "    - Should communities accept sponsorship?"];
    const [d, ...rest] = load(lines).diagnostics;
    assert.deepEqual(rest, []);
    assert.deepEqual({ line: d!.line, column: d!.column, field: d!.field, message: d!.message, fix: d!.fix }, {
      line: 6, column: 3, field: "topics",
      message: "`topics` is a field of the post, not of `chat`",
      fix: "write it flush left, with no spaces before it (the lines below it can stay as they are)",
    });
    const fixed = [...lines];
    fixed[at(6)] = fixed[at(6)]!.trimStart();
    assert.deepEqual(fixedPost(fixed).topics, ["Should vendors join?", "Should communities accept sponsorship?"]);
  });

  it("as `npm run new` leaves it once `# ` is removed, `topics:` and its comment two spaces in", () => {
    const lines = [...CHAT.slice(0, 3), "  start: 2017-05-02T20:30  # local time", "  topics:  # the chat's questions", "  #   - not a question", "    - Who joins?", "    - What helps?"];
    assert.deepEqual(messages(lines), ["6:3  topics  `topics` is a field of the post, not of `chat` → write it flush left, with no spaces before it (the lines below it can stay as they are)"]);
    const fixed = [...lines];
    fixed[at(6)] = fixed[at(6)]!.trimStart();
    assert.deepEqual(fixedPost(fixed).topics, ["Who joins?", "What helps?"]);
  });

  it("knows every field of the post from the schema, under `chat:` and under `image:`", () => {
    const postFields = knownKeys(frontMatterSchema, []);
    assert.ok(postFields.includes("topics") && postFields.includes("nocite") && postFields.includes("draft"));
    for (const group of ["chat", "image"]) {
      const own = knownKeys(frontMatterSchema, [group]);
      const opening = group === "chat" ? ["chat:", "  start: 2017-05-02T20:30"] : ["image:", "  src: ./meetup.png", "  alt: Two hosts"];
      for (const field of postFields.filter((f) => !own.includes(f))) {
        const out = messages(["title: T", "date: 2017-04-30", ...opening, `  ${field}: x`]).filter((m) => m.startsWith(`${4 + opening.length}:3  `));
        assert.deepEqual(out.map((m) => m.split(" → ")[0]), [`${4 + opening.length}:3  ${field}  \`${field}\` is a field of the post, not of \`${group}\``], `${group}.${field}`);
      }
    }
  });

  it("the post's other fields under `image:`: each flush left, and the tags kept", () => {
    const lines = ["title: T", "date: 2017-04-30", "image:", "  src: ./meetup.png", "  alt: Two hosts", "  tags: [nursing, night shift]", "  draft: true"];
    assert.deepEqual(messages(lines), [
      "7:3  tags  `tags` is a field of the post, not of `image` → write it flush left, with no spaces before it",
      "8:3  draft  `draft` is a field of the post, not of `image` → write it flush left, with no spaces before it",
    ]);
    const fixed = lines.map((l, i) => (i >= at(7) ? l.trimStart() : l));
    const fixedOne = fixedPost(fixed);
    assert.deepEqual([fixedOne.tags, fixedOne.draft], [["nursing", "night shift"], true]);
  });

  it("followed by fields of `chat`: moved below them, with its questions", () => {
    const lines = [...CHAT, "  topics:", "    - Who decides?", "  zone: Europe/London"];
    assert.deepEqual(messages(lines), [
      "6:3  topics  `topics` is a field of the post, not of `chat` → write it flush left, with no spaces before it, after the last field of `chat`: move it, with the lines below it, below the `zone:` line",
    ]);
    const fixed = [...CHAT, "  zone: Europe/London", "topics:", "    - Who decides?"];
    const done = fixedPost(fixed);
    assert.deepEqual([done.topics, done.chat?.zone], [["Who decides?"], "Europe/London"]);
  });

  it("a misspelt field of the post under `chat:`: did you mean it, flush left", () => {
    assert.deepEqual(messages([...CHAT, "  topcs:", "    - Who decides?"]), [
      "6:3  topics  unknown field `topcs`: `topics` is a field of the post, not of `chat` → did you mean `topics`? write it as `topics:` flush left, with no spaces before it",
    ]);
    // A chat field is still a chat field, and its own misspelling is still told first.
    assert.deepEqual(messages([...CHAT, "  zon: Europe/London"]), ["6:3  chat.zon  unknown field `zon` → did you mean `zone`?"]);
  });

  it("in a settings file, the top level is the file's", () => {
    const text = settingsText.replace(/^chat:.*\n/m, (line) => `${line}  feedSize: 10\n`);
    assert.notEqual(text, settingsText);
    const { diagnostics } = parseSettings(text);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.field, d.message, d.fix]), [
      [10, "feedSize", "`feedSize` is a field of this file's top level, not of `chat`", "write it flush left, with no spaces before it, after the last field of `chat`: move it below the `url:` line"],
    ]);
    const fixed = settingsText.replace(/^(chat:[^]*?\n  url: .*\n)/m, "$1feedSize: 10\n");
    assert.equal(parseSettings(fixed).settings?.feedSize, 10);
  });

  it("gives front-matter.ts the words for a line YAML cannot place, from its path on the line", () => {
    assert.deepEqual(higherLevelFieldOnLine(frontMatterSchema, "chat.topics"), { field: "topics", message: "`topics` is a field of the post, not of `chat`", fix: "write it flush left, with no spaces before it" });
    assert.equal(higherLevelFieldOnLine(frontMatterSchema, "chat.zone"), undefined);
    assert.equal(higherLevelFieldOnLine(frontMatterSchema, "chat.colour"), undefined);
    assert.equal(higherLevelFieldOnLine(frontMatterSchema, "topics"), undefined);
    assert.equal(higherLevelFieldOnLine(frontMatterSchema, "references[0].tags")?.message, "`tags` is a field of the post, not of item 1 of `references`");
  });

  it("`topics` one space in (`# ` removed from `# topics:` but its space left): the same words, at its line", () => {
    const lines = [...CHAT, " topics:  # the chat's questions", "   - Who joins?", "   - What helps?"];
    assert.deepEqual(messages(lines), ["6:2  topics  `topics` is a field of the post, not of `chat` → write it flush left, with no spaces before it"]);
    const fixed = [...lines];
    fixed[at(6)] = fixed[at(6)]!.trimStart();
    assert.deepEqual(fixedPost(fixed).topics, ["Who joins?", "What helps?"]);
    // Three spaces in, further than `start:`; a chat field one space in keeps the general words.
    assert.deepEqual(messages([...CHAT, "   topics:", "   - a"]), ["6:4  topics  `topics` is a field of the post, not of `chat` → write it flush left, with no spaces before it"]);
    assert.match(messages([...CHAT, " zone: Europe/London"])[0]!, /^6:1  chat\.zone  this line is not lined up/);
  });
});

describe("a draft flag under another name", () => {
  const base = ["title: T", "date: 2017-04-30"];

  for (const flag of ["status: draft", "published: false", "published: no", "unpublished: true", "hidden: true", "private: true", "state: draft", "visibility: private"]) {
    it(`\`${flag}\`: did you mean \`draft: true\`? Written in its place, the post stays a draft`, () => {
      const lines = [...base, flag];
      const key = flag.split(":")[0]!;
      assert.deepEqual(messages(lines), [
        `4:1  ${key}  unknown field \`${key}\`: a post is published unless it has \`draft: true\` → did you mean \`draft: true\`? write \`draft: true\` in place of this line (it keeps the post off the published site until you remove it)`,
      ]);
      assert.equal(fixedPost([...base, "draft: true"]).draft, true);
    });
  }

  it("`published: true`, `status: published`: removing them publishes the post, as meant", () => {
    const lines = [...base, "published: true", "status: published"];
    assert.deepEqual(messages(lines), [
      "4:1  published  unknown field `published` → remove it: a post is published unless it has `draft: true`",
      "5:1  status  unknown field `status` → remove it: a post is published unless it has `draft: true`",
    ]);
    assert.equal(fixedPost(base).draft, false);
  });

  it("beside `draft: true`, or beside a `draft:` that is not true: never a second `draft:` line", () => {
    assert.deepEqual(messages([...base, "draft: true", "status: draft"]), [
      "5:1  status  unknown field `status`: a post is published unless it has `draft: true` → remove it: `draft: true` (line 4) already keeps the post off the published site",
    ]);
    assert.deepEqual(messages([...base, "draft: false", "hidden: true"]), [
      "5:1  hidden  unknown field `hidden`: a post is published unless it has `draft: true` → did you mean `draft: true`? remove this line and change the `draft:` line (line 4) to `draft: true`",
    ]);
    assert.deepEqual(messages([...base, "draft: true", "published: true"]), [
      "5:1  published  unknown field `published` → remove it: a post is published unless it has `draft: true`, as this one does (line 4): remove that line too when the post is ready",
    ]);
  });

  it("a value that says neither: both choices", () => {
    assert.deepEqual(messages([...base, "published: soon"]), [
      "4:1  published  unknown field `published`: a post is published unless it has `draft: true` → write `draft: true` in place of this line to keep the post off the published site, or remove the line to publish it",
    ]);
    // `status:` saying the chat takes place: nothing to write, a chat does unless cancelled or postponed.
    assert.deepEqual(messages([...base, "status: confirmed"]), [
      "4:1  status  unknown field `status`: a chat takes place unless it says `cancelled: true` or `postponed: true` → remove the line",
    ]);
    // With a value about something else, an unknown field like any other.
    assert.match(messages([...base, "status: reviewed"])[0]!, /unknown field `status` → remove it; the fields here are/);
  });

  it("`draft: yes`, `draft: \"true\"`: the word YAML reads, kept a draft", () => {
    assert.deepEqual(messages([...base, "draft: yes"]), ["4:1  draft  expected true or false, found text → write `draft: true`: YAML reads only true and false as yes and no"]);
    assert.deepEqual(messages([...base, 'draft: "true"']), ["4:1  draft  expected true or false, found text → write it without quotes: draft: true"]);
    assert.deepEqual(messages([...base, "draft: no"]), ["4:1  draft  expected true or false, found text → write `draft: false`: YAML reads only true and false as yes and no"]);
    assert.equal(fixedPost([...base, "draft: true"]).draft, true);
  });

  it("`Draft: true`: written in small letters, the line given; renamed, the post stays a draft", () => {
    assert.deepEqual(messages([...base, "Draft: true"]), ["4:1  Draft  unknown field `Draft`: field names are written in small letters → write the line as `draft: true`"]);
    assert.equal(fixedPost([...base, "draft: true"]).draft, true);
  });

  it("under `chat:`: `draft: true` flush left", () => {
    assert.deepEqual(messages([...CHAT, "  status: draft"]), [
      "6:3  chat.status  unknown field `status`: a post is published unless it has `draft: true` → did you mean `draft: true`? write `draft: true` in place of this line, flush left, with no spaces before it (it keeps the post off the published site until you remove it)",
    ]);
    assert.equal(fixedPost([...CHAT, "draft: true"]).draft, true);
  });

  it("only where the schema has `draft`: elsewhere `status` is an unknown field like any other", () => {
    const schema = z.strictObject({ title: z.string() });
    const doc = readYamlDocument("title: T\nstatus: draft\n", FILE, 2);
    const parsed = schema.safeParse(doc.data);
    const out = zodIssuesToDiagnostics(parsed.error!.issues, FILE, doc.locate, schema, { data: doc.data });
    assert.deepEqual(out.map((d) => d.fix), ["remove it; the fields here are `title`"]);
  });
});

describe("a number or true/false in a list of text", () => {
  const base = ["title: T", "date: 2017-04-30"];
  /** The text between the last pair of backticks of a fix: the line to write. */
  const lineOf = (d: Diagnostic) => /`([^`]+)`$/.exec(d.fix ?? "")?.[1];

  it("in brackets: the line in its own form, every such item quoted; pasted over the line, the tags are the words written", () => {
    const lines = [...base, "tags: [2026, true]"];
    const found = load(lines).diagnostics;
    assert.deepEqual(found.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1)), [
      '4:8  tags[0]  item 1 of `tags`: expected each tag as text, found a number → put it in quotes, and so the list\'s other item that is not text: `tags: ["2026", "true"]`',
      '4:14  tags[1]  item 2 of `tags`: expected each tag as text, found true (yes/no) → put it in quotes, and so the list\'s other item that is not text: `tags: ["2026", "true"]`',
    ]);
    const fixed = [...base, lineOf(found[0]!)!];
    assert.deepEqual(fixedPost(fixed).tags, ["2026", "true"]);
  });

  it("one per line: `- \"2026\"`, as before", () => {
    const lines = [...base, "tags:", "  - nursing", "  - 2026"];
    assert.deepEqual(messages(lines), ['6:5  tags[1]  item 2 of `tags`: expected each tag as text, found a number → put it in quotes: - "2026"']);
    assert.deepEqual(fixedPost([...base, "tags:", "  - nursing", '  - "2026"']).tags, ["nursing", "2026"]);
  });

  it("topics and nocite alike, the text items left as written (a nocite item with its @: it is a citation key)", () => {
    const topics = load([...base, "topics: [2026, Why now?]"]).diagnostics;
    assert.deepEqual(topics.map((d) => d.fix), ['put it in quotes: `topics: ["2026", Why now?]`']);
    assert.deepEqual(fixedPost([...base, lineOf(topics[0]!)!]).topics, ["2026", "Why now?"]);
    const nocite = load([...base, "nocite: [2026, true, 3.5]"]).diagnostics;
    assert.equal(nocite.length, 3);
    for (const d of nocite) assert.equal(lineOf(d), 'nocite: ["@2026", "@true", "@3.5"]');
  });

  it("a list in brackets over two lines: the item in quotes, inside the brackets", () => {
    assert.deepEqual(messages([...base, "tags: [nursing,", "  2026, night shift]"]), ['5:3  tags[1]  item 2 of `tags`: expected each tag as text, found a number → put it in quotes, inside the brackets: "2026"']);
    assert.deepEqual(fixedPost([...base, "tags: [nursing,", '  "2026", night shift]']).tags, ["nursing", "2026", "night shift"]);
  });

  it("with the YAML text, each item as it was typed (`1.50`, `True`), the rest of the line kept", () => {
    const schema = z.strictObject({ tags: z.array(z.string()), title: z.string().optional() });
    const text = "tags: [1.50, True, nursing]  # for the archive\ntitle: 1.50\n";
    const doc = readYamlDocument(text, FILE, 2);
    const parsed = schema.safeParse(doc.data);
    const out = zodIssuesToDiagnostics(parsed.error!.issues, FILE, doc.locate, schema, { data: doc.data, source: { text, firstLine: 2 } });
    assert.deepEqual(out.map((d) => d.fix), [
      'put it in quotes, and so the list\'s other item that is not text: `tags: ["1.50", "True", nursing]  # for the archive`',
      'put it in quotes, and so the list\'s other item that is not text: `tags: ["1.50", "True", nursing]  # for the archive`',
      'put it in quotes: title: "1.50"',
    ]);
  });

  it("through the post loader, with its text", () => {
    const found = load([...base, "tags: [1.50, nursing]"]).diagnostics;
    assert.deepEqual(found.map((d) => d.fix), ['put it in quotes: `tags: ["1.50", nursing]`']);
    assert.deepEqual(fixedPost([...base, lineOf(found[0]!)!]).tags, ["1.50", "nursing"]);
  });

  it("`- \"2026\"` pasted into the brackets: the line without the `- `, never \"line 4 … than line 4\"", () => {
    const lines = [...base, 'tags: [- "2026", true]'];
    const out = messages(lines);
    assert.deepEqual(out, ['4:8  tags  a list in square brackets has no `- ` before its items: they are separated by commas → write the line without it: `tags: ["2026", true]`']);
    assert.doesNotMatch(out.join("\n"), /than line 4 above/);
  });
});
