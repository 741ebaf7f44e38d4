// The data-file checks' loose ends (dz):
// - a .js data file read as Node reads it: an ES module (strict: `0830`, `with`) under a
//   package.json saying "type": "module", CommonJS (sloppy) under "commonjs", by its syntax
//   with neither; .mjs always a module, .cjs always CommonJS. Each verdict, line, column and
//   message is compared with what Node says importing the same file in a child process;
// - a broken `import` line told in Node's words at Node's column;
// - two files giving the same data (`extra.json` and `extra.js`), and a `site.json` beside site.yaml;
// - `posts/posts.js` and `about.js` beside `about.md`, which Eleventy never reads;
// - a README, OS litter and markdown notes in content/_data/ are told nothing; a page there is.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";
import { formatDiagnostic, type Diagnostic } from "../../lib/diagnostics.ts";
import { dataFileLayoutProblems, scriptFormat } from "../../lib/page-loader.ts";

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A site holding these files (path from its folder → text), site.yaml included; its folder. */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "dz-data-"));
  roots.push(root);
  for (const [name, text] of Object.entries({ "content/_data/site.yaml": "title: x\n", ...files })) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const problems = (files: Record<string, string>) => dataFileLayoutProblems(site(files)).map(formatDiagnostic);

/**
 * What Node says importing the file, as Eleventy does (`import()`): "ok", or the place and
 * words of the SyntaxError it stops on (read from what it prints: the file:line, the line, a
 * caret under the place). The test files' code does nothing when run.
 */
function nodeImports(file: string): "ok" | { line: number; column: number; message: string } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", "await import(process.argv[1])", pathToFileURL(file).href], { encoding: "utf8", env });
  if (run.status === 0) return "ok";
  const lines = run.stderr.split("\n");
  const at = lines.findIndex((l) => /:\d+$/.test(l));
  const caret = lines.findIndex((l, i) => i > at + 1 && /^\s*\^+\s*$/.test(l));
  const message = lines.map((l) => /^SyntaxError: (.*)$/.exec(l)?.[1]).find((m) => m !== undefined);
  assert.ok(at >= 0 && caret > 0 && message !== undefined, `Node stopped on something else than a syntax error:\n${run.stderr}`);
  return { line: Number(/:(\d+)$/.exec(lines[at]!)![1]), column: lines[caret]!.indexOf("^") + 1, message };
}

/** The check's problem with the one data file `file` of the site at `root` (undefined: none), and Node's, side by side. */
function checkAndNode(root: string, file: string): { check: Diagnostic | undefined; node: ReturnType<typeof nodeImports> } {
  const check = dataFileLayoutProblems(root).filter((d) => d.file === file);
  assert.ok(check.length <= 1, JSON.stringify(check));
  return { check: check[0], node: nodeImports(path.join(root, file)) };
}

/** The check and Node agree: both find nothing, or the same line, column and words. */
function assertAgree(root: string, file: string): Diagnostic | undefined {
  const { check, node } = checkAndNode(root, file);
  if (node === "ok") {
    assert.equal(check, undefined, `Node imports ${file}, the check says: ${check && formatDiagnostic(check)}`);
    return undefined;
  }
  assert.ok(check, `Node stops on ${file} (${node.message}), the check says nothing`);
  assert.deepEqual({ line: check.line, column: check.column, message: check.message }, { line: node.line, column: node.column, message: `the file is not valid JavaScript: ${node.message.replace(/\.$/, "")}; the build would stop on it` });
  return check;
}

const MODULE_PACKAGE = { "package.json": '{ "type": "module" }\n' };

