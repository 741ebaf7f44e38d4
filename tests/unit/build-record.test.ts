// The record that lets a build with nothing to do skip the work: what counts as an
// input, what the clock changes, and what a changed output folder looks like.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, beforeEach, describe, it } from "node:test";
import { inputFingerprint, isUpToDate, outputStamp, readBuildRecord, stableSpan, writeBuildRecord, type BuildRecord } from "../../lib/build-record.ts";
import { ContentCache } from "../../lib/content-cache.ts";
import { oneFileSite } from "../helpers/build-site.ts";

const work = mkdtempSync(path.join(tmpdir(), "chatpost-build-record-"));
after(() => rmSync(work, { recursive: true, force: true }));

describe("stableSpan", () => {
  const posts = [
    { date: "2026-11-20", draft: false, chat: { endMillis: Date.parse("2026-12-02T02:30:00Z") } },
    { date: "2030-01-01", draft: false, chat: { endMillis: Date.parse("2030-01-09T02:30:00Z") } },
    { date: "2026-11-30", draft: true },
    { date: "2017-04-30", draft: false, chat: { endMillis: Date.parse("2017-05-03T01:30:00Z") } },
  ];

  it("runs from the last moment that changed the output to the next one", () => {
    const span = stableSpan(posts, new Date("2026-11-24T12:00:00Z"), "UTC");
    assert.equal(span.from, Date.parse("2026-11-20T00:00:00Z")); // the newest post appeared
    assert.equal(span.until, Date.parse("2026-12-02T02:30:00Z")); // the upcoming chat ends
  });

  it("ignores a draft's date (drafts are never published by a build)", () => {
    const span = stableSpan([posts[2]!], new Date("2026-11-24T12:00:00Z"), "UTC");
    assert.deepEqual(span, { from: null, until: null });
  });

  it("a post's date is a boundary at 00:00 in the chat zone (here UTC), inclusive: the post is published from that instant", () => {
    const at = new Date("2030-01-01T00:00:00Z");
    assert.equal(stableSpan(posts, at, "UTC").from, at.getTime());
    assert.equal(stableSpan(posts, new Date(at.getTime() - 1), "UTC").until, at.getTime());
  });
});

describe("inputFingerprint", () => {
  let root: string;
  let app: string;
  const print = (env: NodeJS.ProcessEnv = {}) => inputFingerprint({ root, appDir: app, output: path.join(root, "_site"), env });

  beforeEach(() => {
    ({ root, app } = oneFileSite(work));
  });

  it("is the same for the same files", () => {
    assert.equal(print(), print());
  });

  it("changes when a post, a new file, a layout or the installed packages change", () => {
    const first = print();
    writeFileSync(path.join(root, "content/posts/a.md"), "---\ntitle: B\n---\nText\n");
    const edited = print();
    assert.notEqual(edited, first);
    writeFileSync(path.join(root, "content/posts/b.md"), "new");
    const added = print();
    assert.notEqual(added, edited);
    writeFileSync(path.join(app, "layouts/post.njk"), "<main>{{ content }}</main>");
    const layout = print();
    assert.notEqual(layout, added);
    mkdirSync(path.join(app, "node_modules"));
    writeFileSync(path.join(app, "node_modules/.package-lock.json"), "{}");
    assert.notEqual(print(), layout);
  });

  it("a renamed file is a change, even with the same bytes", () => {
    const first = print();
    rmSync(path.join(root, "content/posts/a.md"));
    writeFileSync(path.join(root, "content/posts/c.md"), "---\ntitle: A\n---\nText\n");
    assert.notEqual(print(), first);
  });

  it("changes with the environment that reaches the output, not with other variables", () => {
    const first = print({ HOME: "/a" });
    assert.equal(print({ HOME: "/b", CHATPOST_FORMAT_THREADS: "1" }), first);
    assert.notEqual(print({ CHATPOST_PATH_PREFIX: "/docs/" }), first);
    assert.notEqual(print({ TZ: "Asia/Tokyo" }), first);
  });

  it("ignores the output folder, caches, version control and node_modules of the site", () => {
    const first = print();
    for (const dir of ["_site", ".cache/chatpost", ".git", "node_modules/x", "._site.build-1-abc", "_site.previous-12"]) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, "file"), "anything");
    }
    assert.equal(print(), first);
  });
});

describe("outputStamp and isUpToDate", () => {
  const out = path.join(work, "out");
  const cache = new ContentCache(path.join(work, "cache"));

  it("notices a changed, added or removed output file", () => {
    mkdirSync(path.join(out, "posts"), { recursive: true });
    writeFileSync(path.join(out, "index.html"), "<p>home</p>");
    writeFileSync(path.join(out, "posts/a.html"), "<p>a</p>");
    const stamp = outputStamp(out);
    assert.equal(outputStamp(out), stamp);
    writeFileSync(path.join(out, "index.html"), "<p>home!</p>");
    const changed = outputStamp(out);
    assert.notEqual(changed, stamp);
    writeFileSync(path.join(out, "extra.html"), "");
    const added = outputStamp(out);
    assert.notEqual(added, changed);
    rmSync(path.join(out, "extra.html"));
    rmSync(path.join(out, "posts/a.html"));
    assert.notEqual(outputStamp(out), added);
    assert.equal(outputStamp(path.join(work, "missing")), undefined);
  });

  it("holds only for the same inputs, the same output and a moment inside the span", () => {
    const record: BuildRecord = { inputs: "abc", output: outputStamp(out)!, from: Date.parse("2026-11-20T00:00:00Z"), until: Date.parse("2026-12-02T00:00:00Z"), warnings: "" };
    writeBuildRecord(cache, out, record);
    const stored = readBuildRecord(cache, out);
    assert.deepEqual(stored, record);
    const inside = new Date("2026-11-24T12:00:00Z");
    assert.equal(isUpToDate(stored, "abc", out, inside), true);
    assert.equal(isUpToDate(stored, "abd", out, inside), false);
    assert.equal(isUpToDate(stored, "abc", out, new Date("2026-12-02T00:00:00Z")), false);
    assert.equal(isUpToDate(stored, "abc", out, new Date("2026-11-19T23:59:59Z")), false);
    assert.equal(isUpToDate(undefined, "abc", out, inside), false);
    writeFileSync(path.join(out, "index.html"), "<p>edited by hand</p>");
    assert.equal(isUpToDate(stored, "abc", out, inside), false);
  });

  it("a damaged record is not trusted", () => {
    writeBuildRecord(cache, out, { inputs: "abc", output: "x", from: null, until: null, warnings: "" });
    const files = readdirSync(cache.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of files) {
      const file = path.join(f.parentPath, f.name);
      writeFileSync(file, readFileSync(file, "utf8").replace('"abc"', '"abd"'));
    }
    assert.equal(readBuildRecord(new ContentCache(cache.dir), out), undefined);
  });
});
