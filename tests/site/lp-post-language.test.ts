// A post in another language than the site's (`language: es`, a Spanish guest chat on an
// English site), in the built site: its own text says its language (and its direction when
// that differs) on the page, in the lists, in both feeds and in its JSON-LD; the interface's
// words, dates and times stay the site's; <html lang> stays the site's, so that the search
// page (which searches the index of its own <html lang>) still finds the post.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { before, describe, it } from "node:test";
import { HtmlValidate, type Message } from "html-validate";
import { buildSite, copySiteWith, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const SPANISH = `---
title: "Charla invitada: el turno de noche"
date: 2026-11-21
language: es
description: Una charla sobre el turno de noche en enfermería.
tags: [community]
chat:
  start: 2026-12-08T20:30
topics:
  - ¿Qué ayuda a dormir de día?
  - ¿Cómo se cuidan los equipos de madrugada?
---
Esta semana hablamos del turno de noche con enfermeras de la madrugada.
`;

const ARABIC = `---
title: العمل الليلي في التمريض
date: 2026-11-19
language: ar
topics:
  - ما الذي يساعد على النوم نهارا؟
  - What helps after a night shift?
---
نتحدث هذا الأسبوع عن العمل الليلي.
`;

// The site's language with another region: nothing to mark.
const BRITISH = `---
title: Night shifts, the British way
date: 2026-11-18
language: en-GB
---
A colour of night shifts.
`;

const ENGLISH_ON_GERMAN = `---
title: A guest chat in English
date: 2026-11-21
language: en
chat:
  start: 2026-12-08T20:30
topics:
  - What helps?
---
This week in English.
`;

let english: BuiltSite;
let german: BuiltSite;
before(async () => {
  [english, german] = await Promise.all([
    buildSite(
      copySiteWith(FIXTURE_SITE, {
        files: {
          "content/posts/2026-11-21-charla-invitada.md": SPANISH,
          "content/posts/2026-11-19-arabic.md": ARABIC,
          "content/posts/2026-11-18-british.md": BRITISH,
        },
      }),
    ),
    buildSite(
      copySiteWith(FIXTURE_SITE, {
        files: { "content/posts/2026-11-21-guest.md": ENGLISH_ON_GERMAN },
        settings: (yaml) => yaml.replace(/^language: en-US/m, "language: de-DE"),
      }),
    ),
  ]);
});

const page = (site: BuiltSite, slug: string) => dom(site.read(`posts/${slug}/index.html`));
/** The language an element is read in: its nearest lang. */
const langOf = (el: Element) => el.closest("[lang]")?.getAttribute("lang");

describe("a post in another language than the site's, on its page", () => {
  it("keeps <html lang> the site's and says the post's language on its own text", () => {
    const doc = page(english, "charla-invitada");
    assert.equal(doc.documentElement.getAttribute("lang"), "en-US");
    assert.equal(doc.documentElement.hasAttribute("dir"), false);
    const h1 = doc.querySelector(".post-header h1")!;
    assert.equal(text(h1), "Charla invitada: el turno de noche");
    assert.equal(h1.getAttribute("lang"), "es");
    assert.equal(h1.hasAttribute("dir"), false, "Spanish runs the way English does");
    assert.equal(doc.querySelector(".post-body")!.getAttribute("lang"), "es");
    assert.match(text(doc.querySelector(".post-body")), /madrugada/);
    const topics = [...doc.querySelectorAll(".topic-text")];
    assert.equal(topics.length, 2);
    for (const topic of topics) assert.equal(topic.getAttribute("lang"), "es");
  });

  it("leaves the interface's words, the dates and the times in the site's language", () => {
    const doc = page(english, "charla-invitada");
    const english_words = ["#chat-heading", ".chat-facts dt", "#topics-heading", ".copy-topic", "#share-heading", ".post-meta", ".print-address", ".skip-link"];
    for (const selector of english_words) {
      const found = [...doc.querySelectorAll(selector)];
      assert.ok(found.length, selector);
      for (const el of found) assert.equal(langOf(el), "en-US", `${selector} is read as the site's`);
    }
    for (const time of doc.querySelectorAll("main time")) assert.equal(langOf(time), "en-US", time.outerHTML);
    // Only the post's own text is marked.
    const marked = [...doc.body.querySelectorAll("[lang]")].map((e) => e.className || e.tagName.toLowerCase());
    assert.deepEqual(marked, ["h1", "post-body", "topic-text", "topic-text"]);
  });

  it("says the direction too when the post's runs the other way (Arabic on an English site)", () => {
    const doc = page(english, "arabic");
    assert.equal(doc.documentElement.getAttribute("lang"), "en-US");
    for (const el of [doc.querySelector(".post-header h1")!, doc.querySelector(".post-body")!, doc.querySelector(".topic-text")!]) {
      assert.equal(el.getAttribute("lang"), "ar");
      assert.equal(el.getAttribute("dir"), "rtl");
    }
  });

  it("marks nothing for the site's own language in another region (en-GB on an en-US site)", () => {
    const doc = page(english, "british");
    assert.deepEqual([...doc.body.querySelectorAll("[lang], [dir]")].map((e) => e.outerHTML.slice(0, 80)), []);
    assert.equal(doc.querySelector('meta[property="og:locale"]')!.getAttribute("content"), "en_US");
  });

  it("says the post's language in its JSON-LD and link previews", () => {
    const doc = page(english, "charla-invitada");
    const graph = (JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as { "@graph": Array<Record<string, unknown>> })["@graph"];
    assert.deepEqual(graph.map((n) => [n["@type"], n.inLanguage]), [["BlogPosting", "es"], ["Event", "es"]]);
    // Open Graph's language_TERRITORY, the territory CLDR gives the language when the post names none.
    assert.equal(doc.querySelector('meta[property="og:locale"]')!.getAttribute("content"), "es_ES");
    assert.equal(page(english, "arabic").querySelector('meta[property="og:locale"]')!.getAttribute("content"), "ar_EG");
    const other = page(english, "upcoming");
    const otherGraph = (JSON.parse(other.querySelector('script[type="application/ld+json"]')!.textContent!) as { "@graph": Array<Record<string, unknown>> })["@graph"];
    assert.deepEqual(otherGraph.map((n) => n.inLanguage), ["en-US", "en-US"], "a post in the site's language says the site's");
  });

  it("on a German site, an English post marks its text lang=en; the interface's English words keep theirs, the dates the site's", () => {
    const doc = page(german, "guest");
    assert.equal(doc.documentElement.getAttribute("lang"), "de-DE");
    assert.equal(doc.querySelector(".post-header h1")!.getAttribute("lang"), "en");
    assert.equal(doc.querySelector(".post-body")!.getAttribute("lang"), "en");
    assert.equal(doc.querySelector("#chat-heading")!.getAttribute("lang"), "en");
    for (const time of doc.querySelectorAll("main time")) assert.equal(langOf(time), "de-DE", time.outerHTML);
  });
});

describe("the pages with a post in another language", () => {
  it("are valid HTML", async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
    const problems: string[] = [];
    for (const [site, files] of [[english, ["posts/charla-invitada/index.html", "posts/arabic/index.html", "index.html", "archive/index.html"]], [german, ["posts/guest/index.html"]]] as const) {
      for (const file of files) {
        const report = await validator.validateString(site.read(file), file);
        for (const result of report.results) for (const m of result.messages as Message[]) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe("a post in another language in the lists", () => {
  it("says its language on its title, a span of its own inside the link, on the home, archive and tag pages", () => {
    for (const file of ["index.html", "archive/index.html", "archive/2026/index.html", "tags/community/index.html"]) {
      const doc = dom(english.read(file));
      const link = doc.querySelector('main a[href="/posts/charla-invitada/"]');
      assert.ok(link, `${file} lists the post`);
      const span = link.querySelector("span[lang]")!;
      assert.equal(span.getAttribute("lang"), "es", file);
      assert.equal(text(span), "Charla invitada: el turno de noche", file);
      assert.equal(langOf(link), "en-US", `${file}: the link itself stays the site's`);
      const arabic = doc.querySelector('main a[href="/posts/arabic/"] span[lang="ar"]');
      if (arabic) assert.equal(arabic.getAttribute("dir"), "rtl", file);
      // A title in the site's language is left as it was.
      const british = doc.querySelector('main a[href="/posts/british/"]');
      if (british) assert.equal(british.querySelector("[lang]"), null, file);
    }
  });

  it("says it on the home page's next chat", () => {
    const doc = dom(english.read("index.html"));
    const choice = [...doc.querySelectorAll("#next-heading a")].find((a) => a.getAttribute("href") === "/posts/charla-invitada/");
    assert.ok(choice, "the Spanish chat is among the next chats");
    assert.equal(choice.querySelector("span")!.getAttribute("lang"), "es");
  });
});

describe("a post in another language in the feeds", () => {
  it("is an Atom entry with xml:lang; its interface words say lang=en, its chat's time the site's language", () => {
    const atom = english.read("feed.xml");
    const entries = [...atom.matchAll(/<entry([^>]*)>([\s\S]*?)<\/entry>/g)];
    const spanish = entries.find((e) => e[2]!.includes("/posts/charla-invitada/"))!;
    assert.equal(spanish[1], ' xml:lang="es"');
    for (const other of entries.filter((e) => e !== spanish && !e[2]!.includes("/posts/arabic/"))) assert.equal(other[1], "", "other entries take the feed's language");
    const html = dom(/<!\[CDATA\[([\s\S]*?)\]\]>/.exec(spanish[2]!)![1]!);
    const topicsHeading = [...html.querySelectorAll("h2")].find((h) => text(h) === "Topics")!;
    assert.equal(topicsHeading.getAttribute("lang"), "en");
    assert.equal(html.querySelector("strong")!.closest("p")!.getAttribute("lang"), "en-US", "the chat's time is in the site's language");
    assert.match(spanish[2]!, /madrugada/, "with its body");
  });

  it("written right to left, is wrapped in dir=rtl, which feed readers do not take from its language", () => {
    const atom = english.read("feed.xml");
    const content = (slug: string) => /<!\[CDATA\[([\s\S]*?)\]\]>/.exec([...atom.matchAll(/<entry[^>]*>([\s\S]*?)<\/entry>/g)].find((e) => e[1]!.includes(`/posts/${slug}/`))![1]!)![1]!;
    // The whole entry is in the wrapper.
    assert.match(content("arabic").trim(), /^<div dir="rtl">[\s\S]*<\/div>$/);
    const wrapper = dom(content("arabic")).querySelector('div[dir="rtl"]')!;
    assert.match(text(wrapper), /نتحدث هذا الأسبوع/);
    assert.match(text(wrapper), /ما الذي يساعد/);
    // Each question keeps its own direction: the English one is left to right in its right-to-left entry, in English.
    const [arabicTopic, englishTopic] = [...wrapper.querySelectorAll("li")];
    assert.equal(arabicTopic!.hasAttribute("dir"), false);
    assert.deepEqual([englishTopic!.getAttribute("dir"), englishTopic!.getAttribute("lang")], ["ltr", "en-US"]);
    // A hashtag is isolated, so that its # stays in front in a right-to-left line.
    assert.match(content("upcoming"), /· <bdi>#fixchat<\/bdi>/);
    for (const slug of ["charla-invitada", "upcoming"]) assert.equal(dom(content(slug)).querySelector("[dir]"), null, slug);
    const json = JSON.parse(english.read("feed.json")) as { items: Array<{ url: string; content_html: string }> };
    assert.match(json.items.find((i) => i.url.endsWith("/posts/arabic/"))!.content_html.trim(), /^<div dir="rtl">[\s\S]*<\/div>$/);
  });

  it("is a JSON Feed item with its language; the others say none of their own", () => {
    const feed = JSON.parse(english.read("feed.json")) as { language: string; items: Array<{ url: string; language?: string; content_html: string }> };
    assert.equal(feed.language, "en-US");
    const byUrl = new Map(feed.items.map((i) => [i.url.replace(/^https?:\/\/[^/]+/, ""), i]));
    assert.equal(byUrl.get("/posts/charla-invitada/")!.language, "es");
    assert.equal(byUrl.get("/posts/arabic/")!.language, "ar");
    assert.equal(byUrl.get("/posts/british/")!.language, undefined);
    assert.equal(byUrl.get("/posts/upcoming/")!.language, undefined);
  });

  it("on a German site, an English entry leaves its English interface words unmarked and marks the time German", () => {
    const atom = german.read("feed.xml");
    const entry = [...atom.matchAll(/<entry([^>]*)>([\s\S]*?)<\/entry>/g)].find((e) => e[2]!.includes("/posts/guest/"))!;
    assert.equal(entry[1], ' xml:lang="en"');
    const html = dom(/<!\[CDATA\[([\s\S]*?)\]\]>/.exec(entry[2]!)![1]!);
    const topicsHeading = [...html.querySelectorAll("h2")].find((h) => text(h) === "Topics")!;
    assert.equal(topicsHeading.hasAttribute("lang"), false, "English in an English entry");
    assert.equal(html.querySelector("strong")!.closest("p")!.getAttribute("lang"), "de-DE");
    assert.equal(html.querySelector("strong")!.getAttribute("lang"), "en", "Chat: is English inside the German line");
  });
});

/** Pagefind's fragments: each page's URL and indexed text, with the fragment's file name (its index's language first: en_…). */
function indexed(site: BuiltSite): Array<{ file: string; url: string; content: string }> {
  return site
    .files()
    .filter((f) => f.startsWith("pagefind/fragment/"))
    .map((file) => {
      const data = gunzipSync(readFileSync(path.join(site.out, file))).toString("utf8");
      const record = JSON.parse(data.slice(data.indexOf("{"))) as { url: string; content: string };
      return { file, ...record };
    });
}

describe("a post in another language in the search index", () => {
  it("is in the site's one index, which the search page searches, with its Spanish text", () => {
    const entry = JSON.parse(english.read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    assert.deepEqual(Object.keys(entry.languages), ["en"], "one index, the site's language's");
    const search = dom(english.read("search/index.html"));
    assert.equal(search.documentElement.getAttribute("lang"), "en-US", "the search page searches the en index");
    const fragment = indexed(english).find((f) => f.url === "/posts/charla-invitada/");
    assert.ok(fragment, "the Spanish post is indexed");
    assert.match(fragment.file, /^pagefind\/fragment\/en_/, "in the en index");
    assert.match(fragment.content, /madrugada/);
    assert.ok(indexed(english).some((f) => f.url === "/posts/arabic/" && f.file.startsWith("pagefind/fragment/en_")), "so is the Arabic one");
    assert.ok(english.files().some((f) => /^pagefind\/index\/en_/.test(f)) && !english.files().some((f) => /^pagefind\/index\/(es|ar)_/.test(f)), "no index of its own that the search page would not search");
  });
});
