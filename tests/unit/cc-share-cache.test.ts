// The share images' cache key covers the code and packages that draw a card, and the
// project cache's helpers behind it: hashing source files, reading installed versions,
// the share images' folder, temporary files of killed builds, and pruning what no build
// has used for a month. Versions and files are injected or made in temporary folders:
// no real file is changed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import {
  ContentCache,
  contentKey,
  installedVersions,
  KEEP_UNUSED_DAYS,
  projectCacheFolder,
  pruneFolder,
  removeTemporaryFiles,
  sourceHash,
  useProjectCache,
} from "../../lib/content-cache.ts";
import { drawingVersion, shareCardKey, shareCardKeyWith, type ShareCard } from "../../lib/og-image.ts";
import { pruneShareImages } from "../../plugins/og-image.ts";
import { PROJECT } from "../helpers/build-site.ts";

const card: ShareCard = { title: "Online communities", when: "Sunday, April 30, 2017, 8:30 PM EDT (UTC−4)", hashtag: "#hcldr", siteTitle: "Care Leaders" };
const tempDir = () => mkdtempSync(path.join(tmpdir(), "cc-cache-"));
const DAY = 24 * 60 * 60 * 1000;
/** Sets a file's times to `days` ago. */
const age = (file: string, days: number) => utimesSync(file, new Date(Date.now() - days * DAY), new Date(Date.now() - days * DAY));
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;

