// Each topic's row reads in its question's direction. In an Arabic post on an English site the
// label "T1" sits at the right, beside where the Arabic question starts, and the Copy button
// starts at the right too (under the question on a phone, at the row's far end on a wide
// screen); the post's English topic keeps its label on the left, beside its first word. An
// English post on an Arabic site is the mirror, and a post in the site's language is as before.
// Checked at 375 and 1280 px, in the light and dark themes, in forced colours and in print.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { BROWSER_SKIP, servedSites, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE } from "../helpers/build-site.ts";
import { dom } from "../helpers/html.ts";

const skip = BROWSER_SKIP;

// Two Arabic questions (the first long enough to wrap at 375 px) and one in English.
const ARABIC_POST = {
  "content/posts/2026-11-21-arabic.md": `---
title: "المجتمعات الرقمية في الرعاية الصحية"
date: 2026-11-21
language: ar
chat:
  start: 2026-12-08T20:30
topics:
  - "هل يجب على الممرضين الانضمام إلى المجتمعات الرقمية؟ (نعم/لا)"
  - "ما هي أفضل 3 أدوات لعام 2026؟"
  - "Should vendors join, 2026?"
---
مرحبا بكم في دردشة هذا الأسبوع!
`,
};

// On an Arabic site: an English post with one Arabic question.
const ENGLISH_POST = {
  "content/posts/2026-11-21-english.md": `---
title: Night shifts and sleep
date: 2026-11-21
language: en
chat:
  start: 2026-12-08T20:30
topics:
  - "What helps you sleep after a night shift, and what did your unit change?"
  - "هل تنضم منظمة الصحة العالمية؟"
---
Welcome to this week's chat.
`,
};

const served = servedSites({
  english: () => buildSite(copySiteWith(FIXTURE_SITE, { files: ARABIC_POST })),
  arabic: () => buildSite(copySiteWith(FIXTURE_SITE, { files: ENGLISH_POST, settings: (yaml) => yaml.replace(/^language: en-US\b/m, "language: ar-EG") })),
});

describe("a topic's row in the built HTML", () => {
  it("takes the question's direction on the <li>, and leaves its language on the question alone", () => {
    const doc = dom(served.sites.english.read("posts/arabic/index.html"));
    const rows = [...doc.querySelectorAll(".topic-list > li")].map((li) => ({
      dir: li.getAttribute("dir"),
      lang: li.getAttribute("lang"),
      text: [li.querySelector(".topic-text")!.getAttribute("lang"), li.querySelector(".topic-text")!.getAttribute("dir")],
    }));
    assert.deepEqual(rows, [
      { dir: "rtl", lang: null, text: ["ar", "rtl"] },
      { dir: "rtl", lang: null, text: ["ar", "rtl"] },
      { dir: null, lang: null, text: [null, null] },
    ]);
  });

  it("is dir=ltr for an English question on an Arabic site, and unmarked for one in the site's script", () => {
    const doc = dom(served.sites.arabic.read("posts/english/index.html"));
    assert.deepEqual(
      [...doc.querySelectorAll(".topic-list > li")].map((li) => li.getAttribute("dir")),
      ["ltr", null],
    );
  });

  it("has no dir on a row of a post in the site's language", () => {
    const doc = dom(served.sites.english.read("posts/online-communities/index.html"));
    const rows = [...doc.querySelectorAll(".topic-list > li")];
    assert.ok(rows.length >= 2);
    for (const li of rows) assert.equal(li.hasAttribute("dir"), false, li.outerHTML);
  });
});

interface Box { left: number; right: number; top: number; bottom: number }
interface Row { text: string; direction: string; gap: number; label: Box; column: Box; firstLine: Box; button: Box | null }

/** For each topic: its row's direction, the label's box, the question's column and its first line of text (px). */
function rows(page: Page): Promise<Row[]> {
  return page.locator(".topic-list > li").evaluateAll((items) =>
    items.map((li) => {
      // No function declared in here: tsx names them with a helper the page does not have.
      const text = li.querySelector(".topic-text")!;
      const range = document.createRange();
      range.selectNodeContents(text);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const top = Math.min(...rects.map((r) => r.top));
      const first = rects.filter((r) => r.top < top + 4);
      const button = li.querySelector<HTMLElement>(".copy-topic")!;
      return {
        text: text.textContent!,
        direction: getComputedStyle(li).direction,
        gap: parseFloat(getComputedStyle(li).columnGap),
        label: li.querySelector(".topic-label")!.getBoundingClientRect().toJSON() as Box,
        column: text.getBoundingClientRect().toJSON() as Box,
        firstLine: { left: Math.min(...first.map((r) => r.left)), right: Math.max(...first.map((r) => r.right)), top, bottom: Math.max(...first.map((r) => r.bottom)) },
        button: button.offsetParent ? (button.getBoundingClientRect().toJSON() as Box) : null,
      };
    }),
  );
}

const near = (a: number, b: number, within = 1.5) => Math.abs(a - b) <= within;

/** The label beside the question's first word, on its first line, with the column gap between them. */
function assertLabelBesideText(row: Row, where: string): void {
  const what = `${where}: "${row.text}" (${row.direction}) label ${JSON.stringify(row.label)}, first line ${JSON.stringify(row.firstLine)}`;
  const between = row.direction === "rtl" ? row.label.left - row.firstLine.right : row.firstLine.left - row.label.right;
  assert.ok(near(between, row.gap), `${what}: ${between} px apart, not the ${row.gap} px gap`);
  const middle = (row.label.top + row.label.bottom) / 2;
  assert.ok(middle > row.firstLine.top && middle < row.firstLine.bottom, `${what}: the label is not level with the first line`);
}

