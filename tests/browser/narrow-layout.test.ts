// Phones from 320 px: no built page of the sample site or of the fixture site scrolls
// sideways, and the chat block's facts (Hashtag, Length, Where) wrap onto rows of their
// own rather than pushing the page wider, even with a long hashtag or platform name.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BROWSER_SKIP, launchBrowser, serveStatic, type StaticServer } from "../helpers/browser.ts";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";

const skip = BROWSER_SKIP;

// Realistic long hashtags (16–17 characters) and a long platform name, on chats still to come
// when the site is built (2026-11-24), so the converter and calendar links are there too.
const LONG_POSTS: Record<string, string> = {
  "content/posts/2026-11-21-long-hashtag.md": `---
title: Patients included, at every table
date: 2026-11-21
chat:
  start: 2026-12-08T20:30
  hashtag: "#patientsincluded"
  duration: 45
topics:
  - Who is missing from the room?
---
Body.
`,
  // A question with a 31-character hashtag, an @handle and an address, and a 28-character tag:
  // words longer than a phone is wide must wrap, not widen the page.
  "content/posts/2026-11-20-long-words.md": `---
title: Learning across professions
date: 2026-11-20
tags: [patientexperienceimprovement]
chat:
  start: 2026-12-22T20:30
topics:
  - "What have you learnt from @NursingNowCampaign and #InterprofessionalCollaboration?"
  - "Have you read https://careleaders.example/posts/after-dst/?"
---
Body.
`,
  "content/posts/2026-11-22-long-platform.md": `---
title: Care leaders in 2026
date: 2026-11-22
chat:
  start: 2026-12-15T20:30
  zone: Australia/Sydney
  hashtag: "#careleaders2026"
  duration: 90
  platform: "Mastodon (healthcare.social) and Bluesky"
  url: https://healthcare.social/tags/careleaders2026
---
Body.
`,
};

interface Served {
  name: string;
  site: BuiltSite;
  server: StaticServer;
}

let browser: Browser;
const served: Served[] = [];

before(async () => {
  if (skip) return;
  const sites = await Promise.all([
    buildSite(PROJECT),
    buildSite(FIXTURE_SITE),
    buildSite(copySiteWith(FIXTURE_SITE, { files: LONG_POSTS })),
  ]);
  for (const [i, name] of ["sample site", "fixture site", "fixture site with long hashtags"].entries()) {
    served.push({ name, site: sites[i]!, server: await serveStatic(sites[i]!.out) });
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const { server } of served) await server.close();
});

/** Every page a reader can open: the built HTML files, Pagefind's bundle aside. */
function pages(site: BuiltSite): string[] {
  return site.files().filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/")).sort();
}

async function open(server: StaticServer, rel: string, width: number, page?: Page): Promise<Page> {
  page ??= await (await browser.newContext({ viewport: { width, height: 640 }, reducedMotion: "reduce" })).newPage();
  await page.goto(new URL(rel.replace(/(^|\/)index\.html$/, "$1"), server.url).href, { waitUntil: "load" });
  return page;
}

/** How far the page reaches past the viewport's right edge (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** Descendants of the chat block that stick out of it, with their text: nothing is cut off. */
async function outsideChatBlock(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const block = document.querySelector(".chat-block");
    if (!block) return [];
    const box = block.getBoundingClientRect();
    return [...block.querySelectorAll("*")]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
  });
}

