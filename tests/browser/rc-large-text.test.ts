// Phones with the largest text (Android's 200 % font, iOS larger text, or 200 % zoom): on a
// post page at 320 and 360 px with the root font size doubled, no word of the chat block's
// facts (Hashtag, Length, Where) or of a topic's question is split across two lines. A value
// goes under its label, a question under its label (T1), before a word is broken; only a
// word wider than the whole row may be. Both ways round: English and Arabic (right to left).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSites } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;

const served = servedSites({
  sample: () => buildSite(PROJECT),
  fixture: () => buildSite(FIXTURE_SITE),
  rtl: () => buildSite(copySiteWith(FIXTURE_SITE, { settings: (yaml) => yaml.replace(/^language: en-US\b/m, "language: ar-EG") })),
});

type SiteName = keyof typeof served.sites;

// Post pages with facts and questions: the audit's "#careldr", "1 hour", "Bluesky",
// "organisations", "safeguards"; the fixture's "#fixchat", "45 minutes", "communities".
const PAGES: [SiteName, string][] = [
  ["sample", "posts/listening-to-patients/"],
  ["fixture", "posts/escaping/"],
  ["fixture", "posts/online-communities/"],
  ["rtl", "posts/escaping/"],
  ["rtl", "posts/online-communities/"],
];
const WIDTHS = [320, 360];

interface Words {
  /** How many words were measured (a test of nothing fails). */
  words: number;
  /** Words split across lines though narrower than their row: "Where: “Bluesky” on 2 lines (…)". */
  split: string[];
}

/**
 * Each word (Intl.Segmenter's word-like segments, so a break after "/" or "-" is not inside
 * one) of the text under `selector`: on how many lines its text boxes lie. A word on two
 * lines is a problem unless the run of text it is in, between spaces, is wider than the row
 * it is in (`row`'s content box): that run has to break somewhere.
 */
async function splitWords(page: Page, selector: string, row: string): Promise<Words> {
  return page.evaluate(({ selector, row }) => {
    const segmenter = new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: "word" });
    const found = { words: 0, split: [] as string[] };
    for (const el of document.querySelectorAll(selector)) {
      const rowEl = el.closest(row);
      if (!rowEl) throw new Error(`${selector} is not inside ${row}`);
      const css = getComputedStyle(rowEl);
      // Named in a problem: a value by its label ("Where"), a question by its (T2), a label as itself.
      const where = (el.matches("dd") ? el.previousElementSibling : el.closest("li")?.querySelector(".topic-label") ?? el)?.textContent?.trim();
      const rowWidth = rowEl.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const { segment, index, isWordLike } of segmenter.segment(node.data)) {
          if (!isWordLike) continue;
          found.words++;
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + segment.length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          // Lines by their vertical middle; boxes of one line differ by less than half a line.
          const middles: number[] = [];
          for (const r of rects) {
            const middle = r.top + r.height / 2;
            if (!middles.some((m) => Math.abs(m - middle) < r.height / 2)) middles.push(middle);
          }
          if (middles.length < 2) continue;
          // The run without a space around it ("<script>alert(1)</script>") may be wider than the row.
          const start = node.data.slice(0, index).search(/\S*$/);
          const end = index + segment.length + node.data.slice(index + segment.length).search(/\s|$/);
          range.setStart(node, start);
          range.setEnd(node, end);
          const width = [...range.getClientRects()].reduce((sum, r) => sum + r.width, 0);
          if (width <= rowWidth + 1) {
            const run = node.data.slice(start, end);
            found.split.push(`${where}: “${segment}”${run === segment ? "" : ` (in “${run}”)`} on ${middles.length} lines (${Math.round(width)} px wide, its row ${Math.round(rowWidth)} px)`);
          }
        }
      }
    }
    return found;
  }, { selector, row });
}

interface Placed {
  /** Values under their label, questions under theirs. */
  under: number;
  /** Those whose first line does not start where the label does: "Where: 12 px off". */
  misaligned: string[];
}

/**
 * Each label and the text that goes with it (a fact's value; a question): whether the text
 * starts on a line below the label's, and then whether its first line starts at the label's
 * start edge (the left on an English page, the right on an Arabic one).
 */
async function placement(page: Page): Promise<Placed> {
  return page.evaluate(() => {
    const rtl = getComputedStyle(document.documentElement).direction === "rtl";
    const found = { under: 0, misaligned: [] as string[] };
    const pairs = [
      ...[...document.querySelectorAll(".chat-block .chat-facts dd")].map((dd) => [dd.previousElementSibling!, dd] as const),
      ...[...document.querySelectorAll(".topic-list > li")].map((li) => [li.querySelector(".topic-label")!, li.querySelector(".topic-text")!] as const),
    ];
    for (const [label, text] of pairs) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const firstLine = rects.filter((r) => Math.abs(r.top - rects[0]!.top) < r.height / 2);
      const box = label.getBoundingClientRect();
      if (rects[0]!.top < box.bottom - 1) continue;
      found.under++;
      const off = rtl ? box.right - Math.max(...firstLine.map((r) => r.right)) : Math.min(...firstLine.map((r) => r.left)) - box.left;
      if (Math.abs(off) > 1) found.misaligned.push(`${label.textContent!.trim()}: ${Math.round(off)} px off`);
    }
    return found;
  });
}

describe("twice the text size on a phone", { skip }, () => {
  // By page and width: the words of the facts and of the questions. Each page is loaded once,
  // its text doubled, then measured at each width in turn (the layout follows the viewport).
  const measured = new Map<string, { facts: Words; topics: Words; placed: Placed }>();
  async function measure(): Promise<void> {
    for (const [name, rel] of PAGES) {
      const page = await served.browser.newPage({ viewport: { width: WIDTHS[0]!, height: 640 }, reducedMotion: "reduce" });
      await page.goto(new URL(rel, served.servers[name].url).href, { waitUntil: "load" });
      // A reader's larger default text: the stylesheet sizes everything from the root's.
      await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        measured.set(`${name} /${rel} ${width}`, {
          facts: await splitWords(page, ".chat-block .chat-facts dt, .chat-block .chat-facts dd", "dl"),
          topics: await splitWords(page, ".topic-list .topic-text", "li"),
          placed: await placement(page),
        });
      }
      await page.close();
    }
  }

  for (const width of WIDTHS) {
    for (const [name, rel] of PAGES) {
      const site = { sample: "the sample site", fixture: "the fixture site", rtl: "the fixture site in Arabic (rtl)" }[name];
      it(`${site}, /${rel} at ${width} px: no word of the chat's facts or of a question is split across lines`, async () => {
        if (measured.size === 0) await measure();
        const { facts, topics } = measured.get(`${name} /${rel} ${width}`)!;
        assert.ok(facts.words >= 6, `only ${facts.words} words in the facts`);
        assert.ok(topics.words >= 4, `only ${topics.words} words in the questions`);
        assert.deepEqual([...facts.split, ...topics.split], []);
      });

      it(`${site}, /${rel} at ${width} px: a question, and a value that does not fit beside its label, start under the label`, async () => {
        if (measured.size === 0) await measure();
        const { placed } = measured.get(`${name} /${rel} ${width}`)!;
        // Every question (1 to 4 on these pages) and at least one value ("Where") are under their labels.
        assert.ok(placed.under >= 2, `only ${placed.under} texts under their labels`);
        assert.deepEqual(placed.misaligned, []);
      });
    }
  }
});
