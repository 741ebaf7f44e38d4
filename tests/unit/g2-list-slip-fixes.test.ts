// The fixes of the list-slip checks (several items in one, a first item without its hyphen),
// applied as written: an item YAML would read as a number is written in quotes; numbered
// questions lose their numbers wherever the line is; a line with backticks is shown in a
// longer run of them; a tag line with a bullet and a comma gets one fix for both. A fuzz loop
// applies every fix given until the post is clean.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseDocument } from "yaml";
import type { Diagnostic } from "../../lib/diagnostics.ts";
import { itemsInOneItem } from "../../lib/topic-labels.ts";
import { readsAsText, yamlScalar } from "../../lib/yaml-text.ts";
import { loadLines, post, shown } from "../helpers/slip-post.ts";

const messages = (lines: string[]) => loadLines(lines).diagnostics.map(shown);
const withTags = (tagLines: string[]) => post({ 2: ["title: Online communities", "tags:", ...tagLines] });
const withTagLine = (line: string) => post({ 2: ["title: Online communities", line] });

/**
 * The code spans of a fix, as markdown reads them: a run of backticks to the next run as long,
 * one space taken off each end when both have one.
 */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)].map((m) => {
    const inner = m[2]!;
    return inner.length > 2 && inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() ? inner.slice(1, -1) : inner;
  });
}

const setLines = (lines: string[], from: number, to: number, written: string[]) => [...lines.slice(0, from - 1), ...written, ...lines.slice(to)];

/**
 * `lines` after the fix of `d`, as a writer applies it (`alternative`: the reading in brackets,
 * "if it is one question"); undefined when the fix gives no line to write.
 */
function applyFix(lines: string[], d: Diagnostic, alternative = false): string[] | undefined {
  const fix = d.fix ?? "";
  const choice = / \(if it is one [a-z]+, write it without the bullet: (.*)\)$/.exec(fix);
  if (choice && alternative) return setLines(lines, d.line!, d.line!, codeSpans(choice[1]!));
  const main = choice ? fix.slice(0, choice.index) : fix;
  const span = /so that lines? (\d+)(?:–(\d+))? (?:becomes? \d+ lines: |reads?:? )(.*)$/.exec(main);
  if (span) return setLines(lines, Number(span[1]), Number(span[2] ?? span[1]), codeSpans(span[3]!));
  // "put it in quotes: - "2020"", "write it without the markup: - Is npm hard?": the item's line.
  const item = /(?:put it in quotes|write it without the markup|write it without the number): (.*?)(?: \(if it is part of the question, leave it\))?$/.exec(main);
  const itemLine = /^([ \t]*)- /.exec(lines[d.line! - 1] ?? "");
  if (item && itemLine) return setLines(lines, d.line!, d.line!, [`${itemLine[1]}${item[1]!.startsWith("- ") ? "" : "- "}${item[1]}`]);
  // "… all on one line in place of the list: tags: [a, b]": the field's line and its items.
  const list = /in place of the list: (tags: .*)$/.exec(main);
  if (list) {
    const from = lines.findIndex((l) => /^tags:/.test(l));
    let to = from + 1;
    while (/^[ \t]+\S/.test(lines[to] ?? "")) to++;
    return setLines(lines, from + 1, to, [list[1]!]);
  }
  const one = /: (`+.*`+)$/.exec(main);
  if (one) return setLines(lines, d.line!, d.line!, codeSpans(one[1]!));
  return undefined;
}

