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

// T1, Q1, Topic 1, Question 1, then an optional : . ) or dash, then the question; or a
// number with its . or ) as a numbered list writes it (1. or 1)).
const LABEL = /^(?:(?:T|Q|Topic|Question)\s?(\d{1,2})\s*([:.)\-–—]?)|(\d{1,2})[.)])\s+(?=\S)/i;

const numberOf = (m: RegExpExecArray) => Number(m[1] ?? m[3]);

// Whether a label is a question number even where its number is not the topic's own (a
// question deleted, moved or added: "T1 …", "T3 …"). A number with punctuation ("T3:", "Q3.",
// "3)", "3.") is; so is one followed by a capital, as a question starts ("T3 What helps?").
// "T2 diabetes", "T5 is late" or "Q3 results" may be words, and so are "3 things…",
// "2020 was hard…" and "10 years on…", which LABEL never reads as labels (no . or ) after
// the number, or more than two digits).
const firm = (m: RegExpExecArray, text: string) => !!(m[2] || m[3]) || !/^\p{Ll}/u.test(text.slice(m[0].length));

/**
 * Topics that start with a question number. The rule:
 * - a topic's label counts when its number is its own (T2 in second place), when the label
 *   is firm (above), or when most topics (two or more) start with one of those: then the
 *   list is numbered, and "T4 diabetes?" among them is a number too;
 * - when every topic of two or more starts with a label, the numbers rising (T1, T3, T4
 *   after T2 was deleted) and each label its own or firm, they certainly are numbers:
 *   errors. Otherwise each label that counts is a warning, as it may be words
 *   ("T1 diabetes", "Q1 results").
 */
export function topicLabelProblems(topics: readonly string[]): TopicLabelProblem[] {
  const labels = topics.map((t) => LABEL.exec(t));
  const own = labels.map((m, i) => !!m && numberOf(m) === i + 1);
  const labelled = labels.filter(Boolean).length;
  // Most topics start with a label that is a number (its own or firm): the list is numbered.
  const numbers = labels.filter((m, i) => !!m && (own[i] || firm(m, topics[i]!))).length;
  const numberedList = numbers >= 2 && numbers > topics.length / 2;
  const counts = labels.map((m, i) => !!m && (own[i] || numberedList || firm(m, topics[i]!)));
  const rising = labels.every((m, i) => i === 0 || (!!m && !!labels[i - 1] && numberOf(m) > numberOf(labels[i - 1]!)));
  const certain = topics.length >= 2 && labelled === topics.length && rising && labels.every((m, i) => own[i] || firm(m!, topics[i]!));
  const out: TopicLabelProblem[] = [];
  labels.forEach((m, i) => {
    // Several numbered questions in one topic are front-matter.ts's to split (itemsInOneItem).
    if (!m || !counts[i] || numberedQuestions(topics[i]!)) return;
    const label = m[0].trim();
    const rest = topics[i]!.slice(m[0].length);
    const which = own[i] ? "its number" : "a question number";
    out.push({
      index: i,
      severity: certain ? "error" : "warning",
      message: certain
        ? `starts with ${which}, "${label}", which the page adds itself: readers would see "T${i + 1} ${topics[i]}"`
        : `starts with "${label}", which may be ${which}: the page adds the numbers itself, so readers would see "T${i + 1} ${topics[i]}"`,
      fix: `write it without the number: - ${yamlScalar(rest)}${certain ? "" : " (if it is part of the question, leave it)"}`,
    });
  });
  return out;
}

/**
 * The question without its number, when `text` starts with the number of topic `index`
 * (0-based), or with a number and its punctuation whatever the number (`- T3: What helps?`
 * in second place, after a question was deleted); not "Q3 Results", which may be words.
 */
export function withoutTopicLabel(text: string, index: number): string | undefined {
  const m = LABEL.exec(text);
  return m && (numberOf(m) === index + 1 || !!(m[2] || m[3])) ? text.slice(m[0].length) : undefined;
}

// A bullet as word processors and chat announcements print them.
const BULLET = /(?:^|\s)[•·▪◦‣●]\s+/g;
// Where a question number may start a question inside pasted text: T2, Q2, Topic 2, 2., 2).
const NUMBER_AT = /(?:^|\s)(?:(?:T|Q|Topic|Question)\s?(\d{1,2})\s*[:.)\-–—]?|(\d{1,2})[.)])\s+(?=\S)/gi;

/**
 * The questions of topics pasted as text rather than a list (YAML folds the lines into
 * one): "• T1 Should…? • T2 Should…?", "1. Should…? 2. Should…?", "T1 Should…? T2 …", or
 * several questions in one line. Each without its bullet or number; undefined unless
 * there are two or more.
 */
export function pastedTopics(text: string): string[] | undefined {
  let parts: string[] = [];
  if (text.match(BULLET)?.length) parts = text.split(BULLET);
  else {
    // Numbers 1, 2, 3… in order, the first at the start: each starts a question.
    const starts: number[] = [];
    for (const m of text.matchAll(NUMBER_AT)) {
      if (Number(m[1] ?? m[2]) === starts.length + 1 && (starts.length || m.index === 0)) starts.push(m.index);
    }
    if (starts.length >= 2) parts = starts.map((at, i) => text.slice(at, starts[i + 1]));
    else parts = text.split(/(?<=\?)\s+(?=\S)/);
  }
  // "First? - Second?": the dash between questions is no part of the next one.
  const questions = parts.map((p) => p.trim().replace(/^[-–—][ \t]+/, "")).filter(Boolean).map((p, i) => (withoutTopicLabel(p, i) ?? p).trim());
  return questions.length >= 2 ? questions : undefined;
}

