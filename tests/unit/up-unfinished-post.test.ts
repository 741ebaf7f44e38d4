// A post not finished yet: the example texts `npm run new` writes, left in a post that is no
// longer a draft, are errors (every reader would see "First question?"); a draft keeps them
// quietly. The chat's questions typed into the text instead of `topics:` are a warning
// whose fix is the `topics:` lines to write, which applied give the same questions.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { scaffoldPost } from "../../lib/post-scaffold.ts";
import { parseSettings } from "../../lib/settings.ts";
import { SCAFFOLD_TEXTS, unfinishedPostProblems } from "../../lib/unfinished-post.ts";
import type { SlotOccurrence } from "../../lib/weekly-slot.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const FILE = "content/posts/2026-12-08-test.md";
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => true };
const problems = (text: string): Diagnostic[] => loadPost(FILE, text, ctx).diagnostics;
const shown = (d: Diagnostic) => formatDiagnostic(d).slice(FILE.length + 1);

const slot = { date: "2026-12-08", start: "2026-12-08T21:00" } as SlotOccurrence;
const scaffold = scaffoldPost({ title: "Rostering", publishDate: "2026-11-20", slot, zone: "America/New_York" }).text;
/** The scaffold with every example uncommented, as a writer who fills in nothing would leave it. */
const uncommented = scaffold.replace(/^# (description|topics|references):/gm, "$1:").replace(/^#( {3,})/gm, "$1");
const lineOf = (text: string, start: string) => text.split("\n").findIndex((l) => l.trimStart().startsWith(start)) + 1;

describe("npm run new's example texts", () => {
  it("the scaffold writes the texts the check knows", () => {
    assert.match(scaffold, new RegExp(`^# description: ${SCAFFOLD_TEXTS.description}$`, "m"));
    for (const topic of SCAFFOLD_TEXTS.topics) assert.ok(scaffold.includes(`#   - ${topic}\n`), topic);
    assert.ok(scaffold.includes(`#     title: ${SCAFFOLD_TEXTS.referenceTitle}\n`));
    assert.ok(scaffold.includes(`#     URL: ${SCAFFOLD_TEXTS.referenceUrl}\n`));
    assert.ok(scaffold.endsWith(`---\n${SCAFFOLD_TEXTS.body}\n`));
  });

  it("in a draft, uncommented, they are no error: the draft is not published", () => {
    assert.match(uncommented, /^draft: true/m);
    assert.deepEqual(problems(uncommented).filter((d) => d.severity === "error").map(shown), []);
  });

  it("with `draft:` removed, each is an error at its own line, and the post is refused", () => {
    const text = uncommented.replace(/^draft: true.*\n/m, "");
    const { post, diagnostics } = loadPost(FILE, text, ctx);
    assert.equal(post, undefined);
    const errors = diagnostics.filter((d) => d.severity === "error");
    assert.deepEqual(
      errors.map((d) => [d.line, d.field]),
      [
        [lineOf(text, "description:"), "description"],
        [lineOf(text, "- First question?"), "topics[0]"],
        [lineOf(text, "- Second question?"), "topics[1]"],
        [lineOf(text, "title: Title of the page"), "references[0].title"],
        [lineOf(text, SCAFFOLD_TEXTS.body), ""],
      ],
    );
    assert.match(shown(errors[1]!), /topic 1, "First question\?", is still the example of `npm run new`; this post is not a draft, so it would be published with it → write the chat's question in its place, or delete the line$/);
    assert.match(shown(errors[3]!), /reference 1: its title and address are still the example of `npm run new` \("Title of the page", https:\/\/example\.org\/\)/);
    assert.match(shown(errors[4]!), /"What this week's chat is about\." is still the example text of `npm run new`.* → replace the line with this week's introduction$/);
  });

  it("written over, the post is valid", () => {
    const text = uncommented
      .replace(/^draft: true.*\n/m, "")
      .replace(SCAFFOLD_TEXTS.description, "How rotas are made.")
      .replace(SCAFFOLD_TEXTS.topics[0], "Who makes your rota?")
      .replace(SCAFFOLD_TEXTS.topics[1], "What would you change?")
      .replace(/^(\s+)- id: key2026\n(?:\1  .*\n)+/m, "")
      .replace(/^references:.*\n/m, "")
      .replace(SCAFFOLD_TEXTS.body, "This week: rotas.");
    assert.deepEqual(problems(text).map(shown), []);
  });

  it("only the address or only the title left is still told, at that field", () => {
    const found = unfinishedPostProblems({
      draft: false, topics: [], topicsWritten: true, body: "", bodyLine: 10, hasChat: true,
      references: [{ id: "nhs2026", type: "webpage", title: "NHS rota guidance", url: "https://example.org" }],
    });
    assert.deepEqual(found.map((p) => [p.path, p.severity]), [[["references", 0, "url"], "error"]]);
    assert.match(found[0]!.message, /its address is still the example/);
  });
});

describe("the chat's questions written in the text", () => {
  const post = (body: string, fields = "") => `---\ntitle: Rostering\ndate: 2026-11-20\n${fields}chat:\n  start: 2026-12-08T21:00\n---\n${body}`;
  const body = "This week we talk about rostering.\n\nT1: How do you plan your rota?\nT2: What tools help?\n**T3:** Who decides?\n";

  it("is a warning naming their lines, whose fix is the `topics:` lines without labels", () => {
    const found = problems(post(body));
    assert.equal(found.length, 1);
    const [warning] = found;
    assert.equal(warning!.severity, "warning");
    assert.equal(warning!.line, 9);
    assert.match(warning!.message, /^the chat's questions are written in the text \(lines 9–11\), not in `topics:`/);
    assert.equal(warning!.fix!.split("\n").slice(1).join("\n"), "topics:\n  - How do you plan your rota?\n  - What tools help?\n  - Who decides?");
  });

  it("applied as shown, the post has those three questions and no warning", () => {
    const fix = problems(post(body))[0]!.fix!;
    const lines = fix.split("\n").slice(1).join("\n") + "\n";
    const fixed = post("This week we talk about rostering.\n", lines);
    const loaded = loadPost(FILE, fixed, ctx);
    assert.deepEqual(loaded.diagnostics.map(shown), []);
    assert.deepEqual(loaded.post!.topics, ["How do you plan your rota?", "What tools help?", "Who decides?"]);
  });

  it("is not said of one such line, of lines in code, of a post with `topics:`, nor of one without a chat", () => {
    const told = (text: string) => problems(text).filter((d) => /questions are written in the text/.test(d.message)).map(shown);
    assert.deepEqual(told(post("Q1 results were good.\n")), []);
    assert.deepEqual(told(post("```\nT1: a\nT2: b\n```\n")), []);
    assert.deepEqual(problems(post(body, "topics:\n  - Who makes your rota?\n")).map(shown), []);
    assert.deepEqual(told(`---\ntitle: Recap\ndate: 2026-11-20\n---\n${body}`), []);
    // Sentences that start like labels: not numbered from 1, or not asking anything.
    assert.deepEqual(told(post("- T1 diabetes is autoimmune.\n- T2 diabetes is the commoner kind.\n")), []);
    assert.deepEqual(told(post("Q1 2026 saw growth.\nQ2 2026 saw more.\n")), []);
    assert.deepEqual(told(post("T2: How?\nT3: Who?\n")), []);
    // The rule is seen by each of those: the same lines with a chat and no `topics:` are told.
    assert.equal(told(post(body)).length, 1);
  });

  it("gives each question without its label's punctuation or the bold around it", () => {
    const [found] = problems(post("T1: **What is X?**\nT2 : Why?\n__T3.__ Who? #hcldr\n"));
    assert.equal(found!.fix!.split("\n").slice(1).join("\n"), 'topics:\n  - What is X?\n  - Why?\n  - "Who? #hcldr"');
  });

  // A line of a label and a long run of spaces took time quadratic in its length; it is
  // linear now, so a return of that shows as a test that times out (time is not asserted).
  it("reads a label followed by 200,000 spaces as any other line", { timeout: 60_000 }, () => {
    const spaces = " ".repeat(200_000);
    assert.deepEqual(unfinishedPostProblems({ draft: true, topics: [], topicsWritten: false, body: `T1${spaces}\nT2${spaces}:${spaces}\n`, bodyLine: 5, hasChat: true }), []);
  });
});