describe("narrow screens", { skip }, () => {
  const WIDTHS = [320, 360];
  // Each page is loaded once, at the narrowest width, then measured at each width in turn:
  // the layout follows the viewport (media queries included), and loading every page again
  // per width made this the slowest test file. By site and width: the pages measured and
  // what stuck out.
  const measured = new Map<string, { pages: number; problems: string[] }>();
  async function measure(name: string): Promise<void> {
    const { site, server } = served.find((s) => s.name === name)!;
    const list = pages(site);
    for (const width of WIDTHS) measured.set(`${name} ${width}`, { pages: list.length, problems: [] });
    let page: Page | undefined;
    for (const rel of list) {
      page = await open(server, rel, WIDTHS[0]!, page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        const { problems } = measured.get(`${name} ${width}`)!;
        const wider = await overflow(page);
        if (wider > 0) problems.push(`${rel}: ${width + wider} px wide`);
        for (const part of await outsideChatBlock(page)) problems.push(`${rel}: ${part} sticks out of the chat block`);
      }
    }
    await page?.context().close();
  }

  for (const width of WIDTHS) {
    for (const name of ["sample site", "fixture site"]) {
      it(`no page of the ${name} scrolls sideways at ${width} px, and no part of a chat block sticks out of it`, async () => {
        if (!measured.has(`${name} ${width}`)) await measure(name);
        const { pages: count, problems } = measured.get(`${name} ${width}`)!;
        assert.ok(count >= 8, `${name}: ${count} pages`);
        assert.deepEqual(problems, []);
      });
    }
  }

  for (const width of [320, 360, 375]) {
    it(`a chat with a 16–17 character hashtag and a long platform name fits ${width} px, the facts wrapping`, async () => {
      const { server } = served.find((s) => s.name === "fixture site with long hashtags")!;
      for (const rel of ["posts/long-hashtag/", "posts/long-platform/", ""]) {
        const page = await open(server, rel, width);
        assert.equal(await overflow(page), 0, `/${rel} at ${width} px scrolls sideways`);
        assert.deepEqual(await outsideChatBlock(page), [], `/${rel} at ${width} px`);
        await page.context().close();
      }
      // The hashtag is shown whole, never hidden under the block's edge.
      const page = await open(server, "posts/long-hashtag/", width);
      assert.equal((await page.locator(".chat-block .chat-hashtag").innerText()).replace(/\s/g, ""), "#patientsincluded");
      await page.context().close();
    });
  }

  const WRAP_WIDTHS = [320, 375];
  // By width, what scrolled sideways; each page loaded once and measured at each width and text size.
  let wrapped: Map<number, string[]> | undefined;
  async function measureWrapping(): Promise<Map<number, string[]>> {
    const found = new Map(WRAP_WIDTHS.map((width) => [width, [] as string[]]));
    const { server } = served.find((s) => s.name === "fixture site with long hashtags")!;
    const sample = served.find((s) => s.name === "sample site")!;
    for (const [where, rel] of [[server, "posts/long-words/"], [server, "tags/"], [server, "tags/patientexperienceimprovement/"], [sample.server, "posts/listening-to-patients/"], [sample.server, "tags/"]] as const) {
      const page = await open(where, rel, WRAP_WIDTHS[0]!);
      for (const scale of [100, 200]) {
        // A reader's larger default text: the stylesheet sizes everything from the root's.
        if (scale !== 100) await page.addStyleTag({ content: `html { font-size: ${scale}% !important; }` });
        for (const width of WRAP_WIDTHS) {
          await page.setViewportSize({ width, height: 640 });
          const wider = await overflow(page);
          if (wider > 0) found.get(width)!.push(`/${rel} at ${width} px, text ${scale}%: ${width + wider} px wide`);
        }
      }
      await page.context().close();
    }
    return found;
  }

  for (const width of WRAP_WIDTHS) {
    it(`long words in questions and tags wrap at ${width} px, at the default text size and at twice it`, async () => {
      wrapped ??= await measureWrapping();
      assert.deepEqual(wrapped.get(width), []);
    });
  }

  it("puts each fact on a row of its own at 320 px when two do not fit side by side", async () => {
    const { server } = served.find((s) => s.name === "fixture site with long hashtags")!;
    const page = await open(server, "posts/long-platform/", 320);
    const tops = await page.locator(".chat-block .chat-facts dt").evaluateAll((dts) => dts.map((dt) => Math.round(dt.getBoundingClientRect().top)));
    assert.equal(tops.length, 3);
    assert.equal(new Set(tops).size, 3, `the three labels start on rows ${tops.join(", ")}`);
    await page.context().close();
  });
});