describe("a .js data file is read as Node reads it", () => {
  it("which package.json decides: the nearest one, its type, else the file's syntax; .mjs and .cjs by their names", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/package.json": '{ "type": "commonjs" }\n', "content/posts/package.json": "{}\n" });
    assert.equal(scriptFormat(root, "content/_data/a.js"), "commonjs");
    assert.equal(scriptFormat(root, "content/_data/deeper/a.js"), "commonjs");
    assert.equal(scriptFormat(root, "content/about.11tydata.js"), "module");
    assert.equal(scriptFormat(root, "content/posts/posts.11tydata.js"), "detect");
    assert.equal(scriptFormat(root, "content/_data/a.mjs"), "module");
    assert.equal(scriptFormat(root, "content/_data/a.cjs"), "commonjs");
  });

  it("under \"type\": \"module\", a time written 0830 stops the module: the check says so where Node does, with the time in quotes as the fix", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/times.js": "export default {\n  start: 0830,\n};\n" });
    const problem = assertAgree(root, "content/_data/times.js");
    assert.equal(formatDiagnostic(problem!), "content/_data/times.js:2:10  the file is not valid JavaScript: Decimals with leading zeros are not allowed in strict mode; the build would stop on it → a number cannot start with 0: if it is a time, write it in quotes, `start: \"08:30\",`; if it is a number, leave out the 0, `start: 830,`");
  });

  it("0730 is an octal number to V8, 0201234567 no time: the fix keeps what was written in quotes", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/a.js": "export default { start: 0730 };\n", "content/_data/b.mjs": "export default { phone: 0201234567 };\n" });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), /:1:25 {2}the file is not valid JavaScript: Octal literals are not allowed in strict mode; .* → a number cannot start with 0: if it is a time, write it in quotes, `export default \{ start: "07:30" \};`; if it is a number, leave out the 0, `export default \{ start: 730 \};`$/);
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/b.mjs")!), / → a number cannot start with 0: to keep it as written \(a code, a phone number\), write it in quotes, `export default \{ phone: "0201234567" \};`; if it is a number, leave out the 0, `export default \{ phone: 201234567 \};`$/);
  });

  it("with (…) and a backslash path stop a module; the fix says what to write", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/w.js": "const o = { a: 1 };\nwith (o) { a; }\nexport default o;\n", "content/_data/p.js": 'export default { folder: "C:\\01 notes" };\n' });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/w.js")!), /^content\/_data\/w\.js:2:1 {2}the file is not valid JavaScript: Strict mode code may not include a with statement; the build would stop on it → .*write the object's name before each of its fields/);
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/p.js")!), /:1:30 .*Octal escape sequences are not allowed in strict mode; .* → in quotes a backslash \\ starts a special character: write each \\ as \\\\ \(or use \/ in a path\)$/);
  });

  it("a word a module keeps for itself, as a name: the word told", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/r.js": "const package = { a: 1 };\nexport default package;\n" });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/r.js")!), /:1:7 .*Unexpected strict mode reserved word; .* → `package` is a word JavaScript keeps for itself in a module/);
  });

  it("CommonJS stays sloppy: a .cjs file, and a .js file under a nearer package.json saying \"commonjs\", read 0830 as Node does (no problem)", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/a.cjs": "module.exports = { start: 0830 };\n", "content/_data/old/package.json": '{ "type": "commonjs" }\n', "content/_data/old/b.js": "module.exports = { start: 0830 };\n" });
    assert.equal(assertAgree(root, "content/_data/a.cjs"), undefined);
    assert.equal(assertAgree(root, "content/_data/old/b.js"), undefined);
  });

  it("a .cjs file saying \"use strict\" is strict, as Node reads it", () => {
    const root = site({ "content/_data/a.cjs": '"use strict";\nmodule.exports = { start: 0830 };\n' });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.cjs")!), /:2:27 .*Decimals with leading zeros/);
  });

  it("without a package.json type, Node goes by the syntax: CommonJS sloppy, a file with export strict", () => {
    const root = site({ "content/_data/c.js": "module.exports = { start: 0830 };\n", "content/_data/m.js": "export default { start: 0830 };\n", "content/_data/n.js": "const require = 1;\nexport default { require };\n" });
    assert.equal(assertAgree(root, "content/_data/c.js"), undefined);
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/m.js")!), /:1:25 .*Decimals with leading zeros/);
    assert.equal(assertAgree(root, "content/_data/n.js"), undefined);
  });

  it("valid modules and CommonJS stay clean (top-level await, import.meta, imports with attributes)", () => {
    const root = site({
      ...MODULE_PACKAGE,
      "content/_data/people.json": '{"names": ["Ann"]}\n',
      "content/_data/a.js": 'import people from "./people.json" with { type: "json" };\nexport const n = 1;\nexport default { people, dir: import.meta.dirname, later: await Promise.resolve(0) };\n',
      "content/_data/b.cjs": 'const path = require("node:path");\nmodule.exports = { base: path.basename(__filename) };\n',
    });
    assert.equal(assertAgree(root, "content/_data/a.js"), undefined);
    assert.equal(assertAgree(root, "content/_data/b.cjs"), undefined);
  });
});

