// The Nunjucks pages' checks kept on record (lib/site-check.ts checkTemplatePagesOnRecord,
// lib/validation-cache.ts): an unchanged site's pages are read from their records, and
// whatever a record is served for is what compiling the pages again says, after a page,
// an include file, the filters or the layouts changed, and when a record is damaged.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { ContentCache } from "../../lib/content-cache.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { checkTemplatePagesOnRecord } from "../../lib/site-check.ts";
import { checkTemplatePages, templatePages, type TemplateLanguage } from "../../lib/template-check.ts";
import { templatePageRecordKey, templateScope, textHash } from "../../lib/validation-cache.ts";
import { siteTemplateLanguage } from "../../plugins/template-names.ts";

function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "tc-site-"));
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

const page = (body: string) => `---\ntitle: A page\nlayout: base.njk\n---\n${body}`;
const newCache = () => new ContentCache(mkdtempSync(path.join(tmpdir(), "tc-cache-")));

/**
 * The check from records, which must say what compiling every page says; what it compiled.
 * Every run is compared with a check without records.
 */
async function check(root: string, cache: ContentCache | undefined, language: TemplateLanguage = siteTemplateLanguage(root)): Promise<{ lines: string[]; compiled: string[] }> {
  const { diagnostics, compiled } = await checkTemplatePagesOnRecord(root, language, cache);
  const lines = diagnostics.map(formatDiagnostic);
  assert.deepEqual(lines, checkTemplatePages(root, templatePages(root), language).map(formatDiagnostic), "records say what compiling says");
  return { lines, compiled };
}

