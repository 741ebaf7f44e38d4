// The search index kept in the content cache: the same pages give the stored bundle
// byte for byte without running Pagefind; a changed page gives a new index.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { useCitationCache } from "../../lib/citation-cache.ts";
import type { ContentCache } from "../../lib/content-cache.ts";
import { buildSearchIndex, SEARCH_BUNDLE_DIR } from "../../lib/search-index.ts";

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

function writeSite(dir: string, pages: Record<string, string>): string[] {
  for (const [rel, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), html);
  }
  return Object.keys(pages);
}

function bundle(dir: string): Map<string, string> {
  const root = path.join(dir, SEARCH_BUNDLE_DIR);
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => {
    const full = path.join(e.parentPath, e.name);
    return [path.relative(root, full), readFileSync(full).toString("base64")];
  }));
}

describe("search index cache", () => {
  let work: string;
  let cache: ContentCache;
  const pages = {
    "posts/a/index.html": page("Burnout in clinics", "Listening to nurses about night shifts."),
    "posts/b/index.html": page("Rural telehealth", "Broadband and trust in small towns."),
  };

  before(() => {
    work = mkdtempSync(path.join(tmpdir(), "chatpost-search-cache-"));
    cache = useCitationCache(path.join(work, "cache"))!;
  });
  after(() => {
    useCitationCache(undefined);
    rmSync(work, { recursive: true, force: true });
  });

  it("serves the same pages' bundle from the cache, byte for byte", async () => {
    const first = path.join(work, "first");
    const second = path.join(work, "second");
    assert.equal(await buildSearchIndex(first, writeSite(first, pages), "/", "en-US"), 2);
    const hitsBefore = cache.stats.hits;
    assert.equal(await buildSearchIndex(second, writeSite(second, pages), "/", "en-US"), 2);
    assert.equal(cache.stats.hits, hitsBefore + 1);
    assert.deepEqual(bundle(second), bundle(first));
  });

  it("indexes a changed page again instead of serving the stored bundle", async () => {
    const changed = path.join(work, "changed");
    const hitsBefore = cache.stats.hits;
    await buildSearchIndex(changed, writeSite(changed, { ...pages, "posts/b/index.html": page("Rural telehealth", "Satellite links and pharmacies.") }), "/", "en-US");
    assert.equal(cache.stats.hits, hitsBefore);
    assert.notDeepEqual(bundle(changed), bundle(path.join(work, "first")));
  });
});
