// `layout:` in a page or in a data file of content/: `npm run check` and `npm run build` say the
// same writer's error (file, line, column, what is wrong, the fix), the build before Eleventy
// and without a stack trace; the fix, applied as written, gives a clean check and a clean build.
// Each case is a mistake the check once passed and the build died on, or built wrong
// (a page with post.njk, tag.njk or a partial as its layout, a broken JSON data file,
// `layout: "  "`, a .11tydata.js layout, a "layout" written twice).
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { assertCheckAndBuildClean, copySite, FIXTURE_SITE, runScript, said, testFileCache } from "../helpers/build-site.ts";

const ENV = { CHATPOST_CACHE_DIR: testFileCache("g1") };
const PAGE_USES = "a page uses `base.njk`";

interface Case {
  name: string;
  /** The file written into a copy of the fixture site, and its text. */
  file: string;
  text: (fixture: string | undefined) => string;
  /** The one error both commands give, as printed: `file:line:column  field  message → fix`. */
  error: string;
  /** The text once the fix is applied as written (`fix` is the error's text after the arrow). */
  fixed: (text: string, fix: string, line: number, column: number) => string;
}

const ABOUT = "content/about.md";
/** `write \`X\``: the line from the reported column on becomes X (the value of a YAML `layout:` runs to the line's end). */
function writeLine(text: string, fix: string, line: number, column: number): string {
  const code = /^write `([^`]+)`/.exec(fix)?.[1];
  assert.ok(code, `a fix that writes a line: ${fix}`);
  const lines = text.split("\n");
  const at = lines[line - 1]!;
  // In JSON or JavaScript, only the `"layout": "…"` pair at the column; in YAML, the rest of the line.
  const pair = /^(["']?)layout\1\s*:\s*(?:"[^"]*"|'[^']*')/.exec(at.slice(column - 1));
  lines[line - 1] = at.slice(0, column - 1) + code + (pair ? at.slice(column - 1 + pair[0].length) : "");
  return lines.join("\n");
}
const aboutWith = (layoutLine: string) => (fixture: string | undefined) => fixture!.replace("layout: base.njk", layoutLine);

const CASES: Case[] = [
  {
    name: "layout: post in a page (finding 1)",
    file: ABOUT, text: aboutWith("layout: post"), fixed: writeLine,
    error: `${ABOUT}:4:1  layout  \`post\` names \`post.njk\`, which is the layout of posts: it needs a post's date, chat and topics, and the build would stop on a page given it; ${PAGE_USES} → write \`layout: base.njk\``,
  },
  {
    name: "layout: tag.njk in a page (finding 4)",
    file: ABOUT, text: aboutWith("layout: tag.njk"), fixed: writeLine,
    error: `${ABOUT}:4:1  layout  \`tag.njk\` is the layout of the tags pages chatpost makes (/tags/): it would show the tags in place of the page's own text; ${PAGE_USES} → write \`layout: base.njk\``,
  },
  {
    name: "layout: archive in a page (finding 4)",
    file: ABOUT, text: aboutWith("layout: archive"), fixed: writeLine,
    error: `${ABOUT}:4:1  layout  \`archive\` names \`archive.njk\`, which is the layout of the archive page chatpost makes (/archive/): it would show the list of posts in place of the page's own text; ${PAGE_USES} → write \`layout: base.njk\``,
  },
  {
    name: "a partial as a page's layout (finding 4)",
    file: ABOUT, text: aboutWith("layout: partials/head-meta.njk"), fixed: writeLine,
    error: `${ABOUT}:4:1  layout  \`partials/head-meta.njk\` is a piece the layouts include, not a layout: the page would be that piece alone, without its own text, header or menu; ${PAGE_USES} → write \`layout: base.njk\``,
  },
  {
    name: "post.njk in a Nunjucks page (finding 1)",
    file: "content/subscribe.njk", text: (t) => t!.replace("layout: base.njk", "layout: post.njk"), fixed: writeLine,
    error: `content/subscribe.njk:5:1  layout  \`post.njk\` is the layout of posts: it needs a post's date, chat and topics, and the build would stop on a page given it; ${PAGE_USES} → write \`layout: base.njk\``,
  },
  {
    name: 'layout: "  " in a markdown page (finding 3)',
    file: ABOUT, text: aboutWith('layout: "  "'), fixed: writeLine,
    error: `${ABOUT}:4:1  layout  \`layout\` holds only spaces, which name no layout; ${PAGE_USES} → write \`layout: base.njk\` (or delete the line: a page without \`layout:\` is given \`base.njk\`)`,
  },
  {
    name: "a folder data file with its closing brace missing (finding 2)",
    file: "content/posts/posts.json", text: () => '{"layout": "post.njk"',
    error: "content/posts/posts.json:1:21  the file is not valid JSON: the file ends before the group of fields opened with { on line 1 is closed → add `}` where it ends (at the end of the file, for the file's first {)",
    fixed: (text, fix) => (assert.match(fix, /^add `\}` where it ends \(at the end of the file/), `${text}}`),
  },
  {
    name: "a page's data file with a comma missing (finding 2)",
    file: "content/about.11tydata.json", text: () => '{\n  "layout": "base.njk"\n  "title": "About"\n}\n',
    error: 'content/about.11tydata.json:2:23  the file is not valid JSON: a comma is missing after this value: in JSON, fields are separated by commas → add a comma, so that line 2 reads `  "layout": "base.njk",`',
    fixed: (text, fix) => {
      const [, line, written] = /so that line (\d+) reads `(.*)`$/.exec(fix)!;
      const lines = text.split("\n");
      lines[Number(line) - 1] = written!;
      return lines.join("\n");
    },
  },
  {
    name: "a layout in a .11tydata.js data file, blamed on that file (finding 14)",
    file: "content/posts/posts.11tydata.js", text: () => 'module.exports = { layout: "nope.njk" };\n', fixed: writeLine,
    error: 'content/posts/posts.11tydata.js:1:20  layout  there is no layout `nope.njk`; posts use `post.njk` → write `layout: "post.njk"`',
  },
  {
    name: '"layout" written twice: the last, which JSON keeps (finding 14)',
    file: "content/posts/posts.json", text: () => '{"layout": "post.njk", "layout": "nope"}\n', fixed: writeLine,
    error: 'content/posts/posts.json:1:24  layout  there is no layout `nope`; posts use `post.njk` → write `"layout": "post.njk"`',
  },
  {
    name: 'a "layout" inside eleventyComputed is not the page\'s (finding 14)',
    file: "content/posts/posts.json", text: () => '{\n  "eleventyComputed": {\n    "layout": "post.njk"\n  },\n  "layout": "nope"\n}\n', fixed: writeLine,
    error: 'content/posts/posts.json:5:3  layout  there is no layout `nope`; posts use `post.njk` → write `"layout": "post.njk"`',
  },
];