describe("what a module refuses and CommonJS allows, and the other way round", () => {
  it("a `return` outside any function stops a module where Node stops, with a function as the fix; CommonJS and a return in a function are clean", () => {
    const root = site({
      ...MODULE_PACKAGE,
      "content/_data/a.js": "const ready = true;\nif (!ready) return;\nexport default { ready };\n",
      "content/_data/b.js": "function pick() {\n  return 1;\n}\nexport default { a: pick(), b: await Promise.resolve(2) };\n",
      "content/_data/c.cjs": "if (process.env.NONE) return;\nmodule.exports = { a: 1 };\n",
    });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), /^content\/_data\/a\.js:2:13 {2}the file is not valid JavaScript: Illegal return statement; the build would stop on it → .*put the code that returns in a function/);
    assert.equal(assertAgree(root, "content/_data/b.js"), undefined);
    assert.equal(assertAgree(root, "content/_data/c.cjs"), undefined);
  });

  it("`for await` at the top of a .js file without a package.json type: Node reads it as a module, and so does the check", () => {
    const root = site({
      "content/_data/a.js": "const names = [];\nfor await (const name of [Promise.resolve('Ann')]) names.push(name);\nexport default { names };\n",
      "content/_data/b.js": "const enum = 1;\nmodule.exports = { enum };\n",
    });
    assert.equal(assertAgree(root, "content/_data/a.js"), undefined);
    // A word no module or script may use as a name stays an error, in Node's words.
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/b.js")!), /:1:7 .*Unexpected reserved word; .* → `enum` is a word JavaScript keeps for itself/);
  });
});

describe("a broken import line: Node's words and column", () => {
  it("a quote never closed: Invalid or unexpected token at the quote, with the line closed as the fix", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/people.json": "[]\n", "content/_data/a.js": 'import people from "./people.json\nexport default people;\n' });
    assert.equal(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), 'content/_data/a.js:1:20  the file is not valid JavaScript: Invalid or unexpected token; the build would stop on it → close the quote: import people from "./people.json"');
  });

  it("an import without from, and one in a file without a package.json type: where Node puts it", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/people.json": "[]\n", "content/_data/a.js": 'import people "./people.json";\nexport default people;\n' });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), /^content\/_data\/a\.js:1:15 {2}the file is not valid JavaScript: Unexpected string; /);
    const loose = site({ "content/_data/people.json": "[]\n", "content/_data/b.js": 'import people from "./people.json\nexport default people;\n' });
    assert.match(formatDiagnostic(assertAgree(loose, "content/_data/b.js")!), /^content\/_data\/b\.js:1:20 {2}the file is not valid JavaScript: Invalid or unexpected token; /);
  });

  it("`export default` twice, which blanking the export words would hide: where Node stops", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/a.js": "export default { a: 1 };\nexport default { b: 2 };\n" });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), /^content\/_data\/a\.js:2:8 {2}the file is not valid JavaScript: Identifier '\.default' has already been declared; the build would stop on it → a file gives its data once: keep one `export default \{ … \}` and move the other's fields into it$/);
  });

  it("a quote never closed in a field: the field's line closed", () => {
    const root = site({ ...MODULE_PACKAGE, "content/_data/a.js": 'export default {\n  name: "Ann,\n};\n' });
    assert.match(formatDiagnostic(assertAgree(root, "content/_data/a.js")!), /:2:9 .* → close the quote: name: "Ann",$/);
  });
});