/** Fixes applied one at a time (the first given, or with `last` the last) until the post is clean; the states it went through. */
function fixUntilClean(start: string[], options: { last?: boolean; alternative?: boolean } = {}): string[][] {
  const seen = new Set<string>();
  const states = [start];
  let current = start;
  for (let round = 0; round < 8; round++) {
    const ds = loadLines(current).diagnostics;
    if (!ds.length) return states;
    const key = current.join("\n");
    assert.ok(!seen.has(key), `a fix loop:\n${key}\n${ds.map(shown).join("\n")}`);
    seen.add(key);
    const d = options.last ? ds[ds.length - 1]! : ds[0]!;
    const next = applyFix(current, d, options.alternative && round === 0);
    assert.ok(next, `a fix with no line to write:\n${key}\n${ds.map(shown).join("\n")}`);
    // What the findings were about: a fix of a list slip that gives a problem of its own.
    if (/after the hyphen|starts with a bullet|numbered questions|does not start with the hyphen/.test(d.message)) {
      const after = loadLines(next).diagnostics.map(shown);
      const followOn = after.filter((m) => /found a number|one tag with a comma|question number|its number/.test(m));
      assert.deepEqual(followOn, [], `after the fix of\n${key}\n${shown(d)}\n→\n${next.join("\n")}`);
    }
    current = next;
    states.push(current);
  }
  assert.fail(`not clean after 8 fixes:\n${current.join("\n")}\n${messages(current).join("\n")}`);
}

