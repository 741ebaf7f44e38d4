// Measures citation formatting alone, without the content cache: the citation requests
// of a synthetic site (built the way the build builds them) formatted one after another.
// For finding where citeproc time goes (run under `node --cpu-prof`) and for checking that
// a change to lib/citations.ts keeps every output byte-identical (--record, then --compare).
//
//   node --import tsx scripts/profile-formatting.ts --posts 100 [--style apa] [--rounds 3]
//     [--style-file some.csl] [--record out.json | --compare out.json] [--requests requests.json]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { useCitationCache } from "../lib/citation-cache.ts";
import { formatCitations, registerStyle, type CitationRequest, type FormattedCitations } from "../lib/citations.ts";
import { loadPostFile } from "../lib/corpus.ts";
import { resolvePostCitations, siteCitations } from "../lib/post-citations.ts";
import { loadSettings } from "../lib/settings.ts";
import { writeSyntheticSite } from "../lib/synthetic-site.ts";

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "100" },
    refs: { type: "string", default: "17" },
    seed: { type: "string", default: "1" },
    style: { type: "string", default: "apa" },
    "style-file": { type: "string" },
    locale: { type: "string", default: "en-US" },
    rounds: { type: "string", default: "3" },
    record: { type: "string" },
    compare: { type: "string" },
    requests: { type: "string", help: "read the requests from this JSON file (written when missing)" },
  },
});

function makeRequests(): CitationRequest[] {
  const root = mkdtempSync(path.join(tmpdir(), "chatpost-profile-"));
  try {
    const site = writeSyntheticSite(root, { posts: Number(values.posts), references: Number(values.refs), seed: Number(values.seed) });
    const settings = loadSettings(root);
    const { bibliography } = siteCitations(root, settings);
    return site.files.map((file) => {
      const post = loadPostFile(root, file, settings).post!;
      const resolved = resolvePostCitations(post, bibliography, root);
      return { items: resolved.items, clusters: resolved.clusters, style: { style: "apa", locale: "en-US" } };
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

let requests: CitationRequest[];
if (values.requests && existsSync(values.requests)) requests = JSON.parse(readFileSync(values.requests, "utf8")) as CitationRequest[];
else {
  requests = makeRequests();
  if (values.requests) writeFileSync(values.requests, JSON.stringify(requests));
}
if (values["style-file"]) registerStyle(values.style!, readFileSync(values["style-file"], "utf8"));
const style = { style: values.style!, locale: values.locale! };
requests = requests.map((r) => ({ ...r, style }));

useCitationCache(undefined);
const run = (): (FormattedCitations | { error: string })[] =>
  requests.map((r) => {
    try {
      return formatCitations(r);
    } catch (error) {
      return { error: String((error as Error).message) };
    }
  });

// The first round includes building the engine (parsing the style and locale).
let outputs = run();
// CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < Number(values.rounds); i++) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  outputs = run();
  const used = process.cpuUsage(startCpu);
  wall.push((performance.now() - start) / requests.length);
  cpu.push((used.user + used.system) / 1000 / requests.length);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
const show = (list: number[]) => `${list.map((t) => t.toFixed(1)).join(", ")} (median ${median(list).toFixed(1)})`;
console.log(`${requests.length} posts, ${style.style}/${style.locale}, ms per post: CPU ${show(cpu)}; wall ${show(wall)}`);

if (values.record) writeFileSync(values.record, JSON.stringify(outputs, null, 1));
if (values.compare) {
  const expected = JSON.parse(readFileSync(values.compare, "utf8")) as unknown[];
  const differing = outputs.map((o, i) => (JSON.stringify(o) === JSON.stringify(expected[i]) ? -1 : i)).filter((i) => i >= 0);
  if (expected.length !== outputs.length || differing.length) {
    console.log(`DIFFERENT: ${differing.length} of ${outputs.length} requests (first: ${differing.slice(0, 5).join(", ")})`);
    const i = differing[0];
    if (i !== undefined) console.log(JSON.stringify(expected[i]), "\n", JSON.stringify(outputs[i]));
    process.exitCode = 1;
  } else console.log(`identical to ${values.compare}`);
}
