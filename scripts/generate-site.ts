// `npx tsx scripts/generate-site.ts DIR [--posts 1000]`: writes a synthetic site
// (lib/synthetic-site.ts) into DIR, to try the live preview or the check on a big site by hand:
//   npx tsx scripts/generate-site.ts /tmp/big && npm start -- --root /tmp/big
import path from "node:path";
import { commandLine } from "./command-line.ts";
import { writeSyntheticSite } from "../lib/synthetic-site.ts";

const { values, positionals } = commandLine({
  name: "npx tsx scripts/generate-site.ts",
  synopsis: "npx tsx scripts/generate-site.ts DIR [options]",
  root: false,
  allowPositionals: true,
  options: {
    posts: { type: "string", default: "1000", value: "N", help: "how many posts (default 1000)" },
    seed: { type: "string", default: "1", value: "N", help: "the seed the site is made from (default 1)" },
  },
});
if (positionals.length !== 1) {
  console.error("usage: npx tsx scripts/generate-site.ts DIR [--posts 1000] [--seed 1]");
  process.exit(2);
}
const site = writeSyntheticSite(path.resolve(positionals[0]!), { posts: Number(values.posts), seed: Number(values.seed) });
console.log(`${site.files.length} posts written to ${site.root}`);
