// The persistent content-addressed cache: what goes in comes out, anything that
// changes the output changes the key, and a damaged file is never served.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { plugins } from "@citation-js/core";
import { styleFingerprint, useCitationCache } from "../../lib/citation-cache.ts";
import { formatBibliography, formatCitations, registerStyle, type CitationRequest, type FormattedEntry } from "../../lib/citations.ts";
import { canonicalJson, ContentCache, contentKey } from "../../lib/content-cache.ts";
import type { CslItem } from "../../lib/csl-normalise.ts";
import { FormattingAhead, formatAheadInParallel } from "../../lib/parallel-formatting.ts";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "chatpost-cache-"));

const ITEMS: CslItem[] = [
  {
    id: "smailhodzic2016",
    type: "article-journal",
    title: "Social media use in healthcare: A systematic review",
    author: [{ family: "Smailhodzic", given: "Edin" }, { family: "Hooijsma", given: "Wyanda" }],
    "container-title": "BMC Health Services Research",
    volume: "16",
    page: "442",
    issued: { "date-parts": [[2016, 8, 26]] },
    accessed: { "date-parts": [[2017, 4, 30]] },
    URL: "https://example.org/smailhodzic",
  },
  {
    id: "vartabedian2017",
    type: "post-weblog",
    title: "Disclosure, doctors and social media",
    author: [{ family: "Vartabedian", given: "Bryan" }],
    "container-title": "33 Charts",
    issued: { "date-parts": [[2017, 4, 18]] },
  },
  // No date and an edition: the locale's terms ("n.d.", "ed.") show in the output.
  { id: "handbook", type: "book", title: "Community handbook", author: [{ literal: "Patients Included" }], edition: "2" },
];

/** Format through the cache in `dir`, the way a build does. */
function formatCached(dir: string, items: CslItem[], style = "apa", locale = "en-US"): FormattedEntry[] {
  useCitationCache(dir);
  try {
    return formatBibliography(items, { style, locale });
  } finally {
    useCitationCache(undefined);
  }
}

/** Format without any cache: the reference output. */
function formatFresh(items: CslItem[], style = "apa", locale = "en-US"): FormattedEntry[] {
  useCitationCache(undefined);
  return formatBibliography(items, { style, locale });
}

/** The key of an entry file: its folder and file name. */
const keyOf = (file: string) => path.basename(path.dirname(file)) + path.basename(file, ".entry");

/** Every entry file the cache holds. */
function entryFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".entry")).map((f) => path.join(dir, f));
}

describe("ContentCache", () => {
  it("keeps a value across instances, as between two builds", () => {
    const dir = tempDir();
    new ContentCache(dir).set(contentKey({ a: 1 }), "stored text");
    const next = new ContentCache(dir);
    assert.equal(next.get(contentKey({ a: 1 })), "stored text");
    assert.equal(next.stats.hits, 1);
    assert.equal(next.get(contentKey({ a: 2 })), undefined);
  });

  it("keeps recent small entries in memory, within a budget, and big ones only on disk", () => {
    const dir = tempDir();
    const cache = new ContentCache(dir);
    const small = contentKey({ small: 1 });
    const big = contentKey({ big: 1 });
    cache.set(small, "small");
    cache.set(big, "x".repeat(2 * 1024 * 1024));
    rmSync(cache.fileFor(small));
    rmSync(cache.fileFor(big));
    assert.equal(cache.get(small), "small", "served from memory, as npm start's rebuilds want");
    assert.equal(cache.get(big), undefined, "over a million characters: never held in memory");
    // Seventeen entries of a million characters each overflow the 16 M budget: the oldest goes.
    const keys = Array.from({ length: 17 }, (_, i) => contentKey({ fill: i }));
    for (const key of keys) cache.set(key, "y".repeat(1024 * 1024 - 16));
    for (const key of keys) rmSync(cache.fileFor(key));
    assert.equal(cache.get(small), undefined, "the least recently used is dropped first");
    assert.equal(cache.get(keys[0]!), undefined);
    assert.ok(cache.get(keys[16]!)?.startsWith("y"), "the newest stays");
  });

  it("hashes objects the same whatever the order of their keys", () => {
    assert.equal(contentKey({ a: 1, b: { c: 2, d: 3 } }), contentKey({ b: { d: 3, c: 2 }, a: 1 }));
    assert.notEqual(contentKey({ a: 1 }), contentKey({ a: "1" }));
  });

  it("leaves no temporary file behind after a write", () => {
    const dir = tempDir();
    const cache = new ContentCache(dir);
    for (let i = 0; i < 5; i++) cache.set(contentKey(i), `value ${i}`);
    const all = readdirSync(dir, { recursive: true, encoding: "utf8" });
    assert.equal(all.filter((f) => f.endsWith(".tmp")).length, 0);
    assert.equal(all.filter((f) => f.endsWith(".entry")).length, 5);
  });

  const damage: Array<[string, (text: string) => string]> = [
    ["a corrupted file (one character changed)", (t) => t.slice(0, -5) + (t.at(-5) === "x" ? "y" : "x") + t.slice(-4)],
    ["a truncated file", (t) => t.slice(0, Math.floor(t.length / 2))],
    ["a file cut before its first line ends", (t) => t.slice(0, 10)],
    ["an empty file", () => ""],
    ["a file with a forged length", (t) => t.replace(/^(\S+) \d+/, "$1 3")],
  ];
  for (const [what, spoil] of damage) {
    it(`ignores ${what} and rebuilds the entry`, () => {
      const dir = tempDir();
      const key = contentKey({ what });
      new ContentCache(dir).set(key, JSON.stringify({ html: "the real value, long enough to cut" }));
      const [file] = entryFiles(dir);
      writeFileSync(file!, spoil(readFileSync(file!, "utf8")));

      const reader = new ContentCache(dir);
      assert.equal(reader.get(key), undefined, "a damaged entry is never served");
      assert.equal(reader.stats.rejected, 1);

      let computed = 0;
      const value = new ContentCache(dir).getOrCompute({ what }, () => (computed++, { html: "recomputed" }));
      assert.deepEqual(value, { html: "recomputed" });
      assert.equal(computed, 1);
      assert.deepEqual(JSON.parse(new ContentCache(dir).get(key)!), { html: "recomputed" }, "the rebuilt entry is valid on disk");
    });
  }
});

