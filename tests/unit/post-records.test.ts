// A build takes each unchanged post from its validation record instead of parsing its YAML
// again (lib/corpus.ts): what it takes must be exactly what the loader makes, and a record
// that cannot say so (corrupt, stale, or holding values JSON changes) is never used.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import { useProjectCache, type ContentCache } from "../../lib/content-cache.ts";
import { forgetLoadedPosts, loadCorpus } from "../../lib/corpus.ts";
import { parseYamlForEngine, splitFrontMatter } from "../../lib/front-matter.ts";
import { loadSettings } from "../../lib/settings.ts";
import { loadedPostKey, postRecordKey, readLoadedPost, readPostRecord, siteFilesHash, textHash, type LoadedPost, type PostRecord } from "../../lib/validation-cache.ts";
import { copySite, FIXTURE_SITE } from "../helpers/build-site.ts";

const POST = "content/posts/2017-04-30-online-communities.md";

function freshCache(): { dir: string; cache: ContentCache } {
  const dir = mkdtempSync(path.join(tmpdir(), "chatpost-post-records-"));
  return { dir, cache: useProjectCache(dir)! };
}

/** Validate the site as a build does, with nothing loaded in memory before. */
function validate(root: string) {
  forgetLoadedPosts();
  return loadCorpus(root, loadSettings(root), { citations: "resolve" });
}

function recordKey(root: string, file: string): string {
  const settings = loadSettings(root);
  const scope = { settings: JSON.stringify(settings), bibliography: siteFilesHash(root, settings.citations.bibliography) };
  return postRecordKey(scope, file, textHash(readFileSync(path.join(root, file), "utf8")));
}

function record(cache: ContentCache, root: string, file: string): PostRecord {
  const found = readPostRecord(cache, recordKey(root, file), root);
  assert.ok(found, `a record for ${file}`);
  return found;
}

function loaded(cache: ContentCache, root: string, file: string): LoadedPost | undefined {
  record(cache, root, file);
  return readLoadedPost(cache, loadedPostKey(recordKey(root, file)));
}

afterEach(() => {
  useProjectCache(undefined);
  forgetLoadedPosts();
});

describe("posts taken from their validation records", () => {
  it("are the posts the loader makes, with the same problems", () => {
    const root = copySite(FIXTURE_SITE);
    useProjectCache(undefined);
    const parsed = validate(root);
    const { cache } = freshCache();
    const first = validate(root);
    const fromRecords = validate(root);
    assert.deepStrictEqual(first, parsed);
    assert.deepStrictEqual(fromRecords, parsed);
    // Every post that loads without an error has its record, and the post kept beside it.
    for (const post of parsed.posts) assert.ok(loaded(cache, root, post.file), post.file);
    // The record itself, which \`npm run check\` reads whole, stays without it.
    assert.deepEqual(Object.keys(record(cache, root, POST)).sort(), ["citations", "facts", "load", "probes"]);
  });

  it("are really read from the record: the YAML is not parsed again, for the build nor for Eleventy", () => {
    const root = copySite(FIXTURE_SITE);
    const { cache } = freshCache();
    validate(root);
    // A record changed behind chatpost's back is not something a build can notice, so
    // changing one shows which of the two the build used.
    const stored = loaded(cache, root, POST)!;
    const frontMatter = { ...(stored.frontMatter as object), title: "From the record" };
    cache.set(loadedPostKey(recordKey(root, POST)), JSON.stringify({ post: { ...stored.post, title: "From the record" }, frontMatter }));
    const again = validate(root);
    assert.equal(again.posts.find((p) => p.file === POST)?.title, "From the record");
    const yaml = splitFrontMatter(readFileSync(path.join(root, POST), "utf8")).yaml!;
    // gray-matter gives Eleventy's engine the text without its last newline.
    assert.equal(parseYamlForEngine(`\n${yaml.slice(0, -1)}`).title, "From the record");
  });

  it("the body comes from the file itself, not from the record", () => {
    const root = copySite(FIXTURE_SITE);
    const { cache } = freshCache();
    const file = path.join(root, POST);
    const sentence = "A sentence of the body that the record has no need to repeat.";
    writeFileSync(file, `${readFileSync(file, "utf8")}\n${sentence}\n`);
    const parsed = validate(root);
    const body = parsed.posts.find((p) => p.file === POST)!.body;
    assert.ok(body.includes(sentence));
    assert.ok(!JSON.stringify(loaded(cache, root, POST)).includes(sentence), "the record does not repeat the body");
    assert.equal(validate(root).posts.find((p) => p.file === POST)!.body, body);
  });

  it("an edited post is parsed again", () => {
    const root = copySite(FIXTURE_SITE);
    freshCache();
    validate(root);
    const file = path.join(root, POST);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Edited"));
    assert.equal(validate(root).posts.find((p) => p.file === POST)?.title, "Edited");
  });

  it("a corrupt record is ignored and the post parsed again", () => {
    const root = copySite(FIXTURE_SITE);
    const { dir, cache } = freshCache();
    const parsed = validate(root);
    const file = cache.fileFor(loadedPostKey(recordKey(root, POST)));
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace('"title":', '"titel":'));
    useProjectCache(dir);
    assert.deepStrictEqual(validate(root), parsed);
  });

  it("a post with a value JSON cannot keep (NaN, -0) is parsed every time, never taken changed", () => {
    const root = copySite(FIXTURE_SITE);
    const { cache } = freshCache();
    const file = "content/posts/2017-05-07-numbers.md";
    writeFileSync(path.join(root, file), [
      "---", "title: Numbers", "date: 2017-05-07", "references:", "  - id: a", "    type: book", "    title: A book",
      "    custom:", "      ratio: .nan", "      zero: -0", "---", "Body.", "",
    ].join("\n"));
    validate(root);
    assert.equal(loaded(cache, root, file), undefined, "no post kept");
    assert.ok(record(cache, root, file).facts, "the record is there all the same");
    const custom = validate(root).posts.find((p) => p.file === file)!.references[0]!.custom as { ratio: number; zero: number };
    assert.ok(Number.isNaN(custom.ratio));
    assert.ok(Object.is(custom.zero, -0));
  });

  it("a post with an error keeps only its problems, and they are found again", () => {
    const root = copySite(FIXTURE_SITE);
    const { cache } = freshCache();
    const file = path.join(root, POST);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^date: .*$/m, "date: 2017-04-31"));
    const first = validate(root);
    assert.ok(first.diagnostics.some((d) => d.field === "date"));
    assert.equal(loaded(cache, root, POST), undefined);
    assert.deepStrictEqual(validate(root), first);
  });
});

describe("the hash of the files the settings name, when one is missing", () => {
  it("changes with a file of a near name or a bibliography file under content/, not with other files (a build's output)", () => {
    const root = copySite(FIXTURE_SITE);
    const files = ["apa", "en-US", "content/refs.bib"];
    const before = siteFilesHash(root, files);
    // A build writes _site/ into the site's folder: the records stay valid.
    mkdirSync(path.join(root, "_site"));
    writeFileSync(path.join(root, "content/notes.txt"), "x");
    assert.equal(siteFilesHash(root, files), before);
    // A near name (the error then names it) changes the hash.
    writeFileSync(path.join(root, "content/Refs.bib"), "");
    const near = siteFilesHash(root, files);
    assert.notEqual(near, before);
    // So does a bibliography file anywhere under content/.
    mkdirSync(path.join(root, "content/library"));
    writeFileSync(path.join(root, "content/library/shared.yaml"), "[]\n");
    assert.notEqual(siteFilesHash(root, files), near);
  });
});
