// Several list items written as one: `- • Who joins? - What helps?` (a bullet after the
// hyphen, as pasted from a document), `- 1. First? 2. Second?` in topics, and a list whose first
// item has no hyphen (`topics:` then `  First?` and `  - Second?`). Each is an error at its line
// whose fix is the writer's own items, one `- ` line each; applied, the post reads back clean.
// A topic with a dash in it (`- Night shift - what helps?`) stays one topic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { itemsInOneItem, pastedTopics, topicLabelProblems } from "../../lib/topic-labels.ts";
import { applyLineFix } from "../helpers/line-fixes.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

const messages = (lines: string[]) => loadLines(lines).diagnostics.map(shown);

/**
 * `lines` with the lines a fix lists put in place of the ones it names: "so that line 7 becomes
 * 2 lines: `a` and `b`" or "so that lines 6–8 read: `a`, `b` and `c"` (an alternative in
 * brackets after it left out).
 */
function applyLinesFix(lines: string[], d: Diagnostic): string[] {
  const m = /so that lines? (\d+)(?:–(\d+))? (?:becomes? \d+ lines: |reads?:? )(.*?)(?: \(if it is one .*)?$/.exec(d.fix ?? "");
  assert.ok(m, `the fix gives the lines: ${d.fix}`);
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  const written = [...m[3]!.matchAll(/`([^`]*)`/g)].map((x) => x[1]!);
  assert.ok(written.length >= 1);
  return [...lines.slice(0, from - 1), ...written, ...lines.slice(to)];
}

/** The post read back after the fix of its one diagnostic: no diagnostics left. */
function fixedClean(lines: string[]): string[] {
  const ds = loadLines(lines).diagnostics;
  assert.equal(ds.length, 1, ds.map(shown).join("\n"));
  const fixed = applyLinesFix(lines, ds[0]!);
  assert.deepEqual(messages(fixed), [], `after the fix:\n${fixed.join("\n")}`);
  return fixed;
}

/** The same post with the tag lines below `title:` (tags: on line 3). */
const withTags = (tagLines: string[]) => post({ 2: ["title: Online communities", "tags:", ...tagLines] });

describe("a bullet after a list item's hyphen", () => {
  it("splits `- • First? - Second?` into its questions, with the one-question reading as a choice", () => {
    const lines = post({ 7: "  - • Who joins? - What helps?" });
    assert.deepEqual(messages(lines), [
      '7:5  topics[0]  line 7 has a bullet • after the hyphen - that starts the question, and 2 questions after it: YAML reads them as one question, "• Who joins? - What helps?" → write each question on its own line starting with "- ", without the bullet, so that line 7 becomes 2 lines: `  - Who joins?` and `  - What helps?` (if it is one question, write it without the bullet: `  - Who joins? - What helps?`)',
    ]);
    assert.deepEqual(fixedClean(lines).slice(5, 9), ["topics:", "  - Who joins?", "  - What helps?", "---"]);
  });

  it("splits at each bullet when there are several, keeping a dash inside a question", () => {
    const lines = post({ 7: "  - • Night shift - what helps? • Who listens?" });
    const [d] = loadLines(lines).diagnostics;
    assert.match(d!.fix ?? "", /so that line 7 becomes 2 lines: `  - Night shift - what helps\?` and `  - Who listens\?`$/);
    fixedClean(lines);
  });

  it("with one bullet, splits only after a question's end when there is one", () => {
    assert.deepEqual(itemsInOneItem("• Burnout - what helps? - Who listens?", 0, true), ["Burnout - what helps?", "Who listens?"]);
    assert.deepEqual(itemsInOneItem("• nursing - night shift", 0, false), ["nursing", "night shift"]);
  });

  it("offers `- • Night shift - what helps?` as one question too, and either fix reads back clean", () => {
    const lines = post({ 7: "  - • Night shift - what helps?" });
    const [d] = loadLines(lines).diagnostics;
    assert.equal(d!.severity, "error");
    assert.match(d!.fix ?? "", /`  - Night shift` and `  - what helps\?` \(if it is one question, write it without the bullet: `  - Night shift - what helps\?`\)$/);
    fixedClean(lines);
    assert.deepEqual(messages(post({ 7: "  - Night shift - what helps?" })), []);
  });

  it("takes a lone bullet off, on the item's own line", () => {
    const lines = post({ 7: ["  - • Who joins?", "  - What helps?"] });
    const ds = loadLines(lines).diagnostics;
    assert.deepEqual(ds.map(shown), [
      '7:5  topics[0]  line 7 has a bullet • after the hyphen - that starts the question: the bullet is read as part of its text, "• Who joins?", and would be shown → write it without the bullet, so that line 7 reads `  - Who joins?`',
    ]);
    assert.deepEqual(messages(applyLineFix(lines.join("\n"), ds[0]!, { onItsLine: true }).split("\n")), []);
  });

  it("drops the numbers of bulleted questions, and quotes a question that needs it", () => {
    // In quotes: unquoted, the colon makes it a field, which the schema's message puts in quotes first.
    const lines = post({ 7: '  - "• T1 Should vendors join? • T2 Burnout: what helps?"' });
    const [d] = loadLines(lines).diagnostics;
    assert.match(d!.fix ?? "", /so that line 7 becomes 2 lines: `  - Should vendors join\?` and `  - "Burnout: what helps\?"`$/);
    fixedClean(lines);
  });

  it("reads an item folded over two lines, bullets on both", () => {
    const lines = post({ 7: ["  - • Who joins?", "    • What helps?"] });
    const [d] = loadLines(lines).diagnostics;
    assert.match(d!.message, /^lines 7–8 have|^lines 7–8 has/);
    assert.match(d!.fix ?? "", /so that lines 7–8 become 2 lines: `  - Who joins\?` and `  - What helps\?`$/);
    fixedClean(lines);
  });

  it("is found in tags as well, the items as written", () => {
    const lines = withTags(["  - • nursing - night shift"]);
    assert.deepEqual(messages(lines), [
      '4:5  tags[0]  line 4 has a bullet • after the hyphen - that starts the item, and 2 items after it: YAML reads them as one item, "• nursing - night shift" → write each item on its own line starting with "- ", without the bullet, so that line 4 becomes 2 lines: `  - nursing` and `  - night shift` (if it is one item, write it without the bullet: `  - nursing - night shift`)',
    ]);
    fixedClean(lines);
  });

  it("still reads the rest of the post: another field's error comes in the same run", () => {
    const out = messages(post({ 3: "date: 2017-02-30", 7: "  - • Who joins? - What helps?" }));
    assert.equal(out.length, 2, out.join("\n"));
    assert.ok(out.some((m) => /^3:\d+  date  /.test(m)), out.join("\n"));
    assert.ok(out.some((m) => /^7:5  topics\[0\]  line 7 has a bullet •/.test(m)), out.join("\n"));
  });
});

describe("numbered questions in one topic", () => {
  it("splits `- 1. First? 2. Second?`, without the numbers, with no second message for the number", () => {
    const lines = post({ 7: "  - 1. Who joins? 2. What helps?" });
    assert.deepEqual(messages(lines), [
      '7:5  topics[0]  line 7 holds 2 numbered questions, which YAML reads as one, "1. Who joins? 2. What helps?"; the page numbers the questions itself → write each question on its own line starting with "- " and without its number, so that line 7 becomes 2 lines: `  - Who joins?` and `  - What helps?`',
    ]);
    fixedClean(lines);
  });

  it("splits `- T1 First? - T2 Second?` and `- Q1: …`-style labels in order", () => {
    assert.deepEqual(itemsInOneItem("T1 Who joins? - T2 What helps?", 0, true), ["Who joins?", "What helps?"]);
    assert.deepEqual(itemsInOneItem("1) Why? 2) How? 3) Where next?", 0, true), ["Why?", "How?", "Where next?"]);
    fixedClean(post({ 7: "  - T1 Who joins? - T2 What helps?" }));
    // Third in the list: its numbers are 3 and 4.
    fixedClean(post({ 7: ["  - Who joins?", "  - What helps?", "  - T3 Third question? T4 Fourth question?"] }));
  });

  it("leaves words and lone numbers to the topic-label check", () => {
    for (const text of ["T1 or T2 - which is harder?", "What about T2 diabetes?", "1. First step? 3. Third step?", "Night shift - what helps?", "2020 was hard. 2021 too?"]) {
      assert.equal(itemsInOneItem(text, 0, true), undefined, text);
    }
    // In tags, numbers are words.
    assert.equal(itemsInOneItem("1. nursing 2. care", 0, false), undefined);
    // The label check still speaks of a single numbered question.
    assert.equal(topicLabelProblems(["1. Why?", "2) How?"]).length, 2);
    assert.deepEqual(topicLabelProblems(["1. Why? 2. How?", "Where?"]), []);
  });
});

describe("in a list written in brackets", () => {
  it("gives the line with each item in the brackets, which reads back clean", () => {
    const lines = post({ 6: "topics: [1. Who joins? 2. What helps?, Third question?]", 7: [] });
    assert.deepEqual(messages(lines), [
      '6:10  topics[0]  line 6 holds 2 numbered questions, which YAML reads as one, "1. Who joins? 2. What helps?"; the page numbers the questions itself → write each question as an item of its own and without its number, so that line 6 reads `topics: [Who joins?, What helps?, Third question?]`',
    ]);
    for (const written of [lines, withTags([]).map((l) => (l === "tags:" ? "tags: [• nursing - night shift, care]" : l)), post({ 6: 'topics: ["• Burnout: what helps? • Who listens, and when?"]', 7: [] })]) {
      const ds = loadLines(written).diagnostics;
      assert.equal(ds.length, 1, ds.map(shown).join("\n"));
      assert.deepEqual(messages(applyLineFix(written.join("\n"), ds[0]!, { onItsLine: true }).split("\n")), [], ds[0]!.fix);
    }
  });
});

describe("a list whose first item has no hyphen", () => {
  it("gives the writer's items, each on its own line", () => {
    const lines = post({ 7: ["  Who joins?", "  - What helps?", "  - Third question?"] });
    assert.deepEqual(messages(lines), [
      '7:3  topics  the first item (line 7) does not start with the hyphen - that starts a list item in YAML, so YAML reads lines 7–9 as one text, "Who joins? - What helps? - Third question?", not as 3 items → start each item with a hyphen -, on its own line, so that lines 7–9 read: `  - Who joins?`, `  - What helps?` and `  - Third question?`',
    ]);
    fixedClean(lines);
  });

  it("does so for items that are not questions, where the old fix showed them merged", () => {
    const lines = post({ 7: ["  First thing", "  - Second thing"] });
    const [d] = loadLines(lines).diagnostics;
    assert.match(d!.fix ?? "", /so that lines 7–8 read: `  - First thing` and `  - Second thing`$/);
    assert.doesNotMatch(d!.fix ?? "", /First thing - Second thing/);
    fixedClean(lines);
  });

  it("takes the first item off the field's line", () => {
    const lines = post({ 6: "topics: Who joins?", 7: "  - What helps?" });
    assert.deepEqual(messages(lines), [
      '6:9  topics  the first item (line 6, after `topics:`) does not start with the hyphen - that starts a list item in YAML, so YAML reads lines 6–7 as one text, "Who joins? - What helps?", not as 2 items → write `topics:` alone on its line and start each item with a hyphen -, on its own line, so that lines 6–7 read: `topics:`, `  - Who joins?` and `  - What helps?`',
    ]);
    fixedClean(lines);
  });

  it("drops question numbers, keeps a continued line with its item, and reads bullets below as items", () => {
    const numbered = post({ 7: ["  T1 Who joins?", "  - T2 What helps?"] });
    assert.match(loadLines(numbered).diagnostics[0]!.fix ?? "", /, without its number \(the page numbers the questions itself\), so that lines 7–8 read: `  - Who joins\?` and `  - What helps\?`$/);
    fixedClean(numbered);
    const continued = post({ 7: ["  Who joins?", "  - Second question that", "    goes on?"] });
    assert.match(loadLines(continued).diagnostics[0]!.fix ?? "", /`  - Who joins\?` and `  - Second question that goes on\?`$/);
    fixedClean(continued);
    fixedClean(post({ 7: ["  Who joins?", "  • What helps?"] }));
  });

  it("is found in tags, and not in a text field whose line starts with a dash", () => {
    const lines = withTags(["  nursing", "  - night shift"]);
    assert.match(loadLines(lines).diagnostics[0]!.fix ?? "", /so that lines 4–5 read: `  - nursing` and `  - night shift`$/);
    fixedClean(lines);
    assert.deepEqual(messages(post({ 2: ["title: Online communities", "description:", "  A chat on night shifts", "  - and what helps"] })), []);
  });

  it("leaves a misspelt field's name to the unknown-field message", () => {
    assert.deepEqual(messages(post({ 6: "topcis:", 7: ["  Who joins?", "  - What helps?"] })), ["6:1  topcis  unknown field `topcis` → did you mean `topics`?"]);
  });

  it("a list in one paragraph on the field's line loses the dashes between its questions", () => {
    assert.deepEqual(pastedTopics("Who joins? - What helps?"), ["Who joins?", "What helps?"]);
  });
});

describe("fuzz: every fix reads back clean", () => {
  const questions = ["Should vendors join?", "Burnout: what helps?", "Night shift - what helps?", "What is #hcldr for?", "Who listens"];
  const tags = ["nursing", "night shift", "care"];
  it("bullets and dashes between items, in topics and tags", () => {
    let n = 0;
    for (const bullet of ["•", "·", "●"]) {
      for (const between of [" - ", ` ${bullet} `, " – "]) {
        for (let count = 1; count <= 3; count++) {
          for (const start of [0, 1, 2]) {
            const pick = questions.slice(start, start + count);
            if (pick.length < count) continue;
            // A # after a space would be a comment: those questions are written in quotes, bullet and all.
            const text = `${bullet} ${pick.join(between)}`;
            const item = /:\s| #/.test(text) ? `"${text}"` : text;
            const lines = post({ 7: `  - ${item}` });
            const ds = loadLines(lines).diagnostics;
            assert.equal(ds.length, 1, `${item}: ${ds.map(shown).join("\n")}`);
            assert.equal(ds[0]!.line, 7);
            const fixed = applyLinesFix(lines, ds[0]!);
            assert.deepEqual(messages(fixed), [], `${item} → ${fixed.join("\n")}`);
            n++;
          }
          const tagLines = withTags([`  - ${bullet} ${tags.slice(0, count).join(between)}`]);
          fixedClean(tagLines);
        }
      }
    }
    assert.ok(n > 40);
  });

  it("lists whose first item has no hyphen", () => {
    for (const [first, rest] of [["Who joins?", ["What helps?"]], ["Burnout: what helps?", ["Who listens?"]], ["nursing", ["night shift", "care"]], ["T1 First?", ["T2 Second?", "T3 Third?"]]] as const) {
      for (const sign of ["-", "•", "–"]) {
        for (const onKeyLine of [false, true]) {
          // A first item with a colon cannot be written unquoted; in quotes it is no plain text YAML runs on.
          if (/:\s/.test(first)) continue;
          const below = rest.map((r) => `  ${sign} ${r}`);
          const lines = onKeyLine ? post({ 6: `topics: ${first}`, 7: below }) : post({ 7: [`  ${first}`, ...below] });
          fixedClean(lines);
        }
      }
    }
  });
});
