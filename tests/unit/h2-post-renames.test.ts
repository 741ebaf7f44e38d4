// A post whose file name is not an address is told a name to rename it to: one no file
// beside it holds (in any capitals), so the rename, applied as written, overwrites nothing
// and leaves a post the check takes.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { firstFreeName } from "../../lib/content-paths.ts";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { fileLookup } from "../../lib/file-case.ts";
import { loadPost, type LoadContext } from "../../lib/post-loader.ts";
import { parseSettings } from "../../lib/settings.ts";

const settings = parseSettings(readFileSync(new URL("../fixtures/site/content/_data/site.yaml", import.meta.url), "utf8")).settings!;
const ADDRESS = 'the file name gives the web address "2017-04-30 Online Communities", which has characters other than a-z, 0-9 and -';
const TEXT = "---\ntitle: Other communities\ndate: 2017-04-30\n---\nBody.\n";
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A site folder holding content/posts/ with these files (name → text). */
function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "h2-renames-"));
  roots.push(root);
  mkdirSync(path.join(root, "content/posts"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, "content/posts", name), text);
  return root;
}

function load(root: string, file: string): string[] {
  const ctx: LoadContext = { settings, root, fileExists: fileLookup(root) };
  return loadPost(file, readFileSync(path.join(root, file), "utf8"), ctx).diagnostics.map(formatDiagnostic);
}

/** The path the fix renames to: `rename … to <path>`, without the note in brackets. */
function renameTarget(line: string): string {
  return /rename (?:the file|it) to (content\/\S+\.md)/.exec(line)![1]!;
}

describe("a post's rename is to a free name", () => {
  it("passes over the name a post beside it holds, and says so; the rename applied is a clean post", () => {
    const file = "content/posts/2017-04-30 Online Communities.md";
    const root = siteWith({ "2017-04-30-online-communities.md": TEXT.replace("Other communities", "Online communities"), "2017-04-30 Online Communities.md": TEXT });
    const said = load(root, file);
    assert.deepEqual(said, [`${file}:1:1  ${ADDRESS} → rename the file to content/posts/2017-04-30-online-communities-2.md (2017-04-30-online-communities.md is taken)`]);
    const target = renameTarget(said[0]!);
    renameSync(path.join(root, file), path.join(root, target));
    assert.deepEqual(load(root, target), []);
    // The post already there is untouched.
    assert.match(readFileSync(path.join(root, "content/posts/2017-04-30-online-communities.md"), "utf8"), /title: Online communities/);
  });

  it("passes over a name held in other capitals (one name on a Mac or Windows), and every numbered one taken", () => {
    const file = "content/posts/2017-04-30 Online Communities.md";
    const root = siteWith({ "2017-04-30-Online-Communities.md": TEXT, "2017-04-30-online-communities-2.md": TEXT, "2017-04-30 Online Communities.md": TEXT });
    assert.deepEqual(load(root, file), [
      `${file}:1:1  ${ADDRESS} → rename the file to content/posts/2017-04-30-online-communities-3.md (2017-04-30-online-communities.md and 2017-04-30-online-communities-2.md are taken)`,
    ]);
  });

  it("keeps the name when it is free, and when the only file holding it in other capitals is the post itself", () => {
    const root = siteWith({ "2017-04-30 Online Communities.md": TEXT, "Hello-World.md": TEXT });
    assert.deepEqual(load(root, "content/posts/2017-04-30 Online Communities.md"), [
      `content/posts/2017-04-30 Online Communities.md:1:1  ${ADDRESS} → rename the file to content/posts/2017-04-30-online-communities.md`,
    ]);
    assert.deepEqual(load(root, "content/posts/Hello-World.md"), [
      'content/posts/Hello-World.md:1:1  the file name gives the web address "Hello-World", which has characters other than a-z, 0-9 and - → rename the file to content/posts/hello-world.md',
    ]);
  });

  it("a copy's name whose text differs: the new post's name is free too", () => {
    const file = "content/posts/2017-04-30-online-communities (1).md";
    const root = siteWith({ "2017-04-30-online-communities.md": TEXT.replace("Other", "Online"), "2017-04-30-online-communities-1.md": TEXT, [path.basename(file)]: TEXT });
    const [line] = load(root, file);
    assert.match(line!, /if it is a new post, rename it to content\/posts\/2017-04-30-online-communities-1-2\.md \(2017-04-30-online-communities-1\.md is taken\) and give it its own title and chat time$/);
  });
});

describe("firstFreeName", () => {
  it("numbers before the extension, and names what it passed over", () => {
    const taken = new Set(["a.md", "a-2.md", "a-3.md", "a-4.md"]);
    assert.deepEqual(firstFreeName("a.md", (n) => taken.has(n)), { name: "a-5.md", taken: "a.md and a-2.md to a-4.md are taken" });
    assert.deepEqual(firstFreeName("b.md", (n) => taken.has(n)), { name: "b.md" });
  });
  it("does not hang on a lookup that finds every name", () => {
    assert.deepEqual(firstFreeName("a.md", () => true), { name: "a.md" });
  });
});
