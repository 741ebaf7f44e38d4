// Words in another language, built: `[la garde de nuit]{lang=fr}` is a <span lang="fr"> on the
// post's page and in both feeds' copies of it, dir="rtl" for Arabic on this left-to-right
// site; the description and the feeds' summary show the words without the braces; the page
// passes html-validate. A tag the check cannot read stops `npm run check` at its line.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, runScript, type BuildResult, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const FILE = "content/posts/2026-11-21-night-watch.md";
const post = (body: string) => `---
title: The night watch
date: 2026-11-21
references:
  - id: dupont2018
    type: book
    title: La garde de nuit
    author:
      - {family: Dupont, given: Jean}
    issued: 2018
---
${body}
`;
// A post in Arabic on this English site: an English phrase in it runs left to right against the post, not the site.
const ARABIC_POST = "content/posts/2026-11-22-night-shift-ar.md";
const arabicPost = `---
title: نوبة الليل
date: 2026-11-22
language: ar
---
نسميها [night shift]{lang=en} في المستشفى.
`;
const BODY = "The French call it [la garde de *nuit*]{lang=fr} [@dupont2018], and in Cairo [نوبتجية]{lang=ar}.";

let site: BuiltSite;
let check: BuildResult;
before(async () => {
  const [built, checked] = await Promise.all([
    buildSite(copySiteWith(FIXTURE_SITE, { files: { [FILE]: post(BODY), [ARABIC_POST]: arabicPost } })),
    runScript("check", copySiteWith(FIXTURE_SITE, { files: { [FILE]: post("The Japanese call it [yakin]{lang=jp}.") } })),
  ]);
  site = built;
  check = checked;
});

describe("a language span on the built site", () => {
  it("marks the words on the post's page, with dir for a right-to-left language, and the citation after it in the site's language", () => {
    const doc = dom(site.read("posts/night-watch/index.html"));
    const spans = [...doc.querySelectorAll(".post-body span[lang]")];
    assert.deepEqual(spans.map((s) => [s.getAttribute("lang"), s.getAttribute("dir"), text(s)]), [
      ["fr", null, "la garde de nuit"],
      ["ar", "rtl", "نوبتجية"],
    ]);
    assert.equal(spans[0]!.querySelector("em")?.textContent, "nuit");
    assert.match(text(doc.querySelector(".post-body")), /The French call it la garde de nuit \(Dupont, 2018\), and in Cairo نوبتجية\./);
    assert.doesNotMatch(site.read("posts/night-watch/index.html"), /\{lang=/);
  });

  it("gives a phrase dir against the post's own language (language: ar), not the site's", () => {
    const doc = dom(site.read("posts/night-shift-ar/index.html"));
    assert.equal(doc.querySelector(".post-body")?.getAttribute("lang"), "ar");
    const span = doc.querySelector(".post-body span[lang]");
    assert.deepEqual([span?.getAttribute("lang"), span?.getAttribute("dir"), text(span)], ["en", "ltr", "night shift"]);
  });

  it("keeps lang in both feeds' copies of the post, and its summary shows the words without braces", () => {
    const feed = JSON.parse(site.read("feed.json")) as { items: Array<{ url: string; content_html: string; summary?: string }> };
    const item = feed.items.find((i) => i.url.endsWith("/posts/night-watch/"))!;
    assert.match(item.content_html, /<span lang="fr">la garde de <em>nuit<\/em><\/span>/);
    assert.match(item.content_html, /<span lang="ar" dir="rtl">نوبتجية<\/span>/);
    const atom = site.read("feed.xml");
    assert.match(atom, /<span lang="fr">la garde de <em>nuit<\/em><\/span>/);
    const summary = /<summary type="text">([^<]*The French call it[^<]*)<\/summary>/.exec(atom)?.[1];
    assert.equal(summary, "The French call it la garde de nuit, and in Cairo نوبتجية.");
  });

  it("gives the page a description without the braces", () => {
    const doc = dom(site.read("posts/night-watch/index.html"));
    assert.equal(doc.querySelector('meta[name="description"]')?.getAttribute("content"), "The French call it la garde de nuit, and in Cairo نوبتجية.");
  });

  it("passes html-validate", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const report = await validator.validateString(site.read("posts/night-watch/index.html"), "night-watch");
    const problems = report.results.flatMap((r) => (r.messages as Message[]).filter((m) => m.severity === 2).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(problems, []);
  });
});

describe("npm run check on a span whose tag names a country", () => {
  it("fails at the span's line and column, with the span to write", () => {
    assert.equal(check.code, 1);
    const out = `${check.stdout}\n${check.stderr}`;
    assert.match(out, new RegExp(`${FILE}:12:22 +in \\{lang=jp\\}: "jp" is not a language's code but a country's \\(Japan\\)`));
    assert.match(out, /→ write \[yakin\]\{lang=ja\} for Japanese/);
  });
});