describe("formatted bibliographies in the cache", () => {
  it("serves from the cache exactly what formatting gives, and reads it back in the next build", () => {
    const dir = tempDir();
    const fresh = formatFresh(ITEMS);
    assert.deepEqual(formatCached(dir, ITEMS), fresh);
    const [file, ...others] = entryFiles(dir);
    assert.equal(others.length, 0, "one entry for one request");
    // Replace the entry by a valid one with other content: the next build serves it, so it did read the cache.
    const cache = new ContentCache(dir);
    const stored = JSON.parse(cache.get(keyOf(file!))!);
    stored.bibliography[0].html = "from the cache";
    cache.set(keyOf(file!), JSON.stringify(stored));
    assert.equal(formatCached(dir, ITEMS)[0]!.html, "from the cache");
  });

  it("a changed reference changes the output", () => {
    const dir = tempDir();
    const before = formatCached(dir, ITEMS);
    const changed = ITEMS.map((item) => (item.id === "vartabedian2017" ? { ...item, title: "Disclosure, doctors and the law" } : item));
    const after = formatCached(dir, changed);
    assert.notDeepEqual(after, before);
    assert.match(after.map((e) => e.html).join(""), /doctors and the law/);
    assert.deepEqual(after, formatFresh(changed));
    assert.equal(entryFiles(dir).length, 2);
  });

  it("a changed style changes the output", () => {
    const dir = tempDir();
    const apa = formatCached(dir, ITEMS, "apa");
    const vancouver = formatCached(dir, ITEMS, "vancouver");
    assert.notDeepEqual(vancouver, apa);
    assert.deepEqual(vancouver, formatFresh(ITEMS, "vancouver"));
  });

  it("a changed locale changes the output", () => {
    const dir = tempDir();
    const english = formatCached(dir, ITEMS, "apa", "en-US");
    const german = formatCached(dir, ITEMS, "apa", "de-DE");
    assert.notDeepEqual(german, english);
    assert.deepEqual(german, formatFresh(ITEMS, "apa", "de-DE"));
  });

  it("the key covers the style's XML, not only its name", () => {
    const csl = plugins.config.get("@csl");
    registerStyle("cache-test-style", csl.styles.get("apa"));
    const before = styleFingerprint("cache-test-style", "en-US");
    registerStyle("cache-test-style", csl.styles.get("vancouver"));
    const after = styleFingerprint("cache-test-style", "en-US");
    assert.notEqual(after.style, before.style);
    assert.equal(after.locale, before.locale);
  });

  it("a corrupted bibliography entry is formatted again, never served", () => {
    const dir = tempDir();
    const fresh = formatFresh(ITEMS);
    formatCached(dir, ITEMS);
    const [file] = entryFiles(dir);
    writeFileSync(file!, readFileSync(file!, "utf8").replace("Smailhodzic", "Forged"));
    assert.deepEqual(formatCached(dir, ITEMS), fresh);
    assert.doesNotMatch(readFileSync(file!, "utf8"), /Forged/);
  });
});