/** On a phone the button starts under the question's start; on a wide screen it ends the row, on the far side. */
function assertButtonPlace(row: Row, width: number, where: string): void {
  const button = row.button;
  assert.ok(button, `${where}: "${row.text}" has no Copy button shown`);
  const what = `${where}: "${row.text}" (${row.direction}) button ${JSON.stringify(button)}, column ${JSON.stringify(row.column)}`;
  if (width < 768) {
    assert.ok(button.top >= row.firstLine.bottom, `${what}: not under the question`);
    assert.ok(row.direction === "rtl" ? near(button.right, row.column.right) : near(button.left, row.column.left), `${what}: not at the question's start`);
  } else {
    assert.ok(row.direction === "rtl" ? button.right <= row.column.left : button.left >= row.column.right, `${what}: not at the row's end`);
  }
}

interface Look { name: string; width: number; colorScheme?: "light" | "dark"; forcedColors?: "active"; media?: "print" }
const LOOKS: Look[] = [375, 1280].flatMap((width) => [
  { name: `light at ${width} px`, width, colorScheme: "light" as const },
  { name: `dark at ${width} px`, width, colorScheme: "dark" as const },
  { name: `forced colours at ${width} px`, width, forcedColors: "active" as const },
  { name: `print at ${width} px`, width, media: "print" as const },
]);

async function open(server: StaticServer, url: string, look: Look): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: look.width, height: 900 }, reducedMotion: "reduce" });
  await page.goto(new URL(url, server.url).href, { waitUntil: "load" });
  await page.emulateMedia({ colorScheme: look.colorScheme ?? "light", forcedColors: look.forcedColors ?? "none", media: look.media ?? "screen" });
  return page;
}

describe("topics of an Arabic post on an English site, in the browser", { skip }, () => {
  for (const look of LOOKS) {
    it(`${look.name}: each label is beside its question's start, the Arabic ones on the right`, async () => {
      const page = await open(served.servers.english, "posts/arabic/", look);
      const found = await rows(page);
      assert.deepEqual(found.map((r) => r.direction), ["rtl", "rtl", "ltr"]);
      for (const row of found) assertLabelBesideText(row, look.name);
      // The rows mirror: the Arabic labels at the list's right edge, the English one at its left.
      const list = (await page.locator(".topic-list").boundingBox())!;
      assert.ok(near(found[0]!.label.right, list.x + list.width), `${look.name}: T1 ends at ${found[0]!.label.right}, the list at ${list.x + list.width}`);
      assert.ok(near(found[2]!.label.left, list.x), `${look.name}: T3 starts at ${found[2]!.label.left}, the list at ${list.x}`);
      if (look.media === "print") assert.ok(found.every((r) => r.button === null), "print hides the Copy buttons");
      else for (const row of found) assertButtonPlace(row, look.width, look.name);
      await page.close();
    });
  }

  it("wraps the long Arabic question at 375 px with every line starting at the right, beside T1", async () => {
    const page = await open(served.servers.english, "posts/arabic/", LOOKS[0]!);
    const lines = await page.locator(".topic-list > li .topic-text").first().evaluate((text) => {
      const range = document.createRange();
      range.selectNodeContents(text);
      const byLine = new Map<number, number>();
      for (const r of range.getClientRects()) if (r.width > 0) byLine.set(Math.round(r.top), Math.max(byLine.get(Math.round(r.top)) ?? 0, r.right));
      return { rights: [...byLine.values()], column: text.getBoundingClientRect().right };
    });
    assert.ok(lines.rights.length >= 2, "the first question takes two lines at 375 px");
    for (const right of lines.rights) assert.ok(near(right, lines.column), `a line ends at ${right}, the column at ${lines.column}`);
    await page.close();
  });
});

describe("topics on an Arabic site, in the browser", { skip }, () => {
  for (const look of LOOKS.filter((l) => !l.forcedColors && l.colorScheme !== "dark")) {
    it(`${look.name}: an English post's English question has its label on the left, its Arabic one on the right`, async () => {
      const page = await open(served.servers.arabic, "posts/english/", look);
      const found = await rows(page);
      assert.deepEqual(found.map((r) => r.direction), ["ltr", "rtl"]);
      for (const row of found) assertLabelBesideText(row, look.name);
      if (!look.media) for (const row of found) assertButtonPlace(row, look.width, look.name);
      await page.close();
    });

    it(`${look.name}: a post in the site's language keeps the site's right-to-left rows`, async () => {
      const page = await open(served.servers.arabic, "posts/online-communities/", look);
      const found = await rows(page);
      assert.ok(found.length >= 2);
      for (const row of found) {
        assert.equal(row.direction, "rtl");
        assert.ok(row.label.left > row.column.left, `${look.name}: the label is right of the question`);
      }
      await page.close();
    });
  }
});

describe("topics of an English post on an English site, in the browser", { skip }, () => {
  for (const look of LOOKS.filter((l) => !l.forcedColors && l.colorScheme !== "dark")) {
    it(`${look.name}: each label is on the left, beside the question's first word`, async () => {
      const page = await open(served.servers.english, "posts/online-communities/", look);
      const found = await rows(page);
      assert.ok(found.length >= 2);
      for (const row of found) {
        assert.equal(row.direction, "ltr");
        assertLabelBesideText(row, look.name);
        if (!look.media) assertButtonPlace(row, look.width, look.name);
      }
      await page.close();
    });
  }
});