// A bullet that starts a list item's text: `- • First question?`, a bullet pasted or typed after the hyphen.
const LEADING_BULLET = /^[•·▪◦‣●][ \t]+/;
// A dash with a space either side, where a pasted or joined list puts its next item: "First? - Second?".
const DASH_BETWEEN = /[ \t]+[-–—][ \t]+(?=\S)/g;

/**
 * The items a list item holds when several were written into it as in a document, each without
 * its bullet (and, in `topics`, its number): `• First? - Second?`, `• First? • Second?`, or in
 * topics `1. First? 2. Second?` and `T1 First? - T2 Second?`; a single item with a bullet in
 * front (`• First?`) gives that item alone. Undefined without that evidence: a text with a dash
 * in it (`Night shift - what helps?`) is one item. After a bullet, one item runs to the next
 * bullet; with only the one bullet in front, to the next dash between spaces (only those after
 * a question's end when there are such: "• Burnout - what helps? - Who listens?" is two).
 * `index` is the item's place in its list (0-based), for the topics' numbers.
 */
export function itemsInOneItem(text: string, index: number, topics: boolean): string[] | undefined {
  return itemsInOneItemRead(text, index, topics)?.items;
}

/**
 * itemsInOneItem, and whether question numbers were taken off (for the fix's words). Numbers
 * found firm and rising (by numberedQuestions, or before each bulleted question) go whatever
 * the item's place: "T1 First? - T2 Second?" in second place is questions 1 and 2 of a list
 * pasted there, not the page's T2 and T3.
 */
export function itemsInOneItemRead(text: string, index: number, topics: boolean): { items: string[]; unnumbered: boolean } | undefined {
  let parts: string[];
  let numbered = false;
  const bullet = LEADING_BULLET.exec(text);
  if (bullet) {
    const rest = text.slice(bullet[0].length);
    if (rest.match(BULLET)?.length) parts = rest.split(BULLET);
    else {
      const dashes = [...rest.matchAll(DASH_BETWEEN)];
      const afterQuestion = dashes.filter((m) => /[?!.]$/.test(rest.slice(0, m.index)));
      const at = afterQuestion.length ? afterQuestion : dashes;
      parts = at.map((m, i) => rest.slice(i ? at[i - 1]!.index + at[i - 1]![0].length : 0, m.index));
      parts.push(at.length ? rest.slice(at[at.length - 1]!.index + at[at.length - 1]![0].length) : rest);
    }
  } else if (topics) {
    parts = numberedQuestions(text) ?? [];
    if (parts.length < 2) return undefined;
    numbered = true;
  } else return undefined;
  const trimmed = parts.map((p) => p.trim()).filter(Boolean);
  const rising = topics ? (numbered ? trimmed.map((p) => p.slice(LABEL.exec(p)?.[0].length ?? 0)) : withoutRisingLabels(trimmed)) : undefined;
  const items = (rising ?? trimmed.map((p, i) => (topics ? withoutTopicLabel(p, index + i) ?? p : p))).map((p) => p.trim());
  return items.length ? { items, unnumbered: items.some((item, i) => item !== trimmed[i]) } : undefined;
}

/**
 * Questions without their numbers when each of two or more starts with one, firm (see `firm`)
 * and rising ("T2 First?", "T3 Second?"): a numbered list, whatever place it is pasted in.
 * Undefined otherwise: then only a topic's own number, or one with its punctuation, is one.
 */
export function withoutRisingLabels(texts: readonly string[]): string[] | undefined {
  if (texts.length < 2) return undefined;
  const labels = texts.map((t) => LABEL.exec(t));
  const all = labels.every((m, i) => !!m && firm(m, texts[i]!) && (i === 0 || numberOf(m) > numberOf(labels[i - 1]!)));
  return all ? texts.map((t, i) => t.slice(labels[i]![0].length)) : undefined;
}

/**
 * A topic that is two or more numbered questions in one ("1. First? 2. Second?", "T1 First? -
 * T2 Second?"): each from its number, the numbers rising by one from the first, each number
 * firm (its punctuation, or a capital after it) and after a question's end or a dash or bullet
 * between items. Not "T1 or T2: which is harder?", whose "T1" is a word.
 */
function numberedQuestions(text: string): string[] | undefined {
  const first = LABEL.exec(text);
  if (!first || !firm(first, text)) return undefined;
  const starts = [0];
  let next = numberOf(first) + 1;
  for (const m of text.matchAll(NUMBER_AT)) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (at === 0 || Number(m[1] ?? m[2]) !== next) continue;
    const label = LABEL.exec(text.slice(at));
    if (!label || !firm(label, text.slice(at))) continue;
    if (!/(?:[?!.]|[ \t][-–—•])$/.test(text.slice(0, at).trimEnd())) continue;
    starts.push(at);
    next++;
  }
  if (starts.length < 2) return undefined;
  // Each part without the dash or bullet that stood between it and the next.
  return starts.map((at, i) => text.slice(at, starts[i + 1]).replace(/[ \t]+[-–—•]?[ \t]*$/, ""));
}