describe("formatting ahead on worker threads", () => {
  it("fills the cache with exactly what formatting in the build gives", () => {
    const dir = tempDir();
    const style = { style: "apa", locale: "en-US" };
    const requests: CitationRequest[] = [
      { items: ITEMS, clusters: [[{ id: "smailhodzic2016", mode: "normal", locator: "3", label: "page" }]], style },
      { items: ITEMS.slice(1), clusters: [[{ id: "vartabedian2017", mode: "author-in-text" }]], style },
      { items: ITEMS, clusters: [], style: { style: "vancouver", locale: "en-US" } },
    ];
    useCitationCache(undefined);
    const fresh = requests.map((r) => formatCitations(r));

    const cache = useCitationCache(dir)!;
    try {
      assert.equal(formatAheadInParallel(requests, { threads: 2, minRequests: 1 }), requests.length);
      assert.equal(entryFiles(dir).length, requests.length, "one entry per request, written by the threads");
      assert.deepEqual(requests.map((r) => formatCitations(r)), fresh);
      assert.equal(cache.stats.misses, 0, "the build found every entry the threads wrote");
      assert.equal(formatAheadInParallel(requests, { threads: 2, minRequests: 1 }), 0, "nothing left to do on a warm cache");
    } finally {
      useCitationCache(undefined);
    }
  });

  it("starts the threads once enough requests are known, before the caller has them all", () => {
    const dir = tempDir();
    const style = { style: "apa", locale: "en-US" };
    const first = { items: ITEMS, clusters: [[{ id: "smailhodzic2016", mode: "normal" as const }]], style };
    const second = { items: ITEMS.slice(1), clusters: [], style };
    const third = { items: ITEMS.slice(2), clusters: [], style };
    useCitationCache(dir);
    try {
      const ahead = new FormattingAhead({ threads: 2, minRequests: 2 });
      const source = {};
      ahead.add(first, source);
      ahead.add(first, source);
      assert.equal(entryFiles(dir).length, 0, "one request: not worth threads yet");
      ahead.add(second);
      // The threads format while this thread goes on (here: waits, as validation would work).
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let waited = 0; entryFiles(dir).length < 2 && waited < 30_000; waited += 50) Atomics.wait(pause, 0, 0, 50);
      assert.equal(entryFiles(dir).length, 2, "both formatted before finish()");
      ahead.add(third);
      assert.equal(ahead.finish(), 3, "the request added twice from one source was sent once");
      assert.equal(entryFiles(dir).length, 3);
      ahead.add({ items: ITEMS.slice(0, 1), clusters: [], style });
      assert.equal(ahead.finish(), 3, "nothing is added after finish()");
    } finally {
      useCitationCache(undefined);
    }
  });

  it("does not wait for a thread that died: the caller formats what it left", () => {
    const dir = tempDir();
    const style = { style: "apa", locale: "en-US" };
    useCitationCache(dir);
    try {
      const ahead = new FormattingAhead({ threads: 2, minRequests: 1, timeoutMs: 120_000 });
      ahead.add({ items: ITEMS, clusters: [], style });
      // A message no thread expects makes the first one throw and exit.
      (ahead as any).threads[0].worker.postMessage({ requests: null, styles: {}, locales: {} });
      const started = Date.now();
      ahead.finish();
      assert.ok(Date.now() - started < 60_000, `finish() returned after ${Date.now() - started} ms`);
      // Whatever the threads did not write, formatting in the build writes now.
      formatCitations({ items: ITEMS, clusters: [], style });
      assert.equal(entryFiles(dir).length, 1);
    } finally {
      useCitationCache(undefined);
    }
  });

  it("formats nothing ahead without a cache to put it in, or with one thread", () => {
    const style = { style: "apa", locale: "en-US" };
    const requests = [0, 1, 2].map((n) => ({ items: ITEMS.slice(n), clusters: [], style }));
    useCitationCache(undefined);
    assert.equal(formatAheadInParallel(requests, { threads: 2, minRequests: 1 }), 0);
    const dir = tempDir();
    useCitationCache(dir);
    try {
      assert.equal(formatAheadInParallel(requests, { threads: 1, minRequests: 1 }), 0);
      assert.equal(entryFiles(dir).length, 0);
    } finally {
      useCitationCache(undefined);
    }
  });
});

describe("canonical JSON (the text content keys hash)", () => {
  // The definition: JSON.stringify with every object replaced by a copy with sorted keys.
  const reference = (value: unknown) =>
    JSON.stringify(value, (_key, v) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
    );
  const same = (value: unknown) => {
    let expected: string | undefined;
    let threw = false;
    try {
      expected = reference(value);
    } catch {
      threw = true;
    }
    if (threw) assert.throws(() => canonicalJson(value));
    else assert.equal(canonicalJson(value), expected);
  };

  it("is JSON.stringify with sorted keys, for any value", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBigInt: true, withObjectString: true, withTypedArray: true }),
        (value) => same(value),
      ),
      { numRuns: 2000 },
    );
  });

  it("orders integer keys as JSON.stringify does, and drops what it drops", () => {
    for (const value of [
      { b: 1, 10: 2, 2: 3, a: 4, "01": 5, 4294967295: 6, 4294967294: 7, "-1": 8 },
      { when: new Date(Date.UTC(2017, 4, 2)), gone: undefined, fn: () => 1, list: [undefined, () => 1, Symbol("s"), NaN, -0, Infinity] },
      { toJSON: () => ({ z: 1, a: [2, { y: 3, b: 4 }] }) },
      { nested: { toJSON: (key: string) => `key ${key}` } },
      [new Map([["a", 1]]), new Set([1]), Object.create(null)],
      "plain", 12, null, true,
    ]) same(value);
    assert.equal(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } }), '{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
  });
});