describe("yamlScalar: what YAML would not read back as the text is quoted", () => {
  it("asks the yaml package, for numbers, true/false and null in any form", () => {
    for (const text of ["2020", "1.5", "true", "null", "0x1F", ".5", "1e3", "-1", "+12", "0o17", ".inf", "-.Inf", ".NaN", "~", "Null", "TRUE", "yes", "No", "on", "off"]) {
      assert.equal(yamlScalar(text), JSON.stringify(text), text);
      assert.equal(readsAsText(text), false, text);
    }
    // Text to chatpost's YAML (1.2): plain, as `date:` is written.
    for (const text of ["2027-01-01", "nursing", "Is `npm` hard?", "1_000", "12:30", "Why?", "x, y"]) assert.equal(yamlScalar(text), text, text);
  });

  it("gives back the same text for any text (fuzzed), as a list item", () => {
    const pieces = fc.constantFrom("2020", "1.5", ".5", "1e3", "0x1F", "true", "null", "~", "yes", "-", ":", " ", "#", "`", "'", '"', "[", "]", "{", ",", "•", "a", "Ü", "é", "?", "2027-01-01", "0", ".", "e", "\t", "\\");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pieces, { minLength: 1, maxLength: 5 }).map((p) => p.join(""))), (text) => {
        const doc = parseDocument(`- ${yamlScalar(text)}\n`);
        assert.deepEqual(doc.errors, []);
        assert.deepEqual(doc.toJS(), [text]);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe("finding 5: a number or number-like item from a split is written in quotes", () => {
  it("in a tag line split at a bullet", () => {
    const lines = withTags(["  - • nursing - 2020"]);
    assert.deepEqual(messages(lines), [
      '4:5  tags[0]  line 4 has a bullet • after the hyphen - that starts the item, and 2 items after it: YAML reads them as one item, "• nursing - 2020" → write each item on its own line starting with "- ", without the bullet, so that line 4 becomes 2 lines: `  - nursing` and `  - "2020"` (if it is one item, write it without the bullet: `  - nursing - 2020`)',
    ]);
    assert.deepEqual(fixUntilClean(lines).pop()!.slice(2, 5), ["tags:", "  - nursing", '  - "2020"']);
  });

  it("for a lone bullet before a number, in brackets, and in topics", () => {
    assert.deepEqual(messages(withTags(["  - • 1.5"])), [
      '4:5  tags[0]  line 4 has a bullet • after the hyphen - that starts the item: the bullet is read as part of its text, "• 1.5", and would be shown → write it without the bullet, so that line 4 reads `  - "1.5"`',
    ]);
    assert.deepEqual(messages(withTagLine("tags: [a, ● 1.5]")), [
      '3:11  tags[1]  line 3 has an item that starts with a bullet ●: the bullet is read as part of its text, "● 1.5", and would be shown → write it without the bullet, so that line 3 reads `tags: [a, "1.5"]`',
    ]);
    const topics = post({ 6: "topics: [Why?, '◦ Burnout? • 2020 • 0x1F']", 7: [] });
    assert.deepEqual(messages(topics), [
      `6:17  topics[1]  line 6 has a question that starts with a bullet ◦, and 3 questions after it: YAML reads them as one question, "◦ Burnout? • 2020 • 0x1F" → write each question as an item of its own, without the bullet, so that line 6 reads \`topics: [Why?, Burnout?, "2020", "0x1F"]\``,
    ]);
    for (const lines of [withTags(["  - • 1.5"]), withTagLine("tags: [a, ● 1.5]"), topics]) fixUntilClean(lines);
  });

  it("when the first item has no hyphen", () => {
    const lines = withTags(["  2020", "  - nursing"]);
    assert.deepEqual(messages(lines), [
      '4:3  tags  the first item (line 4) does not start with the hyphen - that starts a list item in YAML, so YAML reads lines 4–5 as one text, "2020 - nursing", not as 2 items → start each item with a hyphen -, on its own line, so that lines 4–5 read: `  - "2020"` and `  - nursing`',
    ]);
    fixUntilClean(lines);
  });

  it("and leaves a date plain, which chatpost's YAML reads as text", () => {
    const lines = post({ 7: "  - • 2027-01-01 - Why?" });
    assert.match(loadLines(lines).diagnostics[0]!.fix ?? "", /`  - 2027-01-01` and `  - Why\?`/);
    fixUntilClean(lines);
  });
});

describe("finding 6: numbered questions lose their numbers wherever the line is", () => {
  it("in second place, numbered from 1", () => {
    const lines = post({ 7: ["  - Why?", "  - T1 First one? - T2 Second one?"] });
    assert.deepEqual(messages(lines), [
      '8:5  topics[1]  line 8 holds 2 numbered questions, which YAML reads as one, "T1 First one? - T2 Second one?"; the page numbers the questions itself → write each question on its own line starting with "- " and without its number, so that line 8 becomes 2 lines: `  - First one?` and `  - Second one?`',
    ]);
    assert.deepEqual(fixUntilClean(lines).pop()!.slice(5, 9), ["topics:", "  - Why?", "  - First one?", "  - Second one?"]);
    fixUntilClean(post({ 7: ["  - Why?", "  - Q1 True or false? Q2 Yes"] }));
    assert.deepEqual(itemsInOneItem("Q1 True or false? Q2 Yes", 1, true), ["True or false?", "Yes"]);
  });

  it("after bullets, and the fix says the numbers go", () => {
    const lines = post({ 7: ["  - Why?", "  - • T1 First? • T2 Second?"] });
    assert.deepEqual(messages(lines), [
      '8:5  topics[1]  line 8 has a bullet • after the hyphen - that starts the question, and 2 questions after it: YAML reads them as one question, "• T1 First? • T2 Second?" → write each question on its own line starting with "- ", without the bullet and its number, so that line 8 becomes 2 lines: `  - First?` and `  - Second?`',
    ]);
    fixUntilClean(lines);
  });

  it("in a list whose first item has no hyphen, numbered from 2", () => {
    const lines = post({ 7: ["  Q2 First?", "  - Q3 Second?"] });
    assert.deepEqual(messages(lines), [
      '7:3  topics  the first item (line 7) does not start with the hyphen - that starts a list item in YAML, so YAML reads lines 7–8 as one text, "Q2 First? - Q3 Second?", not as 2 items → start each item with a hyphen -, on its own line, without its number (the page numbers the questions itself), so that lines 7–8 read: `  - First?` and `  - Second?`',
    ]);
    fixUntilClean(lines);
  });

  it("keeps what may be words: numbers not rising, or not firm", () => {
    // "T2 diabetes" may be words, so the run is not certain: only the own number goes, as before.
    const lines = post({ 7: ["  T3 Why?", "  - T2 diabetes?"] });
    assert.match(loadLines(lines).diagnostics[0]!.fix ?? "", /`  - T3 Why\?` and `  - diabetes\?`$/);
  });
});

describe("finding 12: a line with backticks is shown in a longer run of them", () => {
  it("in a split, its alternative, and a line in brackets", () => {
    const lines = post({ 7: "  - • Is `npm` hard? - Why?" });
    assert.deepEqual(messages(lines), [
      '7:5  topics[0]  line 7 has a bullet • after the hyphen - that starts the question, and 2 questions after it: YAML reads them as one question, "• Is `npm` hard? - Why?" → write each question on its own line starting with "- ", without the bullet, so that line 7 becomes 2 lines: ``  - Is `npm` hard?`` and `  - Why?` (if it is one question, write it without the bullet: ``  - Is `npm` hard? - Why?``)',
      '7:5  topics[0]  warning: topic T1 is shown exactly as typed (front matter is not read as markdown or HTML): readers would see the backticks in "`npm`" → write it without the markup: - • Is npm hard? - Why?',
    ]);
    // Either fix first: the other still applies, and the post ends clean.
    for (const options of [{}, { last: true }, { alternative: true }]) fixUntilClean(lines, options);
    const flow = post({ 6: "topics: [Why?, '• `x` or `y`?']", 7: [] });
    assert.equal(loadLines(flow).diagnostics[0]!.fix, 'write it without the bullet, so that line 6 reads ``topics: [Why?, "`x` or `y`?"]``');
  });

  it("with a space inside when the line ends in a backtick", () => {
    const [d] = loadLines(post({ 7: "  - • Why `npm`" })).diagnostics;
    assert.equal(d!.fix, "write it without the bullet, so that line 7 reads `` " + "  - Why `npm`" + " ``");
    assert.deepEqual(codeSpans(d!.fix!), ["  - Why `npm`"]);
  });
});

describe("finding 13: a bullet and a comma in one tag line", () => {
  it("one fix splits at both, and the comma's fix applied first leaves one that still applies", () => {
    const lines = withTags(['  - "• nursing - x, y"']);
    assert.deepEqual(messages(lines), [
      '4:6  tags[0]  line 4 has a bullet • after the hyphen - that starts the item, and 3 items after it: YAML reads them as one item, "• nursing - x, y" → write each item on its own line starting with "- ", without the bullet, so that line 4 becomes 3 lines: `  - nursing`, `  - x` and `  - "y"`',
      '4:5  tags[0]  item 1 of `tags`: "• nursing - x, y" is one tag with a comma in it, not 2 tags → write each tag as its own item, e.g. all on one line in place of the list: tags: ["• nursing - x", y]',
    ]);
    assert.equal(fixUntilClean(lines).length, 2);
    assert.deepEqual(fixUntilClean(lines, { last: true }).pop()!.slice(2, 3), ["tags: [nursing, x, y]"]);
  });

  it("in brackets", () => {
    const lines = withTagLine("tags: [a, '• nursing - x, y and z?']");
    assert.equal(loadLines(lines).diagnostics[0]!.fix, "write each item as an item of its own, without the bullet, so that line 3 reads `tags: [a, nursing, x, y and z?]`");
    assert.equal(fixUntilClean(lines).length, 2);
    fixUntilClean(lines, { last: true });
  });

  it("in a list whose first item has no hyphen", () => {
    const lines = withTags(["  nursing, care", "  - night shift"]);
    assert.match(loadLines(lines).diagnostics[0]!.fix ?? "", /so that lines 4–5 read: `  - nursing`, `  - care` and `  - night shift`$/);
    fixUntilClean(lines);
  });
});

describe("fuzz: every fix given, applied in turn, ends in a clean post", () => {
  const texts = ["Should vendors join?", "Burnout: what helps?", "Night shift - what helps?", "Who listens", "nursing", "café ☕ time?", "مرحبا بالعالم؟", "שלום עולם?", "2020", "1.5", ".5", "1e3", "0x1F", "true", "null", "yes", "2027-01-01", "x, y and z?", "Is `npm` hard?", "Q&A?", "100% sure?"];
  const questions = ["First one?", "Why not?", "Burnout: what helps?", "Is `npm` hard?", "Who listens?", "What about 2020?"];
  const quote = (s: string, style: string) => (style === "double" ? JSON.stringify(s) : style === "single" ? `'${s.replace(/'/g, "''")}'` : s);
  // A value YAML reads otherwise unquoted (a colon, a leading quote or backtick, a number) is written in quotes, as a writer must.
  const needsQuotes = (s: string) => /: |^[`'"%@&*]/.test(s);

  it("bullets, numbers, commas and backticks, in topics and tags, in any place", () => {
    const slip = fc.record({
      items: fc.uniqueArray(fc.constantFrom(...texts), { minLength: 1, maxLength: 4 }),
      numbered: fc.uniqueArray(fc.constantFrom(...questions), { minLength: 2, maxLength: 3 }),
      from: fc.integer({ min: 1, max: 3 }),
      label: fc.constantFrom("T", "Q", "", "Question "),
      bullet: fc.constantFrom("•", "·", "●", "◦"),
      sep: fc.constantFrom(" - ", " – ", " • "),
      q: fc.constantFrom("none", "double", "single"),
      field: fc.constantFrom("topics", "tags"),
      form: fc.constantFrom("block", "flow", "numbered", "unsigned", "unsignedKey"),
      pos: fc.integer({ min: 0, max: 2 }),
      last: fc.boolean(),
      alternative: fc.boolean(),
    });
    let tried = 0;
    fc.assert(
      fc.property(slip, (c) => {
        const field = c.form === "numbered" ? "topics" : c.field;
        // In brackets a comma parts items already; and the backticks' warning gives a `- ` line for an item in brackets too (front-matter-markup.ts), which no writer can paste there.
        if (c.form === "flow" && c.items.some((t) => (c.q === "none" && /,|: /.test(t)) || t.includes("`"))) return;
        const number = (i: number) => (c.label === "" ? `${c.from + i}.` : `${c.label}${c.from + i}`);
        const text = c.form === "numbered" ? c.numbered.map((w, i) => `${number(i)} ${w}`).join(" ") : `${c.bullet} ${c.items.join(c.sep)}`;
        const style = c.q === "none" && needsQuotes(text) ? "double" : c.q;
        const others = ["Other question one?", "Other question two?"].slice(0, c.pos);
        const unsignedItem = (t: string) => quote(t, c.q === "none" && (needsQuotes(t) || !readsAsText(t)) ? "double" : c.q);
        let block: string[];
        if (c.form === "flow") block = [`${field}: [${[...others, quote(text, style)].join(", ")}]`];
        else if (c.form === "unsigned") block = [`${field}:`, `  ${unsignedItem(c.items[0]!)}`, ...c.items.slice(1).map((t) => `  - ${unsignedItem(t)}`)];
        else if (c.form === "unsignedKey") block = [`${field}: ${unsignedItem(c.items[0]!)}`, ...c.items.slice(1).map((t) => `  - ${unsignedItem(t)}`)];
        else block = [`${field}:`, ...others.map((o) => `  - ${o}`), `  - ${quote(text, style)}`];
        const lines = field === "topics" ? post({ 6: block, 7: [] }) : post({ 2: ["title: Online communities", ...block] });
        // Items in quotes are no slip of these: YAML reads no plain text over the lines, or stops at the colon of one.
        if ((c.form === "unsigned" || c.form === "unsignedKey") && (c.items.length < 2 || c.items.some((t) => unsignedItem(t) !== t))) return;
        tried++;
        fixUntilClean(lines, { last: c.last, alternative: c.alternative });
      }),
      { numRuns: 1500, seed: 2611, includeErrorInReport: true },
    );
    assert.ok(tried > 600, `${tried} posts tried`);
  });
});
