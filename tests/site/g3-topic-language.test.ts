// An Arabic post (`language: ar`) on an English site with one English topic and an English
// title: the Arabic topics say lang="ar" dir="rtl"; the English topic and title carry neither,
// so they are voiced in English and laid out left to right ("Should vendors join, 2026?", not
// "?Should vendors join, 2026"); the body keeps the post's language; and `npm run check` warns
// about `[…]{lang=en}` written in a topic, which would be shown as typed.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { buildSite, copySiteWith, runScript, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const ARABIC = `---
title: Night shifts in the Gulf
date: 2026-11-19
language: ar
chat:
  start: 2026-12-08T20:30
topics:
  - ما الذي يساعد على النوم نهارا؟
  - Should vendors join, 2026?
  - هل تنضم منظمة WHO؟
---
نتحدث هذا الأسبوع عن العمل الليلي.
`;

let site: BuiltSite;
let root: string;
before(async () => {
  root = copySiteWith(new URL("../fixtures/site", import.meta.url).pathname, { files: { "content/posts/2026-11-19-gulf.md": ARABIC } });
  site = await buildSite(root);
});

describe("topics and title of an Arabic post, built", () => {
  it("the English topic has no lang or dir of the post; the Arabic ones have lang=ar dir=rtl", () => {
    const doc = dom(site.read("posts/gulf/index.html"));
    const topics = [...doc.querySelectorAll(".topic-text")].map((t) => [text(t), t.getAttribute("lang"), t.getAttribute("dir")]);
    assert.deepEqual(topics, [
      ["ما الذي يساعد على النوم نهارا؟", "ar", "rtl"],
      ["Should vendors join, 2026?", null, null],
      ["هل تنضم منظمة WHO؟", "ar", "rtl"],
    ]);
    // Read in the page's language: English, left to right.
    const english = doc.querySelectorAll(".topic-text")[1]!;
    assert.equal(english.closest("[lang]")?.getAttribute("lang"), "en-US");
    assert.equal(english.closest("[dir]"), null);
  });

  it("an English title has neither either; the body keeps lang=ar dir=rtl", () => {
    const doc = dom(site.read("posts/gulf/index.html"));
    const h1 = doc.querySelector(".post-header h1")!;
    assert.equal(text(h1), "Night shifts in the Gulf");
    assert.equal(h1.hasAttribute("lang"), false);
    assert.equal(h1.hasAttribute("dir"), false);
    const body = doc.querySelector(".post-body")!;
    assert.deepEqual([body.getAttribute("lang"), body.getAttribute("dir")], ["ar", "rtl"]);
  });

  it("the check warns about [words]{lang=en} in a topic, with the topic to write", async () => {
    const marked = copySiteWith(root, { files: { "content/posts/2026-11-19-gulf.md": ARABIC.replace("  - Should vendors join, 2026?", '  - "[Should vendors join, 2026?]{lang=en}"') } });
    const result = await runScript("check", marked);
    const out = result.stdout + result.stderr;
    assert.match(out, /content\/posts\/2026-11-19-gulf\.md:9:5 +topics\[1\] +warning: topic T2 is shown exactly as typed .*the brackets and the braces of "\[Should vendors join, 2026\?\]\{lang=en\}"/);
    assert.match(out, /write it without the markup: - Should vendors join, 2026\?/);
  });
});
