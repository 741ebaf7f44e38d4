// `npm run bench`: how fast chatpost builds a big synthetic site, measured against
// bare Eleventy on the same markdown files in the same run (the engine's floor).
// A script, not a test: it prints medians, ratios, peak memory and one verdict per
// target. Flags: --n posts (1000), --refs per post (17), --runs per measure (3),
// --seed, --pandoc-sample posts (10), --cache off (measure without the content
// cache, i.e. before it existed), --keep (leave the temporary folder), --scale-only
// (with --n 10000: only the 10,000-against-1,000 warm comparison, which needs one
// cold build of each site instead of --runs cold builds of 10,000 posts).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { availableParallelism, freemem, tmpdir, totalmem, cpus } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { plugins } from "@citation-js/core";
import { useCitationCache } from "../lib/citation-cache.ts";
import { formatBibliography } from "../lib/citations.ts";
import { loadPostFile } from "../lib/corpus.ts";
import { loadSettings } from "../lib/settings.ts";
import { writeSyntheticSite } from "../lib/synthetic-site.ts";
import { APP_DIR } from "../plugins/context.ts";
import { commandLine } from "./command-line.ts";
import { whenOrphaned } from "./run-step.ts";

const { values } = commandLine({
  name: "npm run bench",
  root: false,
  options: {
    n: { type: "string", default: "1000", value: "N", help: "posts in the synthetic site (default 1000; 10000 also measures 1,000 warm for the scaling target)" },
    refs: { type: "string", default: "17", value: "N", help: "references per post (default 17)" },
    runs: { type: "string", default: "3", value: "N", help: "runs of each measure; the median is reported (default 3)" },
    seed: { type: "string", default: "1", value: "N", help: "the synthetic site's seed (default 1)" },
    "pandoc-sample": { type: "string", default: "10", value: "N", help: "posts to run pandoc --citeproc on, 0 for none (default 10)" },
    cache: { type: "string", default: "on", value: "on|off", help: "off measures the pipeline without the content cache" },
    keep: { type: "boolean", help: "keep the temporary folder and print where it is" },
    "scale-only": { type: "boolean", help: "with --n 10000: only compare one cold build and the warm builds of each size" },
  },
});
if (values.cache !== "on" && values.cache !== "off") {
  console.error(`--cache must be on or off, not "${values.cache}"`);
  process.exit(2);
}

const N = positive("n");
const REFS = positive("refs", true);
const RUNS = positive("runs");
const SEED = positive("seed");
const PANDOC_SAMPLE = positive("pandoc-sample", true);
const CACHE = values.cache !== "off";
const SCALE_ONLY = values["scale-only"];
if (SCALE_ONLY && Number(values.n) < 10_000) {
  console.error("--scale-only measures 10,000 posts or more against 1,000: give --n 10000");
  process.exit(2);
}

function positive(flag: keyof typeof values, zeroOk = false): number {
  const n = Number(values[flag]);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
    console.error(`--${flag} must be a whole number${zeroOk ? "" : " of at least 1"}, not "${values[flag]}"`);
    process.exit(2);
  }
  return n;
}

const ELEVENTY_CMD = path.join(APP_DIR, "node_modules/@11ty/eleventy/cmd.cjs");
const TIME = "/usr/bin/time";
// CHATPOST_BENCH_RSS=probe uses the in-process probe even where GNU time is installed (as on a CI runner without it).
const HAS_TIME = existsSync(TIME) && process.env.CHATPOST_BENCH_RSS !== "probe";
// Every chatpost post is dated before this; a fixed "now" keeps builds comparable.
const ENV: NodeJS.ProcessEnv = { ...process.env, CHATPOST_NOW: "2040-01-01T00:00:00Z" };
// The content cache of the site being measured (a cold build empties it), or none.
const envFor = (root: string): NodeJS.ProcessEnv => ({ ...ENV, CHATPOST_CACHE_DIR: CACHE ? path.join(root, ".cache/chatpost") : "off" });

const work = mkdtempSync(path.join(tmpdir(), "chatpost-bench-"));
const log = (line: string) => console.log(line);

// However the script ends (a failed command included), its temporary folder goes unless --keep.
process.on("exit", () => {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
});

// Interrupted, or orphaned by a signal to npm (scripts/run-step.ts): stop what this
// script started and remove its temporary folder.
const children = new Set<ChildProcess>();
function stopEverything(code: number): never {
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]] as const) process.once(signal, () => stopEverything(128 + number));
whenOrphaned(() => stopEverything(128 + 1));

interface Measure {
  seconds: number[];
  rssKb: number[];
}

interface RunResult {
  seconds: number;
  rssKb: number;
}