describe("`layout:` in pages and data files: check and build agree, and the fix is clean", { concurrency: 1 }, () => {
  // Sites whose fixed file was built clean already: most fixes give back the fixture's own line,
  // so a second build of the same site would only repeat the first (the check still runs).
  const builtClean = new Set<string>();
  for (const c of CASES) {
    it(c.name, async () => {
      const root = copySite(FIXTURE_SITE);
      const out = path.join(tmpdir(), `g1-out-${path.basename(root)}`);
      try {
        const full = path.join(root, c.file);
        let original: string | undefined;
        try {
          original = readFileSync(full, "utf8");
        } catch {
          original = undefined;
        }
        const broken = c.text(original);
        writeFileSync(full, broken);

        const check = await runScript("check", root, [], ENV);
        const build = await runScript("build", root, ["--output", out, "--quiet"], ENV);
        assert.equal(check.code, 1, said(check));
        assert.equal(build.code, 1, said(build));
        // The one error, word for word, in both; the build's before Eleventy ran, with no trace.
        assert.equal(said(check).split("\n").filter((l) => /^content\//.test(l)).join("\n"), c.error, said(check));
        assert.equal(said(build).split("\n").filter((l) => /^content\//.test(l)).join("\n"), c.error, said(build));
        assert.match(said(build), /1 error: nothing was built\./);
        assert.doesNotMatch(said(build), /internal error|^\s+at |Eleventy/m);

        const [where, rest] = c.error.split(/  (?:layout  )?/, 2) as [string, string];
        const [, line, column] = /:(\d+):(\d+)$/.exec(where)!;
        const fix = c.error.slice(c.error.indexOf(" → ") + 3);
        assert.ok(rest);
        const fixed = c.fixed(broken, fix, Number(line), Number(column));
        writeFileSync(full, fixed);
        const site = `${c.file}\0${fixed}`;
        if (builtClean.has(site)) {
          const checked = await runScript("check", root, [], ENV);
          assert.equal(checked.code, 0, said(checked));
          assert.match(said(checked), /posts checked: no errors\.\n?$/);
          assert.doesNotMatch(said(checked), /warning/);
          return;
        }
        await assertCheckAndBuildClean(root, out, ENV);
        builtClean.add(site);
        // The page keeps its own text in the site's layout.
        const about = readFileSync(path.join(out, "about/index.html"), "utf8");
        assert.match(about, /<h1[^>]*>About the chat<\/h1>/);
        assert.match(about, /<html[^>]*>/);
      } finally {
        rmSync(root, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
});
