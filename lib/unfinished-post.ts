// A post not finished yet, in two ways a check of each field cannot see: the texts
// `npm run new` writes for the writer to replace (they are valid, so a post published with
// them shows "First question?" to every reader), and the chat's questions typed into the
// text instead of `topics:` (plain text there: not the page's numbered questions with
// their copy buttons, and not in the calendar entry).
import { yamlScalar } from "./yaml-text.ts";

/** What lib/post-scaffold.ts writes for the writer to replace: one source for the file and the check. */
export const SCAFFOLD_TEXTS = {
  description: "One sentence for search engines and link previews.",
  topics: ["First question?", "Second question?"],
  referenceId: "key2026",
  referenceTitle: "Title of the page",
  referenceUrl: "https://example.org/",
  body: "What this week's chat is about.",
} as const;

export interface UnfinishedProblem {
  severity: "error" | "warning";
  /** The field the problem is in; none for the text below the front matter. */
  path?: (string | number)[];
  /** 1-based file line, for a problem in the text. */
  line?: number;
  message: string;
  fix: string;
}

export interface UnfinishedInput {
  /** A draft is not published: its template texts are the writer's to-do, not a mistake yet. */
  draft: boolean;
  description?: unknown;
  topics: readonly string[];
  /** `topics:` is written (empty or not): the writer knows where the questions go. */
  topicsWritten: boolean;
  references?: unknown;
  body: string;
  /** The file line the body starts on (1-based). */
  bodyLine: number;
  /** The post announces a chat (a recap or a note has no questions to list). */
  hasChat: boolean;
}

// A question's label at the start of a line of the text, as announcements print them:
// T1, T1:, **T1:**, Q1., Topic 1 -, Question 1) … followed by the question. No two runs of
// spaces meet (linear time on any line); a space before the punctuation is left on the
// question and taken off it below.
const QUESTION_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:T|Q|Topic|Question)[ \t]?(\d{1,2})(?:(?:\*\*|__)?[:.)\-–—](?:\*\*|__)?|\*\*|__)?[ \t]+(\S.*)$/i;

export function unfinishedPostProblems(input: UnfinishedInput): UnfinishedProblem[] {
  const out: UnfinishedProblem[] = [];
  if (!input.draft) out.push(...scaffoldTextProblems(input));
  if (input.hasChat && !input.topicsWritten) {
    const questions = questionLines(input.body);
    // Two or more, numbered 1, 2, … in order, at least half of them asking something: lines
    // such as "T1 diabetes is…" / "T2 diabetes is…" or "Q1 2026 saw…" are sentences.
    const numbered = questions.every((q, i) => q.number === i + 1);
    const asking = questions.filter((q) => /\?\s*(?:#\S+\s*)*$/.test(q.question)).length * 2 >= questions.length;
    if (questions.length >= 2 && numbered && asking) {
      const first = questions[0]!;
      const last = questions[questions.length - 1]!;
      const lines = first.line === last.line ? `line ${input.bodyLine + first.line}` : `lines ${input.bodyLine + first.line}–${input.bodyLine + last.line}`;
      const items = ["topics:", ...questions.map((q) => `  - ${yamlScalar(q.question)}`)];
      out.push({
        severity: "warning",
        line: input.bodyLine + first.line,
        message: `the chat's questions are written in the text (${lines}), not in \`topics:\`: the page shows them as plain text, not as the chat's numbered questions with their copy buttons, and the calendar entry leaves them out`,
        fix: `move them into the front matter, between the --- lines, without their labels (the page numbers them itself), and delete them from the text:\n${items.join("\n")}`,
      });
    }
  }
  return out;
}

function scaffoldTextProblems(input: UnfinishedInput): UnfinishedProblem[] {
  const out: UnfinishedProblem[] = [];
  const published = "this post is not a draft, so it would be published with it";
  if (typeof input.description === "string" && input.description.trim() === SCAFFOLD_TEXTS.description) {
    out.push({ severity: "error", path: ["description"], message: `\`description:\` is still the example text of \`npm run new\`; ${published}`, fix: "write one sentence about this chat, or delete the line" });
  }
  input.topics.forEach((topic, i) => {
    if ((SCAFFOLD_TEXTS.topics as readonly string[]).includes(topic.trim())) {
      out.push({ severity: "error", path: ["topics", i], message: `topic ${i + 1}, "${topic.trim()}", is still the example of \`npm run new\`; ${published}`, fix: "write the chat's question in its place, or delete the line" });
    }
  });
  if (Array.isArray(input.references)) {
    input.references.forEach((entry, i) => {
      if (!entry || typeof entry !== "object") return;
      const fields = entry as Record<string, unknown>;
      const title = typeof fields.title === "string" && fields.title.trim() === SCAFFOLD_TEXTS.referenceTitle;
      const url = Object.entries(fields).some(([k, v]) => k.toLowerCase() === "url" && typeof v === "string" && v.trim().replace(/\/$/, "") === SCAFFOLD_TEXTS.referenceUrl.replace(/\/$/, ""));
      if (!title && !url) return;
      const what = title && url ? "its title and address are" : title ? "its title is" : "its address is";
      out.push({
        severity: "error",
        path: ["references", i, title ? "title" : Object.keys(fields).find((k) => k.toLowerCase() === "url")!],
        message: `reference ${i + 1}: ${what} still the example of \`npm run new\` ("${SCAFFOLD_TEXTS.referenceTitle}", ${SCAFFOLD_TEXTS.referenceUrl}); ${published} in its reading list`,
        fix: "write the work's own title and address (see the README, section \"References\"), or delete the reference's lines",
      });
    });
  }
  const bodyLines = input.body.split("\n");
  const at = bodyLines.findIndex((l) => l.trim() === SCAFFOLD_TEXTS.body);
  if (at >= 0) {
    out.push({ severity: "error", line: input.bodyLine + at, message: `"${SCAFFOLD_TEXTS.body}" is still the example text of \`npm run new\`; ${published}`, fix: "replace the line with this week's introduction" });
  }
  return out;
}

/** Lines of `body` that start with a question's label, outside code, with their 0-based line, number and question. */
function questionLines(body: string): { line: number; number: number; question: string }[] {
  const out: { line: number; number: number; question: string }[] = [];
  let fence: string | undefined;
  body.split("\n").forEach((text, line) => {
    const marker = /^[ \t]*(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence) return;
    const m = QUESTION_LINE.exec(text);
    // The question as a topic holds it: without the label's punctuation or the bold around it.
    if (m) out.push({ line, number: Number(m[1]), question: m[2]!.replace(/^[:.)\-–—][ \t]*/, "").replace(/^(\*\*|__)(.*)\1$/, "$2").replace(/(\*\*|__)$/, "").trim() });
  });
  return out;
}
