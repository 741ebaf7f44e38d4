// `npm run check` of a site whose Nunjucks pages are all on record does not load Nunjucks
// (nor compile anything): which modules a run loads is logged by a module hook.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { copySite, FIXTURE_SITE, runScript, type BuildResult } from "../helpers/build-site.ts";

/** A module hook that writes every module a process loads to the file TC_LOADED names. */
function loadLogger(): { log: () => string[]; env: (out: string) => Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), "tc-hooks-"));
  writeFileSync(
    path.join(dir, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
let out;
export function initialize(data) { out = data.out; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (out) appendFileSync(out, resolved.url + "\\n");
  return resolved;
}
`,
  );
  writeFileSync(path.join(dir, "register.mjs"), `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url, { data: { out: process.env.TC_LOADED } });\n`);
  let out = "";
  return {
    log: () => readFileSync(out, "utf8").split("\n").filter(Boolean),
    env: (file) => {
      out = file;
      writeFileSync(out, "");
      return { TC_LOADED: out, NODE_OPTIONS: `--import ${pathToFileURL(path.join(dir, "register.mjs")).href}`, CHATPOST_TRACE: "1" };
    },
  };
}

describe("npm run check with every Nunjucks page on record", () => {
  const root = copySite(FIXTURE_SITE);
  const cacheDir = mkdtempSync(path.join(tmpdir(), "tc-check-cache-"));
  const logger = loadLogger();
  const runs: { first?: BuildResult; firstLoaded?: string[]; again?: BuildResult; againLoaded?: string[]; edited?: BuildResult } = {};

  before(async () => {
    runs.first = await runScript("check", root, [], { CHATPOST_CACHE_DIR: cacheDir, ...logger.env(path.join(cacheDir, "..", `${path.basename(cacheDir)}-first.log`)) });
    runs.firstLoaded = logger.log();
    runs.again = await runScript("check", root, [], { CHATPOST_CACHE_DIR: cacheDir, ...logger.env(path.join(cacheDir, "..", `${path.basename(cacheDir)}-again.log`)) });
    runs.againLoaded = logger.log();
    const index = path.join(root, "content/index.njk");
    writeFileSync(index, readFileSync(index, "utf8").replace(/\n*$/, "\n{{ title | uper }}\n"));
    runs.edited = await runScript("check", root, [], { CHATPOST_CACHE_DIR: cacheDir, CHATPOST_TRACE: "1" });
  });

  it("the first check compiles the pages, with Nunjucks", () => {
    assert.equal(runs.first!.code, 0, runs.first!.stderr);
    assert.match(runs.first!.stderr, /Nunjucks pages: 0 on record, [1-9]\d* compiled/);
    assert.ok(runs.firstLoaded!.some((url) => url.includes("/node_modules/nunjucks/")), "the hook sees Nunjucks loaded");
  });

  it("the next reads every page from its record, and loads neither Nunjucks nor the page check", () => {
    assert.equal(runs.again!.code, 0, runs.again!.stderr);
    assert.equal(runs.again!.stdout, runs.first!.stdout);
    assert.match(runs.again!.stderr, /Nunjucks pages: [1-9]\d* on record, 0 compiled/);
    const loaded = runs.againLoaded!;
    assert.ok(loaded.some((url) => url.endsWith("/lib/site-check.ts")), "the hook saw the check's modules");
    assert.deepEqual(loaded.filter((url) => url.includes("/node_modules/nunjucks/") || url.endsWith("/lib/template-check.ts")), []);
  });

  it("nor the YAML parser", () => {
    assert.deepEqual(runs.againLoaded!.filter((url) => url.endsWith("/lib/front-matter.ts") || url.includes("/node_modules/yaml/")), []);
  });

  it("an edited page is compiled again, and its new mistake reported", () => {
    assert.equal(runs.edited!.code, 1);
    assert.match(runs.edited!.stderr, /Nunjucks pages: \d+ on record, 1 compiled/);
    assert.match(runs.edited!.stderr, /content\/index\.njk:\d+:\d+ {2}there is no filter `uper`/);
  });
});
