// A chat question written with its number ("T1 Should vendors join?"), as announcements
// print them: the page, the calendar and the copy button number the questions already,
// so readers would get "T1 T1 Should vendors join?".
import { yamlScalar } from "./yaml-text.ts";

export interface TopicLabelProblem {
  /** 0-based position in `topics`. */
  index: number;
  severity: "error" | "warning";
  message: string;
  fix: string;
}

// T1, Q1, Topic 1, Question 1, then an optional : . ) or dash, then the question.
const LABEL = /^(?:T|Q|Topic|Question)\s?(\d{1,2})\s*[:.)\-–—]?\s+(?=\S)/i;

/**
 * Topics that start with a question number. When every topic of two or more starts with
 * its own number in order (T1, T2, …) they certainly are numbers: errors. A single one
 * may be words ("T1 diabetes", "Q1 results"): a warning, and only when the number is the
 * topic's own.
 */
export function topicLabelProblems(topics: readonly string[]): TopicLabelProblem[] {
  const labels = topics.map((t) => LABEL.exec(t));
  const own = labels.map((m, i) => !!m && Number(m[1]) === i + 1);
  const certain = topics.length >= 2 && own.every(Boolean);
  const out: TopicLabelProblem[] = [];
  labels.forEach((m, i) => {
    if (!m || !own[i]) return;
    const label = m[0].trim();
    const rest = topics[i]!.slice(m[0].length);
    out.push({
      index: i,
      severity: certain ? "error" : "warning",
      message: certain
        ? `starts with its number, "${label}", which the page adds itself: readers would see "T${i + 1} ${topics[i]}"`
        : `starts with "${label}", which may be its number: the page adds the numbers itself, so readers would see "T${i + 1} ${topics[i]}"`,
      fix: `write it without the number: - ${yamlScalar(rest)}${certain ? "" : " (if it is part of the question, leave it)"}`,
    });
  });
  return out;
}

/** The question without its number, when `text` starts with the number of topic `index` (0-based). */
export function withoutTopicLabel(text: string, index: number): string | undefined {
  const m = LABEL.exec(text);
  return m && Number(m[1]) === index + 1 ? text.slice(m[0].length) : undefined;
}
