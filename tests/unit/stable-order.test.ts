// The order of posts, calendar events and messages must not depend on the build machine's
// LANG: a build is reproducible only if every machine sorts alike.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Sorts in a node whose default locale comes from `lang`. */
function sortedUnder(lang: string): string {
  const script = `
    import { newestFirst } from "./lib/publishing.ts";
    import { sortDiagnostics } from "./lib/diagnostics.ts";
    const posts = ["zebra-crossing", "aaron-returns", "Import", "ideas", "Ångström"].map((name) => ({ date: "2025-01-06", file: \`content/posts/\${name}.md\` }));
    const diagnostics = posts.map((p) => ({ severity: "error", file: p.file, field: "", message: "m" }));
    console.log(JSON.stringify([posts.sort(newestFirst).map((p) => p.file), sortDiagnostics(diagnostics).map((d) => d.file)]));
  `;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    env: { ...process.env, LANG: lang, LC_ALL: lang },
    encoding: "utf8",
  });
}

describe("stable order", () => {
  it("posts of one day and messages sort alike under Danish, Turkish and English locales", () => {
    const english = sortedUnder("en_US.UTF-8");
    // Danish collation puts "aa" after "z"; Turkish folds "I" and "i" apart; neither may matter.
    assert.equal(sortedUnder("da_DK.UTF-8"), english);
    assert.equal(sortedUnder("tr_TR.UTF-8"), english);
    const [posts] = JSON.parse(english) as string[][];
    assert.deepEqual(posts, ["content/posts/Import.md", "content/posts/aaron-returns.md", "content/posts/ideas.md", "content/posts/zebra-crossing.md", "content/posts/Ångström.md"]);
  });
});