describe("two data files of the same name in content/_data/", () => {
  it("extra.cjs and extra.mjs: told on the one whose fields lose, naming both and the one to keep", () => {
    assert.deepEqual(problems({ "content/_data/extra.cjs": "module.exports = { a: 1 };\n", "content/_data/extra.mjs": "export default { b: 2 };\n" }), [
      "content/_data/extra.mjs:1:1  warning: content/_data/extra.mjs and content/_data/extra.cjs both give the data `extra`: Eleventy merges them, in this order, and where both set a field, the value in content/_data/extra.cjs is used → keep one file: move what this file holds into content/_data/extra.cjs, and delete this file",
    ]);
  });

  it("extra.json, extra.js and extra.mjs: read .json, .mjs, .js; told on the two that lose", () => {
    assert.deepEqual(problems({ "content/_data/extra.json": '{"a": 1}\n', "content/_data/extra.js": "export default { b: 2 };\n", "content/_data/extra.mjs": "export default { c: 3 };\n" }), [
      "content/_data/extra.json:1:1  warning: content/_data/extra.json, content/_data/extra.mjs and content/_data/extra.js all give the data `extra`: Eleventy merges them, in this order, and where more than one sets a field, the value in the last of them is used → keep one file: move what this file holds into content/_data/extra.js, and delete this file",
      "content/_data/extra.mjs:1:1  warning: content/_data/extra.json, content/_data/extra.mjs and content/_data/extra.js all give the data `extra`: Eleventy merges them, in this order, and where more than one sets a field, the value in the last of them is used → keep one file: move what this file holds into content/_data/extra.js, and delete this file",
    ]);
  });

  it("in a folder of content/_data/, the data's name is its path", () => {
    assert.deepEqual(problems({ "content/_data/people/hosts.json": "[]\n", "content/_data/people/hosts.js": "export default [];\n" }).map((l) => /the data `[^`]+`/.exec(l)?.[0]), ["the data `people.hosts`"]);
  });

  it("site.json beside the settings: merged under them, and the fix is site.yaml", () => {
    assert.deepEqual(problems({ "content/_data/site.json": '{"title": "y"}\n' }), [
      "content/_data/site.json:1:1  warning: Eleventy merges this file into the site settings, which are read from content/_data/site.yaml: where both set a field, the value in content/_data/site.yaml is used → keep one file: move what this file holds into content/_data/site.yaml, and delete this file",
    ]);
  });

  it("different names, or the same name in another folder: nothing to tell", () => {
    assert.deepEqual(problems({ "content/_data/extra.json": "{}\n", "content/_data/more.js": "export default {};\n", "content/_data/sub/extra.js": "export default {};\n" }), []);
  });
});

describe("a JavaScript data file beside pages named without .11tydata", () => {
  it("content/posts/posts.js and .cjs: renamed to posts.11tydata.js", () => {
    assert.deepEqual(problems({ "content/posts/posts.js": 'export default { tags: ["chat"] };\n', "content/guides/guides.cjs": "module.exports = {};\n", "content/guides/a.md": "---\ntitle: A\n---\n" }), [
      "content/guides/guides.cjs:1:1  warning: nothing reads this file: Eleventy reads the data of a folder's pages from content/guides/guides.json or content/guides/guides.11tydata.js, not guides.cjs, so the pages of content/guides/ are built without its fields → rename it to content/guides/guides.11tydata.cjs",
      "content/posts/posts.js:1:1  warning: nothing reads this file: Eleventy reads the data of a folder's pages from content/posts/posts.json or content/posts/posts.11tydata.js, not posts.js, so the pages of content/posts/ are built without its fields → rename it to content/posts/posts.11tydata.js",
    ]);
  });

  it("posts.js beside a posts.11tydata.js: move what it holds there", () => {
    assert.deepEqual(problems({ "content/posts/posts.js": "export default {};\n", "content/posts/posts.11tydata.js": "export default {};\n" }).map((l) => l.split(" → ")[1]), ["move what it holds into content/posts/posts.11tydata.js, and delete it"]);
  });

  it("about.js giving data beside about.md: renamed to about.11tydata.js; a script that gives none, or with no page beside it, is not told", () => {
    assert.deepEqual(problems({
      "content/about.md": "---\ntitle: About\n---\n",
      "content/about.js": 'export default { title: "About us" };\n',
      "content/contact.njk": "---\ntitle: Contact\n---\n",
      "content/contact.js": 'document.title = "x";\n',
      "content/lonely.js": "export default {};\n",
    }), [
      "content/about.js:1:1  warning: nothing reads this file: Eleventy reads the data of a page from content/about.json or content/about.11tydata.js, not about.js, so the page beside it is built without its fields → rename it to content/about.11tydata.js",
    ]);
  });
});

describe("files of content/_data/ that are nobody's data", () => {
  it("a README, OS litter, hidden files and markdown notes: told nothing", () => {
    assert.deepEqual(problems({
      "content/_data/README.md": "# Data\n\nThe lists the pages use.\n",
      "content/_data/readme.txt": "the lists\n",
      "content/_data/Thumbs.db": "\u0000\u0001",
      "content/_data/desktop.ini": "[.ShellClassInfo]\n",
      "content/_data/Icon\r": "",
      "content/_data/.DS_Store": "\u0000",
      "content/_data/.gitkeep": "",
      "content/_data/notes.md": "Ask Ann about the hosts list.\n",
    }), []);
  });

  it("a text file that may hold data is still told, and so is a page or a post written in content/_data/", () => {
    assert.deepEqual(problems({
      "content/_data/hosts.txt": "Ann, Bob\n",
      "content/_data/faq.md": "---\ntitle: FAQ\n---\nAsk us.\n",
      "content/_data/2024-05-01-next-chat.md": "---\ntitle: Next\n---\n",
    }), [
      "content/_data/2024-05-01-next-chat.md:1:1  warning: this post is in content/_data/, the folder of data, from which nothing is published: it is not on the site → move it to content/posts/2024-05-01-next-chat.md",
      "content/_data/faq.md:1:1  warning: this page is in content/_data/, the folder of data, from which nothing is published: it is not on the site → move it to content/faq.md",
      "content/_data/hosts.txt:1:1  warning: nothing reads this file: of content/_data/, chatpost reads only site.yaml, and Eleventy only .json and .js files, so no page gets its data → if it is a note, keep it outside content/; if it is data for the pages, write it as content/_data/hosts.json, the same data in JSON",
    ]);
  });
});