// Peak RSS of a child: GNU time when installed (it sees the largest process of the
// tree); otherwise a preloaded probe in every node process of the tree.
const PROBE = path.join(work, "rss-probe.mjs");
writeFileSync(
  PROBE,
  `import { appendFileSync } from "node:fs";\nprocess.on("exit", () => { try { appendFileSync(process.env.CHATPOST_RSS_FILE, process.resourceUsage().maxRSS + "\\n"); } catch {} });\n`,
);

let rssCounter = 0;
function run(argv: string[], cwd: string, baseEnv: NodeJS.ProcessEnv): Promise<RunResult> {
  const rssFile = path.join(work, `rss-${rssCounter++}.txt`);
  const [command, args] = HAS_TIME ? [TIME, ["-f", "%M", "-o", rssFile, ...argv]] : [argv[0]!, argv.slice(1)];
  const env = HAS_TIME
    ? baseEnv
    : { ...baseEnv, CHATPOST_RSS_FILE: rssFile, NODE_OPTIONS: `${baseEnv.NODE_OPTIONS ?? ""} --import=${PROBE}`.trim() };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
    children.add(child);
    child.once("exit", () => children.delete(child));
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${argv.join(" ")} exited with ${code}:\n${stderr}`));
      const rss = existsSync(rssFile) ? readFileSync(rssFile, "utf8").split(/\s+/).filter(Boolean).map(Number) : [];
      resolve({ seconds, rssKb: Math.max(0, ...rss.filter((n) => Number.isFinite(n))) });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmtS = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1)) + " s";
const fmtMb = (kb: number) => (kb ? `${Math.round(kb / 1024)} MB` : "n/a");

// --- the site --------------------------------------------------------------
log(`chatpost benchmark: ${N} posts × ${REFS} references, median of ${RUNS} run${RUNS === 1 ? "" : "s"} each`);
const site = writeSyntheticSite(path.join(work, "site"), { posts: N, references: REFS, seed: SEED });
const emptyConfig = path.join(work, "empty-eleventy-config.mjs");
writeFileSync(emptyConfig, "export default function () {}\n");
const editTarget = path.join(site.root, site.files[Math.floor(site.files.length / 2)]!);
let editCount = 0;
function editPost(file: string): string {
  const marker = `bench-edit-${++editCount}-${Date.now()}`;
  appendFileSync(file, `\nEdited for the benchmark: ${marker}.\n`);
  return marker;
}

const bare = (root: string) => run([process.execPath, ELEVENTY_CMD, "--input=content", `--output=${path.join(work, "bare-out")}`, `--config=${emptyConfig}`, "--formats=md", "--quiet"], root, ENV);
const chatpostBuild = (root: string, ...extra: string[]) =>
  run([process.execPath, "--import", "tsx", path.join(APP_DIR, "scripts/build.ts"), "--root", root, "--output", path.join(work, `chatpost-out-${path.basename(root)}`), "--quiet", ...extra], APP_DIR, envFor(root));
const check = (root: string) => run([process.execPath, "--import", "tsx", path.join(APP_DIR, "scripts/check.ts"), "--root", root], APP_DIR, envFor(root));
const clearCache = (root: string) => rmSync(path.join(root, ".cache"), { recursive: true, force: true });

const measures = {
  bare: { seconds: [], rssKb: [] } as Measure,
  cold: { seconds: [], rssKb: [] } as Measure,
  warm: { seconds: [], rssKb: [] } as Measure,
  forced: { seconds: [], rssKb: [] } as Measure,
  edit: { seconds: [], rssKb: [] } as Measure,
  check: { seconds: [], rssKb: [] } as Measure,
};
type Name = keyof typeof measures;
const record = (name: Name, r: RunResult) => {
  measures[name].seconds.push(r.seconds);
  measures[name].rssKb.push(r.rssKb);
};

// Rounds interleave the commands, and bare Eleventy moves around within a round,
// so slow drift of the machine (thermal, page cache) falls on every measure alike.
for (let round = 0; round < (SCALE_ONLY ? 0 : RUNS); round++) {
  const steps: Array<[Name, () => Promise<RunResult>]> = [
    ["cold", () => (clearCache(site.root), chatpostBuild(site.root))],
    ["warm", () => chatpostBuild(site.root)],
    // The same, made to do all of its work: what a warm build costs when something did change.
    ["forced", () => chatpostBuild(site.root, "--force")],
    ["edit", () => (editPost(editTarget), chatpostBuild(site.root))],
    ["check", () => check(site.root)],
  ];
  steps.splice(round % (steps.length + 1), 0, ["bare", () => bare(site.root)]);
  for (const [name, step] of steps) {
    // Warm and edited builds need the cache a cold build leaves; bare Eleventy placed first runs before it.
    const result = await step();
    record(name, result);
    log(`  round ${round + 1}/${RUNS}: ${name} ${result.seconds.toFixed(2)} s, ${fmtMb(result.rssKb)}`);
  }
}

// --- one post edited under `npm start` ----------------------------------------
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return condition();
}

function outputPageOf(root: string, file: string, siteOut: string): string {
  const post = loadPostFile(root, path.relative(root, file).split(path.sep).join("/"), loadSettings(root)).post;
  if (!post) throw new Error(`the synthetic post ${file} does not validate`);
  return path.join(siteOut, post.url, "index.html");
}

interface ServeResult {
  seconds: number[];
  note?: string;
}

async function measureServe(root: string): Promise<ServeResult> {
  const serveSource = readFileSync(path.join(APP_DIR, "scripts/serve.ts"), "utf8");
  if (!/\broot\b/.test(serveSource)) return { seconds: [], note: "not measured: scripts/serve.ts cannot serve another site folder (no --root)" };
  const port = await freePort();
  const siteOut = path.join(work, "preview");
  const page = outputPageOf(root, editTarget, siteOut);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(APP_DIR, "scripts/serve.ts"), "--root", root, "--output", siteOut, "--port", String(port)], {
    cwd: APP_DIR,
    env: envFor(root),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    // Ready once the server is up and the watcher has seen an edit: "Watching…", "Server
    // at" and chokidar's "ready" all come before the watcher sees a change (an edit saved
    // in the first second or so is missed, more on a loaded machine). So untimed edits,
    // one more every second while none has reached the page, until one has.
    const ready = await waitFor(() => (existsSync(page) && /Server at /.test(output)) || child.exitCode !== null, 600_000);
    if (!ready || child.exitCode !== null) return { seconds: [], note: `not measured: npm start did not write ${page}\n${output}` };
    const pageHas = (markers: string[]) => {
      try {
        const html = readFileSync(page, "utf8");
        return markers.some((marker) => html.includes(marker));
      } catch {
        return false; // being rewritten
      }
    };
    const rewrittenWith = (marker: string, timeoutMs: number) => waitFor(() => pageHas([marker]), timeoutMs);
    const warmUp: string[] = [];
    const watching = Date.now() + 60_000;
    while (!pageHas(warmUp) && Date.now() < watching) {
      warmUp.push(editPost(editTarget));
      await waitFor(() => pageHas(warmUp), 1000);
    }
    if (!pageHas(warmUp)) return { seconds: [], note: `not measured: npm start rewrote the page after none of ${warmUp.length} edits in 60 s\n${output.slice(-2000)}` };
    // The rest of that rebuild (other pages) finishes before the first timed edit.
    await new Promise((r) => setTimeout(r, 1000));
    const seconds: number[] = [];
    const notes: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      let started = performance.now();
      const printedBefore = output.length;
      let rewritten = await rewrittenWith(editPost(editTarget), 30_000);
      if (!rewritten) {
        // Seen by no watcher: the edit is made again once, timed on its own, and said, with
        // what the preview printed meanwhile (whether its watcher saw the edit at all).
        const printed = output.slice(printedBefore).trim().split("\n").slice(-5).join(" | ") || "nothing";
        notes.push(`run ${i + 1}: the page was not rewritten within 30 s of an edit (the preview printed: ${printed}); edited again`);
        started = performance.now();
        rewritten = await rewrittenWith(editPost(editTarget), 60_000);
      }
      if (!rewritten) return { seconds, note: [...notes, `npm start did not rewrite the page within 60 s of the second edit\n${output.slice(-2000)}`].join("\n") };
      seconds.push((performance.now() - started) / 1000);
      // The rest of the rebuild (other pages, the server's reload) finishes before the next edit.
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (notes.length) return { seconds, note: notes.join("; ") };
    return { seconds };
  } finally {
    stop();
  }
}

const serve: ServeResult = SCALE_ONLY ? { seconds: [], note: "skipped (--scale-only)" } : await measureServe(site.root);

// --- formatting throughput, in this process ---------------------------------
const settings = loadSettings(site.root);
useCitationCache(undefined); // citeproc's own speed, not the cache's
const sample = site.files.slice(0, Math.min(site.files.length, 50));
const sampleItems = sample.map((f) => loadPostFile(site.root, f, settings).post!.references);
formatBibliography(sampleItems[0]!, settings.citations); // engine start-up is not throughput
const formatStart = performance.now();
let formatted = 0;
for (const items of sampleItems) formatted += formatBibliography(items, settings.citations).length;
const entriesPerSecond = formatted / ((performance.now() - formatStart) / 1000);

// --- pandoc --citeproc per post, extrapolated ---------------------------------
let pandocPerPost: number | undefined;
let pandocNote = "";
const pandocAvailable = !SCALE_ONLY && PANDOC_SAMPLE > 0 && spawnSync("pandoc", ["--version"]).status === 0;
if (pandocAvailable) {
  const cslFile = path.join(work, "style.csl");
  writeFileSync(cslFile, plugins.config.get("@csl").styles.get(settings.citations.style));
  const files = site.files.slice(0, Math.min(site.files.length, PANDOC_SAMPLE));
  const times: number[] = [];
  for (const f of files) {
    const t = performance.now();
    const r = spawnSync("pandoc", ["--citeproc", "--csl", cslFile, "-f", "markdown", "-t", "html", "-o", "/dev/null", path.join(site.root, f)]);
    if (r.status !== 0) {
      pandocNote = `pandoc failed on ${f}: ${r.stderr}`;
      break;
    }
    times.push((performance.now() - t) / 1000);
  }
  if (times.length) pandocPerPost = median(times);
} else pandocNote = PANDOC_SAMPLE === 0 ? "skipped (--pandoc-sample 0)" : "pandoc is not installed";

// --- 10,000 posts against 1,000 -----------------------------------------------
let scale: { big: Measure; small: Measure; once: { label: string; result: RunResult }[] } | undefined;
if (N >= 10_000) {
  const small = writeSyntheticSite(path.join(work, "site-1000"), { posts: 1000, references: REFS, seed: SEED });
  const big: Measure = { seconds: [], rssKb: [] };
  const smallM: Measure = { seconds: [], rssKb: [] };
  // One cold build of each fills its cache (in --scale-only mode the big site has had none);
  // timed once, as is one full rebuild of the big site (--force: a changed layout, say).
  const once: { label: string; result: RunResult }[] = [];
  once.push({ label: "1000 posts cold", result: await chatpostBuild(small.root) });
  if (SCALE_ONLY) {
    once.push({ label: `${N} posts cold`, result: await chatpostBuild(site.root) });
    once.push({ label: `${N} posts --force`, result: await chatpostBuild(site.root, "--force") });
  }
  for (let round = 0; round < RUNS; round++) {
    const s = await chatpostBuild(small.root);
    smallM.seconds.push(s.seconds);
    smallM.rssKb.push(s.rssKb);
    const b = await chatpostBuild(site.root);
    big.seconds.push(b.seconds);
    big.rssKb.push(b.rssKb);
  }
  scale = { big, small: smallM, once };
}

// --- report ----------------------------------------------------------------------
if (SCALE_ONLY && scale) {
  const r = median(scale.big.seconds) / median(scale.small.seconds);
  const peak = Math.max(...scale.big.rssKb);
  log("");
  log(`machine: ${cpus().length} cores (${availableParallelism()} usable), ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB memory, Node ${process.version}`);
  log(`${N} posts warm: ${fmtS(median(scale.big.seconds))} (runs ${scale.big.seconds.map((x) => x.toFixed(2)).join(", ")}; peak ${fmtMb(peak)})`);
  log(`1000 posts warm: ${fmtS(median(scale.small.seconds))} (runs ${scale.small.seconds.map((x) => x.toFixed(2)).join(", ")}; peak ${fmtMb(Math.max(...scale.small.rssKb))})`);
  for (const { label, result } of scale.once) log(`${label}, one run: ${fmtS(result.seconds)} (peak ${fmtMb(result.rssKb)})`);
  log("");
  log(`  ${r <= 11 && peak <= 3 * 1024 * 1024 ? "PASS" : "MISS"}  ${N} posts warm ≤ 11× the 1,000-post warm, RSS ≤ 3 GB: ${r.toFixed(2)}×, ${fmtMb(peak)}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const floor = median(measures.bare.seconds);
const bareRss = Math.max(...measures.bare.rssKb);
const labels: Record<Name, string> = {
  bare: "bare Eleventy (no config)",
  cold: "chatpost cold (empty .cache/)",
  warm: "chatpost warm (nothing changed)",
  forced: "chatpost warm, --force",
  edit: "chatpost, one post edited",
  check: "npm run check",
};
log("");
log(`machine: ${cpus().length} cores (${availableParallelism()} usable), ${cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(totalmem() / 2 ** 30)} GB memory (${Math.round(freemem() / 2 ** 30)} GB free), Node ${process.version}`);
log(`site: ${N} posts, ${site.referenceCount} references; content cache ${CACHE ? "on" : "OFF (--cache off)"}; peak RSS by ${HAS_TIME ? "/usr/bin/time" : "process.resourceUsage() in each node process"}`);
log("");
log(`${"measure".padEnd(34)}${"median".padStart(10)}${"× bare".padStart(9)}${"peak RSS".padStart(11)}   runs (s)`);
for (const name of Object.keys(measures) as Name[]) {
  const m = measures[name];
  const med = median(m.seconds);
  log(`${labels[name].padEnd(34)}${fmtS(med).padStart(10)}${(med / floor).toFixed(2).padStart(9)}${fmtMb(Math.max(...m.rssKb)).padStart(11)}   ${m.seconds.map((s) => s.toFixed(2)).join(", ")}`);
}
const serveMedian = serve.seconds.length ? median(serve.seconds) : undefined;
log(`${"npm start: edit → page rewritten".padEnd(34)}${(serveMedian === undefined ? "n/a" : fmtS(serveMedian)).padStart(10)}${"".padStart(9)}${"".padStart(11)}   ${serve.seconds.map((s) => s.toFixed(2)).join(", ")}`);
if (serve.note) log(`  (${serve.note})`);
log("");
const coldMedian = median(measures.cold.seconds);
log(`reference entries formatted: ${Math.round(entriesPerSecond)}/s by citation-js alone (one process, ${formatted} entries); ${Math.round(site.referenceCount / coldMedian)}/s over a whole cold build`);
if (pandocPerPost !== undefined) {
  log(`pandoc --citeproc: ${(pandocPerPost * 1000).toFixed(0)} ms per post (median of ${Math.min(site.files.length, PANDOC_SAMPLE)}), ${fmtS(pandocPerPost * N)} extrapolated to ${N} posts`);
} else log(`pandoc --citeproc: ${pandocNote}`);
if (scale) {
  log(`scale: ${N} posts warm ${fmtS(median(scale.big.seconds))} (peak ${fmtMb(Math.max(...scale.big.rssKb))}), 1000 posts warm ${fmtS(median(scale.small.seconds))}`);
}

log("");
log("verdicts (targets on the 2-core reference machine):");
const verdict = (ok: boolean | undefined, text: string) => log(`  ${ok === undefined ? "N/A " : ok ? "PASS" : "MISS"}  ${text}`);
const ratio = (name: Name) => median(measures[name].seconds) / floor;
verdict(ratio("warm") <= 1.3, `warm full build ≤ 1.3× bare Eleventy: ${ratio("warm").toFixed(2)}×`);
verdict(ratio("cold") <= 8, `cold full build ≤ 8× bare Eleventy: ${ratio("cold").toFixed(2)}×`);
verdict(
  pandocPerPost === undefined ? undefined : coldMedian * 8 <= pandocPerPost * N,
  pandocPerPost === undefined
    ? `cold build ≥ 8× faster than pandoc per post: not measured (${pandocNote})`
    : `cold build ≥ 8× faster than pandoc per post: ${((pandocPerPost * N) / coldMedian).toFixed(1)}× faster`,
);
verdict(
  serveMedian === undefined ? undefined : serveMedian <= 1,
  serveMedian === undefined ? "one post edited under npm start, page rewritten ≤ 1 s: not measured" : `one post edited under npm start, page rewritten ≤ 1 s: ${fmtS(serveMedian)}`,
);
verdict(ratio("check") <= 0.3, `npm run check ≤ 0.3× bare Eleventy: ${ratio("check").toFixed(2)}×`);
const chatpostRss = Math.max(...measures.cold.rssKb, ...measures.warm.rssKb, ...measures.forced.rssKb, ...measures.edit.rssKb);
verdict(bareRss ? chatpostRss <= 2 * bareRss : undefined, `peak RSS ≤ 2× bare Eleventy: ${bareRss ? (chatpostRss / bareRss).toFixed(2) + "×" : "n/a"} (${fmtMb(chatpostRss)} against ${fmtMb(bareRss)})`);
if (scale) {
  const r = median(scale.big.seconds) / median(scale.small.seconds);
  const peak = Math.max(...scale.big.rssKb);
  verdict(r <= 11 && peak <= 3 * 1024 * 1024, `${N} posts warm ≤ 11× the 1,000-post warm, RSS ≤ 3 GB: ${r.toFixed(2)}×, ${fmtMb(peak)}`);
} else verdict(undefined, "10,000 posts warm ≤ 11× the 1,000-post warm, RSS ≤ 3 GB: not measured (run with --n 10000)");

if (values.keep) log(`\nkept: ${work}`);
else rmSync(work, { recursive: true, force: true });
