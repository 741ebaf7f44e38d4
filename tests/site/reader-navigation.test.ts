// What the audit of the built site asked for, on the built HTML of the sample and the
// fixture site: unstyled lists keep their list role (role="list"; WebKit drops it with
// list-style: none), the tags index is in the site navigation, and the search page's way
// round search (the archive and the tags) is in the page, not a developer's message.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { searchScript, UNAVAILABLE } from "../../plugins/search.ts";
import { buildSite, FIXTURE_SITE, PROJECT, type BuiltSite } from "../helpers/build-site.ts";
import { dom, text } from "../helpers/html.ts";

const sites: Record<"sample" | "fixture", BuiltSite | undefined> = { sample: undefined, fixture: undefined };
before(async () => {
  [sites.sample, sites.fixture] = await Promise.all([buildSite(PROJECT), buildSite(FIXTURE_SITE)]);
});

const pages = (site: BuiltSite) => site.files().filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"));

/** The selectors of site.css's rules that take a list's bullets away (list-style: none). */
function unstyledListSelectors(): string[] {
  const css = readFileSync(path.join(PROJECT, "layouts/assets/site.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors = new Set<string>();
  for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!/list-style(-type)?\s*:\s*none/.test(rule[2]!)) continue;
    for (const selector of rule[1]!.split(",")) selectors.add(selector.trim());
  }
  return [...selectors];
}


/** Every <ul>/<ol> matched by `selector` on every page of both sites, as "page: selector" when it lacks role="list". */
function listsWithoutRole(selectors: string[]): { missing: string[]; found: Set<string> } {
  const missing: string[] = [];
  const found = new Set<string>();
  for (const site of [sites.sample!, sites.fixture!]) {
    for (const page of pages(site)) {
      const doc = dom(site.read(page));
      for (const selector of selectors) {
        for (const list of doc.querySelectorAll(selector)) {
          if (!/^(UL|OL)$/i.test(list.tagName)) continue;
          found.add(selector);
          if (list.getAttribute("role") !== "list") missing.push(`${page}: ${selector}`);
        }
      }
    }
  }
  return { missing, found };
}

describe("lists styled without bullets", () => {
  it("site.css still names the lists this test knows (the parser works)", () => {
    const selectors = unstyledListSelectors();
    for (const known of [".topic-list", ".references", ".posts", ".tag-list", ".post-tags", ".site-nav ul"]) assert.ok(selectors.includes(known), known);
  });

  it('say role="list" on every page, so VoiceOver in Safari still reads them as lists', () => {
    const { missing, found } = listsWithoutRole(unstyledListSelectors());
    assert.deepEqual(missing, []);
    // Not a rubber stamp: the lists of the audit are on the built pages.
    for (const selector of [".topic-list", ".references", ".posts", ".tag-list", ".post-tags", ".site-nav ul", ".chat-block ul", ".share-links"]) assert.ok(found.has(selector), `no page has ${selector}`);
  });
});

describe("the site navigation", () => {
  it("links the tags index from every page, marked as the current page on the tags index and tag pages", () => {
    for (const site of [sites.sample!, sites.fixture!]) {
      for (const page of pages(site)) {
        const nav = dom(site.read(page)).querySelector(".site-nav");
        const link = nav?.querySelector('a[href="/tags/"]');
        assert.ok(link, `${page} has no Tags link in its navigation`);
        assert.equal(text(link), "Tags");
        const current = page.startsWith("tags/") ? "page" : null;
        assert.equal(link.getAttribute("aria-current"), current, page);
      }
    }
    assert.ok(sites.sample!.files().some((f) => /^tags\/[^/]+\/index\.html$/.test(f)), "the sample site has tag pages");
  });
});

describe("a post's tags", () => {
  it("show one # each, also for a tag written with its own, hidden from screen readers and linked to the tag's page", () => {
    const links = [...dom(sites.fixture!.read("posts/escaping/index.html")).querySelectorAll(".post-tags a")];
    assert.deepEqual(links.map((a) => [text(a), a.getAttribute("href")]), [["#<script>tag</script>", "/tags/script-tag-script/"], ["#fixchat", "/tags/fixchat/"]]);
    for (const a of links) {
      const marks = [...a.querySelectorAll(".tag-mark")];
      assert.deepEqual(marks.map((m) => [text(m), m.getAttribute("aria-hidden")]), [["#", "true"]]);
    }
    // Every post page's tags have their mark, so the # shows without CSS too.
    for (const page of pages(sites.sample!).filter((p) => p.startsWith("posts/"))) {
      for (const a of dom(sites.sample!.read(page)).querySelectorAll(".post-tags a")) assert.match(text(a), /^#[^#]/, page);
    }
  });
});

describe("the search page", () => {
  it("carries the archive and the tags in the page itself, outside <noscript>, and a status region for the result count", () => {
    const doc = dom(sites.sample!.read("search/index.html"));
    const fallback = doc.querySelector("main .search-fallback")!;
    assert.ok(fallback, "the page has its way round search");
    assert.equal(fallback.closest("noscript"), null);
    assert.deepEqual([...fallback.querySelectorAll(":scope > a")].map((a) => a.getAttribute("href")), ["/archive/", "/tags/"]);
    assert.match(text(fallback.querySelector("noscript")), /^Search needs JavaScript\.$/);
    const unavailable = fallback.querySelector(".search-unavailable")!;
    assert.ok(unavailable.hasAttribute("hidden"), "the could-not-load words are hidden until the script finds Pagefind missing");
    const status = doc.querySelector("#search-status")!;
    assert.equal(status.getAttribute("role"), "status");
    assert.equal(text(status), "");
  });

  it("says nothing meant for developers on the built site; the preview's script alone has the hint", () => {
    for (const site of [sites.sample!, sites.fixture!]) {
      const script = site.read("search/search.js");
      assert.doesNotMatch(script, /npm run build|published site|npm start/);
      assert.ok(script.includes(JSON.stringify(UNAVAILABLE.build)));
      assert.doesNotMatch(site.read("search/index.html"), /npm run build|published site/);
    }
    assert.match(searchScript("preview"), /npm run build/);
    assert.doesNotMatch(searchScript("build"), /npm run build/);
  });
});
