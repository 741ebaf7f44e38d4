// Stress test for `npm start` (not part of `npm test`: it is timing-dependent and slow).
// Two posts saved a few milliseconds apart, many times over, after a post was renamed during
// the session: every save must reach its page, with no "chatpost internal error" and no freeze.
//
//   node --import tsx tests/site/ps-stress.ts [--tries 60] [--project /path/to/chatpost]
//
// --project runs another copy's scripts/serve.ts (e.g. an older version, to reproduce a bug).
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawn } from "node:child_process";
import { freePort, waitFor } from "../helpers/preview-server.ts";
import { PROJECT } from "../helpers/build-site.ts";

const { values } = parseArgs({ options: { tries: { type: "string", default: "60" }, project: { type: "string", default: PROJECT } } });
const tries = Number(values.tries);
const root = mkdtempSync(path.join(tmpdir(), "chatpost-stress-"));
cpSync(path.join(PROJECT, "content"), path.join(root, "content"), { recursive: true });
const posts = path.join(root, "content/posts");
const port = await freePort();
let log = "";
const server = spawn(process.execPath, ["--import", "tsx", path.join(values.project, "scripts/serve.ts"), "--root", root, "--port", String(port)], {
  cwd: values.project,
  env: { ...process.env, CHATPOST_NOW: "2026-11-24T12:00:00Z" },
  stdio: ["ignore", "pipe", "pipe"],
});
server.stdout!.on("data", (c) => (log += String(c)));
server.stderr!.on("data", (c) => (log += String(c)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const base = `http://localhost:${port}`;
const page = (file: string) => path.join(root, "_preview/posts", file.replace(/^\d{4}-\d\d-\d\d-/, "").replace(/\.md$/, ""), "index.html");
const titled = (file: string, title: string) => {
  try {
    return readFileSync(page(file), "utf8").includes(`<title>${title} `);
  } catch {
    return false;
  }
};

try {
  await waitFor(`${base}/`, () => true);
  // A rename during the session (an unlink and an add) is what made the race show.
  const A = "2017-04-30-oc-renamed.md";
  const B = "2026-11-22-listening-to-patients.md";
  renameSync(path.join(posts, "2017-04-30-online-communities.md"), path.join(posts, A));
  await waitFor(`${base}/posts/oc-renamed/`, () => true);
  await sleep(1500);
  const text: Record<string, string> = { [A]: readFileSync(path.join(posts, A), "utf8"), [B]: readFileSync(path.join(posts, B), "utf8") };
  let internal = 0;
  let stale = 0;
  for (let i = 1; i <= tries; i++) {
    const from = log.length;
    const gap = [0, 10, 3, 0][i % 4];
    const [first, second] = i % 2 ? [A, B] : [B, A];
    const title = (file: string) => `Stress ${file === A ? "A" : "B"}${i}`;
    writeFileSync(path.join(posts, first), text[first]!.replace(/^title: .*$/m, `title: "${title(first)}"`));
    if (gap) await sleep(gap);
    writeFileSync(path.join(posts, second), text[second]!.replace(/^title: .*$/m, `title: "${title(second)}"`));
    const until = Date.now() + 10_000;
    while (Date.now() < until && !(titled(A, title(A)) && titled(B, title(B)))) await sleep(100);
    await sleep(400);
    const out = log.slice(from);
    const bad = /internal error/.test(out);
    const built = titled(A, title(A)) && titled(B, title(B));
    if (bad) internal++;
    if (!built) stale++;
    console.log(`try ${i} gap ${gap} ms: ${bad ? "INTERNAL ERROR " : ""}${built ? "both built" : "NOT BUILT"} (${(out.match(/Wrote \d+ files( \(skipped \d+\))?/g) ?? []).join(", ")})`);
    if (bad) console.log(out.slice(0, 1200));
  }
  console.log(JSON.stringify({ tries, internal, stale }));
  process.exitCode = internal || stale ? 1 : 0;
} catch (error) {
  console.log(`${error}\n--- the preview printed:\n${log}`);
  process.exitCode = 1;
} finally {
  server.kill();
  await sleep(300);
  rmSync(root, { recursive: true, force: true });
}