describe("Nunjucks pages on record", () => {
  it("an unchanged site's pages are read from their records, problems and all", async () => {
    const root = site({ "content/a.njk": page("{{ title | uper }}\n"), "content/b.njk": page("<p>fine</p>\n") });
    const cache = newCache();
    const first = await check(root, cache);
    assert.deepEqual(first.compiled, ["content/a.njk", "content/b.njk"]);
    assert.equal(first.lines.length, 1);
    assert.match(first.lines[0]!, /^content\/a\.njk:5:\d+ {2}there is no filter `uper`/);
    const again = await check(root, cache);
    assert.deepEqual(again.compiled, []);
    assert.deepEqual(again.lines, first.lines);
    // From the disk too, not only from this process's memory.
    const fromDisk = await check(root, new ContentCache(cache.dir));
    assert.deepEqual(fromDisk.compiled, []);
    assert.deepEqual(fromDisk.lines, first.lines);
  });

  it("a changed page is compiled again, and only it: its error appears, then goes", async () => {
    const root = site({ "content/a.njk": page("<p>a</p>\n"), "content/b.njk": page("<p>b</p>\n") });
    const cache = newCache();
    await check(root, cache);
    write(root, "content/a.njk", page("{% if title %}<p>a</p>\n"));
    const broken = await check(root, cache);
    assert.deepEqual(broken.compiled, ["content/a.njk"]);
    assert.match(broken.lines.join("\n"), /content\/a\.njk:5:1 {2}`\{% if title %\}` is never closed/);
    write(root, "content/a.njk", page("{% if title %}<p>a</p>{% endif %}\n"));
    const fixed = await check(root, cache);
    assert.deepEqual(fixed.compiled, ["content/a.njk"]);
    assert.deepEqual(fixed.lines, []);
  });

  it("an include file that appears or disappears makes the page be compiled again", async () => {
    const root = site({ "content/a.njk": page('{% include "partials/extra.njk" %}\n{% include "./near.html" %}\n') });
    const cache = newCache();
    const missing = await check(root, cache);
    assert.equal(missing.lines.length, 2);
    assert.match(missing.lines[0]!, /there is no file `partials\/extra\.njk` in the layouts/);
    assert.match(missing.lines[1]!, /there is no file `\.\/near\.html`/);

    // Looked up in the site's folder (the second include folder), and from the page's folder.
    write(root, "partials/extra.njk", "<p>extra</p>\n");
    const one = await check(root, cache);
    assert.deepEqual(one.compiled, ["content/a.njk"]);
    assert.equal(one.lines.length, 1);
    write(root, "content/near.html", "<p>near</p>\n");
    const both = await check(root, cache);
    assert.deepEqual(both.compiled, ["content/a.njk"]);
    assert.deepEqual(both.lines, []);
    assert.deepEqual((await check(root, cache)).compiled, []);

    rmSync(path.join(root, "partials/extra.njk"));
    const gone = await check(root, cache);
    assert.deepEqual(gone.compiled, ["content/a.njk"]);
    assert.match(gone.lines.join("\n"), /there is no file `partials\/extra\.njk`/);
  });

  it("what an included file says does not matter: the page is compiled, not rendered", async () => {
    const root = site({ "content/a.njk": page('{% include "partials/extra.njk" %}\n'), "partials/extra.njk": "<p>extra</p>\n" });
    const cache = newCache();
    await check(root, cache);
    // Broken itself: Nunjucks reads it only when the page renders.
    write(root, "partials/extra.njk", "{% if %}{{ x | nofilter }\n");
    const again = await check(root, cache);
    assert.deepEqual(again.compiled, []);
    assert.deepEqual(again.lines, []);
  });

  it("a changed filter list, tag list or layouts folder makes every page be compiled again", async () => {
    const root = site({ "content/a.njk": page("{{ title | shout }}\n{% note %}\n") });
    const base = siteTemplateLanguage(root);
    const layouts = mkdtempSync(path.join(tmpdir(), "tc-layouts-"));
    write(layouts, "base.njk", "{{ content | safe }}");
    const language: TemplateLanguage = { ...base, filters: [...base.filters, "shout"], tags: [...base.tags, { name: "note", paired: false }], includeFolders: [layouts, root] };
    const cache = newCache();
    assert.deepEqual((await check(root, cache, language)).lines, []);

    const noFilter = await check(root, cache, { ...language, filters: base.filters });
    assert.deepEqual(noFilter.compiled, ["content/a.njk"]);
    assert.match(noFilter.lines.join("\n"), /there is no filter `shout`/);
    // The language with the filter is still on record.
    const back = await check(root, cache, language);
    assert.deepEqual(back.compiled, []);
    assert.deepEqual(back.lines, []);

    const noTag = await check(root, cache, { ...language, tags: base.tags });
    assert.deepEqual(noTag.compiled, ["content/a.njk"]);
    assert.match(noTag.lines.join("\n"), /there is no tag `\{% note %\}`/);

    // A message lists the layouts folder's files: one more is a new record.
    write(root, "content/a.njk", page('{{ title | shout }}\n{% include "nav.njk" %}\n'));
    const before = await check(root, cache, language);
    assert.match(before.lines.join("\n"), /the files are `base\.njk` → name one of those files/);
    write(layouts, "partials/nav.njk", "<nav></nav>");
    const after = await check(root, cache, language);
    assert.deepEqual(after.compiled, ["content/a.njk"]);
    assert.match(after.lines.join("\n"), /the files are `base\.njk`, `partials\/nav\.njk` →/);
  });

  it("a damaged or stale record is never served", async () => {
    const root = site({ "content/a.njk": page("{{ title | uper }}\n") });
    const cache = newCache();
    const first = await check(root, cache);
    // Every entry on disk cut short: rejected, the page compiled again.
    for (const folder of readdirSync(cache.dir)) {
      for (const entry of readdirSync(path.join(cache.dir, folder))) writeFileSync(path.join(cache.dir, folder, entry), "chatpost-cache/1 9 0\n{}");
    }
    const fresh = new ContentCache(cache.dir);
    const damaged = await check(root, fresh);
    assert.deepEqual(damaged.compiled, ["content/a.njk"]);
    assert.deepEqual(damaged.lines, first.lines);
    assert.ok(fresh.stats.rejected >= 1);

    // A whole entry of another shape under the page's key (a record of older code would have another key).
    const scope = templateScope(root, siteTemplateLanguage(root))!;
    const key = templatePageRecordKey(scope, "content/a.njk", textHash(page("{{ title | uper }}\n")));
    fresh.set(key, JSON.stringify({ diagnostics: [] }));
    const stale = await check(root, fresh);
    assert.deepEqual(stale.compiled, ["content/a.njk"]);
    assert.deepEqual(stale.lines, first.lines);
  });

  it("without a cache, or with tags made by code (Eleventy's), every page is compiled each time", async () => {
    const root = site({ "content/a.njk": page("<p>a</p>\n") });
    assert.deepEqual((await check(root, undefined)).compiled, ["content/a.njk"]);
    assert.deepEqual((await check(root, undefined)).compiled, ["content/a.njk"]);
    const cache = newCache();
    const language: TemplateLanguage = {
      ...siteTemplateLanguage(root),
      extensions: { quote: () => ({ tags: ["quote"], parse: () => undefined }) },
    };
    assert.equal(templateScope(root, language), undefined);
    await check(root, cache, language);
    assert.deepEqual((await check(root, cache, language)).compiled, ["content/a.njk"]);
  });
});
