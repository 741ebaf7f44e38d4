// `npx tsx scripts/generate-site.ts DIR [--posts 1000]`: writes a synthetic site
// (lib/synthetic-site.ts) into DIR, to try the live preview or the check on a big site by hand:
//   npx tsx scripts/generate-site.ts /tmp/big && npm start -- --root /tmp/big
import path from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticSite } from "../lib/synthetic-site.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { posts: { type: "string", default: "1000" }, seed: { type: "string", default: "1" } },
});
if (positionals.length !== 1) {
  console.error("usage: npx tsx scripts/generate-site.ts DIR [--posts 1000] [--seed 1]");
  process.exit(2);
}
const site = writeSyntheticSite(path.resolve(positionals[0]!), { posts: Number(values.posts), seed: Number(values.seed) });
console.log(`${site.files.length} posts written to ${site.root}`);
