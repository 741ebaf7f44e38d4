import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { OutputLedger, previewOutputProblem, removeWithEmptyFolders } from "../../lib/preview-outputs.ts";

const files = (input: string, ...outputs: string[]) => outputs.map((output) => ({ input, output }));

describe("OutputLedger", () => {
  it("finds nothing stale on the first build", () => {
    const ledger = new OutputLedger();
    assert.deepEqual(ledger.record([...files("a.md", "/a/index.html"), ...files("tags.njk", "/tags/x/", "/tags/y/")], true), []);
  });

  it("after an incremental build, finds the pages a rendered source no longer makes, and only those", () => {
    const ledger = new OutputLedger();
    ledger.record([...files("a.md", "/a/index.html"), ...files("b.md", "/b/index.html"), ...files("tags.njk", "/tags/x/", "/tags/y/")], true);
    // Only a.md and the tag pages were rendered: b.md's page is not stale for that.
    assert.deepEqual(ledger.record([...files("a.md", "/a/index.html"), ...files("tags.njk", "/tags/x/")], false), ["/tags/y/"]);
    // Once found, a stale file is not found again.
    assert.deepEqual(ledger.record(files("tags.njk", "/tags/x/"), false), []);
  });

  it("after a complete build, also finds every file of a source it did not render (a deleted one)", () => {
    const ledger = new OutputLedger();
    ledger.record([...files("a.md", "/a/index.html"), ...files("b.md", "/b/index.html")], true);
    ledger.record(files("c.md", "/c/index.html"), false);
    assert.deepEqual(ledger.record([...files("a.md", "/a/index.html"), ...files("c.md", "/c/index.html")], true), ["/b/index.html"]);
  });

  it("never calls stale a file another source now writes (a renamed post keeping its address)", () => {
    const ledger = new OutputLedger();
    ledger.record(files("2017-old.md", "/posts/x/index.html"), true);
    assert.deepEqual(ledger.record(files("2018-new.md", "/posts/x/index.html"), true), []);
  });
});

describe("removeWithEmptyFolders", () => {
  it("removes the file and the folders it leaves empty, stopping at one that is not and at the output folder", () => {
    const output = mkdtempSync(path.join(tmpdir(), "chatpost-preview-"));
    mkdirSync(path.join(output, "posts/gone/deep"), { recursive: true });
    mkdirSync(path.join(output, "posts/kept"), { recursive: true });
    writeFileSync(path.join(output, "posts/gone/deep/index.html"), "x");
    writeFileSync(path.join(output, "posts/kept/index.html"), "x");
    removeWithEmptyFolders(path.join(output, "posts/gone/deep/index.html"), output);
    assert.equal(existsSync(path.join(output, "posts/gone")), false);
    assert.ok(existsSync(path.join(output, "posts/kept/index.html")));
    // The last file of the site: its folders go, the output folder stays.
    removeWithEmptyFolders(path.join(output, "posts/kept/index.html"), output);
    assert.equal(existsSync(path.join(output, "posts")), false);
    assert.ok(existsSync(output));
  });

  it("touches nothing outside the output folder", () => {
    const parent = mkdtempSync(path.join(tmpdir(), "chatpost-preview-"));
    const output = path.join(parent, "_preview");
    mkdirSync(output);
    writeFileSync(path.join(parent, "outside.txt"), "x");
    removeWithEmptyFolders(path.join(parent, "outside.txt"), output);
    removeWithEmptyFolders(path.join(output, "../outside.txt"), output);
    assert.ok(existsSync(path.join(parent, "outside.txt")));
  });
});

describe("the folder the preview may be written to", () => {
  const root = path.join(tmpdir(), "a-site");
  it("is _preview/ or any folder of its own, in the site or elsewhere", () => {
    for (const output of ["_preview", "preview", "_site-preview", "../elsewhere", path.join(tmpdir(), "p")]) assert.equal(previewOutputProblem(root, output), undefined, output);
  });
  it("is never _site/ (what is published) nor a folder in or around it", () => {
    assert.match(previewOutputProblem(root, "_site")!, /^_site is _site\/, what is published: the preview's drafts and future posts could be deployed$/);
    assert.match(previewOutputProblem(root, "_site/x")!, /^_site\/x is inside _site\//);
    assert.match(previewOutputProblem(root, "./_site/")!, /is _site\//);
  });
  it("is refused through a link, in other capitals, and at the disk's root (fz3)", () => {
    const site = mkdtempSync(path.join(tmpdir(), "preview-site-"));
    mkdirSync(path.join(site, "_site"));
    mkdirSync(path.join(site, "content"));
    symlinkSync(path.join(site, "_site"), path.join(site, "to-site"));
    symlinkSync(path.join(site, "content"), path.join(site, "to-content"));
    symlinkSync(site, path.join(site, "to-root"));
    assert.match(previewOutputProblem(site, "to-site")!, /^to-site is _site\//);
    assert.match(previewOutputProblem(site, "to-site/new")!, /^to-site\/new is inside _site\//);
    assert.match(previewOutputProblem(site, "to-content")!, /^to-content is content\//);
    assert.match(previewOutputProblem(site, "to-root")!, /the site's own folder/);
    assert.match(previewOutputProblem(site, "_SITE")!, /^_SITE is _site\//);
    assert.match(previewOutputProblem(site, "/")!, /^\/ is the site's own folder or holds it/);
    assert.equal(previewOutputProblem(site, "_preview"), undefined);
  });

  it("is never content/, a folder inside it, nor the site's own folder or one holding it", () => {
    assert.match(previewOutputProblem(root, "content")!, /^content is content\/, the writers' files$/);
    assert.match(previewOutputProblem(root, "content/posts")!, /is inside content\//);
    assert.match(previewOutputProblem(root, ".")!, /^\. is the site's own folder, where the writers' files are$/);
    assert.match(previewOutputProblem(root, "..")!, /^\.\. is the site's own folder or holds it/);
  });
});