describe("the share card's key and what draws it", () => {
  it("changes with the drawing code's hash, any drawing package's version and zlib's, and only with them", () => {
    const version = drawingVersion();
    assert.equal(shareCardKeyWith(card, { ...version }), shareCardKey(card));
    const others = [
      { ...version, code: "0000000000000000" },
      { ...version, packages: { ...version.packages, satori: "0.0.1" } },
      { ...version, packages: { ...version.packages, "@resvg/resvg-js": "1.0.0" } },
      // A dependency of satori given as a range: a new one can come with the same satori.
      { ...version, packages: { ...version.packages, linebreak: "9.9.9" } },
      { ...version, zlib: "1.2.11" },
    ];
    const keys = new Set([shareCardKey(card), ...others.map((v) => shareCardKeyWith(card, v))]);
    assert.equal(keys.size, others.length + 1);
  });

  it("is the hash of the drawing code's text and the installed drawing packages with what they depend on", () => {
    const version = drawingVersion();
    const code = ["og-image.ts", "font-coverage.ts", "indexed-png.ts", "share-card-pool.ts", "share-card-worker.ts"].map((f) => path.join(PROJECT, "lib", f));
    assert.equal(version.code, sourceHash(code));
    const installed = (name: string) => (JSON.parse(readFileSync(path.join(PROJECT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    for (const name of ["satori", "@resvg/resvg-js", "linebreak", "@shuding/opentype.js"]) assert.equal(version.packages[name], installed(name), name);
    assert.equal(version.zlib, process.versions.zlib);
    // Once per process: the same object each time.
    assert.equal(drawingVersion(), version);
  });
});

describe("what keys are made of", () => {
  it("sourceHash changes with a file's text and with its name", () => {
    const dir = tempDir();
    const [a, b] = [path.join(dir, "a.ts"), path.join(dir, "b.ts")];
    writeFileSync(a, "export const x = 1;\n");
    writeFileSync(b, "export const y = 2;\n");
    const first = sourceHash([a, b]);
    assert.equal(sourceHash([a, b]), first);
    writeFileSync(b, "export const y = 3;\n");
    assert.notEqual(sourceHash([a, b]), first);
    writeFileSync(b, "export const y = 2;\n");
    assert.equal(sourceHash([a, new URL(`file://${b}`)]), first);
    writeFileSync(path.join(dir, "c.ts"), "export const y = 2;\n");
    assert.notEqual(sourceHash([a, path.join(dir, "c.ts")]), first);
  });

  it("installedVersions finds each dependency as Node does (nested first), skips a missing optional one, and sees a new version", () => {
    const root = tempDir();
    const pkg = (dir: string, manifest: object) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
    };
    const modules = path.join(root, "node_modules");
    pkg(path.join(modules, "draw"), { version: "1.0.0", dependencies: { layout: "^2.0.0", shared: "^1.0.0" }, optionalDependencies: { "draw-other-platform": "1.0.0" } });
    pkg(path.join(modules, "draw/node_modules/layout"), { version: "2.1.0" });
    pkg(path.join(modules, "layout"), { version: "1.0.0" }); // another package's, not draw's
    pkg(path.join(modules, "shared"), { version: "1.4.0", dependencies: { layout: "^1.0.0" } });
    const lib = path.join(root, "lib");
    mkdirSync(lib);
    const before = installedVersions(["draw"], lib);
    assert.deepEqual(before, { draw: "1.0.0", layout: "1.0.0 2.1.0", shared: "1.4.0" });
    pkg(path.join(modules, "draw/node_modules/layout"), { version: "2.2.0" });
    assert.notEqual(contentKey(installedVersions(["draw"], lib)), contentKey(before));
    assert.throws(() => installedVersions(["absent"], lib), /absent is not installed/);
  });
});

describe("the share images' folder of the project cache", () => {
  after(() => useProjectCache(undefined));

  it("is share-images in the project cache, and there is none when the cache is off", () => {
    const dir = tempDir();
    useProjectCache(dir);
    assert.equal(projectCacheFolder("share-images"), path.join(dir, "share-images"));
    useProjectCache(undefined);
    assert.equal(projectCacheFolder("share-images"), undefined);
  });
});

describe("temporary files and pruning", () => {
  it("removes the temporary files of processes that have ended, not those of a running one", () => {
    const dir = tempDir();
    const dead = deadPid();
    const names = [`a.png.${dead}.tmp`, `b.png.${process.pid}.tmp`, `cd.entry.${dead}.0a1b2c3d.tmp`, "e.png"];
    for (const name of names) writeFileSync(path.join(dir, name), "x");
    removeTemporaryFiles(dir, (pid) => pid === dead);
    assert.deepEqual(readdirSync(dir).sort(), [`b.png.${process.pid}.tmp`, "e.png"]);
    removeTemporaryFiles(path.join(dir, "none"), () => true); // no folder: nothing to do
  });

  it("prunes what this build did not use and no one used for a month; keeps the rest", () => {
    const dir = tempDir();
    const file = (name: string, days: number) => {
      writeFileSync(path.join(dir, name), "x");
      age(path.join(dir, name), days);
    };
    file("used-old.png", KEEP_UNUSED_DAYS + 10);
    file("unused-old.png", KEEP_UNUSED_DAYS + 1);
    file("unused-recent.png", KEEP_UNUSED_DAYS - 2);
    file(`x.png.${deadPid()}.tmp`, 0);
    file(`y.png.${process.pid}.tmp`, KEEP_UNUSED_DAYS + 10);
    assert.equal(pruneFolder(dir, new Set(["used-old.png"])), 2);
    assert.deepEqual(readdirSync(dir).sort(), ["unused-recent.png", "used-old.png", `y.png.${process.pid}.tmp`]);
  });

  it("prunes content cache entries unused for a month, keeping those this process read or wrote, and marks a read entry as used", () => {
    const dir = tempDir();
    const writer = new ContentCache(dir);
    const keys = ["read", "written", "old", "recent"].map((k) => contentKey(k));
    for (const key of keys) writer.set(key, `payload ${key}`);
    for (const key of keys) age(writer.fileFor(key), KEEP_UNUSED_DAYS + 5);
    age(writer.fileFor(keys[3]!), 3);
    // The share images' folder lives in the cache too: not the entries' to prune.
    mkdirSync(path.join(dir, "share-images"));
    writeFileSync(path.join(dir, "share-images", "z.png"), "x");
    age(path.join(dir, "share-images", "z.png"), KEEP_UNUSED_DAYS + 5);

    const build = new ContentCache(dir);
    assert.equal(build.get(keys[0]!), `payload ${keys[0]}`);
    // Read: its time says so now, so another branch's build keeps it for a month.
    assert.ok(Date.now() - statSync(build.fileFor(keys[0]!)).mtimeMs < DAY);
    build.set(keys[1]!, "new payload");
    assert.equal(build.prune(), 1);
    assert.deepEqual(
      keys.map((key) => existsSync(build.fileFor(key))),
      [true, true, false, true],
    );
    assert.ok(existsSync(path.join(dir, "share-images", "z.png")));
    // A folder left empty goes too.
    const emptied = path.dirname(build.fileFor(keys[2]!));
    if (!keys.some((key, i) => i !== 2 && path.dirname(build.fileFor(key)) === emptied)) assert.equal(existsSync(emptied), false);
  });

  it("prunes chatpost's old share-image folder in the site (.cache/share-images) by age, and removes it once empty", () => {
    const root = tempDir();
    const old = path.join(root, ".cache/share-images");
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, "a.png"), "x");
    age(path.join(old, "a.png"), KEEP_UNUSED_DAYS + 1);
    writeFileSync(path.join(old, "b.png"), "x");
    pruneShareImages(root);
    assert.deepEqual(readdirSync(old), ["b.png"]);
    age(path.join(old, "b.png"), KEEP_UNUSED_DAYS + 1);
    pruneShareImages(root);
    assert.equal(existsSync(old), false);
  });
});
