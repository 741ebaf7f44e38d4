// What a build stopped at the worst moment leaves is never lost and never lingers: a site
// set aside by a build killed in its swap is put back, stale temporary files go even when
// the build has nothing to do, a build stopped by a signal (or orphaned by a stopped npm)
// leaves the site as it was, and a CHATPOST_NOW that names no instant is a one-line usage error.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { copySite, FIXTURE_SITE, listFiles, PROJECT, runScript } from "../helpers/build-site.ts";

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((rel) => [rel, createHash("sha256").update(readFileSync(path.join(dir, rel))).digest("hex")]));
}

/** Folders a build may create next to _site/ while it runs. */
const temporary = (root: string) => readdirSync(root).filter((n) => /\.build-|\.previous-/.test(n));
/** The pid of a process that has ended stands in for a killed build. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid!;
const POST = "content/posts/2017-04-30-online-communities.md";
const breakPost = (root: string) => {
  const post = path.join(root, POST);
  writeFileSync(post, readFileSync(post, "utf8").replace(/^date: .*$/m, "date: 2017-04-31"));
};

describe("a build after one killed between the two renames of its swap (no _site/, only _site.previous-PID)", () => {
  it("puts the retired site back before anything else: a failing build leaves it intact", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "bs-cache-")) };
    assert.equal((await runScript("build", root, ["--quiet"], env)).code, 0);
    const site = hashes(path.join(root, "_site"));
    renameSync(path.join(root, "_site"), path.join(root, `_site.previous-${deadPid()}`));
    breakPost(root);
    const result = await runScript("build", root, [], env);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /"2017-04-31" is not a date/);
    assert.match(result.stderr, /_site was missing: put back _site\.previous-\d+/);
    assert.deepEqual(hashes(path.join(root, "_site")), site);
    assert.deepEqual(temporary(root), []);
  });

  it("with several, puts back the newest, removes the others, and builds", async () => {
    const root = copySite(FIXTURE_SITE);
    assert.equal((await runScript("build", root, ["--quiet"])).code, 0);
    const newest = `_site.previous-${deadPid()}`;
    renameSync(path.join(root, "_site"), path.join(root, newest));
    const older = path.join(root, `_site.previous-${deadPid()}`);
    mkdirSync(older);
    writeFileSync(path.join(older, "index.html"), "an older site");
    utimesSync(older, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    assert.ok(statSync(older).mtimeMs < statSync(path.join(root, newest)).mtimeMs);
    breakPost(root);
    const failed = await runScript("build", root, ["--quiet"]);
    assert.equal(failed.code, 1);
    assert.match(readFileSync(path.join(root, "_site/index.html"), "utf8"), /<html/);
    assert.deepEqual(temporary(root), []);

    const post = path.join(root, POST);
    writeFileSync(post, readFileSync(post, "utf8").replace(/^date: .*$/m, "date: 2017-04-30"));
    renameSync(path.join(root, "_site"), path.join(root, `_site.previous-${deadPid()}`));
    const built = await runScript("build", root, ["--quiet"]);
    assert.equal(built.code, 0, built.stderr);
    assert.ok(existsSync(path.join(root, "_site/posts/online-communities/index.html")));
    assert.deepEqual(temporary(root), []);
  });

  it("leaves the retired site of a build that is still running alone", async () => {
    const root = copySite(FIXTURE_SITE);
    // This test's own process stands in for a build between its two renames.
    const running = path.join(root, `_site.previous-${process.pid}`);
    mkdirSync(running);
    breakPost(root);
    assert.equal((await runScript("build", root, ["--quiet"])).code, 1);
    assert.ok(existsSync(running));
    assert.equal(existsSync(path.join(root, "_site")), false);
  });
});

describe("stale temporary files", () => {
  it("go at the start of every build, even one with nothing to do; those of a running build stay", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "bs-cache-")) };
    assert.equal((await runScript("build", root, ["--quiet"], env)).code, 0);
    // The share images' folder of the project cache (plugins/og-image.ts).
    const images = path.join(env.CHATPOST_CACHE_DIR, "share-images");
    const cached = readdirSync(images).filter((n) => n.endsWith(".png"));
    assert.ok(cached.length > 0);
    const live = `${cached[0]}.${process.pid}.tmp`;
    // Other work on chatpost's own files (an input of every build) can make a build due
    // again meanwhile: the leftovers are made again until a build has nothing to do.
    let result;
    for (let attempt = 0; attempt < 3; attempt++) {
      const dead = deadPid();
      mkdirSync(path.join(root, `._site.build-${dead}-abc123/posts`), { recursive: true });
      writeFileSync(path.join(images, `${cached[0]}.${dead}.tmp`), "half a PNG");
      writeFileSync(path.join(images, live), "being written");
      mkdirSync(path.join(root, `._site.build-${process.pid}-live`), { recursive: true });
      result = await runScript("build", root, [], env);
      assert.equal(result.code, 0, result.stderr);
      if (/is up to date/.test(result.stdout)) break;
    }
    assert.match(result!.stdout, /is up to date/);
    assert.deepEqual(temporary(root), [`._site.build-${process.pid}-live`]);
    assert.deepEqual(readdirSync(images).filter((n) => n.endsWith(".tmp")), [live]);
  });
});

/** Starts a build the way npm does (through `sh -c`), with its trace on; `ready` once Eleventy has started. */
function startBuild(root: string, env: Record<string, string>) {
  const child = spawn("sh", ["-c", `${JSON.stringify(process.execPath)} --import tsx scripts/build.ts --root ${JSON.stringify(root)} --force; echo "exit=$?"`], {
    cwd: PROJECT,
    env: { ...process.env, CHATPOST_NOW: "2026-11-24T12:00:00Z", CHATPOST_TRACE: "1", ...env },
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const ended = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const ready = (async () => {
    for (let i = 0; i < 1200 && !/eleventy starts/.test(output); i++) await new Promise((r) => setTimeout(r, 25));
    assert.match(output, /eleventy starts/);
  })();
  return { child, ready, ended, output: () => output };
}

/** The pid of the build writing into `root`, from the name of its staging folder. */
function buildPid(root: string): number {
  const staging = readdirSync(root).find((n) => n.startsWith("._site.build-"));
  assert.ok(staging, "the build has a staging folder");
  return Number(/build-(\d+)-/.exec(staging)![1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 400 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 25));
  return !isRunning(pid);
}

describe("a build stopped while it runs", () => {
  it("by SIGTERM: stops, says so, exits 143, and leaves _site/ and no temporary folder", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "bs-cache-")) };
    assert.equal((await runScript("build", root, ["--quiet"], env)).code, 0);
    const site = hashes(path.join(root, "_site"));
    const index = statSync(path.join(root, "_site/index.html")).ino;
    const build = startBuild(root, env);
    await build.ready;
    process.kill(buildPid(root), "SIGTERM");
    await build.ended;
    assert.match(build.output(), /npm run build: stopped \(SIGTERM\); \S*_site was not changed\./);
    assert.match(build.output(), /exit=143/);
    assert.deepEqual(hashes(path.join(root, "_site")), site);
    assert.equal(statSync(path.join(root, "_site/index.html")).ino, index, "the same files, not a new site");
    assert.deepEqual(temporary(root), []);
  });

  it("orphaned (the shell npm started was killed, not the build): stops too, _site/ unchanged", async () => {
    const root = copySite(FIXTURE_SITE);
    const env = { CHATPOST_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "bs-cache-")) };
    assert.equal((await runScript("build", root, ["--quiet"], env)).code, 0);
    const index = statSync(path.join(root, "_site/index.html")).ino;
    const build = startBuild(root, env);
    await build.ready;
    const pid = buildPid(root);
    // As npm does with a signal: to its shell only, which dies without passing it on.
    build.child.kill("SIGKILL");
    assert.ok(await gone(pid), "the build did not outlive its parent");
    assert.equal(statSync(path.join(root, "_site/index.html")).ino, index);
    assert.deepEqual(temporary(root), []);
  });
});

describe("a CHATPOST_NOW that names no instant", () => {
  for (const [script, args] of [
    ["build", []],
    ["check", []],
    ["new-post", ["A title"]],
    ["serve", ["--port", "0"]],
  ] as const) {
    for (const value of ["2026-12-02T03:00", "garbage"]) {
      it(`${script}, CHATPOST_NOW=${value}: one line naming it, with an example; exit 2 as a usage error; nothing written`, async () => {
        const root = copySite(FIXTURE_SITE);
        const before = listFiles(root).length;
        const result = await runScript(script, root, [...args], { CHATPOST_NOW: value, CHATPOST_CACHE_DIR: "off" });
        assert.equal(result.code, 2, result.stderr);
        assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, new RegExp(`^CHATPOST_NOW="${value}" .*e\\.g\\. CHATPOST_NOW=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n?$`));
        assert.doesNotMatch(result.stderr, /internal error|^\s+at /m);
        assert.equal(listFiles(root).length, before);
      });
    }
  }
});
