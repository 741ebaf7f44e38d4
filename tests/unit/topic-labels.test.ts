// Chat questions written with their numbers ("T1 Should vendors join?"): the page, the
// calendar and the copy button number them already. Every question numbered in order is
// an error; one that may be words ("T1 diabetes") a warning; other text is left alone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";
import { pastedTopics, topicLabelProblems, withoutTopicLabel } from "../../lib/topic-labels.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ctx: LoadContext = { settings, root: "/nowhere", fileExists: () => false };
const FILE = "content/posts/2017-04-30-online-communities.md";

/** The messages of a post with these topic lines (from line 4), without the file name. */
function messages(...topics: string[]): string[] {
  const text = `---\ntitle: T\ndate: 2017-04-30\ntopics:\n${topics.map((t) => `  - ${t}`).join("\n")}\n---\nBody.\n`;
  return loadPost(FILE, text, ctx).diagnostics.map(formatDiagnostic).map((m) => m.slice(FILE.length + 1));
}

describe("chat questions written with their numbers", () => {
  it("is an error at each question when all are numbered in order, with the question to write", () => {
    assert.deepEqual(messages("T1 Should vendors join?", "\"T2: Should #hcldr accept sponsorship?\"", "T3. What would you change?"), [
      '5:5  topics[0]  topic T1 starts with its number, "T1", which the page adds itself: readers would see "T1 T1 Should vendors join?" → write it without the number: - Should vendors join?',
      '6:5  topics[1]  topic T2 starts with its number, "T2:", which the page adds itself: readers would see "T2 T2: Should #hcldr accept sponsorship?" → write it without the number: - "Should #hcldr accept sponsorship?"',
      '7:5  topics[2]  topic T3 starts with its number, "T3.", which the page adds itself: readers would see "T3 T3. What would you change?" → write it without the number: - What would you change?',
    ]);
  });

  it("reads Q1, Topic 1 and Question 1 the same way, in any case", () => {
    assert.equal(topicLabelProblems(["Q1) Who?", "q2 - What?", "Topic 3: Why?", "Question 4 How?"]).filter((p) => p.severity === "error").length, 4);
  });

  it("is a warning when a single question starts with its number, which may be words", () => {
    assert.deepEqual(messages('"T1 diabetes in schools: who is responsible?"', "What should change?"), [
      '5:5  topics[0]  warning: topic T1 starts with "T1", which may be its number: the page adds the numbers itself, so readers would see "T1 T1 diabetes in schools: who is responsible?" → write it without the number: - "diabetes in schools: who is responsible?" (if it is part of the question, leave it)',
    ]);
    assert.equal(topicLabelProblems(["T1 Should vendors join?"])[0]!.severity, "warning");
  });

  it("leaves alone a number that is not the question's own, and words that only look like one", () => {
    assert.deepEqual(topicLabelProblems(["What about T2 diabetes?", "T1 or T2: which is harder?"]), []);
    assert.deepEqual(topicLabelProblems(["Twitter or Bluesky?", "T-cells?", "Topical creams?", "Question: why?", "Q&A: who?", "T5 is late"]), []);
    assert.deepEqual(topicLabelProblems(["T1", "T2"]), [], "a label with no question after it is the question");
  });

  it("gives `- T1: question`, which YAML reads as a field, the question without its number", () => {
    assert.deepEqual(messages("T1: Should vendors join?", "What should change?"), [
      "5:5  topics[0]  topic T1 became a field named `T1`: YAML reads a colon followed by a space as the end of a field's name, and the page numbers the questions itself → write it without the number: - Should vendors join?",
    ]);
    assert.equal(withoutTopicLabel("T2: Why?", 1), "Why?");
    // A number with its colon is a question number wherever it is (a question deleted or moved).
    assert.equal(withoutTopicLabel("T2: Why?", 0), "Why?");
    assert.equal(withoutTopicLabel("T2 diabetes: why?", 0), undefined);
  });
});

describe("numbered-list numbers", () => {
  it("1. and 1) are question numbers too", () => {
    assert.deepEqual(topicLabelProblems(["1. Why?", "2) How?"]).map((p) => [p.severity, p.fix]), [
      ["error", "write it without the number: - Why?"],
      ["error", "write it without the number: - How?"],
    ]);
    // A year or a count is not a number with its . or ).
    assert.deepEqual(topicLabelProblems(["2020 was hard: why?", "3 things to try?"]), []);
  });
});

describe("pastedTopics", () => {
  it("splits questions pasted with bullets, numbers or labels, without them", () => {
    const two = ["Should vendors join?", "Should communities accept sponsorship?"];
    assert.deepEqual(pastedTopics("• T1 Should vendors join? • T2 Should communities accept sponsorship?"), two);
    assert.deepEqual(pastedTopics("1. Should vendors join? 2. Should communities accept sponsorship?"), two);
    assert.deepEqual(pastedTopics("Q1: Should vendors join? Q2: Should communities accept sponsorship?"), two);
    assert.deepEqual(pastedTopics("Should vendors join? Should communities accept sponsorship?"), two);
  });

  it("keeps numbers inside a question, and has nothing to say of one question", () => {
    assert.deepEqual(pastedTopics("T1 Should vendors join? T2 Should communities accept 2 sponsors?"), ["Should vendors join?", "Should communities accept 2 sponsors?"]);
    assert.equal(pastedTopics("How did 2020 change care?"), undefined);
    assert.equal(pastedTopics("Only one question, with 2. in it"), undefined);
  });
});
