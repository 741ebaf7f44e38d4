// Data files Eleventy leaves unread (YAML, TOML, CSV, notes) are warnings naming the file and
// the fix; JavaScript data files that do not compile are errors at their line and column,
// found without running them; what a data file throws when the build runs it names the file.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { formatDiagnostic } from "../../lib/diagnostics.ts";
import { dataFileLayoutProblems, scriptSyntaxProblem } from "../../lib/page-loader.ts";

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** The problems of a site holding these files (path under content/ → text), site.yaml included. */
function problems(files: Record<string, string>): string[] {
  const root = mkdtempSync(path.join(tmpdir(), "dy-data-"));
  roots.push(root);
  for (const [name, text] of Object.entries({ "_data/site.yaml": "title: x\n", ...files })) {
    mkdirSync(path.dirname(path.join(root, "content", name)), { recursive: true });
    writeFileSync(path.join(root, "content", name), text);
  }
  return dataFileLayoutProblems(root).map(formatDiagnostic);
}

const UNREAD_GLOBAL = "warning: nothing reads this file: of content/_data/, chatpost reads only site.yaml, and Eleventy only .json and .js files, so no page gets its data";
const UNREAD_PAGES = "warning: nothing reads this file: Eleventy reads the data of pages only from .json and .11tydata.js files";

describe("data files Eleventy does not read", () => {
  it("YAML in content/_data/: write it as JSON, or put settings in site.yaml; site.yaml itself is chatpost's", () => {
    assert.deepEqual(problems({ "_data/authors.yaml": "names: [Ann]\n", "_data/hosts.yml": "- Bob\n" }), [
      `content/_data/authors.yaml:1:1  ${UNREAD_GLOBAL} → write it as content/_data/authors.json, the same data in JSON; or, if these are site settings, put them in content/_data/site.yaml`,
      `content/_data/hosts.yml:1:1  ${UNREAD_GLOBAL} → write it as content/_data/hosts.json, the same data in JSON; or, if these are site settings, put them in content/_data/site.yaml`,
    ]);
  });

  it("TOML, CSV and a note in content/_data/, each with its own fix", () => {
    assert.deepEqual(problems({ "_data/people.toml": 'names = ["Cy"]\n', "_data/list.csv": "a,b\n1,2\n", "_data/notes.txt": "a note\n" }), [
      `content/_data/list.csv:1:1  ${UNREAD_GLOBAL} → write it as content/_data/list.json: a list [ … ] with one group of fields { … } per row`,
      `content/_data/notes.txt:1:1  ${UNREAD_GLOBAL} → if it is a note, keep it outside content/; if it is data for the pages, write it as content/_data/notes.json, the same data in JSON`,
      `content/_data/people.toml:1:1  ${UNREAD_GLOBAL} → write it as content/_data/people.json, the same data in JSON`,
    ]);
  });

  it("a second settings file beside site.yaml: move what it holds there", () => {
    assert.deepEqual(problems({ "_data/site.yml": "title: y\n" }), [
      "content/_data/site.yml:1:1  warning: nothing reads this file: the site settings are read from content/_data/site.yaml only → move what it holds into content/_data/site.yaml, and delete it",
    ]);
  });

  it("a folder's and a page's YAML data files, beside the pages", () => {
    assert.deepEqual(problems({ "posts/posts.yaml": "layout: post.njk\n", "about.md": "---\ntitle: About\n---\n", "about.11tydata.yml": "title: A\n" }), [
      `content/about.11tydata.yml:1:1  ${UNREAD_PAGES}, so the page beside it is built without its fields → write it as content/about.11tydata.json, the same data in JSON`,
      `content/posts/posts.yaml:1:1  ${UNREAD_PAGES}, so the pages of content/posts/ are built without its fields → write it as content/posts/posts.json, the same data in JSON`,
    ]);
  });

  it("what Eleventy reads is no warning: .json, .js, .cjs, .mjs, and a YAML file not named as a data file", () => {
    assert.deepEqual(problems({
      "_data/links.js": 'export default { home: "/" };\n',
      "_data/extra.cjs": "module.exports = { a: 1 };\n",
      "_data/more.mjs": "import x from 'node:path';\nexport const b = 2;\nexport default { a: await Promise.resolve(1), dir: import.meta.dirname };\n",
      // JSON read with an import attribute, and an import for its effect alone (fz3).
      "_data/authors.js": 'import people from "./people.json" with { type: "json" };\nimport "./setup.js";\nexport default people;\n',
      "_data/nav.json": '{"home": "/"}',
      "posts/2017-04-30-refs.yaml": "- id: a\n",
    }), []);
  });
});

describe("JavaScript data files that do not compile (never run)", () => {
  it("a comma missing between two fields of an ES module: the line mended", () => {
    assert.deepEqual(problems({ "_data/links.js": 'export default {\n  home: "https://example.org/"\n  chat: "https://bsky.app/"\n};\n' }), [
      "content/_data/links.js:3:3  the file is not valid JavaScript: Unexpected identifier 'chat'; the build would stop on it → add a comma at the end of line 2: home: \"https://example.org/\",",
    ]);
  });

  it("a bracket not closed in a CommonJS .cjs file, and a stray } in a page's .11tydata.js", () => {
    assert.deepEqual(problems({ "_data/extra.cjs": "module.exports = { list: [1, 2 };\n", "about.md": "---\ntitle: About\n---\n", "about.11tydata.js": "export default {\n  title: 'About',\n};\n}\n" }), [
      "content/about.11tydata.js:4:1  the file is not valid JavaScript: Unexpected token '}'; the build would stop on it → correct the code at this line (look for a missing comma, bracket or quote just before it), or ask the site's maintainer; the data can also be written as a .json file",
      "content/_data/extra.cjs:1:32  the file is not valid JavaScript: Unexpected token '}'; the build would stop on it → correct the code at this line (look for a missing comma, bracket or quote just before it), or ask the site's maintainer; the data can also be written as a .json file",
    ]);
  });

  it("code that would throw when run compiles: the check does not run it", () => {
    let ran = false;
    (globalThis as { dyRan?: () => void }).dyRan = () => (ran = true);
    assert.equal(scriptSyntaxProblem("content/_data/x.js", "globalThis.dyRan();\nthrow new Error('not ready');\nexport default {};\n"), undefined);
    assert.equal(ran, false);
  });
});
